import ArgumentParser
import KonventWeb

@main
struct KonventCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "konvent",
        abstract: "Konvent: the platform that carries a regional masterplan from the first idea to the adopted plan.",
        version: KonventVersion.description,
        subcommands: [Serve.self, Demo.self, Migrate.self, UserCommand.self, AuditCommand.self, BackupCommand.self, RestoreCommand.self, Generate.self, ExportCommand.self, SearchQuality.self])
}
