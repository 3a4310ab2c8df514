import Foundation

/// A document cited in a text by its number and (usually) its date: "Kế hoạch số 10/KH-UBND-NV ngày 22/1/2021 của UBND huyện",
/// "Công văn 164/UBND-NV ngày 25/01/2021", "số 2614/QĐ-UBND ngày 05 tháng 12 năm 2017". Read by `CitationReader`.
public struct Citation: Sendable, Equatable {
    public var number: DocumentNumber
    /// The number as the text writes it, spaces and all: "164 /UBND-NV".
    public var written: String
    public var date: Day?
    /// The date as written ("22/1/2021", "05 tháng 12 năm 2017"); kept when it is not a real date.
    public var dateWritten: String?
    /// The kind the text names before the number ("Kế hoạch số …" → KH), when it names one.
    public var namedType: DocumentType?
    /// Who issued it, as written after "của": "UBND huyện", "Sở Nội vụ".
    public var issuer: String?
    /// The citation as written, from the kind's name (or "số") to the date: what a message quotes.
    public var passage: String
    /// Where it starts in the text, in characters.
    public var offset: Int
}

/// Finds every citation of a document in a text: a number and symbol that `DocumentNumber` reads, with what stands before
/// it ("Kế hoạch số", "Văn bản số", "số") and after it ("ngày 22/1/2021", "ngày 05 tháng 12 năm 2017", "của UBND tỉnh").
/// Tolerant of spaces ("164 /UBND-NV", "KH - UBND"), padded or unpadded days and months, and line breaks inside a citation.
public enum CitationReader {
    public static func read(_ text: String) -> [Citation] {
        let chars = Array(text)
        var out: [Citation] = []
        var i = 0
        while i < chars.count {
            guard chars[i].isASCII, chars[i].isNumber, i == 0 || !startsInsideWord(chars[i - 1]),
                  let (end, written) = scanNumber(chars, from: i), let number = DocumentNumber(written) else {
                i += 1
                continue
            }
            let (start, namedType) = preface(chars, before: i)
            var cursor = end
            var date: Day?
            var dateWritten: String?
            if let found = scanDate(chars, from: end) {
                (date, dateWritten, cursor) = (found.day, found.written, found.end)
            }
            let issuer = scanIssuer(chars, from: cursor)
            let passage = collapse(String(chars[start..<cursor]))
            out.append(Citation(number: number, written: collapse(String(chars[i..<end])), date: date, dateWritten: dateWritten,
                                namedType: namedType, issuer: issuer, passage: passage, offset: start))
            i = cursor
        }
        return out
    }

    /// A digit right after one of these continues a word, a number or a date ("22/1/2021", "A12"): not a citation's start.
    private static func startsInsideWord(_ c: Character) -> Bool {
        c.isLetter || c.isNumber || "/-.,:".contains(c)
    }

    private static func isSpace(_ c: Character) -> Bool { c.isWhitespace && !c.isNewline || c == "\u{00A0}" }

    /// Skips at most `limit` spaces (and line breaks when `lines`).
    private static func skipSpaces(_ chars: [Character], _ i: Int, limit: Int = 2, lines: Bool = false) -> Int {
        var j = i
        while j < chars.count, j - i < limit, isSpace(chars[j]) || (lines && chars[j].isNewline) { j += 1 }
        return j
    }

    /// A part of a symbol as documents write one: letters and digits, a capital first; lower case only in the short
    /// forms that have two capitals ("TTg", "QyĐ", "CTr") — so "Kế" or "ngày" never continue a symbol.
    private static func looksLikeCode(_ part: [Character]) -> Bool {
        guard let first = part.first, first.isLetter, first.isUppercase, part.count <= 20 else { return false }
        let lower = part.filter(\.isLowercase)
        if lower.isEmpty { return part.allSatisfy { $0.isLetter || ($0.isASCII && $0.isNumber) } }
        return lower.allSatisfy(\.isASCII) && part.filter(\.isUppercase).count >= 2 && part.allSatisfy { $0.isLetter || $0.isNumber }
    }

    private static func readCode(_ chars: [Character], _ i: Int) -> Int? {
        var j = i
        while j < chars.count, chars[j].isLetter || (chars[j].isASCII && chars[j].isNumber) { j += 1 }
        return j > i && looksLikeCode(Array(chars[i..<j])) ? j : nil
    }

    /// The end of a number and symbol starting at `i`, and the text read (spaces removed).
    private static func scanNumber(_ chars: [Character], from i: Int) -> (Int, String)? {
        var j = i
        while j < chars.count, chars[j].isASCII, chars[j].isNumber, j - i < 7 { j += 1 }
        if j < chars.count, chars[j].isASCII, chars[j].isLowercase, j + 1 < chars.count, !chars[j + 1].isLetter { j += 1 }
        let digitsEnd = j
        j = skipSpaces(chars, j)
        guard j < chars.count else { return nil }
        if chars[j] == "-" {
            // The Party's form: "39-NQ/TW".
            guard let typeEnd = readCode(chars, j + 1), typeEnd < chars.count, chars[typeEnd] == "/",
                  let issuerEnd = readCode(chars, typeEnd + 1) else { return nil }
            return (issuerEnd, String(chars[i..<issuerEnd].filter { !$0.isWhitespace }))
        }
        guard chars[j] == "/", digitsEnd > i else { return nil }
        j = skipSpaces(chars, j + 1)
        // An optional year: "01/2021/QĐ-UBND".
        var k = j
        while k < chars.count, chars[k].isASCII, chars[k].isNumber { k += 1 }
        if k - j == 4 {
            let slash = skipSpaces(chars, k)
            guard slash < chars.count, chars[slash] == "/" else { return nil }
            j = skipSpaces(chars, slash + 1)
        } else if k != j {
            return nil
        }
        guard var end = readCode(chars, j) else { return nil }
        while true {
            let dash = skipSpaces(chars, end, limit: 1)
            guard dash < chars.count, chars[dash] == "-" else { break }
            guard let next = readCode(chars, skipSpaces(chars, dash + 1, limit: 1)) else { break }
            end = next
        }
        return (end, String(chars[i..<end].filter { !$0.isWhitespace }))
    }

    /// Where the citation starts: at the kind's name ("Kế hoạch số", "Công văn") or "số" before the number.
    private static func preface(_ chars: [Character], before i: Int) -> (Int, DocumentType?) {
        var start = i
        var words: [(start: Int, text: String)] = []
        var j = i
        while words.count < 5 {
            while j > 0, chars[j - 1].isWhitespace || chars[j - 1] == ":" { j -= 1 }
            var k = j
            while k > 0, chars[k - 1].isLetter { k -= 1 }
            guard k < j else { break }
            words.append((k, String(chars[k..<j])))
            j = k
        }
        var used = 0
        if let first = words.first, Folding.fold(first.text) == "so" {
            start = first.start
            used = 1
        }
        for count in stride(from: min(4, words.count - used), through: 1, by: -1) {
            let phrase = words[used..<(used + count)].reversed().map(\.text).joined(separator: " ")
            if let type = DocumentType.named(phrase) {
                return (words[used + count - 1].start, type)
            }
        }
        return (start, nil)
    }

    /// "ngày 22/1/2021", "ngày 05 tháng 12 năm 2017", ", ngày 25-01-2021" after a number.
    private static func scanDate(_ chars: [Character], from i: Int) -> (day: Day?, written: String, end: Int)? {
        var j = skipSpaces(chars, i, limit: 3, lines: true)
        if j < chars.count, chars[j] == "," { j = skipSpaces(chars, j + 1, limit: 3, lines: true) }
        var k = j
        while k < chars.count, chars[k].isLetter { k += 1 }
        guard Folding.fold(String(chars[j..<k])) == "ngay" else { return nil }
        let dateStart = skipSpaces(chars, k, limit: 3, lines: true)
        var numbers: [Int] = []
        var cursor = dateStart
        var words: [String] = []
        while numbers.count < 3 {
            cursor = skipSpaces(chars, cursor, limit: 3, lines: true)
            var d = cursor
            while d < chars.count, chars[d].isASCII, chars[d].isNumber, d - cursor < 4 { d += 1 }
            guard d > cursor, let n = Int(String(chars[cursor..<d])) else { return nil }
            numbers.append(n)
            cursor = d
            guard numbers.count < 3 else { break }
            let sep = skipSpaces(chars, cursor, limit: 2)
            if sep < chars.count, "/.-".contains(chars[sep]) {
                cursor = sep + 1
            } else {
                var w = skipSpaces(chars, cursor, limit: 3, lines: true)
                let wordStart = w
                while w < chars.count, chars[w].isLetter { w += 1 }
                words.append(Folding.fold(String(chars[wordStart..<w])))
                guard words.last == (numbers.count == 1 ? "thang" : "nam") else { return nil }
                cursor = w
            }
        }
        guard numbers[2] >= 1000 else { return nil }
        let written = collapse(String(chars[dateStart..<cursor]))
        return (Day(numbers[2], numbers[1], numbers[0]), written, cursor)
    }

    /// "của UBND huyện" after the date: up to the punctuation that ends the phrase or a word that starts another.
    private static func scanIssuer(_ chars: [Character], from i: Int) -> String? {
        var j = skipSpaces(chars, i, limit: 3, lines: true)
        var k = j
        while k < chars.count, chars[k].isLetter { k += 1 }
        guard Folding.fold(String(chars[j..<k])) == "cua" else { return nil }
        j = k
        var words: [String] = []
        while words.count < 8 {
            j = skipSpaces(chars, j, limit: 3)
            var e = j
            while e < chars.count, !chars[e].isWhitespace, !";,.:()\n".contains(chars[e]) { e += 1 }
            guard e > j else { break }
            let word = String(chars[j..<e])
            let folded = Folding.fold(word)
            if ["ve", "v/v", "kem", "va", "theo", "tai", "nham"].contains(folded) { break }
            if folded == "ban", Folding.fold(String(chars[e..<min(e + 6, chars.count)])).hasPrefix(" hanh") { break }
            words.append(word)
            j = e
        }
        return words.isEmpty ? nil : words.joined(separator: " ")
    }

    private static func collapse(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
