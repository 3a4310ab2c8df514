import Foundation
import CCHCDomain
import CCHCOffice

/// The statistics form as a workbook: to fill offline and upload, and for consolidations.
///
/// Sheet "Biểu thống kê": row 1 title, row 2 the form code (A2) and what it is for (B2), row 4 the
/// headers, from row 5 one row per indicator: Mã | Chỉ tiêu | ĐVT | Số liệu | Tử số | Mẫu số | Ghi chú.
enum ReportWorkbook {
    static let firstDataRow = 5
    static let headers = ["Mã", "Chỉ tiêu", "Đơn vị tính", "Số liệu", "Tử số", "Mẫu số", "Ghi chú"]

    /// How to fill a row, in the "Ghi chú" column.
    static func hint(_ ind: Indicator) -> String {
        switch ind.kind {
        case .group: ""
        case .count: "Số nguyên không âm"
        case .number: "Số"
        case .text: "Văn bản"
        case .choice: "Ghi mã: " + (ind.choices ?? []).map { "\($0.label) = \($0.value)" }.joined(separator: "; ")
        case .percent: ind.isFraction
            ? "Ghi tử số (\(ind.numeratorLabel ?? "tử số")) và mẫu số (\(ind.denominatorLabel ?? "mẫu số")); "
                + "hoặc tỷ lệ % (0–100) ở cột Số liệu"
            : "Tỷ lệ % từ 0 đến 100"
        }
    }

    static func valueCells(_ ind: Indicator, _ v: IndicatorValue?) -> [XLSXCell] {
        guard let v, !v.isEmpty else { return [.empty, .empty, .empty] }
        switch ind.kind {
        case .group: return [.empty, .empty, .empty]
        case .text: return [.text(v.text ?? ""), .empty, .empty]
        case .count, .choice: return [v.number.map { .whole($0) } ?? .empty, .empty, .empty]
        case .number: return [v.number.map { .decimal($0) } ?? .empty, .empty, .empty]
        case .percent:
            if let n = v.numerator, let d = v.denominator { return [.empty, .whole(n), .whole(d)] }
            return [v.number.map { .decimal($0) } ?? .empty, .empty, .empty]
        }
    }

    /// A unit's report (blank or current) to fill offline.
    static func form(_ form: FormDefinition, values: [String: IndicatorValue], title: String) -> XLSXSheet {
        var rows: [[XLSXCell]] = [
            [.bold(title)],
            [.text(form.code), .text("Biểu \(form.title) năm \(form.year). "
                + "Không sửa cột Mã; ghi số liệu vào các cột Số liệu / Tử số / Mẫu số rồi tải lên.")],
            [],
            headers.map { .bold($0) },
        ]
        for ind in form.indicators {
            let name = (ind.partOf == true ? "Trong đó: " : "") + String(repeating: "  ", count: form.depth(of: ind.code)) + ind.name
            if ind.kind == .group {
                rows.append([.bold(ind.code), .bold(name), .empty, .empty, .empty, .empty, .empty])
            } else {
                rows.append([.text(ind.code), .text(name), .text(ind.unit ?? "")] + valueCells(ind, values[ind.code]) + [.text(hint(ind))])
            }
        }
        return XLSXSheet(name: "Biểu thống kê", rows: rows, columnWidths: [10, 70, 14, 14, 12, 12, 60], frozenRows: 4, frozenColumns: 2)
    }

    /// The first sheet: the consolidated figures, one row per indicator.
    static func consolidationSummary(_ report: ConsolidatedReport, form: FormDefinition) -> XLSXSheet {
        let figures = Dictionary(report.figures.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        var rows: [[XLSXCell]] = [
            [.bold("Số liệu tổng hợp — \(report.periodTitle) — \(report.jurisdiction.name)")],
            [.text(form.code), .text("Tổng hợp \(report.includedCount) báo cáo; chưa có: \(NameList.text(report.missing.map(\.name), limit: 200))")],
            [],
            ["Mã", "Chỉ tiêu", "Đơn vị tính", "Số liệu tổng hợp", "Tử số", "Mẫu số",
             "Số đơn vị có số liệu", "Cơ sở tính"].map { .bold($0) },
        ]
        for ind in form.indicators {
            let name = String(repeating: "  ", count: form.depth(of: ind.code)) + ind.name
            guard ind.kind != .group else { rows.append([.bold(ind.code), .bold(name)]); continue }
            let f = figures[ind.code]
            var value: XLSXCell = .empty
            switch ind.kind {
            case .count: value = f?.value.map { .whole($0) } ?? .empty
            case .number: value = f?.value.map { .decimal($0) } ?? .empty
            case .percent: value = f?.value.map { .percent($0) } ?? .empty
            case .choice, .text: value = f.map { .text($0.display) } ?? .empty
            case .group: break
            }
            rows.append([.text(ind.code), .text(name), .text(ind.unit ?? ""), value,
                         f?.numerator.map { .whole($0) } ?? .empty, f?.denominator.map { .whole($0) } ?? .empty,
                         f.map { $0.reports > 0 ? .integer($0.reports) : .empty } ?? .empty,
                         .text([f?.display, f?.note].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " — "))])
        }
        return XLSXSheet(name: "Tổng hợp", rows: rows, columnWidths: [10, 70, 14, 16, 12, 12, 12, 60], frozenRows: 4, frozenColumns: 2)
    }

    /// The second sheet, units × indicators: its name and column widths.
    enum MatrixSheet {
        static let name = "Đơn vị × chỉ tiêu"
        static func widths(_ inputs: [Indicator]) -> [Double] { [30] + inputs.map { _ in 10 } }
    }

    /// The rows of the form that hold figures (not groups, not text).
    static func matrixInputs(_ form: FormDefinition) -> [Indicator] { form.indicators.filter { $0.kind != .group && $0.kind != .text } }

    static func matrixHeader(_ inputs: [Indicator]) -> [XLSXCell] { [.bold("Đơn vị")] + inputs.map { .bold($0.code) } }

    static func matrixRow(_ unit: String, _ values: [String: IndicatorValue], inputs: [Indicator]) -> [XLSXCell] {
        [.text(unit)] + inputs.map { ind in
            guard let v = values[ind.code] else { return .empty }
            switch ind.kind {
            case .percent: return v.numeric.map { .percent($0) } ?? .empty
            case .count, .choice: return v.number.map { .whole($0) } ?? .empty
            default: return v.number.map { .decimal($0) } ?? .empty
            }
        }
    }

    /// CSV of the consolidated figures (see `CSV`).
    static func consolidationCSV(_ report: ConsolidatedReport, form: FormDefinition) -> String {
        let q = CSV.text
        let figures = Dictionary(report.figures.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        var rows = [["Mã", "Chỉ tiêu", "Đơn vị tính", "Số liệu", "Tử số", "Mẫu số", "Cơ sở tính"].map(q)]
        for ind in form.indicators {
            let f = figures[ind.code]
            let value = f?.value.map { String(format: ind.kind == .count ? "%.0f" : "%.2f", $0) } ?? ""
            rows.append([q(ind.code), q(ind.name), q(ind.unit ?? ""), value, f?.numerator.map { String(format: "%.0f", $0) } ?? "",
                         f?.denominator.map { String(format: "%.0f", $0) } ?? "", q(f?.display ?? "")])
        }
        return CSV.document(rows)
    }

    // MARK: Upload

    struct Upload {
        var values: [String: RawValue]
        /// Row number of each code, to name rows in messages.
        var rowOf: [String: Int]
        var errors: [FieldError]
    }

    /// Whose report a workbook holds: written in a hidden sheet when it is downloaded, checked when it
    /// comes back, so a file cannot land in another unit's, period's or form's report.
    struct Identity: Equatable {
        static let sheetName = "Thông tin tệp"
        var unitID: Int
        var unitName: String
        var period: String
        var year: Int
        var form: String

        var sheet: XLSXSheet {
            XLSXSheet(name: Self.sheetName, rows: [
                [.bold("Thông tin nhận biết tệp — không sửa"), .empty],
                [.text("unit_id"), .text(String(unitID))], [.text("unit"), .text(unitName)],
                [.text("period"), .text(period)], [.text("year"), .text(String(year))], [.text("form"), .text(form)],
            ], columnWidths: [14, 60], hidden: true)
        }

        var title: String { "\(unitName), \(PeriodKind(code: period)?.title(year: year) ?? period + "/" + String(year)), biểu \(form)" }

        init(unitID: Int, unitName: String, period: String, year: Int, form: String) {
            self.unitID = unitID
            self.unitName = unitName
            self.period = period
            self.year = year
            self.form = form
        }

        init?(_ sheet: XLSXReader.Sheet) {
            var pairs: [String: String] = [:]
            for row in 2...7 { if let k = sheet.cells["A\(row)"] { pairs[k] = sheet.cells["B\(row)"] ?? "" } }
            guard let id = pairs["unit_id"].flatMap({ Int($0) }), let year = pairs["year"].flatMap({ Int($0) }) else { return nil }
            self.init(unitID: id, unitName: pairs["unit"] ?? "", period: pairs["period"] ?? "", year: year, form: pairs["form"] ?? "")
        }
    }

    /// What a cell says to clear a saved figure (a blank cell leaves it as it is).
    static let clearMarks: Set<String> = ["xóa", "xoá", "xoa"]

    /// Reads an uploaded workbook, cell by cell. Unknown rows, a wrong form, a file of another unit or
    /// period and unreadable cells are listed; nothing is decided here about saving. A row left blank is
    /// not in `values` (the saved figure stays); "xóa" in the Số liệu column clears it.
    static func read(_ data: Data, form: FormDefinition, expected: Identity? = nil) -> Upload {
        let sheets: [XLSXReader.Sheet]
        do {
            sheets = try XLSXReader.read(data)
        } catch {
            let message = (error as? XLSXError)?.errorDescription ?? "Tệp không phải là bảng tính Excel (.xlsx) đọc được."
            return Upload(values: [:], rowOf: [:], errors: [FieldError(field: "file", message: message)])
        }
        guard let sheet = sheets.first(where: { $0.name == "Biểu thống kê" }) ?? sheets.first(where: { $0.name != Identity.sheetName }) else {
            return Upload(values: [:], rowOf: [:], errors: [FieldError(field: "file", message: "Tệp không có trang tính nào.")])
        }
        var errors: [FieldError] = []
        if let expected, let found = sheets.first(where: { $0.name == Identity.sheetName }).flatMap(Identity.init), found != expected {
            return Upload(values: [:], rowOf: [:], errors: [FieldError(field: "file", message:
                "Tệp này là biểu của \(found.title); trang này là báo cáo của \(expected.title). "
                    + "Không có số liệu nào được lưu: hãy tải lên đúng tệp của đơn vị và kỳ này.")])
        }
        let code = (sheet.cells["A2"] ?? "").trimmingCharacters(in: .whitespaces)
        if code != form.code {
            errors.append(FieldError(field: "file",
                                     message: "Ô A2: mã biểu “\(code)” không khớp biểu của kỳ này (cần “\(form.code)”). "
                                         + "Hãy tải biểu mẫu của đúng kỳ báo cáo."))
        }
        var values: [String: RawValue] = [:]
        var rowOf: [String: Int] = [:]
        if sheet.maxRow >= firstDataRow {
            for row in firstDataRow...sheet.maxRow {
                func raw(_ col: String) -> String? {
                    guard let t = sheet.cells["\(col)\(row)"]?.trimmingCharacters(in: .whitespacesAndNewlines), !t.isEmpty else { return nil }
                    return t
                }
                func cell(_ col: String) -> String? { raw(col).map(machineNumber) }
                guard let c = raw("A") else {
                    if cell("D") != nil || cell("E") != nil || cell("F") != nil {
                        errors.append(FieldError(field: "file", message: "Hàng \(row): có số liệu nhưng thiếu mã chỉ tiêu ở cột A."))
                    }
                    continue
                }
                guard let ind = form.indicator(c) else {
                    errors.append(FieldError(field: "file", message: "Hàng \(row): mã chỉ tiêu “\(c)” không có trong biểu \(form.code) "
                                                 + "(cần một mã của biểu, vd: 1.1.1)."))
                    continue
                }
                if rowOf[c] != nil {
                    errors.append(FieldError(field: "file",
                                             message: "Hàng \(row): chỉ tiêu \(c) xuất hiện lần thứ hai (đã có ở hàng \(rowOf[c]!))."))

                    continue
                }
                rowOf[c] = row
                guard ind.kind != .group else { continue }
                let d = cell("D"), n = cell("E"), den = cell("F")
                if let d, clearMarks.contains(d.lowercased()) {
                    values[c] = RawValue(value: "")
                } else if d != nil || n != nil || den != nil {
                    values[c] = RawValue(value: d ?? "", numerator: n, denominator: den)
                }
            }
        }
        return Upload(values: values, rowOf: rowOf, errors: errors)
    }

    /// A number as a spreadsheet stores it ("1245", "91.3", "1E-3") becomes Vietnamese text ("91,3"),
    /// so "1.245" typed as text stays the Vietnamese thousand-separated number.
    static func machineNumber(_ text: String) -> String {
        let isMachine = text.range(of: #"^-?\d+(\.\d+)?([eE][-+]?\d+)?$"#, options: .regularExpression) != nil
        guard isMachine, text.contains(".") || text.lowercased().contains("e"), let d = Double(text) else { return text }
        return NumberFormat.vietnamese(d, maxFractionDigits: 6).replacingOccurrences(of: ".", with: "")
    }

    /// Messages that name the spreadsheet row: "Hàng 12 — Dòng 1.1.2 (…): …".
    static func withRows(_ errors: [FieldError], rowOf: [String: Int]) -> [FieldError] {
        errors.map { e in
            let code = e.field.hasPrefix("v.") ? String(e.field.dropFirst(2)) : ""
            guard let row = rowOf[code] else { return e }
            return FieldError(field: e.field, message: "Hàng \(row) — \(e.message)")
        }
    }
}
