import Fluent
import Vapor
import CCHCDomain

extension ParPages {
    func assessment(req: Request) async throws -> HTML {
        let (actor, c) = try await req.parContext()
        return try await page(req, actor: actor, c, flash: ParAssessmentPage.flash(req))
    }

    /// The unit's form: "value:<code>", "explanation:<code>", "evidence:<code>" (one item a line), "add:<code>" (a register document).
    static func selfInput(_ form: FormBody) -> [String: ParAssessmentService.SelfEntry] {
        var out: [String: ParAssessmentService.SelfEntry] = [:]
        for (code, v) in form.prefixed("value") { out[code, default: .init()].value = v }
        for (code, v) in form.prefixed("explanation") { out[code, default: .init()].explanation = v }
        let added = form.prefixed("add")
        for (code, v) in form.prefixed("evidence") {
            var lines = v.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            if let a = added[code]?.trimmingCharacters(in: .whitespaces), !a.isEmpty { lines.append(a) }
            out[code, default: .init()].evidence = lines
        }
        return out
    }

    func saveSelf(req: Request) async throws -> Response {
        let (actor, c) = try await req.parContext()
        let form = FormBody(req)
        do {
            _ = try await ParAssessmentService(db: req.db, actor: actor, now: req.now)
                .saveSelf(c, Self.selfInput(form), revision: form["revision"].flatMap { Int($0) })
            return req.redirect(to: SiteURL.Par.assessment(.value(try c.round.requireID()), .value(try c.unit.requireID()))
                .relativeURL(parameters: [QueryParameter("saved", 1)]))
        } catch let failure as ValidationFailure {
            return try await page(req, actor: actor, c, typed: form, failure: failure).encodeResponse(status: .unprocessableEntity, for: req)
        } catch let conflict as CCHCError where conflict.status == .conflict {
            return try await page(req, actor: actor, c, typed: form, conflict: conflict.message).encodeResponse(status: .conflict, for: req)
        }
    }

    func action(req: Request) async throws -> Response {
        let (actor, c) = try await req.parContext()
        guard let action = ParAction(rawValue: try req.parameters.require("action")) else { throw CCHCError.notFound() }
        let form = FormBody(req)
        let revision = form["revision"].flatMap { Int($0) }
        let service = ParAssessmentService(db: req.db, actor: actor, now: req.now)
        let roundID = try c.round.requireID(), unitID = try c.unit.requireID()
        var saved = false
        do {
            switch action {
            case .submit:
                // "Lưu và gửi": what is typed on the page is saved first, then sent.
                var context = c
                let typed = Self.selfInput(form)
                if !typed.isEmpty {
                    context.assessment = try await service.saveSelf(c, typed, revision: revision)
                    saved = true
                }
                _ = try await service.submit(context, revision: typed.isEmpty ? revision : context.assessment.revision)
            case .withdraw:
                _ = try await service.withdraw(c, revision: revision)
            case .appraise, .send:
                var input: [String: ParAssessmentService.Appraisal] = [:]
                for (code, v) in form.prefixed("points") { input[code, default: .init()].points = v }
                for (code, v) in form.prefixed("comment") { input[code, default: .init()].comment = v }
                _ = try await service.appraise(c, input, send: action == .send, revision: revision)
            case .answer:
                _ = try await service.answer(c, form.prefixed("answer"), revision: revision)
            case .plan:
                let (eval, _) = try await ParQueries.evaluate(c.assessment, round: c.round, framework: c.framework, unit: c.unit, now: req.now, on: req.db)
                let plan = try await service.improvementPlan(c, evaluation: eval)
                return req.redirect(to: SiteURL.Plans.plan(.value(unitID), .value(plan.year), .value(.parImprovement))
                    .relativeURL(parameters: [QueryParameter("saved", 1)]))
            }
            return req.redirect(to: SiteURL.Par.assessment(.value(roundID), .value(unitID))
                .relativeURL(parameters: [QueryParameter("done", action.rawValue)]))
        } catch let failure as ValidationFailure {
            return try await page(req, actor: actor, c, typed: form, failure: failure,
                                  failureTitle: saved ? "Đã lưu nhưng chưa gửi được" : nil).encodeResponse(status: .unprocessableEntity, for: req)
        } catch let refused as CCHCError where refused.status == .conflict {
            return try await page(req, actor: actor, c, typed: form, conflict: refused.message).encodeResponse(status: .conflict, for: req)
        }
    }

    struct FileForm: Content {
        var file: File?
        var code: String?
    }

    func upload(req: Request) async throws -> Response {
        let (actor, c) = try await req.parContext()
        let service = ParAssessmentService(db: req.db, actor: actor, now: req.now)
        try service.checkStaff(c)
        let form = try? req.content.decode(FileForm.self)
        // The file may come with the page's whole form (the "Tải lên" button inside it): what was typed is saved first.
        let typed = FormBody(pairs: MultipartFields.pairs(req))
        var context = c
        do {
            let entries = Self.selfInput(typed)
            if !entries.isEmpty && c.assessment.state == .draft {
                context.assessment = try await service.saveSelf(c, entries, revision: typed["revision"].flatMap { Int($0) })
            }
            guard let file = form?.file, file.data.readableBytes > 0 else {
                throw ValidationFailure(field: "file", "Tệp kiểm chứng: chưa chọn tệp, hoặc tệp rỗng.")
            }
            guard let code = form?.code?.trimmingCharacters(in: .whitespaces), !code.isEmpty else {
                throw ValidationFailure(field: "code", "Tiêu chí kiểm chứng: chưa chọn tiêu chí.")
            }
            var buffer = file.data
            let bytes = buffer.readData(length: buffer.readableBytes) ?? Data()
            _ = try await service.upload(context, code: code, fileName: file.filename, bytes: bytes)
            return req.redirect(to: SiteURL.Par.assessment(.value(try c.round.requireID()), .value(try c.unit.requireID()))
                .relativeURL(parameters: [QueryParameter("done", "upload")], anchor: "c-" + code))
        } catch let failure as ValidationFailure {
            return try await page(req, actor: actor, c, typed: typed, failure: failure).encodeResponse(status: .unprocessableEntity, for: req)
        } catch let refused as CCHCError where refused.status == .conflict {
            return try await page(req, actor: actor, c, typed: typed, conflict: refused.message).encodeResponse(status: .conflict, for: req)
        }
    }

    func download(req: Request) async throws -> Response {
        let (_, c) = try await req.parContext()
        let file = try await ParQueries.file(try req.idParameter("fileID"), of: try c.assessment.requireID(), on: req.db)
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: file.contentType)
        headers.replaceOrAdd(name: .contentDisposition, value: AttachmentRules.disposition(file.fileName))
        return Response(status: .ok, headers: headers, body: .init(data: file.bytes))
    }

    func deleteFile(req: Request) async throws -> Response {
        let (actor, c) = try await req.parContext()
        try await ParAssessmentService(db: req.db, actor: actor, now: req.now).removeFile(c, fileID: try req.idParameter("fileID"))
        return req.redirect(to: SiteURL.Par.assessment(.value(try c.round.requireID()), .value(try c.unit.requireID()))
            .relativeURL(parameters: [QueryParameter("done", "remove")]))
    }

    func sheetXLSX(req: Request) async throws -> Response {
        let (actor, c) = try await req.parContext()
        let view = try await ParAssessmentView.load(c, actor: actor, now: req.now, on: req.db)
        return Exports.file(try ParFiles.sheetXLSX(ParFileInputs.sheet(view)), type: Exports.xlsxType,
                            name: "bang-diem-cchc-\(view.year)-\(c.unit.code.lowercased()).xlsx")
    }

    func sheetDOCX(req: Request) async throws -> Response {
        let (actor, c) = try await req.parContext()
        let view = try await ParAssessmentView.load(c, actor: actor, now: req.now, on: req.db)
        // Before the appraisal the sheet is the unit's report of its self-assessment; after it, the notice of the jurisdiction
        // that ran the round (UBND huyện announces its appraisal of the commune).
        let issuerUnit = view.appraisedYet ? (try await Unit.find(c.round.$unit.id, on: req.db) ?? c.unit) : c.unit
        let parent = try await Unit.find(optional: issuerUnit.$parent.id, on: req.db)
        let body = IssuingBody(kind: issuerUnit.kind, name: issuerUnit.name, parentKind: parent?.kind, parentName: parent?.name)
        return Exports.file(try ParFiles.sheetDOCX(ParFileInputs.sheet(view), issuer: body, signer: nil), type: Exports.docxType,
                            name: "bang-diem-cchc-\(view.year)-\(c.unit.code.lowercased()).docx")
    }

    func page(_ req: Request, actor: Actor, _ c: ParAssessmentService.Context, typed: FormBody? = nil, failure: ValidationFailure? = nil,
              failureTitle: String? = nil, conflict: String? = nil, flash: String? = nil) async throws -> HTML {
        // Re-read: a refused write changed nothing, but an earlier step of the same request (save, then submit) may have.
        var fresh = c
        if let a = try await ParAssessmentRecord.find(try c.assessment.requireID(), on: req.db) { fresh.assessment = a }
        let view = try await ParAssessmentView.load(fresh, actor: actor, now: req.now, on: req.db)
        let documents = try await RegisterDocument.query(on: req.db).filter(\.$unit.$id == (try c.unit.requireID()))
            .filter(\.$year ~~ [c.round.year, c.round.year + 1]).sort(\.$issuedOn).all()
            .map { "Văn bản số \($0.numberText) ngày \(VNDate.display(iso: $0.issuedOn)): \($0.summary)" }
        var model = ParAssessmentPage.Model(view: view, typed: typed, failure: failure, conflict: conflict, flash: flash, documents: documents)
        model.failureTitle = failureTitle
        return Layout.page(request: req, title: "Chỉ số CCHC năm \(view.year) — \(view.unitName)", flash: flash, body: ParAssessmentPage.render(model))
    }
}
