/// What a follower of a measure is told: a new stage or decision, or a published progress report.
public struct MeasureNotice: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        /// The measure reached a public stage or was decided (`detail`: the state as stored).
        case state
        /// A progress report was published (`detail`: `status:percent`).
        case progress
    }

    public var id: Int64
    public var measureID: MeasureID
    public var code: String
    public var title: String
    public var kind: Kind
    public var detail: String
    /// The reason given with a step, if any.
    public var reason: String?
    /// Milliseconds since 1970 (UTC).
    public var createdAt: Int64

    public init(
        id: Int64, measureID: MeasureID, code: String, title: String, kind: Kind, detail: String, reason: String?, createdAt: Int64
    ) {
        self.id = id
        self.measureID = measureID
        self.code = code
        self.title = title
        self.kind = kind
        self.detail = detail
        self.reason = reason
        self.createdAt = createdAt
    }
}
