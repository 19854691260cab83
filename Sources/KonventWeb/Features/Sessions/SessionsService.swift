import KonventDomain
import KonventStorage

/// What the sessions of the bodies, their agendas and decisions work with.
struct SessionsService: Sendable {
    let bodySessions: any BodySessionStore
    /// Chairs to choose from.
    let accounts: any AccountStore
    let reviews: any ReviewStore
    let measureMachine: MeasureStateMachine
    let feeds: VersionedCache<[UInt8]>
    let keys: DataKeys
}
