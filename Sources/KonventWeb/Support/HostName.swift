/// What a host or client address is, asked the same way wherever it matters (TLS server names,
/// mail greetings, who may read the metrics, where a password may go unencrypted).
enum HostName {
    /// An IPv4 or IPv6 address rather than a name (which TLS cannot send as the server name).
    static func isAddress(_ host: String) -> Bool {
        host.contains(":") || host.allSatisfy { $0.isNumber || $0 == "." }
    }

    /// This machine: `localhost`, 127.0.0.0/8, `::1`, or an IPv4 loopback written as IPv6.
    static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.") || host.hasPrefix("::ffff:127.")
    }
}
