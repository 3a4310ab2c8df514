import Fluent
import Vapor
import CCHCDomain

/// Forms, regimes, reports and timeliness over JSON.
struct ReportingAPI: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("forms", use: forms).access(.reference)
        routes.post("forms", use: importForm).access(.reference)
        routes.get("forms", ":formID", use: form).access(.reference)
        routes.post("regimes", "check", use: checkRegime).access(.reference)
        routes.post("regimes", "read", use: readRegime).access(.reference)

        let unit = routes.grouped("units", ":unitID")
        unit.get("regimes", ":year", use: regime).access(.scoped)
        unit.put("regimes", ":year", use: saveRegime).access(.scoped)
        unit.get("reports", use: reports).access(.scoped)
        unit.get("reports", ":periodID", use: report).access(.scoped)
        unit.put("reports", ":periodID", use: saveReport).access(.scoped)
        unit.post("reports", ":periodID", ":action", use: act).access(.scoped)
        unit.post("reports", ":periodID", "assemble", use: assemble).access(.scoped)
        unit.get("timeliness", use: timeliness).access(.scoped)
    }

    struct FormSummary: Content {
        var id: Int; var code: String; var title: String; var year: Int
        /// The jurisdiction that issued it (null: the system's own); the revision to send back with a change.
        var ownerID: Int?; var revision: Int
        init(_ r: FormRecord) { id = r.id ?? 0; code = r.code; title = r.title; year = r.year; ownerID = r.ownerID; revision = r.revision }
    }

    func forms(req: Request) async throws -> [FormSummary] {
        _ = try req.actor
        return try await FormRecord.query(on: req.db).sort(\.$year, .descending).all().map(FormSummary.init)
    }

    func form(req: Request) async throws -> Response {
        _ = try req.actor
        guard let record = try await FormRecord.find(try req.idParameter("formID"), on: req.db) else { throw CCHCError.notFound() }
        return Response(status: .ok, headers: ["Content-Type": "application/json; charset=utf-8"],
                        body: .init(string: try FormCodec.encode(try record.definition())))
    }

    func importForm(req: Request) async throws -> Response {
        let actor = try req.actor
        guard actor.canManage else { throw CCHCError.forbidden }
        guard var body = req.body.data else { throw ValidationFailure(field: "form", "Chưa gửi nội dung biểu mẫu.") }
        let data = body.readData(length: body.readableBytes) ?? Data()
        let expected = try req.queryInt("revision")
        let (record, created) = try await FormService.importForm(data, on: req.db, actor: actor, now: req.now, expectedRevision: expected)
        return try await FormSummary(record).encodeResponse(status: created ? .created : .ok, for: req)
    }

    /// Slips, and separately notes (deadlines on days off) that are not slips.
    struct RegimeCheckResult: Content { var warnings: [String]; var notes: [String] }

    func checkRegime(req: Request) async throws -> RegimeCheckResult {
        _ = try req.actor
        let regime = try req.content.decode(Regime.self)
        let problems = regime.problems()
        guard problems.isEmpty else { throw ValidationFailure(problems) }
        let found = RegimeCheck.check(regime)
        return RegimeCheckResult(warnings: found.filter { !$0.isNote }.map(\.message), notes: found.filter(\.isNote).map(\.message))
    }

    struct RegimeDTO: Content {
        var regime: Regime
        var formID: Int?
        var document: String?
        var warnings: [String]
        var notes: [String]
        /// Edit counter: send it back with a change to be protected from overwriting someone else's.
        var revision: Int
    }

    struct RegimeInput: Content {
        var regime: Regime
        var formID: Int?
        var document: String?
        var revision: Int?
    }

    func regime(req: Request) async throws -> RegimeDTO {
        let actor = try req.actor
        let unit = try await UnitQueries.readable(try req.idParameter("unitID"), by: actor, on: req.db)
        let year = try RegimePages.year(req)
        guard let record = try await RegimeRecord.query(on: req.db).filter(\.$issuer.$id == (try unit.requireID())).filter(\.$year == year).first() else {
            throw CCHCError.notFound("\(unit.name) chưa ban hành chế độ báo cáo năm \(year).")
        }
        let regime = try await RegimeService.domain(record, issuerName: unit.name, on: req.db)
        let warnings = try await RegimeService.warnings(regime, issuer: unit, on: req.db)
        return RegimeDTO(regime: regime, formID: record.$form.id, document: record.document, warnings: warnings.filter { !$0.isNote }.map(\.message),
                         notes: warnings.filter(\.isNote).map(\.message), revision: record.revision)
    }

    func saveRegime(req: Request) async throws -> RegimeDTO {
        let actor = try req.actor
        let unit = try await UnitQueries.manageable(try req.idParameter("unitID"), by: actor, on: req.db)
        var input = try req.content.decode(RegimeInput.self)
        input.regime.year = try RegimePages.year(req)
        input.regime.issuer = unit.name
        let (record, warnings) = try await RegimeService(db: req.db, actor: actor, now: req.now)
            .save(input.regime, issuer: unit, formID: input.formID, document: input.document, expectedRevision: input.revision)
        return RegimeDTO(regime: input.regime, formID: record.$form.id, document: record.document,
                         warnings: warnings.filter { !$0.isNote }.map(\.message), notes: warnings.filter(\.isNote).map(\.message),
                         revision: record.revision)
    }

    func reports(req: Request) async throws -> [ReportListing.Row] {
        let actor = try req.actor
        let unit = try await UnitQueries.reportable(try req.idParameter("unitID"), by: actor, on: req.db)
        var year = try req.queryInt("year", in: 2000...2100)
        if year == nil { year = try await RegimeService.years(for: unit, on: req.db).first }
        return try await ReportListing.rows(unit: unit, year: year ?? Day(req.now).year, now: req.now, on: req.db)
    }

    struct ReportDTO: Content {
        struct Value: Content {
            var code: String
            var number: Double?
            var numerator: Double?
            var denominator: Double?
            var text: String?
            var display: String
        }
        var unitID: Int
        var periodID: Int
        var period: String
        var year: Int
        var window: String
        var deadline: String
        var formCode: String
        var reportID: Int?
        var version: Int?
        /// Edit counter: send it back with a save or an action; a save based on an older read gets 409.
        var revision: Int
        /// For an office's staff: the edit counter of the office's part.
        var officeRevision: Int?
        var state: String
        var timeliness: String
        var timelinessLabel: String
        var docNumber: String?
        var docDate: String?
        var returnComment: String?
        var values: [Value]
        var previousValues: [Value]
        var narrative: [String: String]
        var documents: [ReportService.DocumentInput]
        var warnings: [RuleWarning]
        var availableActions: [String]
        var editableCodes: [String]
        /// The rows the system computes (the form's `source`): value, what it was computed from, where to see it.
        var computed: [ComputedFigure]
        /// How saved figures that were not simply typed came: "computed", or "override" with the unit's reason.
        var sources: [String: ReportService.ValueSource]
    }

    static func dto(_ ctx: ReportContext, now: Date) throws -> ReportDTO {
        func values(_ v: [String: IndicatorValue]) -> [ReportDTO.Value] {
            ctx.form.indicators.compactMap { ind in
                guard let x = v[ind.code], !x.isEmpty else { return nil }
                return .init(code: ind.code, number: x.number, numerator: x.numerator, denominator: x.denominator, text: x.text,
                             display: ValueDisplay.text(ind, x))
            }
        }
        let t = Timeliness.of(ctx.report, deadline: ctx.window.lastDay, now: now)
        return ReportDTO(
            unitID: try ctx.unit.requireID(), periodID: try ctx.period.requireID(), period: ctx.period.kind, year: ctx.regime.year,
            window: ctx.window.windowText, deadline: ctx.window.deadline.iso, formCode: ctx.form.code,
            reportID: ctx.report?.id, version: ctx.report?.version, revision: ctx.report?.revision ?? 0,
            officeRevision: ctx.officeSections == nil ? nil : ctx.ownContribution?.revision ?? 0, state: ctx.report == nil ? "none" : ctx.state.rawValue,
            timeliness: t.code, timelinessLabel: t.label, docNumber: ctx.report?.docNumber, docDate: ctx.report?.docDate,
            returnComment: ctx.report?.returnComment, values: values(ctx.values), previousValues: values(ctx.previousValues),
            narrative: ctx.report?.narrative ?? [:],
            documents: ctx.documents.map(\.row),
            warnings: ctx.warnings(), availableActions: ReportWorkflow.available(ctx.state, for: ctx.role).map(\.rawValue),
            editableCodes: ctx.form.indicators.filter { $0.isInput && ctx.canEdit($0.code) }.map(\.code),
            computed: ctx.form.indicators.compactMap { ctx.computed[$0.code] }, sources: ctx.sources)
    }

    func report(req: Request) async throws -> ReportDTO {
        let (_, ctx) = try await req.reportContext()
        return try Self.dto(ctx, now: req.now)
    }

    /// Values as JSON: `{"values": {"1.1.1": "12", "3.4.1": {"numerator": "45", "denominator": "50"}}, "narrative": {...}, "documents": [...]}`.
    struct SaveBody: Content {
        enum Raw: Codable {
            case text(String)
            case number(Double)
            case fraction(numerator: String?, denominator: String?, value: String?)

            init(from decoder: any Decoder) throws {
                let c = try decoder.singleValueContainer()
                if let n = try? c.decode(Double.self) { self = .number(n); return }
                if let s = try? c.decode(String.self) { self = .text(s); return }
                struct F: Codable {
                    enum CodingKeys: String, CodingKey { case numerator, denominator, value }
                    var numerator: LossyString?; var denominator: LossyString?; var value: LossyString?
                }
                let f = try c.decode(F.self)
                // An object names at least one of its parts ({"numerator": null, …} clears them, like ""); {} is refused.
                guard !(try decoder.container(keyedBy: F.CodingKeys.self).allKeys.isEmpty) else {
                    throw DecodingError.dataCorruptedError(in: c, debugDescription: "cần numerator, denominator hoặc value")
                }
                self = .fraction(numerator: f.numerator?.text, denominator: f.denominator?.text, value: f.value?.text)
            }
            func encode(to encoder: any Encoder) throws {}

            var raw: RawValue {
                switch self {
                case .text(let s): RawValue(value: s)
                case .number(let n): RawValue(value: LossyString.text(n))
                case .fraction(let n, let d, let v): RawValue(value: v, numerator: n, denominator: d)
                }
            }
        }
        var values: [String: Raw]?
        var narrative: [String: String]?
        var documents: [ReportService.DocumentInput]?
        var topicReport: String?
        var officeDone: Bool?
        /// The `revision` of the report as read (required), or for an office's staff `officeRevision`.
        var revision: Int?
        var officeRevision: Int?
        /// Why a computed figure (`computed`) is changed, per row code: required for each one sent different.
        var reasons: [String: String]?
    }

    struct SaveResult: Content {
        var report: ReportDTO
        var warnings: [RuleWarning]
    }

    func saveReport(req: Request) async throws -> SaveResult {
        let (service, ctx) = try await req.reportContext()
        let unit = ctx.unit
        let body = try req.content.decode(SaveBody.self)
        if ctx.officeSections == nil ? body.revision == nil : body.officeRevision == nil {
            let field = ctx.officeSections == nil ? "revision" : "officeRevision"
            throw ValidationFailure(field: field, "\(field): cần gửi kèm lần sửa đã đọc (trường \(field) của GET), "
                                    + "để không ghi đè thay đổi của người khác.")

        }
        // A JSON save sends the values it changes: the others are kept as they are (inside the transaction).
        let raw = (body.values ?? [:]).mapValues(\.raw)
        let (_, warnings) = try await service.save(ctx, .init(values: raw, narrative: body.narrative, documents: body.documents,
                                                             topicReport: body.topicReport, markOfficeDone: body.officeDone ?? false,
                                                             revision: body.revision, officeRevision: body.officeRevision, partial: true,
                                                             reasons: body.reasons ?? [:]))
        let fresh = try await service.context(unit: unit, periodID: try ctx.period.requireID())
        return SaveResult(report: try Self.dto(fresh, now: req.now), warnings: warnings)
    }

    func act(req: Request) async throws -> ReportDTO {
        guard let action = req.parameters.get("action").flatMap(ReportAction.init(rawValue:)), action != .save else { throw CCHCError.notFound() }
        let (service, ctx) = try await req.reportContext()
        let unit = ctx.unit
        // No body is an action without comment; a body that cannot be read is refused, never ignored.
        let input = (req.body.data?.readableBytes ?? 0) > 0 ? try req.content.decode(ReportService.ActionInput.self) : .init()
        _ = try await service.act(ctx, action, input)
        return try Self.dto(try await service.context(unit: unit, periodID: try ctx.period.requireID()), now: req.now)
    }

    func assemble(req: Request) async throws -> ReportDTO {
        let (service, ctx) = try await req.reportContext()
        let unit = ctx.unit
        _ = try await service.assemble(ctx)
        return try Self.dto(try await service.context(unit: unit, periodID: try ctx.period.requireID()), now: req.now)
    }

    func timeliness(req: Request) async throws -> TimelinessTable {
        let (unit, table, year) = try await TimelinessPages.load(req)
        guard let table else { throw CCHCError.notFound("Chưa có chế độ báo cáo năm \(year) cho các đơn vị trực thuộc \(unit.name).") }
        return table
    }
}

/// Accepts "12", 12 or 12.5 where a string is expected.
struct LossyString: Codable {
    var text: String
    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { text = "" }
        else if let s = try? c.decode(String.self) { text = s }
        else if let d = try? c.decode(Double.self) { text = Self.text(d) }
        else { throw DecodingError.dataCorruptedError(in: c, debugDescription: "phải là số hoặc chuỗi") }
    }
    func encode(to encoder: any Encoder) throws { var c = encoder.singleValueContainer(); try c.encode(text) }

    /// A JSON number as a Vietnamese user would type it: "12", "12,5"; out-of-range values are kept
    /// as they are, for the validator to refuse by name.
    static func text(_ d: Double) -> String {
        if let whole = d.exactInt, abs(d) < 1e15 { return String(whole) }
        return NumberFormat.vietnamese(d, maxFractionDigits: 10).replacingOccurrences(of: ".", with: "")
    }
}
