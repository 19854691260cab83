import Foundation
import Logging

/// Text lines as swift-log's `StreamLogHandler` writes them (`time level label: key=value [source]
/// message`), except that the metadata is put into words when a line is written, not on every
/// change. Each request sets its id in the metadata, and behind nginx most requests write no line
/// at all; formatting on every change cost 2–3 % of a request's CPU.
public struct TextLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level = .info
    private let label: String
    private let write: @Sendable (String) -> Void

    /// Writes to standard error unless told otherwise (the tests collect the lines).
    public init(label: String, write: (@Sendable (String) -> Void)? = nil) {
        self.label = label
        self.write = write ?? { line in FileHandle.standardError.write(Data(line.utf8)) }
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        let all = event.metadata.map { metadata.merging($0, uniquingKeysWith: { $1 }) } ?? metadata
        let pairs = all.sorted { $0.key < $1.key }.map { " \($0.key)=\($0.value)" }.joined()
        write("\(JSONLogHandler.time(Date())) \(event.level) \(label):\(pairs) [\(event.source)] \(event.message)\n")
    }
}
