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

    private struct State {
        var counts: [Series: Int] = [:]
        var histogram: [Int] = Array(repeating: 0, count: Metrics.buckets.count)
        var durationSum = 0.0
        var durationCount = 0
    }

    private let state = Mutex(State())

    public init() {}

    public func record(method: String, route: String, status: Int, seconds: Double) {
        state.withLock { state in
            state.counts[Series(method: method, route: route, status: status), default: 0] += 1
            for (index, bound) in Self.buckets.enumerated() where seconds <= bound {
                state.histogram[index] += 1
            }
            state.durationSum += seconds
            state.durationCount += 1
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
        out += "# HELP konvent_http_request_duration_seconds Time to answer a request.\n"
        out += "# TYPE konvent_http_request_duration_seconds histogram\n"
        for (index, bound) in Self.buckets.enumerated() {
            out += "konvent_http_request_duration_seconds_bucket{le=\"\(bound)\"} \(snapshot.histogram[index])\n"
        }
        out += "konvent_http_request_duration_seconds_bucket{le=\"+Inf\"} \(snapshot.durationCount)\n"
        out += "konvent_http_request_duration_seconds_sum \(snapshot.durationSum)\n"
        out += "konvent_http_request_duration_seconds_count \(snapshot.durationCount)\n"
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
