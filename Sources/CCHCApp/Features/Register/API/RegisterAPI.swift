import Fluent
import Vapor
import CCHCDomain

/// A unit's register over JSON: the same reads and the same service as the pages.
struct RegisterAPI: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let documents = routes.grouped("units", ":unitID", "documents")
        documents.get(use: list).access(.scoped)
        documents.post(use: create).access(.scoped)
        documents.get(":documentID", use: show).access(.scoped)
        documents.put(":documentID", use: update).access(.scoped)
        documents.delete(":documentID", use: delete).access(.scoped)
        documents.get(":documentID", "attachment", use: RegisterPages().download).access(.scoped)
        documents.on(.PUT, ":documentID", "attachment", body: .collect(maxSize: "10mb"), use: upload).access(.scoped)
    }

    func list(req: Request) async throws -> RegisterListDTO {
        let (actor, unit) = try await RegisterPages.unit(req)
        let (filter, years) = try await RegisterListPage.filter(req, unit: unit)
        let documents = try await RegisterQueries.list(unit, filter, on: req.db)
        let numbering = try await RegisterQueries.numbering(unit, year: filter.year, on: req.db)
        let files = try await RegisterQueries.attachments(of: documents.compactMap(\.id), on: req.db)
        let findings = try await RegisterQueries.findings(of: documents, unit: unit, actor: actor, on: req.db)
        let dtos = documents.map { d in
            RegisterDocumentDTO(d, unit: unit, attachment: files[d.id ?? 0], findings: findings[d.id ?? 0] ?? [])
        }
        return RegisterListDTO(unitID: try unit.requireID(), unitName: unit.name, year: filter.year, years: years,
                               nextNumbers: numbering.next,
                               proposed: Dictionary(DocumentType.all.map { ($0.code, numbering.proposal($0, unit: unit)) },
                                                    uniquingKeysWith: { a, _ in a }),
                               gaps: numbering.gaps, gapCounts: numbering.gapCounts, documents: dtos,
                               flagged: dtos.flatMap { $0.findings.filter(\.flagged) })
    }

    func show(req: Request) async throws -> RegisterDocumentDTO {
        let (actor, unit) = try await RegisterPages.unit(req)
        let document = try await RegisterQueries.document(try req.idParameter("documentID"), of: unit, on: req.db)
        return try await Self.dto(document, unit: unit, actor: actor, on: req.db)
    }

    func create(req: Request) async throws -> Response {
        let (actor, unit) = try await RegisterPages.unit(req)
        let input = try req.content.decode(RegisterInput.self)
        let document = try await RegisterService(db: req.db, actor: actor, now: req.now).create(input.draft, in: unit)
        return try await Self.dto(document, unit: unit, actor: actor, on: req.db).encodeResponse(status: .created, for: req)
    }

    func update(req: Request) async throws -> RegisterDocumentDTO {
        let (actor, unit) = try await RegisterPages.unit(req)
        let document = try await RegisterQueries.document(try req.idParameter("documentID"), of: unit, on: req.db)
        let input = try req.content.decode(RegisterInput.self)
        guard let revision = input.revision else {
            throw ValidationFailure(field: "revision",
                                    "Thiếu revision: gửi lại lần sửa đã đọc (GET) để không ghi đè thay đổi của người khác.")
        }
        let saved = try await RegisterService(db: req.db, actor: actor, now: req.now)
            .update(document, in: unit, input.draft, revision: revision)
        return try await Self.dto(saved, unit: unit, actor: actor, on: req.db)
    }

    func delete(req: Request) async throws -> HTTPStatus {
        let (actor, unit) = try await RegisterPages.unit(req)
        let document = try await RegisterQueries.document(try req.idParameter("documentID"), of: unit, on: req.db)
        guard let revision = try req.queryInt("revision") else {
            throw ValidationFailure(field: "revision",
                                    "Thiếu ?revision=: gửi lại lần sửa đã đọc (GET) để không xóa thay đổi của người khác.")
        }
        try await RegisterService(db: req.db, actor: actor, now: req.now).delete(document, in: unit, revision: revision)
        return .noContent
    }

    /// The file is the body; its name is `?name=` (the type is read from the name's extension).
    func upload(req: Request) async throws -> RegisterDocumentDTO {
        let (actor, unit) = try await RegisterPages.unit(req)
        let document = try await RegisterQueries.document(try req.idParameter("documentID"), of: unit, on: req.db)
        let service = RegisterService(db: req.db, actor: actor, now: req.now)
        try service.checkKeeper(unit)
        guard let name = req.query[String.self, at: "name"]?.trimmingCharacters(in: .whitespaces), !name.isEmpty else {
            throw ValidationFailure(field: "name", "Thiếu ?name=: tên tệp (vd: 164-UBND-NV.pdf) để biết loại tệp.")
        }
        var buffer = req.body.data ?? ByteBuffer()
        let bytes = buffer.readData(length: buffer.readableBytes) ?? Data()
        try await service.attach(.init(fileName: name, bytes: bytes), to: document, in: unit)
        let fresh = try await RegisterQueries.document(try document.requireID(), of: unit, on: req.db)
        return try await Self.dto(fresh, unit: unit, actor: actor, on: req.db)
    }

    static func dto(_ document: RegisterDocument, unit: Unit, actor: Actor, on db: any Database) async throws -> RegisterDocumentDTO {
        let id = try document.requireID()
        let file = try await RegisterQueries.attachments(of: [id], on: db)[id]
        let findings = try await RegisterQueries.findings(of: [document], unit: unit, actor: actor, on: db)[id] ?? []
        return RegisterDocumentDTO(document, unit: unit, attachment: file, findings: findings)
    }
}
