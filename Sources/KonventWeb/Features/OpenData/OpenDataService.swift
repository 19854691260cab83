import KonventDomain
import KonventStorage

/// The stores the open-data interfaces read, and nothing that writes.
struct OpenDataService: Sendable {
    let contributions: any ContributionStore
    let formats: any FormatStore
    let measures: any MeasureStore
    let reviews: any ReviewStore
    let implementation: any ImplementationStore
    let bodySessions: any BodySessionStore
    let masterplan: MasterplanStore
    let figures: FiguresKeeper
    /// The states a measure can be in, in their order (the `state` filter offers the public ones).
    let measureStates: [MeasureState]
    let spans: OpenDataSpans
    /// The GeoJSON files, kept under the data versions they are made from.
    let files: VersionedCache<[UInt8]>
    let keys: DataKeys
}
