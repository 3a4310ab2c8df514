import Fluent
import Vapor
import CCHCDomain
import CCHCOffice

/// Excel and Word in and out, for pages and the API.
enum Exports {
    static let xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    static let docxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

    /// A download; `name` is built from ASCII slugs by every caller.
    static func file(_ data: Data, type: String, name: String) -> Response {
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: type)
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(name)\"")
        return Response(status: .ok, headers: headers, body: .init(data: data))
    }

    static func fileName(_ ctx: ReportContext, _ ext: String) -> String {
        "bao-cao-\(ctx.period.kind)-\(ctx.regime.year)-\(Folding.slug(ctx.unit.name)).\(ext)"
    }

    static func reportXLSX(_ ctx: ReportContext) throws -> Data {
        let title = "\(ctx.period.periodKind.title(year: ctx.regime.year)) — \(ctx.unit.name) — chốt số liệu \(ctx.window.windowText)"
        return try XLSXWorkbook(sheets: [ReportWorkbook.form(ctx.form, values: ctx.values, title: title), try identity(ctx).sheet]).data()
    }

    static func identity(_ ctx: ReportContext) throws -> ReportWorkbook.Identity {
        .init(unitID: try ctx.unit.requireID(), unitName: ctx.unit.name, period: ctx.period.kind, year: ctx.regime.year, form: ctx.form.code)
    }

    /// Who signs a unit's document: the account that signed and sent it (`submittedBy`), else the unit's
    /// first active leader. The name printed is the account's own, never the unit's.
    static func signer(of unitID: Int, submittedBy: Int?, on db: any Database) async throws -> Signatory? {
        if let submittedBy, let user = try await User.find(submittedBy, on: db) { return Signatory(fullName: user.fullName) }
        let leader = try await User.query(on: db).filter(\.$unit.$id == unitID).filter(\.$role == .leader).filter(\.$isActive == true)
            .sort(\.$id).first()
        return leader.map { Signatory(fullName: $0.fullName) }
    }

    /// The issuing body of `unit` (from its kind, its name and its parent's), whom it reports to, and who signs.
    static func issuer(for unit: CCHCApp.Unit, reportsTo: CCHCApp.Unit?, submittedBy: Int?, on db: any Database) async throws -> ReportDocument.Issuer {
        let parent = try await CCHCApp.Unit.find(optional: unit.$parent.id, on: db)
        let body = IssuingBody(kind: unit.kind, name: unit.name, parentKind: parent?.kind, parentName: parent?.name)
        let recipient = reportsTo.map { IssuingBody(kind: $0.kind, name: $0.name).inSentence } ?? "cấp trên"
        return .init(body: body, recipient: recipient,
                     signer: try await signer(of: try unit.requireID(), submittedBy: submittedBy, on: db))
    }

    /// `consolidated`: put the area's consolidated figures in a jurisdiction's appendix — only for an
    /// account that may read the consolidation itself (an office's staff fill sections, not more).
    static func reportDOCX(_ ctx: ReportContext, consolidated: Bool, now: Date, on db: any Database) async throws -> Data {
        let date = ctx.report?.docDate.flatMap { Day(iso: $0) } ?? Day(now)
        // The regime's issuer receives the report; a jurisdiction that issued its own regime reports to its parent.
        let reportsTo = ctx.issuer.id == ctx.unit.id ? try await CCHCApp.Unit.find(optional: ctx.unit.$parent.id, on: db) : ctx.issuer
        let issuer = try await issuer(for: ctx.unit, reportsTo: reportsTo, submittedBy: ctx.report?.submittedBy, on: db)
        // Once signed, the appendix is the one the leader signed; before, it is computed now.
        let signed = ctx.report?.appendixJSON.flatMap { try? JSONDecoder().decode([String: String].self, from: Data($0.utf8)) }
        let figures: [String: String]
        if let signed { figures = signed } else { figures = try await appendix(ctx, consolidated: consolidated, on: db) }
        let doc = ReportDocument.officialDocument(
            issuer: issuer, kind: ctx.period.periodKind, year: ctx.regime.year, number: ctx.report?.docNumber, date: date,
            narrative: ctx.report?.narrative ?? [:],
            documents: ctx.documents.map(\.row),
            form: ctx.form, figures: figures)
        return try doc.docxData()
    }

    /// The appendix of a report: its own figures, or — for a jurisdiction reporting its whole area upward,
    /// when units below it have reported — the consolidated figures (a coded answer by its label).
    static func appendix(_ ctx: ReportContext, consolidated: Bool, on db: any Database) async throws -> [String: String] {
        var figures: [String: String] = [:]
        for ind in ctx.form.indicators { figures[ind.code] = ReportDocument.figure(ind, ctx.values[ind.code]) }
        guard ctx.unit.kind.isJurisdiction && consolidated else { return figures }
        // A jurisdiction with no unit below it (a commune) has nothing to consolidate: its own figures.
        guard try await CCHCApp.Unit.query(on: db).filter(\.$parent.$id == ctx.unit.requireID()).first() != nil else { return figures }
        let area = try await ConsolidationService.consolidate(jurisdiction: ctx.unit, year: ctx.regime.year, kind: ctx.period.periodKind, on: db)
        guard area.includedBelow > 0 else { return figures }
        for f in area.figures {
            guard let ind = ctx.form.indicator(f.code) else { continue }
            let text = ReportDocument.figure(ind, consolidated: f)
            if !text.isEmpty { figures[f.code] = text }
        }
        return figures
    }

    static func consolidation(_ req: Request) async throws -> (CCHCApp.Unit, ConsolidatedReport, FormDefinition) {
        try await ConsolidationPages.load(req)
    }

    /// Writes the consolidation workbook to `url` in constant memory: the figures, then the units × indicators sheet
    /// (on the same basis: accepted only, or everything submitted) streamed a few hundred units at a time.
    static func writeConsolidationXLSX(_ unit: CCHCApp.Unit, _ report: ConsolidatedReport, _ form: FormDefinition, to url: URL,
                                       on db: any Database) async throws {
        let writer = try XLSXStreamWriter(url: url)
        let summary = ReportWorkbook.consolidationSummary(report, form: form)
        try writer.addSheet(name: summary.name, columnWidths: summary.columnWidths, frozenRows: summary.frozenRows,
                            frozenColumns: summary.frozenColumns)
        for row in summary.rows { try writer.append(row: row) }
        let inputs = ReportWorkbook.matrixInputs(form)
        try writer.addSheet(name: ReportWorkbook.MatrixSheet.name, columnWidths: ReportWorkbook.MatrixSheet.widths(inputs),
                            frozenRows: 1, frozenColumns: 1)
        try writer.append(row: ReportWorkbook.matrixHeader(inputs))
        try await ConsolidationService.matrix(jurisdiction: unit, year: report.year, kind: report.period,
                                              acceptedOnly: report.acceptedOnly, on: db) { rows in
            for row in rows { try writer.append(row: ReportWorkbook.matrixRow(row.unit, row.values, inputs: inputs)) }
        }
        try writer.finish()
    }

    /// A file written for one download, streamed from disk and removed once sent.
    static func temporaryFile(_ req: Request, type: String, name: String,
                              write: (URL) async throws -> Void) async throws -> Response {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("cchc-\(UUID().uuidString)")
        do { try await write(url) } catch {
            try? FileManager.default.removeItem(at: url)
            throw error
        }
        let response = try await req.fileio.asyncStreamFile(at: url.path, onCompleted: { _ in try? FileManager.default.removeItem(at: url) })
        response.headers.replaceOrAdd(name: .contentType, value: type)
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(name)\"")
        return response
    }

    /// The consolidated report in the state layout (written to a file by the download, streamed from disk).
    static func consolidationDOCX(_ unit: CCHCApp.Unit, _ report: ConsolidatedReport, _ form: FormDefinition, now: Date,
                                  on db: any Database) async throws -> OfficialDocument {
        // The jurisdiction's own report carries its narrative and number, when it has one.
        var narrative: [String: String] = [:]
        var number: String?
        var submittedBy: Int?
        var date = Day(now)
        if let own = try await Report.query(on: db).join(PeriodRecord.self, on: \Report.$period.$id == \PeriodRecord.$id)
            .join(RegimeRecord.self, on: \PeriodRecord.$regime.$id == \RegimeRecord.$id)
            .filter(\.$unit.$id == (try unit.requireID())).filter(\.$isCurrent == true)
            .filter(PeriodRecord.self, \.$kind == report.period.code).filter(RegimeRecord.self, \.$year == report.year).first() {
            narrative = own.narrative
            number = own.docNumber
            submittedBy = own.submittedBy
            if let d = own.docDate.flatMap({ Day(iso: $0) }) { date = d }
        }
        let parent = try await CCHCApp.Unit.find(optional: unit.$parent.id, on: db)
        let issuer = try await issuer(for: unit, reportsTo: parent, submittedBy: submittedBy, on: db)
        var figures: [String: String] = [:]
        for f in report.figures {
            guard let ind = form.indicator(f.code), figures[f.code] == nil else { continue }
            figures[f.code] = ReportDocument.figure(ind, consolidated: f)
        }
        let missing = report.missing.isEmpty ? nil
            : """
                Số liệu tổng hợp từ báo cáo của \(report.includedCount) đơn vị; \
                chưa nhận được báo cáo của: \(NameList.text(report.missing.map(\.name), limit: 100)).
                """
        let doc = ReportDocument.officialDocument(issuer: issuer, kind: report.period, year: report.year, number: number,
                                                  date: date, narrative: narrative, documents: [], form: form, figures: figures, extraNote: missing)
        return doc
    }

    /// Applies an uploaded workbook whole, or refuses it with every problem listed.
    /// Returns false when the upload holds exactly what is already saved.
    /// Saves what an uploaded workbook changes — only the rows it fills (or marks "xóa") — and says
    /// what changed, row by row: "Hàng 7 — 1.1.2 Số nhiệm vụ đã hoàn thành: 12 → 14".
    static func importXLSX(_ data: Data, service: ReportService, ctx: ReportContext) async throws -> (changes: [String], warnings: [RuleWarning]) {
        let upload = ReportWorkbook.read(data, form: ctx.form, expected: try identity(ctx))
        let parsed = FormValidator.parse(ctx.form, raw: upload.values)
        let problems = upload.errors + ReportWorkbook.withRows(parsed.errors, rowOf: upload.rowOf)
        guard problems.isEmpty else { throw ValidationFailure(problems) }
        var raw: [String: RawValue] = [:]
        var changes: [String] = []
        for ind in ctx.form.indicators where ind.isInput && ctx.canEdit(ind.code) {
            guard let new = parsed.values[ind.code] ?? (upload.values[ind.code] != nil ? IndicatorValue() : nil) else { continue }
            let old = ctx.values[ind.code] ?? IndicatorValue()
            guard new != old else { continue }
            raw[ind.code] = upload.values[ind.code]
            let before = old.isEmpty ? "(trống)" : ValueDisplay.text(ind, old)
            let after = new.isEmpty ? "(xóa)" : ValueDisplay.text(ind, new)
            changes.append("Hàng \(upload.rowOf[ind.code] ?? 0) — \(ind.code) \(ind.name): \(before) → \(after)")
        }
        if changes.isEmpty { return ([], ctx.warnings()) }
        let (_, warnings) = try await service.save(ctx, .init(values: raw, partial: true))
        return (changes, warnings)
    }
}

struct ExportPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.Reports.exportXLSX(.key, .key).pathComponents, use: reportXLSX).access(.scoped)
        routes.get(SiteURL.Reports.exportDOCX(.key, .key).pathComponents, use: reportDOCX).access(.scoped)
        routes.on(.POST, SiteURL.Reports.importXLSX(.key, .key).pathComponents, body: .collect(maxSize: "10mb"), use: importXLSX).access(.scoped)
        routes.get(SiteURL.Consolidated.exportXLSX(.key, .key, .key).pathComponents, use: consolidationXLSX).access(.scoped)
        routes.get(SiteURL.Consolidated.exportCSV(.key, .key, .key).pathComponents, use: consolidationCSV).access(.scoped)
        routes.get(SiteURL.Consolidated.exportDOCX(.key, .key, .key).pathComponents, use: consolidationDOCX).access(.scoped)
    }

    func reportXLSX(req: Request) async throws -> Response {
        let (_, ctx) = try await req.reportContext()
        return Exports.file(try Exports.reportXLSX(ctx), type: Exports.xlsxType, name: Exports.fileName(ctx, "xlsx"))
    }

    func reportDOCX(req: Request) async throws -> Response {
        let (_, ctx) = try await req.reportContext()
        return Exports.file(try await Exports.reportDOCX(ctx, consolidated: try req.actor.scope.canRead(ctx.unit.unitPath), now: req.now, on: req.db),
                            type: Exports.docxType, name: Exports.fileName(ctx, "docx"))
    }

    struct UploadBody: Content { var file: File }

    func importXLSX(req: Request) async throws -> Response {
        let (service, ctx) = try await req.reportContext()
        guard ctx.canFillWorkbook else {
            throw CCHCError(.forbidden, "Báo cáo đang ở trạng thái “\(ctx.state.label)”: không nhận số liệu từ Excel.", title: ReportService.lockedTitle)
        }
        guard let upload = try? req.content.decode(UploadBody.self), upload.file.data.readableBytes > 0 else {
            let failure = ValidationFailure(field: "file", "Tệp Excel: chưa chọn tệp để tải lên.")
            return try await ReportPage.page(req, ctx, typed: nil, failure: failure, warnings: [], flash: nil,
                                             failureHeading: "Chưa nhận được tệp Excel:")
                .encodeResponse(status: .unprocessableEntity, for: req)
        }
        var buffer = upload.file.data
        let data = buffer.readData(length: buffer.readableBytes) ?? Data()
        do {
            let (changes, warnings) = try await Exports.importXLSX(data, service: service, ctx: ctx)
            let fresh = try await service.context(unit: ctx.unit, periodID: try ctx.period.requireID())
            return try await ReportPage.page(req, fresh, typed: nil, failure: nil, warnings: warnings, flash: nil, changes: changes)
                .encodeResponse(for: req)
        } catch let failure as ValidationFailure {
            return try await ReportPage.page(req, ctx, typed: nil, failure: failure, warnings: [], flash: nil,
                                             failureHeading: "Tệp Excel chưa được nhận, không có số liệu nào được lưu. "
                                                 + "Sửa các lỗi sau trong tệp rồi tải lên lại:")
                .encodeResponse(status: .unprocessableEntity, for: req)
        }
    }

    func consolidationXLSX(req: Request) async throws -> Response {
        let (unit, report, form) = try await Exports.consolidation(req)
        return try await Exports.temporaryFile(req, type: Exports.xlsxType,
                                               name: "tong-hop-\(report.period.code)-\(report.year)-\(Folding.slug(unit.name)).xlsx") { url in
            try await Exports.writeConsolidationXLSX(unit, report, form, to: url, on: req.db)
        }
    }

    func consolidationCSV(req: Request) async throws -> Response {
        let (unit, report, form) = try await Exports.consolidation(req)
        return Exports.file(Data(ReportWorkbook.consolidationCSV(report, form: form).utf8), type: "text/csv; charset=utf-8",
                            name: "tong-hop-\(report.period.code)-\(report.year)-\(Folding.slug(unit.name)).csv")
    }

    func consolidationDOCX(req: Request) async throws -> Response {
        let (unit, report, form) = try await Exports.consolidation(req)
        let document = try await Exports.consolidationDOCX(unit, report, form, now: req.now, on: req.db)
        return try await Exports.temporaryFile(req, type: Exports.docxType,
                                               name: "bao-cao-tong-hop-\(report.period.code)-\(report.year)-\(Folding.slug(unit.name)).docx") { url in
            try document.write(to: url)
        }
    }
}

struct ExportAPI: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let report = routes.grouped("units", ":unitID", "reports", ":periodID")
        report.get("xlsx", use: ExportPages().reportXLSX).access(.scoped)
        report.on(.PUT, "xlsx", body: .collect(maxSize: "10mb"), use: importXLSX).access(.scoped)
        report.get("docx", use: ExportPages().reportDOCX).access(.scoped)
        let consolidation = routes.grouped("units", ":unitID", "consolidation", ":year", ":kind")
        consolidation.get("xlsx", use: ExportPages().consolidationXLSX).access(.scoped)
        consolidation.get("docx", use: ExportPages().consolidationDOCX).access(.scoped)
    }

    struct ImportResult: Content { var changed: Bool; var changes: [String]; var warnings: [RuleWarning] }

    func importXLSX(req: Request) async throws -> ImportResult {
        let (service, ctx) = try await req.reportContext()
        var buffer = req.body.data ?? ByteBuffer()
        let data = buffer.readData(length: buffer.readableBytes) ?? Data()
        let (changes, warnings) = try await Exports.importXLSX(data, service: service, ctx: ctx)
        return ImportResult(changed: !changes.isEmpty, changes: changes, warnings: warnings)
    }
}
