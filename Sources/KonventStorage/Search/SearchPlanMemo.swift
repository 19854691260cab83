import Synchronization

/// The plans of recent searches, by the contributions' data version and the search with its
/// filters: the list page asks for a page and then the count, and the next page asks again; each
/// would otherwise read the index once more to decide between every word, any word and the
/// corrected words. A change of any contribution changes the version, so a plan is never stale.
final class SearchPlanMemo: Sendable {
    /// Plans are small (a query string and a count); the oldest half goes when this is reached.
    static let capacity = 512

    private struct State {
        var plans: [String: SQLContributionStore.SearchPlan] = [:]
        var order: [String] = []
    }

    private let state = Mutex(State())

    func plan(for key: String) -> SQLContributionStore.SearchPlan? {
        state.withLock { $0.plans[key] }
    }

    func remember(_ plan: SQLContributionStore.SearchPlan, for key: String) {
        state.withLock { state in
            if state.plans.updateValue(plan, forKey: key) == nil { state.order.append(key) }
            if state.order.count > Self.capacity {
                let dropped = state.order.prefix(Self.capacity / 2)
                for key in dropped { state.plans[key] = nil }
                state.order.removeFirst(dropped.count)
            }
        }
    }

    /// For measuring a search as it runs the first time.
    func forget() {
        state.withLock { $0 = State() }
    }
}
