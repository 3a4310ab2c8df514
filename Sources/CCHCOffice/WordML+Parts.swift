import Foundation

extension WordML {
    // MARK: Package parts

    /// Headers 1 (numbered) and 2 (first page) of the main section; 3 and 4 of the appendix's.
    static func headerCount(appendix: Bool) -> Int {
        appendix ? 4 : 2
    }

    static func contentTypes(appendix: Bool) -> String {
        let type = "application/vnd.openxmlformats-officedocument.wordprocessingml."
        var parts = [
            (name: "/word/document.xml", type: type + "document.main+xml"),
            (name: "/word/styles.xml", type: type + "styles+xml"),
            (name: "/word/settings.xml", type: type + "settings+xml"),
            (name: "/word/fontTable.xml", type: type + "fontTable+xml"),
        ]
        for index in 1...headerCount(appendix: appendix) {
            parts.append((name: "/word/header\(index).xml", type: type + "header+xml"))
        }
        return OOXML.contentTypes(parts)
    }

    /// The headers are rId4… (as the section properties refer to them).
    static func documentRelationships(appendix: Bool) -> String {
        var entries = [
            (type: OOXML.relationshipType("styles"), target: "styles.xml"),
            (type: OOXML.relationshipType("settings"), target: "settings.xml"),
            (type: OOXML.relationshipType("fontTable"), target: "fontTable.xml"),
        ]
        for index in 1...headerCount(appendix: appendix) {
            entries.append((type: OOXML.relationshipType("header"), target: "header\(index).xml"))
        }
        return OOXML.relationships(entries)
    }

    static let fonts = "<w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:eastAsia=\"Times New Roman\" w:cs=\"Times New Roman\"/>"

    static let styles: String = {
        var xml = OOXML.declaration
        xml += "<w:styles xmlns:w=\"\(WordML.wordNamespace)\">"
        xml += "<w:docDefaults>"
        xml += "<w:rPrDefault><w:rPr>\(WordML.fonts)<w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/>"
        xml += "<w:lang w:val=\"vi-VN\" w:eastAsia=\"en-US\" w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault>"
        xml += "<w:pPrDefault><w:pPr><w:spacing w:after=\"120\" w:line=\"288\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault>"
        xml += "</w:docDefaults>"
        xml += "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/>"
        xml += "<w:pPr><w:spacing w:before=\"0\" w:after=\"120\" w:line=\"288\" w:lineRule=\"auto\"/><w:ind w:firstLine=\"720\"/><w:jc w:val=\"both\"/></w:pPr>"
        xml += "<w:rPr>\(WordML.fonts)<w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/><w:lang w:val=\"vi-VN\"/></w:rPr></w:style>"
        xml += "<w:style w:type=\"paragraph\" w:styleId=\"Header\"><w:name w:val=\"header\"/><w:basedOn w:val=\"Normal\"/>"
        xml += "<w:uiPriority w:val=\"99\"/><w:unhideWhenUsed/>"
        xml += "<w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/><w:ind w:firstLine=\"0\"/><w:jc w:val=\"center\"/></w:pPr></w:style>"
        xml += "<w:style w:type=\"character\" w:default=\"1\" w:styleId=\"DefaultParagraphFont\"><w:name w:val=\"Default Paragraph Font\"/>"
        xml += "<w:uiPriority w:val=\"1\"/><w:semiHidden/><w:unhideWhenUsed/></w:style>"
        xml += "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/>"
        xml += "<w:uiPriority w:val=\"99\"/><w:semiHidden/><w:unhideWhenUsed/>"
        xml += "<w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/>"
        xml += "<w:left w:w=\"108\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/>"
        xml += "</w:tblCellMar></w:tblPr></w:style>"
        xml += "<w:style w:type=\"table\" w:styleId=\"TableGrid\"><w:name w:val=\"Table Grid\"/><w:basedOn w:val=\"TableNormal\"/><w:uiPriority w:val=\"39\"/>"
        xml += "<w:tblPr><w:tblBorders><w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"auto\"/>"
        xml += "<w:left w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"auto\"/>"
        xml += "<w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"auto\"/>"
        xml += "<w:right w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"auto\"/>"
        xml += "<w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"auto\"/>"
        xml += "<w:insideV w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"auto\"/></w:tblBorders></w:tblPr></w:style>"
        xml += "</w:styles>"
        return xml
    }()

    static let settings: String = {
        var xml = OOXML.declaration
        xml += "<w:settings xmlns:w=\"\(WordML.wordNamespace)\">"
        xml += "<w:zoom w:percent=\"100\"/>"
        xml += "<w:defaultTabStop w:val=\"720\"/>"
        xml += "<w:characterSpacingControl w:val=\"doNotCompress\"/>"
        xml += "<w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>"
        xml += "</w:settings>"
        return xml
    }()

    static let fontTable: String = {
        var xml = OOXML.declaration
        xml += "<w:fonts xmlns:w=\"\(WordML.wordNamespace)\">"
        xml += "<w:font w:name=\"Times New Roman\"><w:panose1 w:val=\"02020603050405020304\"/><w:charset w:val=\"00\"/>"
        xml += "<w:family w:val=\"roman\"/><w:pitch w:val=\"variable\"/></w:font>"
        xml += "</w:fonts>"
        return xml
    }()

    /// Centred PAGE field, 14 pt.
    static let pageNumberHeader: String = {
        let runProperties = WordML.rPr(size: 28, bold: false, italic: false)
        var runs = "<w:r>\(runProperties)<w:fldChar w:fldCharType=\"begin\"/></w:r>"
        runs += "<w:r>\(runProperties)<w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r>"
        runs += "<w:r>\(runProperties)<w:fldChar w:fldCharType=\"separate\"/></w:r>"
        runs += "<w:r>\(runProperties)<w:t>2</w:t></w:r>"
        runs += "<w:r>\(runProperties)<w:fldChar w:fldCharType=\"end\"/></w:r>"
        return header(properties: "<w:jc w:val=\"center\"/>\(runProperties)", runs: runs)
    }()

    /// The first page carries no number.
    static let emptyHeader = header(properties: "", runs: "")

    /// A header part of one paragraph in the Header style, without spacing or indent; `properties` end its `<w:pPr>`.
    static func header(properties: String, runs: String) -> String {
        var xml = OOXML.declaration
        xml += "<w:hdr xmlns:w=\"\(WordML.wordNamespace)\" xmlns:r=\"\(OOXML.relationshipNamespace)\">"
        xml += "<w:p><w:pPr><w:pStyle w:val=\"Header\"/><w:spacing w:before=\"0\" w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>"
        xml += "<w:ind w:left=\"0\" w:right=\"0\" w:firstLine=\"0\"/>\(properties)</w:pPr>"
        xml += "\(runs)</w:p></w:hdr>"
        return xml
    }
}
