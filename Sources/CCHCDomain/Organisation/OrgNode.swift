/// A unit as the domain rules see it: no persistence, no web.
public struct OrgNode: Sendable, Equatable, Identifiable {
    public var id: Int
    public var parentID: Int?
    public var code: String
    public var name: String
    public var kind: UnitKind
    public var isStandingAgency: Bool
    /// Date (yyyy-MM-dd) from which the unit no longer exists on its own.
    public var retiredOn: String?
    /// The unit it was merged into, when retired by a merge.
    public var successorID: Int?

    public init(id: Int, parentID: Int?, code: String, name: String, kind: UnitKind,
                isStandingAgency: Bool = false, retiredOn: String? = nil, successorID: Int? = nil) {
        self.id = id
        self.parentID = parentID
        self.code = code
        self.name = name
        self.kind = kind
        self.isStandingAgency = isStandingAgency
        self.retiredOn = retiredOn
        self.successorID = successorID
    }

    public var isRetired: Bool { retiredOn != nil }
}
