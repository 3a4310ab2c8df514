import Foundation

/// What reading a province's table of criteria gave: the framework, and every row or rule the standing agency should look
/// at before using it.
public struct ParFrameworkTableImport: Sendable {
    public var framework: ParFramework
    /// Criteria whose scoring rule was not understood (left manual), rows skipped, parents missing — with row numbers
    /// and the reason in Vietnamese, in the table's order.
    public var review: [ParTableNote]
    /// The row holding the header (1 = the first row given).
    public var headerRow: Int
    /// The row each criterion was read from, parallel to `framework.criteria`.
    public var criterionRows: [Int]

    public init(framework: ParFramework, review: [ParTableNote], headerRow: Int, criterionRows: [Int]) {
        self.framework = framework
        self.review = review
        self.headerRow = headerRow
        self.criterionRows = criterionRows
    }
}

/// One thing to review after reading a table: where (row, criterion) and why.
public struct ParTableNote: Sendable, Equatable, Codable, CustomStringConvertible {
    public var row: Int
    /// The criterion's code, when the row has one.
    public var code: String?
    public var message: String

    public init(row: Int, code: String? = nil, _ message: String) {
        self.row = row
        self.code = code
        self.message = message
    }

    /// "Dòng 9, tiêu chí 1.5: chưa hiểu cách chấm …"
    public var description: String { "Dòng \(row)" + (code.map { ", tiêu chí \($0)" } ?? "") + ": " + message }
}

/// A framework read from the table provinces publish: code (STT / Mã), name (Tiêu chí / Nội dung), max points (Điểm tối
/// đa), the scoring rule as text (Hướng dẫn chấm điểm), and perhaps the evidence (Tài liệu kiểm chứng) and the responsible
/// office. The header row is found by its names (case and diacritics ignored; title rows above it are read past).
///
/// Codes supported — say so to the user, anything else is listed for review:
/// - dotted numbers, any depth: "1", "1.3", "1.3.3" (a trailing "." is dropped); the parent is the code without its last
///   part ("1.3.3" → "1.3"); when that row is missing, the nearest ancestor present, with a note;
/// - Roman numerals for areas ("I", "II."), their criteria numbered 1, 2 … within: when the numbers restart in each area
///   the codes are qualified by the area ("I.1", "I.1.2"), otherwise kept as written; a number's parent is its dotted
///   parent if present, else the area above it;
/// - a letter ("a", "b)") is a component of the numbered criterion above it: "1.3.a";
/// - a code may also start the name ("1.3.3. Số lượng tin bài …") when the code cell is empty.
/// A row without a code continues the criterion above: its text (with its points, "Ban hành kịp thời: 1 điểm") joins that
/// criterion's rule, evidence and office. A row without max points is a heading when it has children (its max: the sum
/// of theirs); otherwise it is skipped with a note. A "Tổng cộng" row ends the table: its points are checked against the
/// areas' sum, and the rows below it (signatures, notes) are not read.
public enum ParFrameworkTable {
    /// A column of the table.
    public enum Column: String, Sendable, CaseIterable {
        case code, name, max, rule, evidence, office
    }

    /// Header names of each column, folded; a header may add words after one ("Tiêu chí, tiêu chí thành phần").
    static let names: [(Column, [String])] = [
        (.code, ["ma", "ma so", "ma tieu chi", "ma so tieu chi", "ky hieu", "stt", "tt", "so tt", "so thu tu"]),
        (.name, ["tieu chi", "noi dung", "ten tieu chi", "noi dung tieu chi", "linh vuc", "linh vuc tieu chi", "cac tieu chi",
                 "tieu chi danh gia", "noi dung danh gia", "tieu chi thanh phan", "linh vuc tieu chi tieu chi thanh phan"]),
        (.max, ["diem toi da", "so diem toi da", "diem so toi da", "thang diem", "diem chuan", "diem toi da duoc cham"]),
        (.rule, ["huong dan cham diem", "huong dan cham", "cach cham", "cach cham diem", "phuong phap cham", "phuong phap cham diem",
                 "cach tinh diem", "cach thuc cham diem", "huong dan danh gia", "phuong phap danh gia", "cach danh gia"]),
        (.evidence, ["tai lieu kiem chung", "ho so kiem chung", "tai lieu minh chung", "minh chung"]),
        (.office, ["co quan chiu trach nhiem", "don vi chiu trach nhiem", "bo phan chiu trach nhiem", "chiu trach nhiem",
                   "co quan phu trach", "don vi phu trach", "bo phan phu trach", "phu trach", "co quan chu tri", "don vi chu tri",
                   "bo phan thuc hien", "don vi thuc hien", "co quan thuc hien", "nguoi phu trach"]),
    ]

    /// The column a header cell names, and how surely (a longer name is surer; "Mã" beats "STT" for the code).
    static func column(named header: String) -> (column: Column, weight: Int)? {
        let key = matchKey(header)
        guard !key.isEmpty else { return nil }
        var best: (column: Column, weight: Int)?
        for (column, aliases) in names {
            for alias in aliases where key == alias || key.hasPrefix(alias + " ") {
                let weight = alias.count + (alias.hasPrefix("ma") ? 100 : 0)
                if weight > best?.weight ?? -1 { best = (column, weight) }
            }
        }
        return best
    }

    /// Folded, punctuation as spaces: "Điểm\ntối đa" → "diem toi da".
    static func matchKey(_ text: String) -> String {
        String(Folding.fold(text).map { $0.isLetter || $0.isNumber ? $0 : " " }).split(separator: " ").joined(separator: " ")
    }

    /// The rows of the sheet (1 = the first given) → the framework. Throws `ValidationFailure` (field "file") when no
    /// header row names the criteria and their max points in the first 30 rows, or when no criterion is read.
    public static func read(rows: [[String]], code: String, title: String, year: Int, group: String) throws -> ParFrameworkTableImport {
        var header: (row: Int, columns: [Column: Int])?
        for (i, row) in rows.prefix(30).enumerated() {
            var found: [Column: (index: Int, weight: Int)] = [:]
            for (j, cell) in row.enumerated() {
                guard let hit = column(named: cell) else { continue }
                if hit.weight > found[hit.column]?.weight ?? -1 { found[hit.column] = (j, hit.weight) }
            }
            if found[.name] != nil, found[.max] != nil {
                header = (i + 1, found.mapValues(\.index))
                break
            }
        }
        guard let header else {
            throw ValidationFailure(field: "file", "Không tìm thấy dòng tiêu đề của bảng tiêu chí trong 30 dòng đầu: cần cột «Tiêu chí» "
                + "(hoặc «Nội dung») và cột «Điểm tối đa»; nên có cột «Mã» (hoặc «STT») và «Hướng dẫn chấm điểm».")
        }
        var reader = ParTableReader(columns: header.columns)
        for (i, row) in rows.enumerated().dropFirst(header.row) { reader.take(row, number: i + 1) }
        let (criteria, lines) = reader.criteria()
        guard !criteria.isEmpty else {
            throw ValidationFailure(field: "file", "Bảng không có tiêu chí nào đọc được sau dòng tiêu đề (dòng \(header.row)): "
                + "mỗi tiêu chí cần mã, tên và điểm tối đa.")
        }
        let framework = ParFramework(code: code, title: title, year: year, group: group, criteria: criteria)
        var review = reader.notes
        if let total = reader.total, !ParPoints.same(total.points, framework.maxTotal) {
            review.append(ParTableNote(row: total.row, "dòng tổng cộng ghi \(ParPoints.text(total.points)) điểm, các lĩnh vực cộng lại "
                + "\(ParPoints.text(framework.maxTotal)) điểm"))
        }
        review.sort { $0.row < $1.row }
        return ParFrameworkTableImport(framework: framework, review: review, headerRow: header.row, criterionRows: lines)
    }
}

/// The rows after the header, read one by one, then turned into criteria.
struct ParTableReader {
    enum Kind { case roman, number, letter }

    struct Entry {
        var row: Int
        var kind: Kind
        var raw: String
        var name: String
        var max: Double?
        var rule: [String]
        var evidence: [String]
        var office: [String]
        var area: String?
        var code = ""
        var parent: String?
    }

    let columns: [ParFrameworkTable.Column: Int]
    var entries: [Entry] = []
    var notes: [ParTableNote] = []
    var total: (row: Int, points: Double)?
    /// After a skipped row, the rows continuing it are skipped too.
    var skipping = false
    /// Past the total row.
    var ended = false
    var area: String?

    init(columns: [ParFrameworkTable.Column: Int]) { self.columns = columns }

    func cell(_ row: [String], _ column: ParFrameworkTable.Column) -> String {
        guard let i = columns[column], i < row.count else { return "" }
        return row[i].split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// "2", "1,5", "1.5", "2 điểm" → points; nil for blank; throws nothing, reports what is not a number.
    mutating func maxPoints(_ text: String, row: Int, code: String?) -> Double? {
        guard !text.isEmpty else { return nil }
        var t = Folding.fold(text)
        for unit in [" diem", "diem", "d"] where t.hasSuffix(unit) { t = String(t.dropLast(unit.count)) }
        t = t.trimmingCharacters(in: .whitespaces)
        // "1.125" from a spreadsheet's number is 1,125 points, not 1125: no framework has a thousand points.
        if t.filter({ $0 == "." }).count == 1, !t.contains(","), let p = Double(t), p.isFinite { return p }
        if let p = NumberFormat.parse(t) { return p }
        notes.append(ParTableNote(row: row, code: code, "điểm tối đa «\(text)» không phải là số: coi như để trống"))
        return nil
    }

    static func isRoman(_ s: String) -> Bool {
        !s.isEmpty && s.count <= 6 && s.allSatisfy { "IVXL".contains($0) }
    }

    static func isNumber(_ s: String) -> Bool {
        !s.isEmpty && s.split(separator: ".", omittingEmptySubsequences: false)
            .allSatisfy { part in !part.isEmpty && part.allSatisfy { $0.isASCII && $0.isNumber } }
    }

    /// A code written at the start of a name: "1.3.3. Số lượng …", "II. CẢI CÁCH …".
    static func leadingCode(_ name: String) -> (code: String, rest: String)? {
        let words = name.split(separator: " ", maxSplits: 1).map(String.init)
        guard words.count == 2, let first = words.first else { return nil }
        let stripped = first.hasSuffix(".") || first.hasSuffix(")") ? String(first.dropLast()) : first
        if isNumber(stripped) || (isRoman(stripped) && stripped != first) { return (stripped, words[1]) }
        return nil
    }

    mutating func take(_ row: [String], number: Int) {
        let texts = row.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        guard !texts.isEmpty, !ended else { return }
        var code = cell(row, .code), name = cell(row, .name)
        // A row numbering the columns: (1) (2) (3) …
        if texts.allSatisfy({ $0.trimmingCharacters(in: CharacterSet(charactersIn: "()")).allSatisfy(\.isNumber) }),
           name.isEmpty || name.trimmingCharacters(in: CharacterSet(charactersIn: "()")).allSatisfy(\.isNumber) { return }
        while code.hasSuffix(".") || code.hasSuffix(")") { code.removeLast() }
        if code.isEmpty, let lead = Self.leadingCode(name) { (code, name) = (lead.code, lead.rest) }
        if !code.isEmpty, let lead = Self.leadingCode(name), lead.code == code { name = lead.rest }
        let maxText = cell(row, .max), rule = cell(row, .rule), evidence = cell(row, .evidence), office = cell(row, .office)

        if code.isEmpty {
            let key = ParFrameworkTable.matchKey(name)
            if ["tong cong", "tong diem", "tong so diem", "tong", "cong"].contains(where: { key == $0 || key.hasPrefix($0 + " ") }) {
                if let p = maxPoints(maxText, row: number, code: nil) { total = (number, p) }
                ended = true
                return
            }
            if skipping { return }
            guard !entries.isEmpty else {
                notes.append(ParTableNote(row: number, "không có mã tiêu chí và không thuộc tiêu chí nào ở trên: bỏ qua («\(name.prefix(60))»)"))
                return
            }
            var line = name
            if let p = maxPoints(maxText, row: number, code: nil) { line += (line.isEmpty ? "" : ": ") + ParPoints.text(p) + " điểm" }
            let last = entries.count - 1
            for (text, path) in [(line, \Entry.rule), (rule, \Entry.rule), (evidence, \Entry.evidence), (office, \Entry.office)]
            where !text.isEmpty { entries[last][keyPath: path].append(text) }
            return
        }
        skipping = true
        let kind: Kind
        if Self.isRoman(code) { kind = .roman } else if Self.isNumber(code) { kind = .number }
        else if code.count == 1, let c = code.first, c.isLetter, c.isLowercase { kind = .letter }
        else {
            notes.append(ParTableNote(row: number, code: code, "mã «\(code)» không theo cách đánh số 1, 1.1, 1.1.1, I, II hay a, b: bỏ qua dòng"))
            return
        }
        guard !name.isEmpty else {
            notes.append(ParTableNote(row: number, code: code, "không có tên tiêu chí: bỏ qua dòng"))
            return
        }
        if kind == .roman { area = code }
        skipping = false
        entries.append(Entry(row: number, kind: kind, raw: code, name: name, max: maxPoints(maxText, row: number, code: code),
                             rule: rule.isEmpty ? [] : [rule], evidence: evidence.isEmpty ? [] : [evidence], office: office.isEmpty ? [] : [office],
                             area: kind == .roman ? nil : area))
    }

    /// Codes and parents assigned, methods read, headings' maxima summed: the criteria, and the row of each.
    mutating func criteria() -> ([ParCriterion], [Int]) {
        let numbers = entries.filter { $0.kind == .number && $0.area != nil }.map(\.raw)
        let qualify = Set(numbers).count != numbers.count
        var known: [String: Int] = [:]
        var lastNumbered: String?
        var kept: [Entry] = []
        for var e in entries {
            switch e.kind {
            case .roman:
                e.code = e.raw
                lastNumbered = e.code
            case .number:
                let prefix = qualify ? e.area.map { $0 + "." } ?? "" : ""
                e.code = prefix + e.raw
                var parts = e.raw.split(separator: ".").map(String.init)
                if parts.count > 1 {
                    let wanted = prefix + parts.dropLast().joined(separator: ".")
                    while parts.count > 1, e.parent == nil {
                        parts.removeLast()
                        let candidate = prefix + parts.joined(separator: ".")
                        if known[candidate] != nil { e.parent = candidate }
                    }
                    if e.parent != wanted {
                        let into = e.parent ?? e.area.map { "lĩnh vực \($0)" } ?? "cấp cao nhất"
                        notes.append(ParTableNote(row: e.row, code: e.code, "không có dòng của tiêu chí cha \(wanted): xếp vào \(into)"))
                    }
                }
                if e.parent == nil { e.parent = e.area }
                lastNumbered = e.code
            case .letter:
                guard let owner = lastNumbered else {
                    notes.append(ParTableNote(row: e.row, code: e.raw, "mục «\(e.raw)» không nằm dưới tiêu chí đánh số nào: bỏ qua dòng"))
                    continue
                }
                e.code = owner + "." + e.raw
                e.parent = owner
            }
            if let first = known[e.code] {
                notes.append(ParTableNote(row: e.row, code: e.code, "mã tiêu chí trùng với dòng \(first): bỏ qua dòng"))
                continue
            }
            known[e.code] = e.row
            kept.append(e)
        }
        return build(kept)
    }

    private mutating func build(_ entries: [Entry]) -> ([ParCriterion], [Int]) {
        let parents = Set(entries.compactMap(\.parent))
        var out: [(ParCriterion, Int)] = []
        for e in entries {
            let join = { (parts: [String]) in parts.isEmpty ? nil : parts.joined(separator: "; ") }
            var c = ParCriterion(code: e.code, parent: e.parent, name: e.name, max: e.max ?? 0, evidence: join(e.evidence), office: join(e.office))
            if !parents.contains(e.code) {
                let rule = e.rule.joined(separator: "; ")
                if ParFrameworkTable.notApplicableFull(inRule: rule) { c.notApplicableFull = true }
                c.method = ParFrameworkTable.method(fromRule: rule, max: abs(e.max ?? 0))
                switch c.method {
                case .bonus(let cap)?: if e.max == nil { c.max = cap }
                case .penalty?: if c.max < 0 || e.max == nil { c.max = 0 }
                default:
                    guard e.max != nil else {
                        notes.append(ParTableNote(row: e.row, code: e.code, "không có điểm tối đa và không có tiêu chí thành phần: bỏ qua dòng"))
                        continue
                    }
                }
                let understood = ParRuleText.segments(rule).allSatisfy { Folding.fold($0).contains("khong phat sinh") }
                if c.method == nil, !understood {
                    notes.append(ParTableNote(row: e.row, code: e.code, "chưa hiểu cách chấm «\(rule.prefix(160))»: để chấm trực tiếp "
                        + "(0 đến \(ParPoints.text(c.max)) điểm), cần xem lại và chọn phương pháp chấm"))
                }
            }
            if c.max < 0 {
                notes.append(ParTableNote(row: e.row, code: e.code, "điểm tối đa \(ParPoints.text(c.max)) là số âm: bỏ qua dòng"))
                continue
            }
            out.append((c, e.row))
        }
        // A heading without max points: the sum of its children's (bonus and penalty aside), deepest first.
        let given = Dictionary(entries.map { ($0.code, $0.max != nil) }, uniquingKeysWith: { a, _ in a })
        for i in out.indices.reversed() where given[out[i].0.code] == false && parents.contains(out[i].0.code) {
            let code = out[i].0.code
            out[i].0.max = out.filter { $0.0.parent == code && !$0.0.isAdjustment }.reduce(0) { $0 + $1.0.max }
        }
        return (out.map(\.0), out.map(\.1))
    }
}
