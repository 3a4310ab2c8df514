import Fluent
import Vapor
import CCHCDomain

/// A unit's register of outgoing documents: the handlers. The list (`RegisterListPage`) and the document's page, which is
/// also the new document's form (`RegisterFormPage`), are each a model and a view. Every route reads the unit through the
/// scope first (404 outside it); writes go through `RegisterService`, which checks who may keep the register.
struct RegisterPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.Documents.list(.key).pathComponents, use: list).access(.scoped)
        routes.post(SiteURL.Documents.list(.key).pathComponents, use: create).access(.scoped)
        routes.get(SiteURL.Documents.new(.key).pathComponents, use: newForm).access(.scoped)
        routes.get(SiteURL.Documents.document(.key, .key).pathComponents, use: show).access(.scoped)
        routes.post(SiteURL.Documents.document(.key, .key).pathComponents, use: update).access(.scoped)
        routes.post(SiteURL.Documents.delete(.key, .key).pathComponents, use: delete).access(.scoped)
        routes.get(SiteURL.Documents.attachment(.key, .key).pathComponents, use: download).access(.scoped)
        routes.on(.POST, SiteURL.Documents.attachment(.key, .key).pathComponents, body: .collect(maxSize: "11mb"), use: upload)
            .access(.scoped)
    }

    /// The form's fields, all optional: what is missing is what the rules name.
    struct DraftForm: Content {
        var number: String?
        var issuedOn: String?
        var summary: String?
        var signer: String?
        var directsCCHC: String?
        var area: String?
        var citedText: String?
        var revision: String?

        var draft: RegisterDraft {
            RegisterDraft(number: number ?? "", issuedOn: issuedOn ?? "", summary: summary ?? "", signer: signer,
                          directsCCHC: ["on", "true", "1"].contains(directsCCHC ?? ""), area: area, citedText: citedText)
        }
    }

    func list(req: Request) async throws -> HTML {
        let model = try await RegisterListPage.Model.load(req)
        return Layout.page(request: req, title: RegisterListPage.View.title(model), flash: model.flash,
                           body: RegisterListPage.View.render(model))
    }

    func newForm(req: Request) async throws -> HTML {
        // Whoever may only read the register gets the page saying so (a reader is not refused a GET).
        let (_, unit) = try await Self.unit(req)
        return try await page(req, unit: unit, editing: nil)
    }

    func create(req: Request) async throws -> Response {
        let (actor, unit) = try await Self.unit(req)
        let form = try req.content.decode(DraftForm.self)
        do {
            let document = try await RegisterService(db: req.db, actor: actor, now: req.now).create(form.draft, in: unit)
            return req.redirect(to: SiteURL.Documents.document(.value(try unit.requireID()), .value(try document.requireID()))
                .relativeURL(parameters: [QueryParameter("saved", 1)]))
        } catch let failure as ValidationFailure {
            return try await page(req, unit: unit, editing: nil, values: form.draft, failure: failure)
                .encodeResponse(status: .unprocessableEntity, for: req)
        }
    }

    func show(req: Request) async throws -> HTML {
        let (_, unit) = try await Self.unit(req)
        let document = try await RegisterQueries.document(try req.idParameter("documentID"), of: unit, on: req.db)
        return try await page(req, unit: unit, editing: document)
    }

    func update(req: Request) async throws -> Response {
        let (actor, unit) = try await Self.unit(req)
        let document = try await RegisterQueries.document(try req.idParameter("documentID"), of: unit, on: req.db)
        let form = try req.content.decode(DraftForm.self)
        let revision = form.revision.flatMap { Int($0) }
        do {
            let saved = try await RegisterService(db: req.db, actor: actor, now: req.now)
                .update(document, in: unit, form.draft, revision: revision)
            return req.redirect(to: SiteURL.Documents.document(.value(try unit.requireID()), .value(try saved.requireID()))
                .relativeURL(parameters: [QueryParameter("saved", 1)]))
        } catch let failure as ValidationFailure {
            return try await page(req, unit: unit, editing: document, values: form.draft, revision: revision, failure: failure)
                .encodeResponse(status: .unprocessableEntity, for: req)
        } catch let conflict as CCHCError where Self.isStale(conflict) {
            // Someone saved first: the page shows what is stored and keeps this user's typing, with the newer revision.
            let fresh = try await RegisterQueries.document(try document.requireID(), of: unit, on: req.db)
            return try await page(req, unit: unit, editing: fresh, values: form.draft, revision: fresh.revision, conflict: conflict.message)
                .encodeResponse(status: .conflict, for: req)
        }
    }

    func delete(req: Request) async throws -> Response {
        let (actor, unit) = try await Self.unit(req)
        let document = try await RegisterQueries.document(try req.idParameter("documentID"), of: unit, on: req.db)
        let form = try req.content.decode(DraftForm.self)
        try await RegisterService(db: req.db, actor: actor, now: req.now)
            .delete(document, in: unit, revision: form.revision.flatMap { Int($0) })
        return req.redirect(to: SiteURL.Documents.list(.value(try unit.requireID()))
            .relativeURL(parameters: [QueryParameter("year", document.year), QueryParameter("deleted", 1)]))
    }

    func download(req: Request) async throws -> Response {
        let (_, unit) = try await Self.unit(req)
        let document = try await RegisterQueries.document(try req.idParameter("documentID"), of: unit, on: req.db)
        return Self.file(try await RegisterQueries.attachment(of: document, on: req.db))
    }

    struct UploadForm: Content { var file: File? }

    func upload(req: Request) async throws -> Response {
        let (actor, unit) = try await Self.unit(req)
        let document = try await RegisterQueries.document(try req.idParameter("documentID"), of: unit, on: req.db)
        let service = RegisterService(db: req.db, actor: actor, now: req.now)
        try service.checkKeeper(unit)
        do {
            guard let file = (try? req.content.decode(UploadForm.self))?.file else {
                throw ValidationFailure(field: "file", "Tệp đính kèm: chưa chọn tệp, hoặc tệp rỗng.")
            }
            var buffer = file.data
            let bytes = buffer.readData(length: buffer.readableBytes) ?? Data()
            try await service.attach(.init(fileName: file.filename, bytes: bytes), to: document, in: unit)
            return req.redirect(to: SiteURL.Documents.document(.value(try unit.requireID()), .value(try document.requireID()))
                .relativeURL(parameters: [QueryParameter("attached", 1)]))
        } catch let failure as ValidationFailure {
            return try await page(req, unit: unit, editing: document, failure: failure)
                .encodeResponse(status: .unprocessableEntity, for: req)
        }
    }

    // MARK: Helpers

    /// Refused because someone saved first (`Revisions.check`), not for another conflict.
    static func isStale(_ error: CCHCError) -> Bool {
        error.status == .conflict && error.fieldErrors.contains { $0.field == "revision" }
    }

    /// The signed-in account and the unit the route addresses, within its scope (404 outside).
    static func unit(_ req: Request) async throws -> (Actor, Unit) {
        let actor = try req.actor
        return (actor, try await UnitQueries.readable(try req.idParameter("unitID"), by: actor, on: req.db))
    }

    /// The attached file as a download; its type from its extension, its name in UTF-8 with an ASCII fallback.
    static func file(_ file: RegisterAttachment) -> Response {
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: file.contentType)
        headers.replaceOrAdd(name: .contentDisposition, value: AttachmentRules.disposition(file.fileName))
        return Response(status: .ok, headers: headers, body: .init(data: file.bytes))
    }

    private func page(_ req: Request, unit: Unit, editing: RegisterDocument?, values: RegisterDraft? = nil, revision: Int? = nil,
                      failure: ValidationFailure? = nil, conflict: String? = nil) async throws -> HTML {
        let model = try await RegisterFormPage.Model.load(req, unit: unit, editing: editing, values: values, revision: revision,
                                                          failure: failure, conflict: conflict)
        return Layout.page(request: req, title: RegisterFormPage.View.title(model), flash: model.flash,
                           body: RegisterFormPage.View.render(model))
    }
}
