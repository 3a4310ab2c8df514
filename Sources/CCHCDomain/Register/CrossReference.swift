import Foundation

/// Citations checked against the register: a document cited by number and date that the register holds under another date,
/// or under a slightly different symbol, is flagged — seed 000 cites its own plan once as "10/KH-UBND-NV ngày 22/1/2021"
/// and once as "10/KH-UBND ngày 22/01/2020".
///
/// A number is unique for an issuing body within a year only, so a registered document is compared with a citation when it
/// is of the citation's year, or of the same day and month in another year (a slip in the year, as in seed 000). A citation
/// of another year that shares nothing else is a different document the register does not hold, not a slip.
public enum CrossReference {
    public enum Verdict: String, Sendable, Codable {
        /// The register holds the document with this number, symbol and date.
        case matches
        /// Same number and symbol, another date.
        case dateDiffers
        /// Same number and date, a slightly different symbol.
        case symbolDiffers
        /// Same number, a slightly different symbol and another date: most likely a slip.
        case probableSlip
        /// Nothing comparable in the register (another body's document, or one not registered).
        case notRegistered

        /// A verdict the register's page points out.
        public var isFlagged: Bool { self == .dateDiffers || self == .symbolDiffers || self == .probableSlip }
    }

    public struct Finding: Sendable, Equatable {
        public var citation: Citation
        public var verdict: Verdict
        /// The registered document the citation was compared with.
        public var registered: RegisterEntry?
        public var message: String
        public var isFlagged: Bool { verdict.isFlagged }
    }

    /// Each citation's verdict against `entries` (the registers of the bodies a text may cite: its own unit's and those above).
    public static func check(_ citations: [Citation], against entries: [RegisterEntry]) -> [Finding] {
        citations.map { c in
            let issuer = citationIssuer(c)
            return verdict(for: c, candidates: entries.filter { issued($0, as: issuer) })
        }
    }

    /// The citations of `text` checked against `entries`.
    public static func check(text: String, against entries: [RegisterEntry]) -> [Finding] {
        check(CitationReader.read(text), against: entries)
    }

    // MARK: The verdict

    static func verdict(for c: Citation, candidates: [RegisterEntry]) -> Finding {
        let sameNumber = candidates.filter {
            $0.number.number == c.number.number && $0.number.suffix == c.number.suffix
                && ($0.number.year == nil || c.number.year == nil || $0.number.year == c.number.year)
        }
        let exact = sameNumber.filter { $0.number.symbolKey == c.number.symbolKey }
        let similar = sameNumber.filter { similarSymbol($0.number, c.number) }
        guard let date = c.date else {
            if let e = exact.first { return Finding(citation: c, verdict: .matches, registered: e, message: matched(c, e)) }
            return Finding(citation: c, verdict: .notRegistered, registered: nil,
                           message: "“\(c.passage)”: không ghi ngày, chưa đối chiếu được.")
        }
        if let e = exact.first(where: { $0.issuedOn == date }) {
            return Finding(citation: c, verdict: .matches, registered: e, message: matched(c, e))
        }
        if let e = closest(exact, to: date) {
            return Finding(citation: c, verdict: .dateDiffers, registered: e, message: """
                “\(c.passage)”: sổ đăng ký của \(e.unitName) ghi văn bản \(e.numberText) ngày \(e.issuedOn.vietnamese) \
                (\(e.summary.prefix(100))), không phải ngày \(date.vietnamese).
                """)
        }
        if let e = similar.first(where: { $0.issuedOn == date }) {
            return Finding(citation: c, verdict: .symbolDiffers, registered: e, message: """
                “\(c.passage)”: sổ đăng ký của \(e.unitName) ghi cùng số, cùng ngày nhưng ký hiệu là \(e.numberText), \
                không phải \(c.number.text).
                """)
        }
        if let e = closest(similar, to: date) {
            return Finding(citation: c, verdict: .probableSlip, registered: e, message: """
                “\(c.passage)”: có lẽ là nhầm — sổ đăng ký của \(e.unitName) có văn bản \(e.numberText) ngày \(e.issuedOn.vietnamese) \
                (\(e.summary.prefix(100))); khác ký hiệu (\(c.number.text) so với \(e.number.text)) \
                và ngày (\(date.vietnamese) so với \(e.issuedOn.vietnamese)).
                """)
        }
        return Finding(citation: c, verdict: .notRegistered, registered: nil,
                       message: "“\(c.passage)”: không có trong các sổ đăng ký đã đối chiếu.")
    }

    private static func matched(_ c: Citation, _ e: RegisterEntry) -> String {
        "“\(c.passage)”: khớp sổ đăng ký — \(e.numberText) ngày \(e.issuedOn.vietnamese) của \(e.unitName)."
    }

    /// The registered document a dated citation is compared with: of its year, or of its day and month in another year;
    /// the nearest in time first.
    static func closest(_ entries: [RegisterEntry], to date: Day) -> RegisterEntry? {
        entries.filter { $0.issuedOn.year == date.year || ($0.issuedOn.month == date.month && $0.issuedOn.day == date.day) }
            .min { abs($0.issuedOn.days(until: date)) < abs($1.issuedOn.days(until: date)) }
    }

    /// Two symbols of one kind that differ a little: one's parts begin the other's ("KH-UBND" and "KH-UBND-NV"), the same
    /// issuer with another drafter ("KH-UBND-VP"), or one character apart ("KH-UBDN").
    static func similarSymbol(_ a: DocumentNumber, _ b: DocumentNumber) -> Bool {
        guard a.type == b.type, a.symbolKey != b.symbolKey else { return false }
        let (p, q) = (a.symbolParts, b.symbolParts)
        let shorter = p.count <= q.count ? p : q, longer = p.count <= q.count ? q : p
        if Array(longer.prefix(shorter.count)) == shorter { return true }
        if Folding.fold(a.issuer) == Folding.fold(b.issuer) { return true }
        return editDistance(Array(a.symbolKey), Array(b.symbolKey), limit: 1) <= 1
    }

    /// Edit distance counting a swap of two neighbours as one edit ("UBDN" for "UBND"); over `limit` reported as `limit + 1`.
    static func editDistance(_ a: [Character], _ b: [Character], limit: Int) -> Int {
        guard abs(a.count - b.count) <= limit else { return limit + 1 }
        var d = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in stride(from: 1, through: a.count, by: 1) {
            for j in stride(from: 1, through: b.count, by: 1) {
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
            }
        }
        return min(d[a.count][b.count], limit + 1)
    }

    // MARK: Who issued it

    /// The citation's issuer as written, folded into words.
    static func citationIssuer(_ c: Citation) -> [String]? {
        c.issuer.map { Folding.fold($0).split { !$0.isLetter && !$0.isNumber }.map(String.init) }
    }

    /// May `entry` be the document a citation naming `issuer` (folded words) cites? With no "của …", any register given
    /// may hold it. "UBND huyện" names the district among the registers given (a unit and those above it are of different
    /// tiers); "Sở Nội vụ", "Phòng Nội vụ" name an office by its name.
    static func issued(_ entry: RegisterEntry, as issuer: [String]?) -> Bool {
        guard let words = issuer, !words.isEmpty else { return true }
        let text = " " + words.joined(separator: " ") + " "
        if entry.unitKind.isOffice { return text.contains(" " + Folding.fold(entry.unitName) + " ") }
        if let kind = kindPhrase(words) { return phrases(of: entry.unitKind).contains(kind) }
        return text.contains(" ubnd ") || text.contains(" uy ban nhan dan ") || text.contains(" " + Folding.fold(entry.unitName) + " ")
    }

    /// The first jurisdiction word of a folded issuer: "thi xa" before "xa", "thi tran", "thanh pho", "huyen" …
    static func kindPhrase(_ words: [String]) -> String? {
        for (i, w) in words.enumerated() {
            if i + 1 < words.count, ["thi xa", "thi tran", "thanh pho", "dac khu"].contains(w + " " + words[i + 1]) {
                return w + " " + words[i + 1]
            }
            if ["huyen", "quan", "tinh", "phuong", "xa"].contains(w) { return w }
        }
        return nil
    }

    /// How documents name a unit of this kind after "UBND".
    static func phrases(of kind: UnitKind) -> [String] {
        switch kind {
        case .province: ["tinh"]
        case .centralCity, .provincialCity: ["thanh pho"]
        case .district: ["huyen", "quan"]
        case .districtTown: ["thi xa"]
        case .commune: ["xa"]
        case .ward: ["phuong"]
        case .township: ["thi tran"]
        case .specialZone: ["dac khu"]
        case .nation, .department, .office, .board, .bureau, .ministry: []
        }
    }
}
