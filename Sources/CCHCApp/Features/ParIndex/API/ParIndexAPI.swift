import Fluent
import Vapor
import CCHCDomain

/// The PAR index over JSON: the same reads and services as the pages.
struct ParIndexAPI: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let par = routes.grouped("par")
        par.get("frameworks", use: frameworks).access(.reference)
        par.post("frameworks", use: importFramework).access(.reference)
        par.get("frameworks", ":frameworkID", use: framework).access(.reference)
        par.put("frameworks", ":frameworkID", use: updateFramework).access(.reference)
        par.get("rounds", use: rounds).access(.scoped)
        par.post("rounds", use: openRound).access(.scoped)
        par.get("rounds", ":roundID", use: round).access(.scoped)
        par.post("rounds", ":roundID", "state", use: advance).access(.scoped)
        let unit = par.grouped("rounds", ":roundID", "units", ":unitID")
        unit.get(use: assessment).access(.scoped)
        unit.put(use: saveSelf).access(.scoped)
        unit.post("actions", ":action", use: action).access(.scoped)
        unit.on(.PUT, "files", body: .collect(maxSize: "10mb"), use: upload).access(.scoped)
        unit.get("files", ":fileID", use: ParPages().download).access(.scoped)
    }

    static func body(_ req: Request) -> Data {
        var buffer = req.body.data ?? ByteBuffer()
        return buffer.readData(length: buffer.readableBytes) ?? Data()
    }

    struct FrameworkSummary: Content {
        var id: Int
        var code: String
        var year: Int
        var group: String
        var title: String
        var revision: Int
    }

    struct FrameworkDTO: Content {
        var id: Int
        var revision: Int
        var framework: ParFramework
        var problems: [ParProblem]
    }

    static func dto(_ r: ParFrameworkRecord) throws -> FrameworkDTO {
        let f = try r.framework()
        return FrameworkDTO(id: try r.requireID(), revision: r.revision, framework: f, problems: f.problems())
    }

    func frameworks(req: Request) async throws -> [FrameworkSummary] {
        _ = try req.actor
        return try await ParQueries.frameworks(on: req.db).map {
            FrameworkSummary(id: try $0.requireID(), code: $0.code, year: $0.year, group: $0.group, title: $0.title, revision: $0.revision)
        }
    }

    func importFramework(req: Request) async throws -> Response {
        let actor = try req.actor
        let service = ParService(db: req.db, actor: actor, now: req.now)
        try service.checkKeeper()
        let framework = try ParFramework.read(json: Self.body(req))
        return try await Self.dto(try await service.save(framework)).encodeResponse(status: .created, for: req)
    }

    func framework(req: Request) async throws -> FrameworkDTO {
        _ = try req.actor
        return try Self.dto(try await ParQueries.framework(try req.idParameter("frameworkID"), on: req.db))
    }

    /// The framework JSON is the body; `?revision=` the revision read.
    func updateFramework(req: Request) async throws -> FrameworkDTO {
        let actor = try req.actor
        let record = try await ParQueries.framework(try req.idParameter("frameworkID"), on: req.db)
        guard let revision = try req.queryInt("revision") else {
            throw ValidationFailure(field: "revision", "Thiếu ?revision=: gửi lại lần sửa đã đọc (GET) để không ghi đè thay đổi của người khác.")
        }
        let framework = try ParFramework.read(json: Self.body(req))
        return try Self.dto(try await ParService(db: req.db, actor: actor, now: req.now)
            .save(framework, expectedRevision: revision, replacing: try record.requireID()))
    }

    struct RoundSummary: Content {
        var id: Int
        var year: Int
        var jurisdictionID: Int
        var jurisdictionName: String
        var frameworkID: Int
        var frameworkCode: String
        var state: String
        var stateLabel: String
        var selfDue: String
    }

    func rounds(req: Request) async throws -> [RoundSummary] {
        try await ParQueries.rounds(visibleTo: try req.actor, on: req.db).map { r in
            RoundSummary(id: try r.requireID(), year: r.year, jurisdictionID: r.$unit.id, jurisdictionName: r.unit.name,
                         frameworkID: r.$framework.id, frameworkCode: r.framework.code, state: r.state.rawValue, stateLabel: r.state.label,
                         selfDue: VNDate.display(iso: r.selfDue))
        }
    }

    struct RoundInput: Content {
        var frameworkID: Int?
        var unitID: Int?
        var opensOn: String?
        var selfDue: String?
        var answerDue: String?
        var mergeRule: String?
    }

    func openRound(req: Request) async throws -> Response {
        let actor = try req.actor
        let input = try req.content.decode(RoundInput.self)
        // The jurisdiction first: outside the scope is 404 before anything else is looked at.
        let unit = try await UnitQueries.manageable(input.unitID ?? actor.jurisdictionID, by: actor, on: req.db)
        let (frameworkID, dates) = try ParService.RoundDates.read(frameworkID: input.frameworkID, opensOn: input.opensOn,
                                                                  selfDue: input.selfDue, answerDue: input.answerDue)
        let framework = try await ParQueries.framework(frameworkID, on: req.db)
        let round = try await ParService(db: req.db, actor: actor, now: req.now)
            .open(framework, for: unit, dates: dates, merge: ParMergeRule(rawValue: input.mergeRule ?? "") ?? .average)
        return try await ParRoundView.load(round, actor: actor, now: req.now, on: req.db).encodeResponse(status: .created, for: req)
    }

    func round(req: Request) async throws -> ParRoundView {
        let actor = try req.actor
        let round = try await ParQueries.round(try req.idParameter("roundID"), by: actor, on: req.db)
        return try await ParRoundView.load(round, actor: actor, now: req.now, on: req.db)
    }

    struct StateInput: Content {
        var state: String
        var revision: Int?
    }

    func advance(req: Request) async throws -> ParRoundView {
        let actor = try req.actor
        let round = try await ParQueries.round(try req.idParameter("roundID"), by: actor, on: req.db)
        let input = try req.content.decode(StateInput.self)
        guard let state = ParRoundState(rawValue: input.state) else {
            throw ValidationFailure(field: "state", "state: phải là appraisal, closed hoặc published.")
        }
        let moved = try await ParService(db: req.db, actor: actor, now: req.now).advance(round, to: state, revision: input.revision)
        return try await ParRoundView.load(moved, actor: actor, now: req.now, on: req.db)
    }

    func assessment(req: Request) async throws -> ParAssessmentView {
        let (actor, c) = try await req.parContext()
        return try await ParAssessmentView.load(c, actor: actor, now: req.now, on: req.db)
    }

    struct SelfInput: Content {
        var revision: Int?
        var criteria: [String: ParAssessmentService.SelfEntry]
    }

    func saveSelf(req: Request) async throws -> ParAssessmentView {
        let (actor, c) = try await req.parContext()
        let input = try req.content.decode(SelfInput.self)
        var fresh = c
        fresh.assessment = try await ParAssessmentService(db: req.db, actor: actor, now: req.now).saveSelf(c, input.criteria, revision: input.revision)
        return try await ParAssessmentView.load(fresh, actor: actor, now: req.now, on: req.db)
    }

    struct ActionInput: Content {
        init() {}

        var revision: Int?
        var appraisal: [String: ParAssessmentService.Appraisal]?
        var answers: [String: String]?
    }

    func action(req: Request) async throws -> Response {
        let (actor, c) = try await req.parContext()
        guard let action = ParAction(rawValue: try req.parameters.require("action")) else {
            throw CCHCError.notFound("Không có thao tác này: submit, withdraw, appraise, send, answer, plan.")
        }
        let input = (try? req.content.decode(ActionInput.self)) ?? ActionInput()
        let service = ParAssessmentService(db: req.db, actor: actor, now: req.now)
        var fresh = c
        switch action {
        case .submit: fresh.assessment = try await service.submit(c, revision: input.revision)
        case .withdraw: fresh.assessment = try await service.withdraw(c, revision: input.revision)
        case .appraise, .send:
            fresh.assessment = try await service.appraise(c, input.appraisal ?? [:], send: action == .send, revision: input.revision)
        case .answer: fresh.assessment = try await service.answer(c, input.answers ?? [:], revision: input.revision)
        case .plan:
            let (eval, _) = try await ParQueries.evaluate(c.assessment, round: c.round, framework: c.framework, unit: c.unit, now: req.now, on: req.db)
            let plan = try await service.improvementPlan(c, evaluation: eval)
            let view = try await PlanView.load(unit: c.unit, year: plan.year, kind: .parImprovement, today: Day(req.now), on: req.db)
            return try await view.encodeResponse(status: .created, for: req)
        }
        return try await ParAssessmentView.load(fresh, actor: actor, now: req.now, on: req.db).encodeResponse(for: req)
    }

    /// The file is the body; `?code=` the criterion, `?name=` its name (the type is read from the extension).
    func upload(req: Request) async throws -> ParAssessmentView {
        let (actor, c) = try await req.parContext()
        let service = ParAssessmentService(db: req.db, actor: actor, now: req.now)
        try service.checkStaff(c)
        guard let code = req.query[String.self, at: "code"], !code.isEmpty else { throw ValidationFailure(field: "code", "Thiếu ?code=: mã tiêu chí.") }
        guard let name = req.query[String.self, at: "name"]?.trimmingCharacters(in: .whitespaces), !name.isEmpty else {
            throw ValidationFailure(field: "name", "Thiếu ?name=: tên tệp (vd: so-tin-bai.pdf) để biết loại tệp.")
        }
        let bytes = Self.body(req)
        guard !bytes.isEmpty else { throw ValidationFailure(field: "file", "Tệp rỗng.") }
        _ = try await service.upload(c, code: code, fileName: name, bytes: bytes)
        return try await ParAssessmentView.load(c, actor: actor, now: req.now, on: req.db)
    }
}
