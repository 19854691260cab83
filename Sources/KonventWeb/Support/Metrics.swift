import Synchronization

/// Request counts and durations in Prometheus' text format. Labels are the method, the status and
/// a route pattern (never the raw path, so that the number of series stays small).
public final class Metrics: Sendable {
    static let buckets: [Double] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5]

    private struct Series: Hashable {
        var method: String
        var route: String
        var status: Int
    }

    /// One route's durations: which page is slow matters more than that something is.
    private struct Histogram {
        var buckets = Array(repeating: 0, count: Metrics.buckets.count)
        var sum = 0.0
        var count = 0

        /// Buckets are cumulative: a duration counts in its own bucket and in every larger one.
        mutating func add(_ seconds: Double, fromBucket first: Int) {
            for index in first..<buckets.count { buckets[index] += 1 }
            sum += seconds
            count += 1
        }
    }

    private struct State {
        var counts: [Series: Int] = [:]
        var durations: [String: Histogram] = [:]
    }

    private let state = Mutex(State())

    public init() {}

    public func record(method: String, route: String, status: Int, seconds: Double) {
        // The bucket is found before the lock, and both dictionaries are changed in place: no copy of
        // a histogram per request.
        let first = Self.buckets.firstIndex { seconds <= $0 } ?? Self.buckets.count
        state.withLock { state in
            state.counts[Series(method: method, route: route, status: status), default: 0] += 1
            state.durations[route, default: Histogram()].add(seconds, fromBucket: first)
        }
    }

    /// The exposition text, with extra gauges supplied by the caller (outbox length, users, …).
    public func exposition(gauges: [(name: String, help: String, value: Double)]) -> String {
        let snapshot = state.withLock { $0 }
        var out = "# HELP konvent_http_requests_total HTTP requests by method, route and status.\n"
        out += "# TYPE konvent_http_requests_total counter\n"
        for (series, count) in snapshot.counts.sorted(by: { "\($0.key)" < "\($1.key)" }) {
            out += "konvent_http_requests_total{method=\"\(series.method)\",route=\"\(escape(series.route))\",status=\"\(series.status)\"} \(count)\n"
        }
        out += "# HELP konvent_http_request_duration_seconds Time to answer a request, by route.\n"
        out += "# TYPE konvent_http_request_duration_seconds histogram\n"
        for (route, histogram) in snapshot.durations.sorted(by: { $0.key < $1.key }) {
            let label = "route=\"\(escape(route))\""
            for (index, bound) in Self.buckets.enumerated() {
                out += "konvent_http_request_duration_seconds_bucket{\(label),le=\"\(bound)\"} \(histogram.buckets[index])\n"
            }
            out += "konvent_http_request_duration_seconds_bucket{\(label),le=\"+Inf\"} \(histogram.count)\n"
            out += "konvent_http_request_duration_seconds_sum{\(label)} \(histogram.sum)\n"
            out += "konvent_http_request_duration_seconds_count{\(label)} \(histogram.count)\n"
        }
        for gauge in gauges {
            out += "# HELP \(gauge.name) \(gauge.help)\n# TYPE \(gauge.name) gauge\n\(gauge.name) \(gauge.value)\n"
        }
        return out
    }

    private func escape(_ label: String) -> String {
        label.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
    }
}
