import Logging
import KonventStorage

/// What health, metrics and the static assets work with.
struct OperationsService: Sendable {
    let database: any KonventDatabase
    let outbox: Outbox
    let accounts: any AccountStore
    let metrics: Metrics
    let assets: StaticAssets
    let pageCache: PageCache
    let metricsToken: String?
    let logger: Logger
}
