import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

// MARK: - SAX handlers

// Each delegate declares its own conformance (a subclass's methods would not be seen as witnesses).
// Namespace prefixes are ignored: "x:c" is "c".

final class XLSXRelationshipsHandler: NSObject, XMLParserDelegate {
    var relationships: [XLSXReader.Relationship] = []

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
    ) {
        guard XLSXReader.localName(elementName) == "Relationship" else { return }
        relationships.append(XLSXReader.Relationship(
            id: attributeDict["Id"] ?? "",
            type: attributeDict["Type"] ?? "",
            target: attributeDict["Target"] ?? "",
            external: (attributeDict["TargetMode"] ?? "").lowercased() == "external"
        ))
    }
}

final class XLSXWorkbookHandler: NSObject, XMLParserDelegate {
    struct Entry {
        var name: String
        var relationshipID: String?
    }
    var sheets: [Entry] = []

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
    ) {
        guard XLSXReader.localName(elementName) == "sheet" else { return }
        var relationshipID: String?
        for (key, value) in attributeDict where XLSXReader.localName(key) == "id" {
            relationshipID = value
        }
        sheets.append(Entry(name: attributeDict["name"] ?? "Sheet\(sheets.count + 1)", relationshipID: relationshipID))
    }
}

/// The text of a rich-text string (`<si>` of the shared strings, `<is>` of an inline-string cell): its `<t>` runs,
/// without the phonetic guides (`<rPh>`). The handler says where the string begins and ends.
struct XLSXRichText {
    var text = ""
    /// Inside the string element, where `<t>` runs count.
    var inString = false
    private var phoneticDepth = 0
    private var capturing = false

    /// Follows the `<rPh>` and `<t>` elements (local names); others are left to the handler.
    mutating func didStart(_ name: String) {
        switch name {
        case "rPh":
            phoneticDepth += 1
        case "t":
            capturing = inString && phoneticDepth == 0
        default:
            break
        }
    }

    mutating func didEnd(_ name: String) {
        switch name {
        case "rPh":
            phoneticDepth = max(0, phoneticDepth - 1)
        case "t":
            capturing = false
        default:
            break
        }
    }

    /// Leaves the string, and any `<t>` run left open in it.
    mutating func close() {
        inString = false
        capturing = false
    }

    /// Adds the characters when they belong to the text.
    mutating func append(_ string: String) {
        if capturing { text += string }
    }
}

final class XLSXSharedStringsHandler: NSObject, XMLParserDelegate {
    var strings: [String] = []
    private var item = XLSXRichText()

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
    ) {
        let name = XLSXReader.localName(elementName)
        if name == "si" {
            item.inString = true
            item.text = ""
        }
        item.didStart(name)
    }

    func parser(
        _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
        qualifiedName qName: String?
    ) {
        let name = XLSXReader.localName(elementName)
        if name == "si" {
            strings.append(item.text)
            item.close()
        }
        item.didEnd(name)
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        item.append(string)
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        item.append(String(decoding: CDATABlock, as: UTF8.self))
    }
}

final class XLSXWorksheetHandler: NSObject, XMLParserDelegate {
    let sharedStrings: [String]
    let maximumRows: Int
    var cells: [String: String] = [:]
    var maxRow = 0
    /// Set when the sheet declares or holds a cell beyond the limits; parsing stops there.
    var outOfBounds = false

    private var row = 0
    private var nextColumn = 1
    private var inCell = false
    private var cellRow = 0
    private var cellColumn = 0
    private var cellType = ""
    private var value = ""
    private var capturingValue = false
    private var inline = XLSXRichText()

    init(sharedStrings: [String], maximumRows: Int = XLSXReader.maximumRows) {
        self.sharedStrings = sharedStrings
        self.maximumRows = maximumRows
        super.init()
    }

    private func stop(_ parser: XMLParser) {
        outOfBounds = true
        parser.abortParsing()
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
    ) {
        let name = XLSXReader.localName(elementName)
        inline.didStart(name)
        switch name {
        case "dimension":
            // "A1:G120": checked before any row is walked.
            if let ref = attributeDict["ref"], let last = ref.split(separator: ":").last {
                if let end = XLSXReader.parseReference(String(last)) {
                    if end.row > maximumRows || end.column > XLSXReader.maximumColumns { stop(parser) }
                } else if ref.contains(":") {
                    stop(parser)
                }
            }
        case "row":
            if let text = attributeDict["r"], let number = Int(text), number > 0 {
                row = number
            } else {
                row += 1
            }
            nextColumn = 1
        case "c":
            inCell = true
            if let reference = attributeDict["r"], let parsed = XLSXReader.parseReference(reference) {
                cellRow = parsed.row
                cellColumn = parsed.column
            } else {
                cellRow = max(row, 1)
                cellColumn = nextColumn
            }
            nextColumn = cellColumn + 1
            if cellRow > maximumRows || cellColumn > XLSXReader.maximumColumns { stop(parser) }
            cellType = attributeDict["t"] ?? "n"
            value = ""
            inline.text = ""
        case "v":
            capturingValue = inCell
        case "is":
            inline.inString = inCell
        default:
            break
        }
    }

    func parser(
        _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
        qualifiedName qName: String?
    ) {
        let name = XLSXReader.localName(elementName)
        inline.didEnd(name)
        switch name {
        case "v":
            capturingValue = false
        case "is":
            inline.inString = false
        case "c":
            finishCell()
            inCell = false
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if capturingValue {
            value += string
        } else {
            inline.append(string)
        }
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        self.parser(parser, foundCharacters: String(decoding: CDATABlock, as: UTF8.self))
    }

    private func finishCell() {
        let text: String
        switch cellType {
        case "s":
            if let index = Int(value.trimmingCharacters(in: .whitespacesAndNewlines)),
               index >= 0, index < sharedStrings.count {
                text = sharedStrings[index]
            } else {
                text = ""
            }
        case "inlineStr":
            text = inline.text.isEmpty ? value : inline.text
        case "b":
            let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty {
                text = ""
            } else {
                text = (trimmed == "1" || trimmed.lowercased() == "true") ? "TRUE" : "FALSE"
            }
        case "str", "e", "d":
            text = value
        default:
            text = value.isEmpty ? "" : XLSXReader.displayNumber(value)
        }
        guard !text.isEmpty, cellRow > 0, cellColumn > 0 else { return }
        cells[XLSXWriting.cellReference(row: cellRow, column: cellColumn)] = text
        maxRow = max(maxRow, cellRow)
    }
}
