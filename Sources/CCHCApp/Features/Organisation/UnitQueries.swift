import Fluent
import SQLKit
import Vapor
import CCHCDomain

/// Reads of the unit tree, always within an actor's scope.
enum UnitQueries {
    /// Restricts a unit query to what `scope` may read: one prefix condition on the path.
    static func scoped(_ query: QueryBuilder<Unit>, _ scope: AccessScope) -> QueryBuilder<Unit> {
        guard let root = scope.root else { return query }
        return query.filter(\.$path, .custom("LIKE"), root.subtreePattern)
    }

    /// A unit the actor may read, or 404 — outsiders do not learn that it exists.
    static func readable(_ id: Int, by actor: Actor, on db: any Database) async throws -> Unit {
        guard let unit = try await Unit.find(id, on: db), actor.scope.canRead(unit.unitPath) else {
            throw CCHCError.notFound("Không tìm thấy đơn vị, hoặc đơn vị nằm ngoài phạm vi của bạn.")
        }
        return unit
    }

    /// A unit whose reports the actor may open: any unit in scope, and for the staff of an office,
    /// the jurisdiction the office belongs to (they fill their sections of its own report).
    static func reportable(_ id: Int, by actor: Actor, on db: any Database) async throws -> Unit {
        if id == actor.jurisdictionID, id != actor.unitID, let unit = try await Unit.find(id, on: db) { return unit }
        return try await readable(id, by: actor, on: db)
    }

    /// A unit the actor may manage (administration), or 404/403.
    static func manageable(_ id: Int, by actor: Actor, on db: any Database) async throws -> Unit {
        let unit = try await readable(id, by: actor, on: db)
        guard actor.scope.canManage(unit.unitPath) else { throw CCHCError.forbidden }
        return unit
    }

    /// Searches units in scope; the query ignores diacritics ("quang tho" finds "Quảng Thọ").
    static func search(_ text: String?, actor: Actor, includeRetired: Bool, kinds: [UnitKind]? = nil,
                       limit: Int = 500, on db: any Database) async throws -> [Unit] {
        var query = scoped(Unit.query(on: db), actor.scope)
        for word in Folding.searchWords(text ?? "") {
            query = query.group(.or) { g in
                g.filter(\.$nameFolded, .custom("LIKE"), "%\(word)%")
                g.filter(\.$code, .custom("LIKE"), "%\(word.uppercased())%")
            }
        }
        if !includeRetired { query = query.filter(\.$retiredOn == nil) }
        if let kinds { query = query.filter(\.$kind ~~ kinds) }
        let found = try await query.sort(\.$depth).sort(\.$path).limit(limit).all()   // the shallowest `limit` units
        return Folding.searchWords(text ?? "").isEmpty ? treeOrder(found) : VietnameseOrder.sorted(found) { $0.name }
    }

    /// Siblings in the one order every list uses: jurisdictions first, then offices, each in Vietnamese alphabetical order.
    static func siblingKey(_ u: Unit) -> String { (u.kind.isOffice ? "1 " : "0 ") + u.name }

    /// `units` as a tree, depth first: each unit followed by its children in sibling order. A unit whose parent is not in
    /// the list (the top of the scope) starts a branch; branches shallowest first, then in sibling order.
    static func treeOrder(_ units: [Unit]) -> [Unit] {
        let ordered = VietnameseOrder.sorted(units, by: siblingKey)
        let ids = Set(ordered.compactMap(\.id))
        var childrenOf: [Int: [Unit]] = [:]
        var roots: [Unit] = []
        for u in ordered {
            if let p = u.$parent.id, ids.contains(p) { childrenOf[p, default: []].append(u) } else { roots.append(u) }
        }
        roots = roots.enumerated().sorted { ($0.element.depth, $0.offset) < ($1.element.depth, $1.offset) }.map(\.element)
        var out: [Unit] = []
        out.reserveCapacity(units.count)
        func visit(_ u: Unit) {
            out.append(u)
            for c in childrenOf[u.id ?? -1] ?? [] { visit(c) }
        }
        for r in roots { visit(r) }
        return out
    }

    /// The chain from the top of the tree down to `unit` (excluding it).
    static func ancestors(of unit: Unit, on db: any Database) async throws -> [Unit] {
        let ids = unit.unitPath.ids.dropLast()
        guard !ids.isEmpty else { return [] }
        return try await Unit.query(on: db).filter(\.$id ~~ Array(ids)).sort(\.$depth).all()
    }

    static func children(of id: Int, on db: any Database) async throws -> [Unit] {
        // Jurisdictions first, then offices, each in Vietnamese alphabetical order.
        VietnameseOrder.sorted(try await Unit.query(on: db).filter(\.$parent.$id == id).all(), by: siblingKey)
    }

    /// Direct predecessors (merges) of a unit, with the merge date.
    static func predecessors(of id: Int, on db: any Database) async throws -> [(Unit, String)] {
        let links = try await UnitPredecessor.query(on: db).filter(\.$unit.$id == id).with(\.$predecessor).all()
        return links.map { ($0.predecessor, $0.mergedOn) }
    }

    /// Every unit whose history flows into `id` through merges, at any depth.
    static func lineage(of id: Int, on db: any Database) async throws -> [Unit] {
        var map: [Int: [Int]] = [:]
        var frontier = [id]
        var seen: Set<Int> = [id]
        // Walks merges level by level: one query per generation of merges, not per unit.
        while !frontier.isEmpty {
            let links = try await UnitPredecessor.query(on: db).filter(\.$unit.$id ~~ frontier).all()
            frontier = []
            for link in links {
                map[link.$unit.id, default: []].append(link.$predecessor.id)
                if seen.insert(link.$predecessor.id).inserted { frontier.append(link.$predecessor.id) }
            }
        }
        let order = OrgRules.lineage(of: id, predecessors: map)
        guard !order.isEmpty else { return [] }
        let units = try await Unit.query(on: db).filter(\.$id ~~ order).all()
        let byID = Dictionary(uniqueKeysWithValues: units.compactMap { u in u.id.map { ($0, u) } })
        return order.compactMap { byID[$0] }
    }
}

extension Unit {
    /// `find` for an optional id.
    static func find(optional id: Int?, on db: any Database) async throws -> Unit? {
        guard let id else { return nil }
        return try await Unit.find(id, on: db)
    }
}
