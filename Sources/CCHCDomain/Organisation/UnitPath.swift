/// A materialised path over the unit tree: "/1/5/23/" for unit 23 under 5 under 1.
///
/// "Every unit under X" is then one indexed prefix condition (`path LIKE '/1/5/%'`).
public struct UnitPath: Hashable, Sendable, CustomStringConvertible {
    public let ids: [Int]

    public init(ids: [Int]) { self.ids = ids }

    public init?(_ text: String) {
        guard text.hasPrefix("/"), text.hasSuffix("/") else { return nil }
        var ids: [Int] = []
        for part in text.split(separator: "/") {
            guard let id = Int(part), id > 0 else { return nil }
            ids.append(id)
        }
        guard !ids.isEmpty else { return nil }
        self.ids = ids
    }

    public var description: String { "/" + ids.map(String.init).joined(separator: "/") + "/" }
    public var unitID: Int { ids[ids.count - 1] }
    public var depth: Int { ids.count }
    public var parent: UnitPath? { ids.count > 1 ? UnitPath(ids: Array(ids.dropLast())) : nil }

    public func appending(_ id: Int) -> UnitPath { UnitPath(ids: ids + [id]) }

    /// True when `other` is this unit or lies anywhere below it.
    public func contains(_ other: UnitPath) -> Bool {
        other.ids.count >= ids.count && Array(other.ids.prefix(ids.count)) == ids
    }

    /// The SQL LIKE pattern matching this unit and everything below it.
    public var subtreePattern: String { description + "%" }
}
