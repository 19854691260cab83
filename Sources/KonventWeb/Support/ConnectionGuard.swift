import HTTPTypes
import NIOCore
import NIOHTTPTypes
import Synchronization

/// How long a connection may take for each part of a request, and how many may be open at once.
public struct ConnectionLimits: Sendable {
    /// From the connection's start to a complete request head (a client that sends its headers a
    /// byte at a time is cut off here).
    public var headerTimeout: Duration = .seconds(10)
    /// From the head to the end of the body.
    public var bodyTimeout: Duration = .seconds(60)
    /// Between the end of a response and the next request's head on a kept-alive connection.
    public var idleTimeout: Duration = .seconds(30)
    /// Connections beyond this are closed at once; keep it below the open-file limit (`ulimit -n`)
    /// less the database connections.
    public var maxConnections = 1000

    public init() {}
}

/// Counts the open connections of one server.
final class OpenConnections: Sendable {
    private let count = Mutex(0)

    /// Counts a new connection; false (and not counted) when `limit` are open already.
    func open(limit: Int) -> Bool {
        count.withLock { count in
            guard count < limit else { return false }
            count += 1
            return true
        }
    }

    func close() { count.withLock { $0 -= 1 } }

    var current: Int { count.withLock { $0 } }
}

/// Sits after the HTTP decoder of every connection and closes it when a deadline passes: the
/// request head, then the body, then (after the response) the next head. The decoder delivers a
/// head only once it is complete, so a trickling client never resets the clock.
final class ConnectionGuard: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private let limits: ConnectionLimits
    private let connections: OpenConnections
    private var counted = false
    private var started = false
    /// When the connection is closed unless something arrives before; nil while the server works.
    private var deadline: NIODeadline?
    /// The one timer of the connection and when it fires. Moving the deadline later does not touch
    /// it: when it fires early it sets itself for the deadline then in force (most requests move the
    /// deadline three times, and that costs no scheduling).
    private var timer: Scheduled<Void>?
    private var timerAt: NIODeadline?
    /// Requests whose response has not ended yet.
    private var open = 0

    init(limits: ConnectionLimits, connections: OpenConnections) {
        self.limits = limits
        self.connections = connections
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { start(context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        start(context)
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        stopTimer()
        if counted {
            counted = false
            connections.close()
        }
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        stopTimer()
        if counted {
            counted = false
            connections.close()
        }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head:
            open += 1
            arm(limits.bodyTimeout, context)
        case .body:
            break
        case .end:
            // The request is in; what follows is the server's own work.
            deadline = nil
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data) {
            open = max(open - 1, 0)
            if open == 0 { arm(limits.idleTimeout, context) }
        }
        context.write(data, promise: promise)
    }

    private func start(_ context: ChannelHandlerContext) {
        guard !started else { return }
        started = true
        guard connections.open(limit: limits.maxConnections) else {
            context.close(promise: nil)
            return
        }
        counted = true
        arm(limits.headerTimeout, context)
    }

    private func arm(_ timeout: Duration, _ context: ChannelHandlerContext) {
        let at = NIODeadline.now() + TimeAmount(timeout)
        deadline = at
        if let timerAt, timerAt <= at { return }
        schedule(at, context)
    }

    private func schedule(_ at: NIODeadline, _ context: ChannelHandlerContext) {
        timer?.cancel()
        timerAt = at
        // The timer runs on the connection's own event loop, where the handler lives.
        let bound = NIOLoopBound((handler: self, context: context), eventLoop: context.eventLoop)
        timer = context.eventLoop.scheduleTask(deadline: at) {
            let (handler, context) = bound.value
            handler.timer = nil
            handler.timerAt = nil
            guard let deadline = handler.deadline else { return }
            if deadline <= .now() { context.close(promise: nil) } else { handler.schedule(deadline, context) }
        }
    }

    private func stopTimer() {
        timer?.cancel()
        timer = nil
        timerAt = nil
        deadline = nil
    }
}
