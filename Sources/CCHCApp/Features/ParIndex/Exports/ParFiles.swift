import Foundation
import CCHCDomain
import CCHCOffice

/// The PAR index in and out of files (issue 11 §7), for the feature to call: a unit's score sheet as .xlsx and as a .docx
/// in the state layout (Decree 30/2020) with the sheet as a landscape appendix, a round's results and ranking as .xlsx,
/// and a framework read from the .xlsx table provinces publish (the domain's `ParFrameworkTable`). Pure functions: the
/// caller loads the figures; points go into cells as numbers shown with two decimals, into Word as "92,63".
enum ParFiles {
    /// One criterion row of a unit's score sheet.
    struct SheetRow: Sendable {
        var code: String
        var name: String
        /// 0 for an area (lĩnh vực), 1 for its criteria, …
        var depth: Int
        var max: Double
        var selfPoints: Double?
        var appraisedPoints: Double?
        /// The unit's explanation (giải trình).
        var explanation: String?
        /// The council's comment.
        var comment: String?
        /// Names of the evidence files and documents.
        var evidence: [String]
        /// Bonus or penalty: left out of the maximum total.
        var adjustment = false
    }

    /// A unit's score sheet: self-assessment, and the appraisal once there is one.
    struct Sheet: Sendable {
        var frameworkTitle: String
        var year: Int
        /// "UBND xã Quảng Thọ"
        var unitName: String
        var rows: [SheetRow]
        var selfTotal: Double
        var appraisedTotal: Double?
        var classLabel: String?
        /// "1/11"
        var standing: String?
        /// "+4,47"
        var change: String?
        /// The document's number ("12/BC-UBND") and day, when issued; blank spaces are left to fill by hand otherwise.
        var number: String? = nil
        var date: Day? = nil
        /// Lines after "Nơi nhận:" ("- Hội đồng thẩm định huyện;"); "- Lưu: VT." is added last.
        var recipients: [String] = []

        /// Appraised: some criterion or the total has an appraised score.
        var isAppraised: Bool { appraisedTotal != nil || rows.contains { $0.appraisedPoints != nil } }
        /// The areas' maxima, bonus and penalty aside (100 for the usual framework).
        var maxTotal: Double { rows.filter { $0.depth == 0 && !$0.adjustment }.reduce(0) { $0 + $1.max } }
    }

    /// The results of a round: one row per unit, best first.
    struct ResultRow: Sendable {
        var rank: Int
        var tied: Bool
        var unitName: String
        var selfTotal: Double?
        var total: Double?
        var classLabel: String?
        var change: String?
        /// In the order of `Results.areas`.
        var areaPoints: [Double]
    }

    struct Results: Sendable {
        var title: String
        var year: Int
        var group: String
        var areas: [(code: String, name: String, max: Double)]
        var rows: [ResultRow]
    }

    static let sheetHeader = ["Mã", "Tiêu chí", "Điểm tối đa", "Tự chấm", "Thẩm định", "Giải trình", "Ý kiến thẩm định", "Tài liệu kiểm chứng"]

    // MARK: Score sheet

    /// The sheet's rows from the framework and the unit's scorecards (self-assessment, and the appraisal when there is
    /// one), in the framework's order, with the unit's explanations, the council's comments and the evidence by code.
    static func sheetRows(_ framework: ParFramework, selfCard: ParScorecard?, appraisedCard: ParScorecard? = nil,
                          explanations: [String: String] = [:], comments: [String: String] = [:],
                          evidence: [String: [String]] = [:]) -> [SheetRow] {
        framework.criteria.map { c in
            SheetRow(code: c.code, name: c.name, depth: depth(of: c.code, in: framework), max: c.max,
                     selfPoints: selfCard?[c.code]?.points, appraisedPoints: appraisedCard?[c.code]?.points,
                     explanation: explanations[c.code], comment: comments[c.code], evidence: evidence[c.code] ?? [],
                     adjustment: c.isAdjustment)
        }
    }

    /// How many ancestors a criterion has (0 for an area); a parent missing or a loop ends the count.
    static func depth(of code: String, in framework: ParFramework) -> Int {
        var depth = 0
        var seen: Set<String> = [code]
        var current = framework[code]?.parent
        while let parent = current, framework[parent] != nil, seen.insert(parent).inserted {
            depth += 1
            current = framework[parent]?.parent
        }
        return depth
    }

    /// "bộ tiêu chí Chỉ số CCHC các xã, thị trấn năm 2019": the framework's title in a sentence, "bộ tiêu chí" and the
    /// year added when the title does not say them.
    /// The text with its first letter in upper case.
    static func upperFirst(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }

    static func frameworkPhrase(_ sheet: Sheet) -> String {
        let title = sheet.frameworkTitle.trimmingCharacters(in: .whitespacesAndNewlines)
        var phrase = Folding.fold(title).hasPrefix("bo ") ? OfficialText.lowerFirst(title) : "bộ tiêu chí " + title
        if !title.contains(String(sheet.year)) { phrase += " năm \(sheet.year)" }
        return phrase
    }

    /// "Bảng điểm tự đánh giá Chỉ số cải cách hành chính năm 2019 của UBND xã Quảng Thọ", or "Kết quả thẩm định …".
    static func sheetTitle(_ sheet: Sheet) -> String {
        (sheet.isAppraised ? "Kết quả thẩm định" : "Bảng điểm tự đánh giá")
            + " Chỉ số cải cách hành chính năm \(sheet.year) của \(OfficialText.lowerFirst(sheet.unitName))"
    }

    /// A title, the framework, the header (row 4, kept in view), one row per criterion (areas bold), the total, then
    /// class, standing and change when known.
    static func sheetXLSX(_ sheet: Sheet) throws -> Data {
        var rows: [[XLSXCell]] = [[.bold(sheetTitle(sheet))], [.text(upperFirst(frameworkPhrase(sheet)))], [],
                                  sheetHeader.map(XLSXCell.bold)]
        func points(_ value: Double?) -> XLSXCell { value.map(XLSXCell.decimal) ?? .empty }
        func text(_ value: String?) -> XLSXCell { value.map { $0.isEmpty ? XLSXCell.empty : .text($0) } ?? .empty }
        for row in sheet.rows {
            let indent = String(repeating: "    ", count: Swift.max(0, Swift.min(row.depth, 8)))
            rows.append([row.depth == 0 ? .bold(row.code) : .text(row.code),
                         row.depth == 0 ? .bold(row.name) : .text(indent + row.name),
                         .decimal(row.max), points(row.selfPoints), points(row.appraisedPoints), text(row.explanation), text(row.comment),
                         text(row.evidence.joined(separator: "\n"))])
        }
        rows.append([.empty, .bold("Tổng điểm"), .decimal(sheet.maxTotal), .decimal(sheet.selfTotal), points(sheet.appraisedTotal)])
        for (label, value) in [("Xếp loại", sheet.classLabel), ("Xếp hạng", sheet.standing), ("So với năm trước", sheet.change)] {
            if let value, !value.isEmpty { rows.append([.empty, .bold(label), .text(value)]) }
        }
        let xlsx = XLSXSheet(name: sheet.isAppraised ? "Kết quả thẩm định" : "Bảng điểm tự đánh giá", rows: rows,
                             columnWidths: [10, 60, 11, 10, 11, 40, 40, 40], frozenRows: 4, frozenColumns: 2)
        return try XLSXWorkbook(sheets: [xlsx]).data()
    }

    /// The sheet as a document of the state layout. Self-assessment: the unit's "BÁO CÁO Kết quả tự đánh giá, chấm điểm
    /// Chỉ số cải cách hành chính năm …" (BC); appraised: the issuer's "THÔNG BÁO Kết quả thẩm định … của <unit>" (TB).
    /// The body gives the totals and a table of the areas; the whole sheet is the landscape appendix. `issuer` heads,
    /// numbers and signs it as `PlanFiles` does; `signer` nil leaves the name blank to sign by hand.
    static func sheetDOCX(_ sheet: Sheet, issuer: IssuingBody, signer: Signatory?) throws -> Data {
        try sheetDocument(sheet, issuer: issuer, signer: signer).docxData()
    }

    static func sheetDocument(_ sheet: Sheet, issuer: IssuingBody, signer: Signatory?) -> OfficialDocument {
        let appraised = sheet.isAppraised
        let (typeName, type) = appraised ? ("THÔNG BÁO", "TB") : ("BÁO CÁO", "BC")
        let unit = OfficialText.lowerFirst(sheet.unitName)
        let year = sheet.year
        let summary = appraised ? "Kết quả thẩm định Chỉ số cải cách hành chính năm \(year) của \(unit)"
            : "Kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm \(year)"
        let outOf = ParPoints.text(sheet.maxTotal)
        var blocks: [OfficialDocument.Block] = []
        if appraised {
            blocks.append(.paragraph("Căn cứ \(frameworkPhrase(sheet)), \(issuer.inSentence) thông báo "
                + "kết quả thẩm định Chỉ số cải cách hành chính năm \(year) của \(unit) như sau:"))
            var result = "- Điểm tự đánh giá: \(ParPoints.text(sheet.selfTotal)) điểm; điểm thẩm định: "
                + (sheet.appraisedTotal.map { "\(ParPoints.text($0))/\(outOf) điểm" } ?? "chưa có") + "."
            let standing = [sheet.classLabel.map { "xếp loại: \($0)" }, sheet.standing.map { "xếp hạng: \($0)" },
                            sheet.change.map { "so với năm trước: \($0) điểm" }].compactMap { $0 }
            if !standing.isEmpty { result += "\n- " + upperFirst(standing.joined(separator: "; ")) + "." }
            blocks.append(.paragraph(result))
        } else {
            blocks.append(.paragraph("Thực hiện \(frameworkPhrase(sheet)), \(issuer.inSentence) báo cáo "
                + "kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm \(year): tổng điểm tự đánh giá đạt "
                + "\(ParPoints.text(sheet.selfTotal))/\(outOf) điểm."))
        }
        let areas = sheet.rows.filter { $0.depth == 0 }
        var header = ["STT", "Lĩnh vực", "Điểm tối đa", "Tự chấm"]
        if appraised { header.append("Thẩm định") }
        var table = areas.map { a -> [String] in
            var row = [a.code, a.name, ParPoints.text(a.max), a.selfPoints.map(ParPoints.text) ?? ""]
            if appraised { row.append(a.appraisedPoints.map(ParPoints.text) ?? "") }
            return row
        }
        var total = ["", "Tổng điểm", outOf, ParPoints.text(sheet.selfTotal)]
        if appraised { total.append(sheet.appraisedTotal.map(ParPoints.text) ?? "") }
        table.append(total)
        blocks.append(.table(title: nil, header: header, rows: table, widths: appraised ? [0.8, 5, 1.4, 1.3, 1.4] : [0.8, 5.5, 1.5, 1.5]))
        blocks.append(.paragraph("Điểm từng tiêu chí, " + (appraised ? "ý kiến thẩm định, " : "") + "giải trình và tài liệu kiểm chứng "
            + "tại Phụ lục kèm theo \(appraised ? "Thông báo" : "Báo cáo") này./."))

        return OfficialDocument(
            parentBody: issuer.superiorLines.joined(separator: "\n"),
            issuingBody: issuer.bodyLines.joined(separator: "\n"),
            number: OfficialText.numberLine(sheet.number, symbol: issuer.symbol(type: type)),
            placeAndDate: sheet.date.map { OfficialText.placeAndDate(issuer.place, $0) } ?? "\(issuer.place), ngày      tháng      năm      ",
            typeName: typeName, summary: summary, body: blocks,
            recipients: sheet.recipients + ["- Lưu: VT."],
            signerAuthority: issuer.signerLines(deputy: signer?.isDeputy ?? false),
            signerName: signer?.name ?? "",
            appendix: sheetAppendix(sheet, issuer: issuer, typeName: appraised ? "Thông báo" : "Báo cáo", type: type))
    }

    /// Every criterion: code, name, max, self (and appraised) points, explanation (and comment), evidence; areas bold;
    /// the total last. Columns the sheet has nothing in (comments before an appraisal) are left out.
    static func sheetAppendix(_ sheet: Sheet, issuer: IssuingBody, typeName: String, type: String) -> OfficialDocument.Appendix {
        let appraised = sheet.isAppraised
        let hasExplanation = sheet.rows.contains { !($0.explanation ?? "").isEmpty }
        let hasComment = sheet.rows.contains { !($0.comment ?? "").isEmpty }
        let columns: [(title: String, width: Double, keep: Bool)] = [
            ("Mã", 1.1, true), ("Tiêu chí", 6, true), ("Điểm tối đa", 1.2, true), ("Tự chấm", 1.2, true), ("Thẩm định", 1.3, appraised),
            ("Giải trình", 3.6, hasExplanation || !appraised), ("Ý kiến thẩm định", 3.6, appraised && hasComment), ("Tài liệu kiểm chứng", 3.6, true),
        ]
        func cells(_ all: [String]) -> [String] { zip(all, columns).filter { $0.1.keep }.map(\.0) }
        var rows = sheet.rows.map { r in
            cells([r.code, r.name, ParPoints.text(r.max), r.selfPoints.map(ParPoints.text) ?? "", r.appraisedPoints.map(ParPoints.text) ?? "",
                   r.explanation ?? "", r.comment ?? "", r.evidence.joined(separator: "\n")])
        }
        rows.append(cells(["", "Tổng điểm", ParPoints.text(sheet.maxTotal), ParPoints.text(sheet.selfTotal),
                           sheet.appraisedTotal.map(ParPoints.text) ?? "", "", "", ""]))
        let bold = Set(sheet.rows.enumerated().filter { $0.element.depth == 0 }.map(\.offset) + [rows.count - 1])
        return OfficialDocument.Appendix(
            label: "PHỤ LỤC", title: sheetTitle(sheet).uppercased(),
            subtitle: OfficialText.appendixSubtitle(number: sheet.number, day: sheet.date, body: issuer, typeName: typeName, type: type),
            header: cells(columns.map(\.title)), rows: rows, boldRows: bold, widths: columns.filter(\.keep).map(\.width), landscape: true)
    }

    // MARK: Results

    /// A title, the year and group, the header (row 4) and the areas' maxima under it (row 5), then one row per unit:
    /// rank (tied units show the same rank), name, the areas' points, self total, total, class and change.
    static func resultsXLSX(_ results: Results) throws -> Data {
        let hasSelf = results.rows.contains { $0.selfTotal != nil }
        let maxTotal = results.areas.reduce(0) { $0 + $1.max }
        var header: [XLSXCell] = [.bold("Xếp hạng"), .bold("Đơn vị")] + results.areas.map { .bold("\($0.code). \($0.name)") }
        var maxima: [XLSXCell] = [.empty, .bold("Điểm tối đa")] + results.areas.map { .decimal($0.max) }
        if hasSelf {
            header.append(.bold("Tự chấm"))
            maxima.append(.decimal(maxTotal))
        }
        header += [.bold("Tổng điểm"), .bold("Xếp loại"), .bold("So với năm trước")]
        maxima.append(.decimal(maxTotal))
        var rows: [[XLSXCell]] = [[.bold(results.title)], [.text("Năm \(results.year) — \(groupLabel(results.group))")], [], header, maxima]
        for r in results.rows {
            var row: [XLSXCell] = [.integer(r.rank), .text(r.unitName)]
            row += results.areas.indices.map { $0 < r.areaPoints.count ? .decimal(r.areaPoints[$0]) : .empty }
            if hasSelf { row.append(r.selfTotal.map(XLSXCell.decimal) ?? .empty) }
            row += [r.total.map(XLSXCell.decimal) ?? .empty, r.classLabel.map(XLSXCell.text) ?? .empty, r.change.map(XLSXCell.text) ?? .empty]
            rows.append(row)
        }
        let widths = [9, 30] + results.areas.map { _ in 22.0 } + (hasSelf ? [11] : []) + [11, 14, 16]
        let sheet = XLSXSheet(name: "Kết quả năm \(results.year)", rows: rows, columnWidths: widths, frozenRows: 5, frozenColumns: 2)
        return try XLSXWorkbook(sheets: [sheet]).data()
    }

    /// The group as the title line says it: "communes" → "Xã, phường, thị trấn"; an unknown group as written.
    static func groupLabel(_ group: String) -> String {
        switch Folding.slug(group) {
        case "communes", "commune": "Xã, phường, thị trấn"
        case "districtoffices", "districtoffice": "Cơ quan chuyên môn cấp huyện"
        case "districts", "district": "Huyện, thị xã, thành phố"
        case "departments", "provincialdepartments", "department": "Sở, ban, ngành cấp tỉnh"
        default: group
        }
    }

    // MARK: Framework from a province's table

    /// A framework table uploaded as .xlsx (its first sheet) → the domain's reader. A file that is not a workbook, or has
    /// no sheet, is refused with a `ValidationFailure` on "file"; so is a sheet without the table's header.
    static func frameworkFromXLSX(_ data: Data, code: String, title: String, year: Int, group: String) throws -> ParFrameworkTableImport {
        let sheets: [XLSXReader.Sheet]
        do {
            sheets = try XLSXReader.read(data)
        } catch {
            throw ValidationFailure(field: "file", (error as? XLSXError)?.errorDescription ?? "Tệp không phải là bảng tính Excel (.xlsx) đọc được.")
        }
        guard let sheet = sheets.first else { throw ValidationFailure(field: "file", "Tệp không có trang tính nào.") }
        return try ParFrameworkTable.read(rows: rows(of: sheet), code: code, title: title, year: year, group: group)
    }

    /// Rows 1… of a sheet, each as wide as the widest, blank where the sheet has nothing.
    static func rows(of sheet: XLSXReader.Sheet) -> [[String]] {
        var columns = 0
        for reference in sheet.cells.keys {
            let letters = reference.prefix { $0.isLetter }.uppercased()
            guard letters.count <= 3 else { continue }
            columns = Swift.max(columns, letters.unicodeScalars.reduce(0) { $0 * 26 + Int($1.value) - 64 })
        }
        guard sheet.maxRow > 0, columns > 0 else { return [] }
        let names = (1...columns).map(columnName)
        return (1...sheet.maxRow).map { row in names.map { sheet.cells["\($0)\(row)"] ?? "" } }
    }

    static func columnName(_ column: Int) -> String {
        var number = column
        var letters = ""
        while number > 0 {
            letters = String(UnicodeScalar(UInt8(65 + (number - 1) % 26))) + letters
            number = (number - 1) / 26
        }
        return letters
    }
}
