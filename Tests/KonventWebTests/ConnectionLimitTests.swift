import Foundation
import HummingbirdTesting
import KonventTestSupport
import KonventViews
import KonventWeb
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A client on a plain socket that sends what it is told, as slowly as it is told: the server is
/// live on loopback, so these are real connections, deadlines and closes.
final class RawClient {
    let fd: Int32

    init(port: Int) throws {
        var v4 = sockaddr_in()
        v4.sin_family = sa_family_t(AF_INET)
        v4.sin_port = in_port_t(UInt16(port).bigEndian)
        inet_pton(AF_INET, "127.0.0.1", &v4.sin_addr)
        var fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var connected = withUnsafePointer(to: &v4) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        } == 0
        if !connected {
            close(fd)
            var v6 = sockaddr_in6()
            v6.sin6_family = sa_family_t(AF_INET6)
            v6.sin6_port = in_port_t(UInt16(port).bigEndian)
            inet_pton(AF_INET6, "::1", &v6.sin6_addr)
            fd = socket(AF_INET6, Int32(SOCK_STREAM.rawValue), 0)
            connected = withUnsafePointer(to: &v6) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in6>.size)) }
            } == 0
        }
        guard connected else { throw POSIXError(.ECONNREFUSED) }
        self.fd = fd
    }

    deinit { close(fd) }

    @discardableResult
    func send(_ text: String) -> Bool {
        Array(text.utf8).withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) } >= 0
    }

    /// Reads what has arrived without blocking; nil once the server closed the connection.
    func readAvailable() -> String? {
        var pending = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&pending, 1, 0) > 0 else { return "" }
        var buffer = [UInt8](repeating: 0, count: 65536)
        let count = recv(fd, &buffer, buffer.count, 0)
        return count <= 0 ? nil : String(decoding: buffer[0..<count], as: UTF8.self)
    }

    /// Waits up to `seconds` for the server to close; true when it did.
    func closed(within seconds: Double) async throws -> Bool {
        let end = Date().addingTimeInterval(seconds)
        while Date() < end {
            if readAvailable() == nil { return true }
            try await Task.sleep(for: .milliseconds(50))
        }
        return false
    }

    /// Sends a request and waits up to `seconds` for the start of its answer.
    func request(_ path: String, within seconds: Double = 5) async throws -> String {
        send("GET \(path) HTTP/1.1\r\nHost: localhost\r\n\r\n")
        let end = Date().addingTimeInterval(seconds)
        var answer = ""
        while !answer.contains("\r\n\r\n"), Date() < end {
            guard let chunk = readAvailable() else { break }
            answer += chunk
            try await Task.sleep(for: .milliseconds(20))
        }
        return answer
    }
}

func withLiveApp(
    configure: (inout AppConfiguration) -> Void, _ body: @Sendable (_ port: Int, _ client: any TestClientProtocol) async throws -> Void
) async throws {
    try await TestDatabase.sqlite.with { db in
        var configuration = AppConfiguration()
        configuration.bcryptCost = 4
        configuration.mailPollInterval = .seconds(3600)
        configure(&configuration)
        let services = try Services(
            configuration: configuration, region: try RegionLoader.load(nil), database: db, catalog: try Catalog.bundled(),
            secret: "test-secret", logger: TestDatabase.logger)
        try await buildApplication(services: services).test(.live) { client in
            try await body(try #require(client.port), client)
        }
    }
}

@Suite("Slow and idle clients", .serialized)
struct ConnectionLimitTests {
    @Test("a client that sends its headers a byte at a time is cut off, while others are served")
    func slowHeaders() async throws {
        try await withLiveApp(configure: { $0.connections.headerTimeout = .seconds(1) }) { port, _ in
            let slow = try RawClient(port: port)
            slow.send("GET /health HTTP/1.1\r\n")
            var cutOff = false
            for index in 0..<40 {
                try await Task.sleep(for: .milliseconds(100))
                if !slow.send("X-Slow-\(index): a\r\n") || slow.readAvailable() == nil {
                    cutOff = true
                    break
                }
                if index == 2 {
                    // A connection of its own, opened now: the test client's connection, opened with the
                    // app, may have passed the header timeout itself on a loaded machine, and its request
                    // would then wait for an answer forever (its read timeout cannot end the wait).
                    let other = try await RawClient(port: port).request("/health")
                    #expect(other.hasPrefix("HTTP/1.1 200"), "others are served meanwhile")
                }
            }
            #expect(cutOff, "dropped within the header timeout, not after four seconds of trickling")
        }
    }

    @Test("a kept-alive connection that stays idle is closed after the idle timeout")
    func idleKeepAlive() async throws {
        try await withLiveApp(configure: { $0.connections.idleTimeout = .seconds(1) }) { port, _ in
            let idle = try RawClient(port: port)
            let answer = try await idle.request("/health")
            #expect(answer.hasPrefix("HTTP/1.1 200"))
            #expect(try await idle.closed(within: 3))
        }
    }

    @Test("connections beyond the bound are closed at once; a freed slot is usable again")
    func connectionBound() async throws {
        try await withLiveApp(configure: { $0.connections.maxConnections = 4 }) { port, _ in
            var clients: [RawClient] = []
            for _ in 0..<7 { clients.append(try RawClient(port: port)) }
            try await Task.sleep(for: .milliseconds(300))
            var refused = 0
            for client in clients {
                if try await client.closed(within: 0.3) { refused += 1 }
            }
            #expect(refused >= 3, "7 sockets, at most 4 open (one of them may be the test's own client)")
            let served = try await clients.first { $0.readAvailable() != nil }?.request("/health")
            #expect(served?.hasPrefix("HTTP/1.1 200") == true)
            clients.removeAll()
            try await Task.sleep(for: .milliseconds(300))
            let later = try RawClient(port: port)
            #expect(try await later.request("/health").hasPrefix("HTTP/1.1 200"))
        }
    }
}
