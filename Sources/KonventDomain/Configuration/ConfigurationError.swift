/// A configuration file that cannot be used, with a sentence saying what is wrong and where.
public struct ConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
