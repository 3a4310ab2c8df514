import Foundation
import CCHCDomain
import CCHCOffice

/// A plan's task table in and out of the files users keep: the first table of a .docx whose header names the plan's
/// columns, the first sheet of an .xlsx, and the .xlsx this system writes (the table, and a hidden sheet saying whose
/// plan it is). Reading rows into tasks is the domain's (`PlanTable.read`); this reads the files into rows.
enum PlanTableFiles {
    static let sheetName = "Bảng nhiệm vụ"
    static let identitySheetName = "Thông tin tệp"

    // MARK: Reading

    /// The tasks of the first table in the document whose header names the plan's columns, and of the tables right after
    /// it with as many columns and no header of their own (a long table split where a paragraph was typed into it); a row
    /// number in a problem counts the rows of these tables in order. An unreadable file, or one without such a table, is
    /// refused (422) with the reason.
    static func tasks(fromDOCX data: Data) throws -> PlanTableImport {
        let tables: [DOCXReader.Table]
        do {
            tables = try DOCXReader.tables(data)
        } catch {
            throw CCHCError(.unprocessableEntity,
                            (error as? DOCXError)?.errorDescription ?? "Tệp không phải là văn bản Word (.docx) đọc được.")
        }
        for (index, table) in tables.enumerated() where PlanTable.read(rows: rows(of: table)).headerRow != nil {
            var all = rows(of: table)
            for next in tables.dropFirst(index + 1) {
                let more = rows(of: next)
                guard next.columnCount == table.columnCount, PlanTable.read(rows: more).headerRow == nil else { break }
                all += more
            }
            return PlanTable.read(rows: all)
        }
        throw CCHCError(.unprocessableEntity, "Văn bản không có bảng nhiệm vụ: không bảng nào có dòng tiêu đề với cột «Nhiệm vụ cụ thể» "
            + "và các cột «Sản phẩm», «Cơ quan chủ trì», «Cơ quan phối hợp», «Thời gian thực hiện» (\(tables.count) bảng đã xem).")
    }

    /// A Word table's rows as the domain reads them: each cell's lines, span, merge and grid column.
    static func rows(of table: DOCXReader.Table) -> [[PlanTable.Cell]] {
        table.rows.map { row in
            row.cells.map { cell in
                PlanTable.Cell(lines: cell.lines, span: cell.span, continuesAbove: cell.verticalMerge == .continuation, column: cell.column)
            }
        }
    }

    /// The tasks of the workbook's first sheet (the identity sheet aside); a row number in a problem is the sheet's. A
    /// merged cell is read as Excel stores it — its text in the first cell, the others blank — so a merged or blank
    /// «Nhiệm vụ chung» carries down.
    static func tasks(fromXLSX data: Data) throws -> PlanTableImport {
        let sheet = try firstSheet(data)
        return PlanTable.read(rows: rows(of: sheet))
    }

    /// Rows 1… of a sheet, each as wide as the widest row, every cell present (blank where the sheet has nothing).
    static func rows(of sheet: XLSXReader.Sheet) -> [[PlanTable.Cell]] {
        var columns = 0
        for reference in sheet.cells.keys {
            let letters = reference.prefix { $0.isLetter }
            columns = max(columns, letters.uppercased().unicodeScalars.reduce(0) { $0 * 26 + Int($1.value) - 64 })
        }
        guard sheet.maxRow > 0, columns > 0 else { return [] }
        let names = (1...columns).map(columnName)
        return (1...sheet.maxRow).map { row in
            names.map { name in
                let text = (sheet.cells["\(name)\(row)"] ?? "")
                    .replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
                return PlanTable.Cell(text)
            }
        }
    }

    /// Whose plan a workbook written here holds (unit, year, kind and document, no tasks): nil for a workbook without
    /// the hidden sheet, as users' own are.
    static func identity(fromXLSX data: Data) throws -> PlanDocument? {
        let sheets = try readSheets(data)
        guard let sheet = sheets.first(where: { $0.name == identitySheetName }) else { return nil }
        var pairs: [String: String] = [:]
        for row in 1...max(1, sheet.maxRow) {
            if let key = sheet.cells["A\(row)"] { pairs[key] = sheet.cells["B\(row)"] ?? "" }
        }
        guard let unit = pairs["unit"], let year = pairs["year"].flatMap({ Int($0) }) else { return nil }
        let date = pairs["date"].flatMap { Day(vietnamese: $0) }
        let number = pairs["number"].flatMap { $0.isEmpty ? nil : $0 }, signer = pairs["signer"].flatMap { $0.isEmpty ? nil : $0 }
        let document = number == nil && date == nil && signer == nil ? nil : PlanIssuance(number: number, date: date, signer: signer)
        return PlanDocument(unit: unit, year: year, kind: pairs["kind"].flatMap(PlanKind.init(rawValue:)) ?? .cchc, document: document)
    }

    private static func readSheets(_ data: Data) throws -> [XLSXReader.Sheet] {
        do {
            return try XLSXReader.read(data)
        } catch {
            throw CCHCError(.unprocessableEntity,
                            (error as? XLSXError)?.errorDescription ?? "Tệp không phải là bảng tính Excel (.xlsx) đọc được.")
        }
    }

    private static func firstSheet(_ data: Data) throws -> XLSXReader.Sheet {
        guard let sheet = try readSheets(data).first(where: { $0.name != identitySheetName }) else {
            throw CCHCError(.unprocessableEntity, "Tệp không có trang tính nào.")
        }
        return sheet
    }

    // MARK: Writing

    /// The plan as a workbook: a title, the table (header, an area row before each run of an area's tasks, the tasks),
    /// and the hidden identity sheet. Read back by `tasks(fromXLSX:)`, the tasks are the plan's (see `PlanTable.rows`).
    static func xlsx(plan: PlanDocument) throws -> Data {
        let table = PlanTable.rows(of: plan)
        var rows: [[XLSXCell]] = [[.bold(title(of: plan))], []]
        for row in table {
            switch row.kind {
            case .header, .area: rows.append(row.cells.map { $0.isEmpty ? .empty : .bold($0) })
            case .task: rows.append(row.cells.map { $0.isEmpty ? .empty : .text($0) })
            }
        }
        let widths = PlanTable.exportColumns(of: plan).map(width)
        let sheet = XLSXSheet(name: sheetName, rows: rows, columnWidths: widths, frozenRows: 3)
        return try XLSXWorkbook(sheets: [sheet, identitySheet(plan)]).data()
    }

    /// "Kế hoạch cải cách hành chính năm 2021 — Tỉnh Sóc Trăng (142/KH-UBND)"
    static func title(of plan: PlanDocument) -> String {
        var title = "\(plan.kind.title) năm \(plan.year) — \(plan.unit)"
        if let number = plan.document?.number, !number.isEmpty { title += " (\(number))" }
        return title
    }

    static func identitySheet(_ plan: PlanDocument) -> XLSXSheet {
        XLSXSheet(name: identitySheetName, rows: [
            [.bold("Thông tin nhận biết tệp — không sửa"), .empty],
            [.text("unit"), .text(plan.unit)], [.text("year"), .text(String(plan.year))], [.text("kind"), .text(plan.kind.rawValue)],
            [.text("number"), .text(plan.document?.number ?? "")], [.text("date"), .text(plan.document?.date?.vietnamese ?? "")],
            [.text("signer"), .text(plan.document?.signer ?? "")],
        ], columnWidths: [14, 60], hidden: true)
    }

    /// Relative widths of the columns (Excel characters; the Word appendix scales them to the page).
    static func width(_ column: PlanTable.Column) -> Double {
        switch column {
        case .number: 6
        case .area, .task: 24
        case .detail: 48
        case .product, .coordinators: 30
        case .lead: 22
        case .timeFrame: 20
        case .result: 26
        case .resources: 18
        }
    }

    static func columnName(_ column: Int) -> String {
        var number = column
        var letters = ""
        while number > 0 {
            let remainder = (number - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + remainder))) + letters
            number = (number - 1) / 26
        }
        return letters
    }
}
