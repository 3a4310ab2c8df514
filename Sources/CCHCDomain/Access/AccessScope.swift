/// The scope rule: which units an account may see and change.
///
/// - An administrator sees and manages everything.
/// - A standing-agency officer works for a jurisdiction: their account sits in
///   the standing agency (Phòng Nội vụ / Sở Nội vụ), an office of that
///   jurisdiction; they see and manage the jurisdiction and everything below it.
/// - A specialist, leader or viewer sees their own unit and the units below it;
///   specialists and leaders act only for their own unit; viewers only read.
public struct AccessScope: Sendable, Equatable {
    public enum Reach: Sendable, Equatable {
        case everything
        case subtree(UnitPath)
    }

    public let role: Role
    public let unit: UnitPath
    public let reach: Reach

    /// - Parameters:
    ///   - unit: the account's own unit.
    ///   - jurisdiction: for a standing-agency officer, the path of the
    ///     jurisdiction whose standing agency the account's unit is.
    public init(role: Role, unit: UnitPath, jurisdiction: UnitPath? = nil) {
        self.role = role
        self.unit = unit
        switch role {
        case .admin:
            reach = .everything
        case .standingOfficer:
            reach = .subtree(jurisdiction ?? unit)
        case .specialist, .leader, .viewer:
            reach = .subtree(unit)
        }
    }

    /// The root of what this account may see, or nil for everything.
    public var root: UnitPath? {
        if case .subtree(let root) = reach { return root }
        return nil
    }

    public func canRead(_ target: UnitPath) -> Bool {
        switch reach {
        case .everything: true
        case .subtree(let root): root.contains(target)
        }
    }

    /// May manage the organisation and accounts of `target` (administration pages).
    public func canManage(_ target: UnitPath) -> Bool {
        switch role {
        case .admin: true
        case .standingOfficer: canRead(target)
        case .specialist, .leader, .viewer: false
        }
    }

    /// May draft on behalf of `target` (its reports, plans …): specialists and leaders for their own
    /// unit; a standing-agency officer for its jurisdiction's own documents.
    public func canDraft(for target: UnitPath) -> Bool {
        switch role {
        case .admin: false
        case .standingOfficer: target == root
        case .specialist, .leader: target == unit
        case .viewer: false
        }
    }

    /// Receives what `target` sends up (reports): an administrator, or the standing agency of a
    /// jurisdiction for the units below it (not for its own jurisdiction or its own office).
    public func canReceive(from target: UnitPath) -> Bool {
        switch role {
        case .admin: true
        case .standingOfficer: canRead(target) && target != root && target != unit
        case .specialist, .leader, .viewer: false
        }
    }

    /// May sign and send out on behalf of `target`: only that unit's leader.
    public func canSign(for target: UnitPath) -> Bool {
        role == .leader && target == unit
    }

    /// Roles this account may hand out when it creates accounts.
    public var assignableRoles: [Role] {
        switch role {
        case .admin: Role.allCases
        case .standingOfficer: [.standingOfficer, .specialist, .leader, .viewer]
        default: []
        }
    }
}
