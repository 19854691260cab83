import ArgumentParser
import Foundation
import KonventWeb

struct Generate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Fill a database with generated participation data (for benchmarks; never in production).")

    @Option(help: "Number of contributions.") var contributions = 100_000
    @Option(help: "Number of comments.") var comments = 300_000
    @Option(help: "Number of supports (one per person and contribution; repeats are skipped).") var supports = 1_000_000
    @Option(help: "Number of generated accounts that support and comment.") var people = 5_000
    @Option(help: "Number of participation formats (workshops and the like) across the region.") var formats = 1_000
    @Option(help: "Number of measures, taken through the review into every state, with assessments and sessions.") var measures = 0
    @Option(help: "Implementation reports (and indicator values) for each adopted measure, spread over the time since adoption; 52 is a year's weekly reports.")
    var progressReports = 52
    @Option(help: "Seed: the same seed gives the same data.") var seed: UInt64 = 1
    @OptionGroup var data: DatabaseOptions

    func validate() throws {
        guard contributions >= 0, comments >= 0, supports >= 0, formats >= 0, measures >= 0, measures <= contributions, people >= 1,
              (0...1000).contains(progressReports) else {
            throw ValidationError("Amounts must not be negative, --measures at most --contributions, --people at least 1, --progress-reports at most 1000.")
        }
    }

    func run() async throws {
        try await reportingErrors {
            let services = try await startServices(data)
            let started = ContinuousClock.now
            do {
                try await SampleData(services: services).generate(
                    .init(contributions: contributions, comments: comments, supports: supports, people: people, seed: seed, formats: formats)
                ) { step, done, total in
                    FileHandle.standardError.write(Data("\r\(step): \(done)/\(total)        ".utf8))
                }
                if measures > 0 {
                    try await SampleData(services: services).measures(measures, reportsPerMeasure: progressReports) { done, total in
                        if done % 50 == 0 { FileHandle.standardError.write(Data("\rmeasures: \(done)/\(total)        ".utf8)) }
                    }
                }
                await services.database.shutdown()
            } catch {
                await services.database.shutdown()
                throw error
            }
            let seconds = (ContinuousClock.now - started).components.seconds
            FileHandle.standardError.write(Data("\n".utf8))
            print("Generated \(contributions) contributions, \(formats) formats, \(measures) measures, \(comments) comments, \(supports) supports in \(seconds) s.")
        }
    }
}
