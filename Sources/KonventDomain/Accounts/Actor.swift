/// Who is asking: a visitor without an account, or a signed-in user with a role.
public enum Actor: Sendable, Equatable {
    case anonymous
    case user(id: UserID, role: Role, ministry: String?, confirmed: Bool)

    public init(_ user: User) {
        self = .user(id: user.id, role: user.role, ministry: user.ministry, confirmed: user.isConfirmed)
    }

    public var userID: UserID? {
        if case .user(let id, _, _, _) = self { return id }
        return nil
    }

    public var role: Role? {
        if case .user(_, let role, _, _) = self { return role }
        return nil
    }
}
