import Fluent
import Vapor
import CCHCDomain

/// The PAR index's pages: the index (rounds, frameworks, a new round), a framework, a round and its ranking, a unit's
/// assessment with its actions and files. Every route reads through `ParQueries` first (404 outside the scope); writes go
/// through `ParService` / `ParAssessmentService`, which check who may do what.
struct ParPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.Par.index.pathComponents, use: index).access(.scoped)
        routes.on(.POST, SiteURL.Par.frameworks.pathComponents, body: .collect(maxSize: "11mb"), use: importFramework).access(.reference)
        routes.get(SiteURL.Par.framework(.key).pathComponents, use: framework).access(.reference)
        routes.post(SiteURL.Par.framework(.key).pathComponents, use: saveFramework).access(.reference)
        routes.get(SiteURL.Par.frameworkJSON(.key).pathComponents, use: frameworkJSON).access(.reference)
        routes.post(SiteURL.Par.rounds.pathComponents, use: openRound).access(.scoped)
        routes.get(SiteURL.Par.round(.key).pathComponents, use: round).access(.scoped)
        routes.post(SiteURL.Par.round(.key).pathComponents, use: advanceRound).access(.scoped)
        routes.get(SiteURL.Par.results(.key).pathComponents, use: results).access(.scoped)
        routes.get(SiteURL.Par.resultsXLSX(.key).pathComponents, use: resultsXLSX).access(.scoped)
        routes.get(SiteURL.Par.assessment(.key, .key).pathComponents, use: assessment).access(.scoped)
        routes.post(SiteURL.Par.assessment(.key, .key).pathComponents, use: saveSelf).access(.scoped)
        routes.post(SiteURL.Par.action(.key, .key, .key).pathComponents, use: action).access(.scoped)
        routes.on(.POST, SiteURL.Par.files(.key, .key).pathComponents, body: .collect(maxSize: "11mb"), use: upload).access(.scoped)
        routes.get(SiteURL.Par.file(.key, .key, .key).pathComponents, use: download).access(.scoped)
        routes.post(SiteURL.Par.deleteFile(.key, .key, .key).pathComponents, use: deleteFile).access(.scoped)
        routes.get(SiteURL.Par.sheetXLSX(.key, .key).pathComponents, use: sheetXLSX).access(.scoped)
        routes.get(SiteURL.Par.sheetDOCX(.key, .key).pathComponents, use: sheetDOCX).access(.scoped)
    }

    // MARK: Index and frameworks

    func index(req: Request) async throws -> HTML {
        let model = try await ParIndexPage.Model.load(req)
        return Layout.page(request: req, title: "Chỉ số cải cách hành chính", flash: model.flash, body: ParIndexPage.render(model))
    }

    struct UploadForm: Content {
        var file: File?
        var json: String?
        var code: String?
        var title: String?
        var year: String?
        var group: String?
    }

    func importFramework(req: Request) async throws -> Response {
        let actor = try req.actor
        let service = ParService(db: req.db, actor: actor, now: req.now)
        try service.checkKeeper()
        let form = (try? req.content.decode(UploadForm.self)) ?? UploadForm()
        do {
            let (framework, review) = try ParFrameworkFiles.read(form, req: req)
            let saved = try await service.save(framework)
            var q = [QueryParameter("saved", 1)]
            if !review.isEmpty { q.append(QueryParameter("review", review.count)) }
            req.session.data["par.review"] = review.joined(separator: "\n")
            return req.redirect(to: SiteURL.Par.framework(.value(try saved.requireID())).relativeURL(parameters: q))
        } catch let failure as ValidationFailure {
            let model = try await ParIndexPage.Model.load(req, failure: failure, typedJSON: form.json)
            return try await Layout.page(request: req, title: "Chỉ số cải cách hành chính", body: ParIndexPage.render(model))
                .encodeResponse(status: .unprocessableEntity, for: req)
        }
    }

    func framework(req: Request) async throws -> HTML {
        let record = try await ParQueries.framework(try req.idParameter("frameworkID"), on: req.db)
        let model = try await ParFrameworkPage.Model.load(req, record)
        return Layout.page(request: req, title: "Bộ tiêu chí \(record.code) năm \(record.year)", flash: model.flash,
                           body: ParFrameworkPage.render(model))
    }

    struct FrameworkForm: Content {
        var json: String?
        var revision: String?
    }

    func saveFramework(req: Request) async throws -> Response {
        let actor = try req.actor
        let record = try await ParQueries.framework(try req.idParameter("frameworkID"), on: req.db)
        let form = try req.content.decode(FrameworkForm.self)
        do {
            let framework = try ParFramework.read(json: Data((form.json ?? "").utf8))
            let saved = try await ParService(db: req.db, actor: actor, now: req.now)
                .save(framework, expectedRevision: form.revision.flatMap { Int($0) }, replacing: try record.requireID())
            return req.redirect(to: SiteURL.Par.framework(.value(try saved.requireID())).relativeURL(parameters: [QueryParameter("saved", 1)]))
        } catch let failure as ValidationFailure {
            var model = try await ParFrameworkPage.Model.load(req, record)
            model.typedJSON = form.json
            model.failure = failure
            return try await Layout.page(request: req, title: "Bộ tiêu chí \(record.code) năm \(record.year)", body: ParFrameworkPage.render(model))
                .encodeResponse(status: .unprocessableEntity, for: req)
        }
    }

    func frameworkJSON(req: Request) async throws -> Response {
        let record = try await ParQueries.framework(try req.idParameter("frameworkID"), on: req.db)
        return Exports.file(try record.framework().json(), type: "application/json", name: "bo-tieu-chi-\(record.code)-\(record.year).json")
    }

    // MARK: Rounds

    struct RoundForm: Content {
        var frameworkID: String?
        var unitID: String?
        var opensOn: String?
        var selfDue: String?
        var answerDue: String?
        var mergeRule: String?
    }

    func openRound(req: Request) async throws -> Response {
        let actor = try req.actor
        let form = try req.content.decode(RoundForm.self)
        do {
            let (frameworkID, dates) = try ParService.RoundDates.read(frameworkID: form.frameworkID.flatMap { Int($0) }, opensOn: form.opensOn,
                                                                      selfDue: form.selfDue, answerDue: form.answerDue)
            let framework = try await ParQueries.framework(frameworkID, on: req.db)
            let unit = try await UnitQueries.manageable(form.unitID.flatMap { Int($0) } ?? actor.jurisdictionID, by: actor, on: req.db)
            let round = try await ParService(db: req.db, actor: actor, now: req.now)
                .open(framework, for: unit, dates: dates,
                      merge: ParMergeRule(rawValue: form.mergeRule ?? "") ?? .average)
            return req.redirect(to: SiteURL.Par.round(.value(try round.requireID())).relativeURL(parameters: [QueryParameter("opened", 1)]))
        } catch let failure as ValidationFailure {
            let model = try await ParIndexPage.Model.load(req, failure: failure)
            return try await Layout.page(request: req, title: "Chỉ số cải cách hành chính", body: ParIndexPage.render(model))
                .encodeResponse(status: .unprocessableEntity, for: req)
        }
    }

    func round(req: Request) async throws -> HTML {
        let actor = try req.actor
        let round = try await ParQueries.round(try req.idParameter("roundID"), by: actor, on: req.db)
        let view = try await ParRoundView.load(round, actor: actor, now: req.now, on: req.db)
        let flash = req.query[String.self, at: "opened"] != nil ? "Đã mở đợt đánh giá." : req.query[String.self, at: "moved"] != nil
            ? "Đợt đánh giá: \(round.state.label.lowercased())." : nil
        return Layout.page(request: req, title: "Chỉ số CCHC năm \(view.year) — \(view.jurisdictionName)", flash: flash,
                           body: ParRoundPage.render(view, results: false))
    }

    func advanceRound(req: Request) async throws -> Response {
        let actor = try req.actor
        let round = try await ParQueries.round(try req.idParameter("roundID"), by: actor, on: req.db)
        let form = FormBody(req)
        guard let state = form["state"].flatMap(ParRoundState.init(rawValue:)) else {
            throw ValidationFailure(field: "state", "Trạng thái: phải là appraisal, closed hoặc published.")
        }
        _ = try await ParService(db: req.db, actor: actor, now: req.now).advance(round, to: state, revision: form["revision"].flatMap { Int($0) })
        return req.redirect(to: SiteURL.Par.round(.value(try round.requireID())).relativeURL(parameters: [QueryParameter("moved", 1)]))
    }

    func results(req: Request) async throws -> HTML {
        let actor = try req.actor
        let round = try await ParQueries.round(try req.idParameter("roundID"), by: actor, on: req.db)
        let view = try await ParRoundView.load(round, actor: actor, now: req.now, on: req.db)
        return Layout.page(request: req, title: "Kết quả chỉ số CCHC năm \(view.year) — \(view.jurisdictionName)",
                           body: ParRoundPage.render(view, results: true))
    }

    func resultsXLSX(req: Request) async throws -> Response {
        let actor = try req.actor
        let round = try await ParQueries.round(try req.idParameter("roundID"), by: actor, on: req.db)
        let view = try await ParRoundView.load(round, actor: actor, now: req.now, on: req.db)
        return Exports.file(try ParFiles.resultsXLSX(ParFileInputs.results(view)),
                            type: Exports.xlsxType, name: "ket-qua-chi-so-cchc-\(view.year).xlsx")
    }
}
