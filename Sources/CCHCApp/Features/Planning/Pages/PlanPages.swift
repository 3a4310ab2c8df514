import Fluent
import Vapor
import CCHCDomain

/// The plan pages: a unit's plans and, for a jurisdiction, its units' plans (`PlanListPage`); a plan
/// (`PlanPage`): its table, edit, import, sign-off, progress; its files; the progress of the tasks it assigns.
struct PlanPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.Plans.list(.key).pathComponents, use: list).access(.scoped)
        routes.get(SiteURL.Plans.plan(.key, .key, .key).pathComponents, use: show).access(.scoped)
        routes.post(SiteURL.Plans.plan(.key, .key, .key).pathComponents, use: save).access(.scoped)
        routes.post(SiteURL.Plans.action(.key, .key, .key, .key).pathComponents, use: act).access(.scoped)
        routes.post(SiteURL.Plans.task(.key, .key, .key, .key).pathComponents, use: taskProgress).access(.scoped)
        routes.post(SiteURL.Plans.assigned(.key, .key, .key, .key).pathComponents, use: assignedProgress).access(.scoped)
        routes.on(.POST, SiteURL.Plans.importFile(.key, .key, .key).pathComponents, body: .collect(maxSize: "20mb"), use: importFile)
            .access(.scoped)
        routes.get(SiteURL.Plans.exportXLSX(.key, .key, .key).pathComponents, use: exportXLSX).access(.scoped)
        routes.get(SiteURL.Plans.exportDOCX(.key, .key, .key).pathComponents, use: exportDOCX).access(.scoped)
        routes.get(SiteURL.Plans.exportJSON(.key, .key, .key).pathComponents, use: exportJSON).access(.scoped)
        routes.get(SiteURL.Plans.progress(.key, .key, .key).pathComponents, use: progress).access(.scoped)
    }

    /// The unit, year and kind of the address, the unit in the caller's scope.
    static func target(_ req: Request) async throws -> (Unit, Int, PlanKind) {
        let unit = try await UnitQueries.readable(try req.idParameter("unitID"), by: try req.actor, on: req.db)
        guard let year = req.parameters.get("year", as: Int.self), (2000...2100).contains(year) else {
            throw CCHCError(.badRequest, "Năm không hợp lệ (2000–2100).")
        }
        guard let kind = req.parameters.get("kind").flatMap(PlanKind.init(rawValue:)) else {
            throw CCHCError.notFound("Không có loại kế hoạch này (cchc, communications, inspection).")
        }
        return (unit, year, kind)
    }

    func model(_ req: Request, editing: Bool = false, typed: [PlanTaskEntry]? = nil, failure: ValidationFailure? = nil,
               flash: String? = nil, problems: [String] = []) async throws -> PlanPage.Model {
        let (unit, year, kind) = try await Self.target(req)
        let view = try await PlanView.load(unit: unit, year: year, kind: kind, today: Day(req.now), on: req.db)
        return PlanPage.Model(view: view, role: ReportService.reportActor(try req.actor, unit: unit), editing: editing, today: Day(req.now),
                              typed: typed, failure: failure, flash: flash, importProblems: problems)
    }

    func page(_ req: Request, _ m: PlanPage.Model) -> HTML {
        Layout.page(request: req, title: "\(m.view.title) — \(m.view.unitName)", flash: m.flash, body: PlanPage.render(m))
    }

    func show(req: Request) async throws -> HTML {
        let flash: String? = switch (try? req.query.get(String.self, at: "done")) ?? "" {
        case "saved": "Đã lưu kế hoạch."
        case "progress": "Đã lưu tiến độ."
        case "action": "Đã chuyển kế hoạch sang bước tiếp theo (xem Trạng thái)."
        default: nil
        }
        return page(req, try await model(req, editing: (try? req.query.get(Int.self, at: "edit")) == 1, flash: flash))
    }

    func back(_ req: Request, _ done: String) throws -> Response {
        let (u, y) = (try req.idParameter("unitID"), req.parameters.get("year", as: Int.self) ?? 0)
        let k = req.parameters.get("kind").flatMap(PlanKind.init(rawValue:)) ?? .cchc
        return req.redirect(to: SiteURL.Plans.plan(.value(u), .value(y), .value(k)).relativeURL(parameters: [QueryParameter("done", done)]))
    }

    /// The edit table (`area:0`, `detail:0` …), typed back into plan rows. A row left wholly blank is dropped; a row with
    /// anything typed in it is kept, so a row missing its content is refused by name, never lost.
    static func typedTasks(_ form: FormBody) -> [PlanTaskEntry] {
        let columns = ["area", "task", "detail", "product", "lead", "coordinators", "timeFrame"]
        let count = columns.flatMap { form.prefixed($0).keys.compactMap { Int($0) } }.max().map { $0 + 1 } ?? 0
        func cell(_ name: String, _ i: Int) -> String { (form["\(name):\(i)"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
        func list(_ name: String, _ i: Int) -> [String] {
            cell(name, i).split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        return (0..<min(count, 2100)).compactMap { i in
            let e = PlanTaskEntry(area: cell("area", i), task: cell("task", i), detail: cell("detail", i), product: cell("product", i),
                                  lead: list("lead", i), coordinators: list("coordinators", i), timeFrame: cell("timeFrame", i))
            let blank = [e.area, e.task, e.detail, e.product, e.timeFrame].allSatisfy(\.isEmpty) && e.lead.isEmpty && e.coordinators.isEmpty
            return blank ? nil : e
        }
    }

    func save(req: Request) async throws -> Response {
        let actor = try req.actor
        let (unit, year, kind) = try await Self.target(req)
        let form = FormBody(req)
        let revision = form["revision"].flatMap(Int.init)
        let service = PlanService(db: req.db, actor: actor, now: req.now)
        if form["deadlineOnly"] == "1" {
            guard let plan = try await PlanQueries.plan(of: try unit.requireID(), year: year, kind: kind, on: req.db) else { throw CCHCError.notFound() }
            let typed = (form["deadlineForBelow"] ?? "").trimmingCharacters(in: .whitespaces)
            let day = typed.isEmpty ? nil : Day(vietnamese: typed)
            if !typed.isEmpty && day == nil {
                let failure = ValidationFailure(field: "deadlineForBelow", "Hạn ban hành kế hoạch: " + VNDate.problem(typed))
                return try await page(req, try await model(req, failure: failure)).encodeResponse(status: .unprocessableEntity, for: req)
            }
            try await service.setDeadlineForBelow(plan, unit: unit, deadline: day.map { DueDate(day: $0, strict: form["deadlineStrict"] == "on") })
            return try back(req, "saved")
        }
        let tasks = Self.typedTasks(form)
        let existing = try await PlanView.load(unit: unit, year: year, kind: kind, today: Day(req.now), on: req.db)
        let document = PlanDocument(unit: unit.name, year: year, kind: kind, document: existing.document, tasks: tasks)
        do {
            try await service.save(document, unit: unit, expectedRevision: existing.id == nil ? nil : revision)
            return try back(req, "saved")
        } catch let failure as ValidationFailure {
            return try await page(req, try await model(req, editing: true, typed: tasks, failure: failure))
                .encodeResponse(status: .unprocessableEntity, for: req)
        } catch let e as CCHCError where e.status == .conflict {
            return try await page(req, try await model(req, editing: true, typed: tasks, failure: ValidationFailure(field: "revision", e.message)))
                .encodeResponse(status: .conflict, for: req)
        }
    }

    func act(req: Request) async throws -> Response {
        let (unit, year, kind) = try await Self.target(req)
        guard let action = req.parameters.get("action").flatMap(ReportAction.init(rawValue:)) else { throw CCHCError.notFound() }
        guard let plan = try await PlanQueries.plan(of: try unit.requireID(), year: year, kind: kind, on: req.db) else {
            throw CCHCError.notFound("Chưa lập kế hoạch này.")
        }
        let form = FormBody(req)
        let input = PlanService.ActionInput(comment: form["comment"], docNumber: form["docNumber"], docDate: form["docDate"],
                                            signer: form["signer"], revision: form["revision"].flatMap(Int.init))
        do {
            _ = try await PlanService(db: req.db, actor: try req.actor, now: req.now).act(plan, unit: unit, action, input)
            return try back(req, "action")
        } catch let failure as ValidationFailure {
            return try await page(req, try await model(req, failure: failure)).encodeResponse(status: .unprocessableEntity, for: req)
        } catch let e as CCHCError where e.status == .conflict {
            return try await page(req, try await model(req, failure: ValidationFailure(field: "action", e.message)))
                .encodeResponse(status: .conflict, for: req)
        }
    }

    static func progressInput(_ form: FormBody) throws -> PlanService.ProgressInput {
        guard let status = form["status"].flatMap(TaskStatus.init(rawValue:)) else {
            throw ValidationFailure(field: "status", "Trạng thái: chưa chọn hoặc không hợp lệ.")
        }
        return .init(status: status, completedOn: form["completedOn"], note: form["note"], evidence: form["evidence"],
                     revision: form["revision"].flatMap(Int.init))
    }

    func taskProgress(req: Request) async throws -> Response {
        let (unit, year, kind) = try await Self.target(req)
        guard let plan = try await PlanQueries.plan(of: try unit.requireID(), year: year, kind: kind, on: req.db),
              let task = try await PlanTaskRecord.find(try req.idParameter("taskID"), on: req.db), task.$plan.id == plan.id else {
            throw CCHCError.notFound("Không tìm thấy nhiệm vụ này trong kế hoạch.")
        }
        do {
            _ = try await PlanService(db: req.db, actor: try req.actor, now: req.now).record(try Self.progressInput(FormBody(req)), task: task,
                                                                                        plan: plan, unit: unit)
            return try back(req, "progress")
        } catch let failure as ValidationFailure {
            return try await page(req, try await model(req, failure: failure)).encodeResponse(status: .unprocessableEntity, for: req)
        }
    }

    func assignedProgress(req: Request) async throws -> Response {
        let (unit, _, _) = try await Self.target(req)
        guard let assignment = try await PlanAssignmentRecord.find(try req.idParameter("assignmentID"), on: req.db),
              assignment.$unit.id == unit.id else { throw CCHCError.notFound("Không tìm thấy nhiệm vụ được giao này.") }
        do {
            _ = try await PlanService(db: req.db, actor: try req.actor, now: req.now).record(try Self.progressInput(FormBody(req)),
                                                                                        assignment: assignment, unit: unit)
            return try back(req, "progress")
        } catch let failure as ValidationFailure {
            return try await page(req, try await model(req, failure: failure)).encodeResponse(status: .unprocessableEntity, for: req)
        }
    }

    /// A task table from .docx, .xlsx or the plan JSON, into the draft; what could not be read is listed on the page.
    func importFile(req: Request) async throws -> Response {
        let (unit, year, kind) = try await Self.target(req)
        struct Upload: Content { var file: File }
        guard let upload = try? req.content.decode(Upload.self), upload.file.data.readableBytes > 0 else {
            return try await page(req, try await model(req, failure: ValidationFailure(field: "file", "Tệp: chưa chọn tệp hoặc tệp rỗng.")))
                .encodeResponse(status: .unprocessableEntity, for: req)
        }
        let data = Data(buffer: upload.file.data)
        do {
            let (tasks, problems) = try PlanImport.tasks(data, filename: upload.file.filename, year: year)
            let existing = try await PlanView.load(unit: unit, year: year, kind: kind, today: Day(req.now), on: req.db)
            let document = PlanDocument(unit: unit.name, year: year, kind: kind, document: existing.document, tasks: tasks)
            try await PlanService(db: req.db, actor: try req.actor, now: req.now).save(document, unit: unit)
            let flash = "Đã nhập \(tasks.count) nhiệm vụ từ tệp “\(upload.file.filename)” vào dự thảo."
                + (problems.isEmpty ? "" : " Có \(problems.count) dòng chưa đọc được: xem danh sách bên dưới.")
            return try await page(req, try await model(req, flash: flash, problems: problems)).encodeResponse(for: req)
        } catch let failure as ValidationFailure {
            return try await page(req, try await model(req, failure: failure)).encodeResponse(status: .unprocessableEntity, for: req)
        } catch let e as CCHCError where e.status == .conflict || e.status == .unprocessableEntity {
            return try await page(req, try await model(req, failure: ValidationFailure(field: "file", e.message)))
                .encodeResponse(status: e.status, for: req)
        }
    }

    func exportJSON(req: Request) async throws -> Response {
        let (unit, year, kind) = try await Self.target(req)
        let view = try await PlanView.load(unit: unit, year: year, kind: kind, today: Day(req.now), on: req.db)
        return try PlanExports.file(PlanExports.json(view.json), name: "ke-hoach-\(Folding.slug(unit.name))-\(year).json",
                                    type: "application/json; charset=utf-8")
    }

    func exportXLSX(req: Request) async throws -> Response {
        let (unit, year, kind) = try await Self.target(req)
        let view = try await PlanView.load(unit: unit, year: year, kind: kind, today: Day(req.now), on: req.db)
        return try PlanExports.file(try PlanFiles.xlsx(view.json), name: "ke-hoach-\(Folding.slug(unit.name))-\(year).xlsx",
                                    type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    }

    func exportDOCX(req: Request) async throws -> Response {
        let (unit, year, kind) = try await Self.target(req)
        let view = try await PlanView.load(unit: unit, year: year, kind: kind, today: Day(req.now), on: req.db)
        let data = try await PlanExports.docx(view, unit: unit, on: req.db)
        return try PlanExports.file(data, name: "ke-hoach-\(Folding.slug(unit.name))-\(year).docx",
                                    type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
    }

    func list(req: Request) async throws -> HTML {
        let m = try await PlanListPage.Model.load(req)
        return Layout.page(request: req, title: "Kế hoạch CCHC — \(m.unitName)", body: PlanListPage.render(m))
    }

    func progress(req: Request) async throws -> HTML {
        let (unit, year, kind) = try await Self.target(req)
        let view = try await PlanView.load(unit: unit, year: year, kind: kind, today: Day(req.now), on: req.db)
        return Layout.page(request: req, title: "Tiến độ nhiệm vụ giao — \(unit.name)", body: PlanProgressPage.render(view))
    }
}
