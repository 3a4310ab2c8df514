import Foundation
import CCHCDomain
import CCHCOffice

/// A plan in and out of files, for the plans feature to call: the task table read from the .docx or .xlsx users keep
/// (into tasks, with every unreadable row listed), the plan written as an .xlsx that reads back unchanged, and as a
/// .docx in the state layout (Decree 30/2020) with its task table as a landscape appendix. Pure functions: the caller
/// loads the plan and the issuing body's details.
enum PlanFiles {
    /// Who issues the plan (heading, symbol, place, signer's position), whom it goes to, and who signs.
    struct Issuer: Sendable {
        var body: IssuingBody
        /// Recipients as the document lists them after "Nơi nhận:" ("- Sở Nội vụ;"); "- Lưu: VT." is added last.
        var recipients: [String]
        /// Who signed (or, before anyone has, who signs); nil: the plan's own signer, if it names one.
        var signer: Signatory?

        init(body: IssuingBody, recipients: [String] = [], signer: Signatory? = nil) {
            self.body = body
            self.recipients = recipients
            self.signer = signer
        }
    }

    // MARK: Import

    enum Format: String, Sendable {
        case docx, xlsx
    }

    /// The task table of an uploaded file: the tasks read and the rows that could not be (422 for a file that cannot be
    /// read at all, or a document without a task table). `due` is left for the caller to read from each time frame.
    static func importTable(_ data: Data, format: Format) throws -> PlanTableImport {
        switch format {
        case .docx: try PlanTableFiles.tasks(fromDOCX: data)
        case .xlsx: try PlanTableFiles.tasks(fromXLSX: data)
        }
    }

    // MARK: Export

    /// The plan as a workbook (the table and a hidden identity sheet).
    static func xlsx(_ plan: PlanDocument) throws -> Data {
        try PlanTableFiles.xlsx(plan: plan)
    }

    /// The plan as a .docx in the state layout.
    static func docx(_ plan: PlanDocument, issuer: Issuer, narrative: [OfficialDocument.Block]? = nil) throws -> Data {
        try officialDocument(plan, issuer: issuer, narrative: narrative).docxData()
    }

    /// "Thực hiện cải cách hành chính năm 2021" (seed 004's summary), for each kind of plan.
    static func summary(_ plan: PlanDocument) -> String {
        switch plan.kind {
        case .cchc: "Thực hiện cải cách hành chính năm \(plan.year)"
        case .communications: "Tuyên truyền cải cách hành chính năm \(plan.year)"
        case .inspection: "Kiểm tra cải cách hành chính năm \(plan.year)"
        case .parImprovement: "Nâng cao chỉ số cải cách hành chính năm \(plan.year)"
        }
    }

    /// Heading, number, place and date, "KẾ HOẠCH" and its summary; the body (the plan's own text when the caller has it,
    /// else a paragraph pointing to the appendix and the count of tasks in each area); recipients and signer; the task
    /// table as a landscape appendix — areas as rows across it, a general task merged down its tasks (the column left
    /// out when no task has one), the lines of a cell kept.
    static func officialDocument(_ plan: PlanDocument, issuer: Issuer, narrative: [OfficialDocument.Block]? = nil) -> OfficialDocument {
        let body = issuer.body
        let number = plan.document?.number
        let date = plan.document?.date
        let placeAndDate = date.map { OfficialText.placeAndDate(body.place, $0) } ?? "\(body.place), ngày      tháng      năm      "
        let signer = issuer.signer ?? plan.document?.signer.map { Signatory(fullName: $0) }

        var areas: [(name: String, count: Int)] = []
        for task in plan.tasks {
            if let index = areas.firstIndex(where: { $0.name == task.area }) {
                areas[index].count += 1
            } else {
                areas.append((task.area, 1))
            }
        }
        let blocks = narrative ?? [
            .paragraph("\(body.inSentence) ban hành "
                + "\(OfficialText.lowerFirst(plan.kind.title)) năm \(plan.year) gồm \(plan.tasks.count) nhiệm vụ thuộc \(areas.count) "
                + "lĩnh vực; nhiệm vụ, sản phẩm, cơ quan chủ trì, cơ quan phối hợp và thời gian thực hiện của từng nhiệm vụ tại Phụ lục "
                + "kèm theo Kế hoạch này."),
            .table(title: nil, header: ["STT", "Lĩnh vực", "Số nhiệm vụ"],
                   rows: areas.enumerated().map { [String($0.offset + 1), $0.element.name, String($0.element.count)] },
                   widths: [0.7, 6, 1.6]),
            .paragraph("Các cơ quan, đơn vị, địa phương căn cứ Kế hoạch này xây dựng kế hoạch của mình, tổ chức thực hiện và báo cáo "
                + "kết quả theo quy định./."),
        ]

        // «Nhiệm vụ chung» (the first column) only when a task has one.
        let exported = PlanTable.rows(of: plan)
        let hasGeneralTasks = plan.tasks.contains { !$0.task.isEmpty }
        let dropped = hasGeneralTasks ? 0 : 1
        let columns = Array(PlanTable.exportColumns(of: plan).dropFirst(dropped))
        let header = Array(exported[0].cells.dropFirst(dropped))
        let rows = exported.dropFirst().map { row in
            row.kind == .area ? [row.cells[0]] + Array(repeating: "", count: columns.count - 1) : Array(row.cells.dropFirst(dropped))
        }
        let areaRows = Set(exported.dropFirst().enumerated().filter { $0.element.kind == .area }.map(\.offset))
        let appendixTitle: String = switch plan.kind {
        case .cchc: "Phân công cụ thể các nhiệm vụ và triển khai thực hiện cải cách hành chính năm \(plan.year)"
        case .communications: "Phân công cụ thể các nhiệm vụ tuyên truyền cải cách hành chính năm \(plan.year)"
        case .inspection: "Phân công cụ thể các nhiệm vụ kiểm tra cải cách hành chính năm \(plan.year)"
        case .parImprovement: "Nhiệm vụ khắc phục các tiêu chí chỉ số cải cách hành chính đạt điểm thấp năm \(plan.year - 1)"
        }
        let appendix = OfficialDocument.Appendix(
            label: "PHỤ LỤC", title: appendixTitle.uppercased(),
            subtitle: OfficialText.appendixSubtitle(number: number, day: date, body: body, typeName: "Kế hoạch", type: "KH"),
            header: header, rows: rows, boldRows: areaRows, widths: columns.map(PlanTableFiles.width), landscape: true,
            spanningRows: areaRows, mergedColumns: hasGeneralTasks ? [0] : [])

        return OfficialDocument(
            parentBody: body.superiorLines.joined(separator: "\n"),
            issuingBody: body.bodyLines.joined(separator: "\n"),
            number: OfficialText.numberLine(number, symbol: body.symbol(type: "KH")),
            placeAndDate: placeAndDate,
            typeName: "KẾ HOẠCH",
            summary: summary(plan),
            body: blocks,
            recipients: issuer.recipients + ["- Lưu: VT."],
            signerAuthority: body.signerLines(deputy: signer?.isDeputy ?? false),
            signerName: signer?.name ?? "",
            appendix: appendix)
    }

    // MARK: Demo

    /// Seed 004's plan (Sóc Trăng, 142/KH-UBND, 24/12/2020) as the demo's Word file, made by scripts/make_demo_plan_docx.py
    /// from `demoPlanJSON`: the demo loads its plan from this file through the importer.
    static let demoPlanDOCX = "Demo/soc-trang-2021-plan.docx"
    /// The same plan transcribed as the plan JSON, every task verbatim.
    static let demoPlanJSON = "Demo/soc-trang-2021-plan.json"

    /// The bytes of a file shipped in Resources (nil when absent).
    static func resource(_ path: String) -> Data? {
        Resources.url(path).flatMap { FileManager.default.contents(atPath: $0.path) }
    }

    /// The demo plan transcribed (unit, year, kind, document and tasks).
    static func demoPlan() throws -> PlanDocument {
        guard let data = resource(demoPlanJSON) else { throw ConfigError("thiếu tệp tài nguyên \(demoPlanJSON).") }
        return try JSONDecoder().decode(PlanDocument.self, from: data)
    }

    /// The demo plan's tasks read from its Word file through the importer, the plan's identity from the JSON.
    static func demoPlanFromDOCX() throws -> (plan: PlanDocument, problems: [PlanTableProblem]) {
        guard let data = resource(demoPlanDOCX) else { throw ConfigError("thiếu tệp tài nguyên \(demoPlanDOCX).") }
        let read = try PlanTableFiles.tasks(fromDOCX: data)
        var plan = try demoPlan()
        plan.tasks = read.tasks
        return (plan, read.problems)
    }
}
