import Foundation

/// Vietnamese alphabetical order, as a dictionary or a list of communes is read: the letters
/// a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y (f j w z where foreign names bring them),
/// tones compared only after the letters (ngang, huyền, hỏi, ngã, sắc, nặng), upper and lower case alike, and the
/// numbers in a name in numeric order ("Phường 2" before "Phường 10").
public enum VietnameseOrder {
    /// The alphabet, each entry a base letter with its letter-forming marks (breve, circumflex, horn).
    static let alphabet: [String] = ["a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "f", "g", "h", "i", "j", "k", "l", "m", "n",
                                     "o", "ô", "ơ", "p", "q", "r", "s", "t", "u", "ư", "v", "w", "x", "y", "z"]
    static let rank: [String: Int] = Dictionary(uniqueKeysWithValues: alphabet.enumerated().map { ($1, $0) })
    /// Tone marks in dictionary order (no mark is 0).
    static let tones: [Unicode.Scalar: Character] = ["\u{300}": "1", "\u{309}": "2", "\u{303}": "3", "\u{301}": "4", "\u{323}": "5"]
    static let letterMarks: Set<Unicode.Scalar> = ["\u{306}", "\u{302}", "\u{31B}"]

    /// Every lower-case letter with its letter-forming marks and tone, precomposed, to its rank and tone — computed once,
    /// so a key costs a dictionary lookup per character (a national list sorts thousands of names).
    static let letters: [Character: (rank: Int, tone: Character)] = {
        var out: [Character: (rank: Int, tone: Character)] = [:]
        let toneMarks: [(String, Character)] = [("", "0"), ("\u{300}", "1"), ("\u{309}", "2"), ("\u{303}", "3"), ("\u{301}", "4"), ("\u{323}", "5")]
        for (rank, letter) in alphabet.enumerated() {
            for (mark, tone) in toneMarks {
                let composed = (letter.decomposedStringWithCanonicalMapping + mark).precomposedStringWithCanonicalMapping
                if composed.count == 1, let c = composed.first { out[c] = (rank, tone) }
            }
        }
        return out
    }()

    /// A key whose plain comparison is Vietnamese order: the letters and numbers first, then the tones, then the text.
    /// Letters and other characters are coded in the Private Use Area, which normalisation never touches.
    public static func key(_ text: String) -> String {
        var primary = String.UnicodeScalarView()
        var secondary = ""
        var digits = ""
        func flushDigits() {
            guard !digits.isEmpty else { return }
            let trimmed = String(digits.drop { $0 == "0" })
            // Length first, so 2 < 10; all numbers before any letter.
            primary.append(Unicode.Scalar(0x30 + min(trimmed.count, 40))!)
            primary.append(contentsOf: trimmed.unicodeScalars)
            digits = ""
        }
        for character in text.lowercased() {
            if character.isNumber, character.isASCII { digits.append(character); continue }
            flushDigits()
            if character.isWhitespace || character == "-" || character == "," {
                if primary.last != " " { primary.append(" ") }
                continue
            }
            if let known = letters[character] {
                primary.append(Unicode.Scalar(0xE000 + known.rank)!)
                secondary.append(known.tone)
                continue
            }
            let scalars = Array(String(character).decomposedStringWithCanonicalMapping.unicodeScalars)
            guard let base = scalars.first else { continue }
            var letter = String(base)
            var tone: Character = "0"
            for mark in scalars.dropFirst() {
                if letterMarks.contains(mark) { letter.unicodeScalars.append(mark) } else if let t = tones[mark] { tone = t }
            }
            letter = letter.precomposedStringWithCanonicalMapping
            if let r = rank[letter] {
                primary.append(Unicode.Scalar(0xE000 + r)!)
                secondary.append(tone)
            } else if let scalar = Unicode.Scalar(0xE100 + min(Int(base.value), 0x17FF)) {
                primary.append(scalar)
            }
        }
        flushDigits()
        return String(primary).trimmingCharacters(in: .whitespaces) + "\u{1}" + secondary + "\u{1}" + text
    }

    /// True when `a` comes before `b` in Vietnamese order.
    public static func less(_ a: String, _ b: String) -> Bool { key(a) < key(b) }

    /// The items in Vietnamese order of their names (the key computed once per item).
    public static func sorted<T>(_ items: some Sequence<T>, by name: (T) -> String) -> [T] {
        items.map { (key(name($0)), $0) }.sorted { $0.0 < $1.0 }.map(\.1)
    }
}
