import Foundation

// MARK: - Writing the parts of a workbook

enum XLSXWriting {
    static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    /// Excel's limit on the text of one cell.
    static let maximumCellText = 32767

    static func contentTypes(sheetCount: Int) -> String {
        let type = "application/vnd.openxmlformats-officedocument.spreadsheetml."
        var parts = [(name: "/xl/workbook.xml", type: type + "sheet.main+xml")]
        for index in 0..<sheetCount {
            parts.append((name: "/xl/worksheets/sheet\(index + 1).xml", type: type + "worksheet+xml"))
        }
        parts.append((name: "/xl/styles.xml", type: type + "styles+xml"))
        parts.append((name: "/xl/sharedStrings.xml", type: type + "sharedStrings+xml"))
        return OOXML.contentTypes(parts)
    }

    static func workbook(names: [String], hidden: [Bool] = []) -> String {
        var xml = OOXML.declaration
        xml += "<workbook xmlns=\"\(mainNamespace)\" xmlns:r=\"\(OOXML.relationshipNamespace)\">"
        xml += "<bookViews><workbookView xWindow=\"0\" yWindow=\"0\" windowWidth=\"28800\" windowHeight=\"15000\" activeTab=\"0\"/></bookViews>"
        xml += "<sheets>"
        for (index, name) in names.enumerated() {
            let state = index < hidden.count && hidden[index] ? " state=\"hidden\"" : ""
            xml += "<sheet name=\"\(OOXML.escape(name))\" sheetId=\"\(index + 1)\"\(state) r:id=\"rId\(index + 1)\"/>"
        }
        xml += "</sheets>"
        xml += "</workbook>"
        return xml
    }

    /// The sheets first (rId1… as the workbook refers to them), then the styles and the shared strings.
    static func workbookRelationships(sheetCount: Int) -> String {
        var entries = (0..<sheetCount).map { (type: OOXML.relationshipType("worksheet"), target: "worksheets/sheet\($0 + 1).xml") }
        entries.append((type: OOXML.relationshipType("styles"), target: "styles.xml"))
        entries.append((type: OOXML.relationshipType("sharedStrings"), target: "sharedStrings.xml"))
        return OOXML.relationships(entries)
    }

    /// Fonts: 0 Times New Roman 12, 1 the same bold. Cell formats (see `XLSXStyle`): built-in number formats
    /// 3 "#,##0", 4 "#,##0.00", 10 "0.00%".
    static let styles: String = {
        var xml = OOXML.declaration
        xml += "<styleSheet xmlns=\"\(mainNamespace)\">"
        xml += "<fonts count=\"2\">"
        xml += "<font><sz val=\"12\"/><name val=\"Times New Roman\"/><family val=\"1\"/></font>"
        xml += "<font><b/><sz val=\"12\"/><name val=\"Times New Roman\"/><family val=\"1\"/></font>"
        xml += "</fonts>"
        xml += "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
        xml += "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
        xml += "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        xml += "<cellXfs count=\"5\">"
        xml += "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
        xml += "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>"
        xml += "<xf numFmtId=\"3\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        xml += "<xf numFmtId=\"4\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        xml += "<xf numFmtId=\"10\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        xml += "</cellXfs>"
        xml += "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
        xml += "</styleSheet>"
        return xml
    }()

    /// The text a string cell holds: cleaned of what XML cannot carry, line breaks as "\n", at most
    /// `maximumCellText` UTF-16 units; nil when nothing is left to show.
    static func cellText(_ raw: String) -> String? {
        var text = OOXML.clean(raw)
        if text.utf8.contains(UInt8(ascii: "\r")) {
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        if text.isEmpty { return nil }
        if text.utf16.count > maximumCellText {
            text = truncated(text, utf16Limit: maximumCellText)
        }
        return text
    }

    static func isIntegral(_ value: Double) -> Bool {
        value.isFinite && value == value.rounded() && abs(value) < 1e15
    }

    /// A number as stored in a cell: integers without a decimal point, others with up to 15 significant digits
    /// (what Excel keeps), so 91.3 / 100 is written "0.913".
    static func numberText(_ value: Double) -> String {
        var bytes: [UInt8] = []
        appendNumber(value, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `numberText` appended as bytes, as "%.15g" formats it: from Swift's shortest form when that has at most
    /// 15 significant digits (the same digits, without the C library's variadic call), through the C library otherwise.
    static func appendNumber(_ value: Double, to out: inout [UInt8]) {
        if isIntegral(value) {
            out.appendDecimal(Int(value))
            return
        }
        if appendShortest(value, to: &out) { return }
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: 48) { buffer in
            guard let base = buffer.baseAddress else { return }
            let length = withVaList([value]) { vsnprintf(base, 48, "%.15g", $0) }
            for index in 0..<min(Int(max(length, 0)), 47) {
                let byte = UInt8(bitPattern: base[index])
                out.append(byte == UInt8(ascii: ",") ? UInt8(ascii: ".") : byte)
            }
        }
    }

    /// "%.15g" of a normal number whose shortest round-trip form has at most 15 significant digits: rounding the
    /// number to 15 digits gives those digits, since it lies within half a unit in the last place of them. False
    /// (nothing appended) otherwise.
    static func appendShortest(_ value: Double, to out: inout [UInt8]) -> Bool {
        guard value.isNormal else { return false }
        var digits: [UInt8] = []
        digits.reserveCapacity(24)
        var negative = false, pointAt = -1, exponent = 0, exponentSign = 1, inExponent = false
        for byte in value.description.utf8 {
            switch byte {
            case UInt8(ascii: "-"): if inExponent { exponentSign = -1 } else { negative = true }
            case UInt8(ascii: "+"): break
            case UInt8(ascii: "."): pointAt = digits.count
            case UInt8(ascii: "e"), UInt8(ascii: "E"): inExponent = true
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if inExponent { exponent = exponent * 10 + Int(byte - UInt8(ascii: "0")) } else { digits.append(byte) }
            default: return false
            }
        }
        if pointAt < 0 { pointAt = digits.count }
        let leading = digits.prefix { $0 == UInt8(ascii: "0") }.count
        guard leading < digits.count else { return false }
        var significant = digits[leading...]
        while significant.last == UInt8(ascii: "0") { significant.removeLast() }
        guard significant.count <= 15 else { return false }
        // The exponent of the first significant digit: d.ddd × 10^power.
        let power = pointAt - leading - 1 + exponentSign * exponent
        if negative { out.append(UInt8(ascii: "-")) }
        if power < -4 || power >= 15 {
            out.append(significant[significant.startIndex])
            if significant.count > 1 {
                out.append(UInt8(ascii: "."))
                out.append(contentsOf: significant.dropFirst())
            }
            out.append(power < 0 ? "e-" as StaticString : "e+" as StaticString)
            if abs(power) < 10 { out.append(UInt8(ascii: "0")) }
            out.appendDecimal(abs(power))
        } else if power >= 0 {
            let whole = significant.prefix(power + 1)
            out.append(contentsOf: whole)
            if whole.count < power + 1 { out.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: power + 1 - whole.count)) }
            if significant.count > power + 1 {
                out.append(UInt8(ascii: "."))
                out.append(contentsOf: significant.dropFirst(power + 1))
            }
        } else {
            out.append("0." as StaticString)
            out.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: -power - 1))
            out.append(contentsOf: significant)
        }
        return true
    }

    /// "A", "Z", "AA", … for 1, 26, 27, …
    static func columnName(_ column: Int) -> String {
        var number = max(1, column)
        var letters: [Character] = []
        while number > 0 {
            let remainder = (number - 1) % 26
            letters.append(Character(Unicode.Scalar(UInt8(65 + remainder))))
            number = (number - 1) / 26
        }
        return String(letters.reversed())
    }

    static func cellReference(row: Int, column: Int) -> String {
        columnName(column) + String(row)
    }

    static func truncated(_ text: String, utf16Limit: Int) -> String {
        var out = ""
        var count = 0
        for character in text {
            let length = character.utf16.count
            if count + length > utf16Limit { break }
            out.append(character)
            count += length
        }
        return out
    }

    /// A name Excel accepts: no []:*?/\, no leading or trailing apostrophe, at most 31 characters, not empty.
    static func sanitizedSheetName(_ raw: String, position: Int) -> String {
        let forbidden: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\"]
        var name = ""
        for character in OOXML.clean(raw) {
            if forbidden.contains(character) || character.isNewline || character == "\t" {
                name.append(" ")
            } else {
                name.append(character)
            }
        }
        name = name.trimmingCharacters(in: .whitespaces)
        while name.hasPrefix("'") { name.removeFirst() }
        while name.hasSuffix("'") { name.removeLast() }
        name = truncated(name.trimmingCharacters(in: .whitespaces), utf16Limit: 31)
            .trimmingCharacters(in: .whitespaces)
        if name.isEmpty || name.lowercased() == "history" {
            name = "Sheet\(position + 1)"
        }
        return name
    }

    /// Sanitised names, made unique without regard to case ("Biểu", "Biểu (2)").
    static func uniqueSheetNames(_ raw: [String]) -> [String] {
        var used: Set<String> = []
        var names: [String] = []
        for (position, rawName) in raw.enumerated() {
            let base = sanitizedSheetName(rawName, position: position)
            var name = base
            var counter = 2
            while used.contains(name.lowercased()) {
                let suffix = " (\(counter))"
                name = truncated(base, utf16Limit: 31 - suffix.utf16.count) + suffix
                counter += 1
            }
            used.insert(name.lowercased())
            names.append(name)
        }
        return names
    }
}
