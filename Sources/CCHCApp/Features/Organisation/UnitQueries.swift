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
        return try await query.sort(\.$depth).sort(\.$path).limit(limit).all()
    }

    /// The chain from the top of the tree down to `unit` (excluding it).
    static func ancestors(of unit: Unit, on db: any Database) async throws -> [Unit] {
        let ids = unit.unitPath.ids.dropLast()
        guard !ids.isEmpty else { return [] }
        return try await Unit.query(on: db).filter(\.$id ~~ Array(ids)).sort(\.$depth).all()
    }

    static func children(of id: Int, on db: any Database) async throws -> [Unit] {
        // Jurisdictions first, then offices, each in Vietnamese alphabetical order.
        VietnameseOrder.sorted(try await Unit.query(on: db).filter(\.$parent.$id == id).all()) { ($0.kind.isOffice ? "1 " : "0 ") + $0.name }
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
