import KonventStorage

/// What `konvent --version` and `/health/ready` report: the release and the database schema this
/// build migrates to, which is what an operator compares before and after an upgrade.
public enum KonventVersion {
    public static let release = "0.19.0"
    public static var schema: Int { Migrations.latestVersion }
    public static var description: String { "konvent \(release) (schema \(schema))" }
}
