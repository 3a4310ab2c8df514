import Foundation

/// Small helpers shared by the Office Open XML writers: XML escaping and the package's common parts (zipped by `writePackage`).
enum OOXML {
    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

    /// Whether XML 1.0 may carry the scalar (Char production of the XML 1.0 specification).
    static func isLegal(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value == 0x9 || value == 0xA || value == 0xD
            || (value >= 0x20 && value <= 0xD7FF)
            || (value >= 0xE000 && value <= 0xFFFD)
            || value >= 0x10000
    }

    /// The text without the characters XML 1.0 cannot carry.
    static func clean(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where isLegal(scalar) {
            scalars.append(scalar)
        }
        return String(scalars)
    }

    /// The text escaped for XML element content and attribute values; illegal characters are dropped.
    static func escape(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x26: out.append(contentsOf: "&amp;".unicodeScalars)
            case 0x3C: out.append(contentsOf: "&lt;".unicodeScalars)
            case 0x3E: out.append(contentsOf: "&gt;".unicodeScalars)
            case 0x22: out.append(contentsOf: "&quot;".unicodeScalars)
            case 0x27: out.append(contentsOf: "&apos;".unicodeScalars)
            default:
                if isLegal(scalar) { out.append(scalar) }
            }
        }
        return String(out)
    }

    /// "2021-01-05T08:30:00Z"
    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }

    /// docProps/core.xml
    static func coreProperties(title: String, creator: String, date: Date) -> String {
        let stamp = timestamp(date)
        var xml = declaration
        xml += "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\""
        xml += " xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\""
        xml += " xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
        if !title.isEmpty {
            xml += "<dc:title>\(escape(title))</dc:title>"
        }
        xml += "<dc:creator>\(escape(creator))</dc:creator>"
        xml += "<cp:lastModifiedBy>\(escape(creator))</cp:lastModifiedBy>"
        xml += "<dcterms:created xsi:type=\"dcterms:W3CDTF\">\(stamp)</dcterms:created>"
        xml += "<dcterms:modified xsi:type=\"dcterms:W3CDTF\">\(stamp)</dcterms:modified>"
        xml += "</cp:coreProperties>"
        return xml
    }

    /// docProps/app.xml
    static func appProperties() -> String {
        var xml = declaration
        xml += "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\""
        xml += " xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\">"
        xml += "<Application>CCHC</Application>"
        xml += "</Properties>"
        return xml
    }

    /// Relationship types of the officeDocument vocabulary ("…/relationships/styles") and the `r:` namespace of parts.
    static let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    /// [Content_Types].xml: the defaults for .rels and .xml, an override for each part (name, content type) in order,
    /// then the document properties every package here carries.
    static func contentTypes(_ parts: [(name: String, type: String)]) -> String {
        let properties = [
            (name: "/docProps/core.xml", type: "application/vnd.openxmlformats-package.core-properties+xml"),
            (name: "/docProps/app.xml", type: "application/vnd.openxmlformats-officedocument.extended-properties+xml"),
        ]
        var xml = declaration
        xml += "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        xml += "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        xml += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        for part in parts + properties {
            xml += "<Override PartName=\"\(part.name)\" ContentType=\"\(part.type)\"/>"
        }
        xml += "</Types>"
        return xml
    }

    /// A relationships part: one relationship for each (type, target), with the ids rId1, rId2, … in order.
    static func relationships(_ entries: [(type: String, target: String)]) -> String {
        var xml = declaration
        xml += "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        for (index, entry) in entries.enumerated() {
            xml += "<Relationship Id=\"rId\(index + 1)\" Type=\"\(entry.type)\" Target=\"\(entry.target)\"/>"
        }
        xml += "</Relationships>"
        return xml
    }

    /// "http://…/officeDocument/2006/relationships/styles" for "styles".
    static func relationshipType(_ name: String) -> String {
        relationshipNamespace + "/" + name
    }

    /// _rels/.rels for a package whose main part is `mainPart` ("xl/workbook.xml", "word/document.xml").
    static func packageRelationships(mainPart: String) -> String {
        relationships([
            (type: relationshipType("officeDocument"), target: mainPart),
            (type: "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", target: "docProps/core.xml"),
            (type: relationshipType("extended-properties"), target: "docProps/app.xml"),
        ])
    }

    /// The parts a package begins with: [Content_Types].xml, _rels/.rels and the document properties (dated now).
    static func leadingParts(contentTypes: String, mainPart: String, title: String, creator: String) -> [(path: String, content: String)] {
        [
            (path: "[Content_Types].xml", content: contentTypes),
            (path: "_rels/.rels", content: packageRelationships(mainPart: mainPart)),
            (path: "docProps/core.xml", content: coreProperties(title: title, creator: creator, date: Date())),
            (path: "docProps/app.xml", content: appProperties()),
        ]
    }
}
