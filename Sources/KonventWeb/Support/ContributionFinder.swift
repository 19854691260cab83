import KonventDomain
import KonventStorage

extension ContributionStore {
    /// Public contributions whose words match, for the office's forms that name one (merging,
    /// linking a source); a number typed as such finds that contribution too.
    func find(_ search: String, except: Set<Int64>) async throws -> [(id: Int64, title: String)] {
        var found: [(id: Int64, title: String)] = []
        if let number = ContributionID(search), let exact = try await contribution(number), exact.status.isListed {
            found.append((exact.id.rawValue, exact.title))
        }
        var query = ContributionQuery()
        query.search = search
        query.limit = 8
        for item in try await list(query).items where !found.contains(where: { $0.id == item.id.rawValue }) {
            found.append((item.id.rawValue, item.title))
        }
        return found.filter { !except.contains($0.id) }
    }
}
