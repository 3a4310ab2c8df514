import Fluent
import Vapor
import CCHCDomain

/// Units within the caller's scope.
struct UnitAPI: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let units = routes.grouped("units")
        units.get(use: list).access(.scoped)
        units.post(use: create).access(.scoped)
        units.post("merge", use: merge).access(.scoped)
        units.get(":unitID", use: show).access(.scoped)
        units.put(":unitID", use: update).access(.scoped)
    }

    func list(req: Request) async throws -> [UnitDTO] {
        let actor = try req.actor
        let q = try? req.query.get(String.self, at: "q")
        let retired = try req.queryBool("includeRetired") ?? false
        return try await UnitQueries.search(q, actor: actor, includeRetired: retired, limit: 5000, on: req.db).map(UnitDTO.init)
    }

    func show(req: Request) async throws -> UnitDetailDTO {
        let actor = try req.actor
        let unit = try await UnitQueries.readable(try req.idParameter("unitID"), by: actor, on: req.db)
        let id = try unit.requireID()
        let children = try await UnitQueries.children(of: id, on: req.db)
        return UnitDetailDTO(
            unit: UnitDTO(unit),
            ancestors: try await UnitQueries.ancestors(of: unit, on: req.db).filter { actor.scope.canRead($0.unitPath) }.map(UnitDTO.init),
            offices: children.filter(\.kind.isOffice).map(UnitDTO.init),
            subordinates: children.filter { !$0.kind.isOffice }.map(UnitDTO.init),
            predecessors: try await UnitQueries.predecessors(of: id, on: req.db).map { .init(unit: UnitDTO($0.0), mergedOn: $0.1) },
            lineage: try await UnitQueries.lineage(of: id, on: req.db).map(UnitDTO.init),
            successor: try await Unit.find(optional: unit.successorID, on: req.db).map(UnitDTO.init))
    }

    func create(req: Request) async throws -> Response {
        let actor = try req.actor
        guard actor.canManage else { throw CCHCError.forbidden }
        let input = try req.content.decode(OrganisationService.UnitInput.self)
        let unit = try await OrganisationService(db: req.db, actor: actor, now: req.now).create(input)
        return try await UnitDTO(unit).encodeResponse(status: .created, for: req)
    }

    func update(req: Request) async throws -> UnitDTO {
        let actor = try req.actor
        let unit = try await UnitQueries.manageable(try req.idParameter("unitID"), by: actor, on: req.db)
        let input = try req.content.decode(OrganisationService.UnitInput.self)
        return UnitDTO(try await OrganisationService(db: req.db, actor: actor, now: req.now).update(unit, input))
    }

    func merge(req: Request) async throws -> Response {
        let actor = try req.actor
        guard actor.canManage else { throw CCHCError.forbidden }
        let input = try req.content.decode(OrganisationService.MergeInput.self)
        let unit = try await OrganisationService(db: req.db, actor: actor, now: req.now).merge(input)
        return try await UnitDTO(unit).encodeResponse(status: .created, for: req)
    }
}
