import Foundation
import Logging

/// One line per log event, as text or (`LOG_FORMAT=json`) as one JSON object for log collectors
/// that read fields rather than text.
///
/// The metadata is put into words when a line is written, not when it changes (swift-log's
/// `StreamLogHandler` does it on every change). Each request sets its id in the metadata, and behind
/// nginx most requests write no line at all; formatting on every change cost 2–3 % of a request's CPU.
public struct LineLogHandler: LogHandler {
    public enum Format: Sendable {
        /// `time level label: key=value … [source] message`, the fields sorted by name.
        case text
        /// `time`, `level`, `message`, `label`, then the metadata as flat string fields
        /// (`request_id`, `route`, `status`, …).
        case json
    }

    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level = .info
    private let label: String
    private let format: Format
    private let write: @Sendable (String) -> Void

    /// Writes to standard error unless told otherwise (the tests collect the lines).
    public init(label: String, format: Format, write: (@Sendable (String) -> Void)? = nil) {
        self.label = label
        self.format = format
        self.write = write ?? { line in FileHandle.standardError.write(Data(line.utf8)) }
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        let all = event.metadata.map { metadata.merging($0, uniquingKeysWith: { $1 }) } ?? metadata
        let time = Date().formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
        switch format {
        case .text:
            let pairs = all.sorted { $0.key < $1.key }.map { " \($0.key)=\($0.value)" }.joined()
            write("\(time) \(event.level) \(label):\(pairs) [\(event.source)] \(event.message)\n")
        case .json:
            var fields: [String: String] = [:]
            for (key, value) in all { fields[key == "hb.request.id" ? "request_id" : key] = "\(value)" }
            fields["time"] = time
            fields["level"] = event.level.rawValue
            fields["message"] = "\(event.message)"
            fields["label"] = label
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            guard let data = try? encoder.encode(fields) else { return }
            write(String(decoding: data, as: UTF8.self) + "\n")
        }
    }
}
