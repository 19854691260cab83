import Foundation
import KonventDomain
import KonventStorage
import NIOCore

extension Services {
    /// The office's export of contributions, as the web serves it, for the command line: `query` as
    /// in the list's URL (`kind=idea&district=14521`), `format` csv or xlsx. Returns the rows written.
    public func exportContributions(
        query: String, format: String, language: Language, to sink: (ByteBuffer) async throws -> Void
    ) async throws -> Int {
        guard let format = ContributionExport.Format(rawValue: format) else {
            throw UserInputError("--format: use csv or xlsx")
        }
        let pairs = query.split(separator: "&").map { pair -> (String, String) in
            let parts = pair.split(separator: "=", maxSplits: 1).map { String($0).removingPercentEncoding ?? String($0) }
            return (parts[0], parts.count > 1 ? parts[1] : "")
        }
        let filters: ContributionQuery
        do { filters = try AnalysisRoutes.query(pairs, region: region) } catch {
            throw UserInputError("--query: an unknown filter or value in '\(query)'")
        }
        let export = ContributionExport(store: contributions, region: region, t: catalog.translator(language),
                                        baseURL: configuration.baseURL)
        return try await export.write(filters, as: format, to: sink)
    }
}
