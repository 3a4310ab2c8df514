import Foundation

extension WordML {
    // MARK: Package parts

    static func contentTypes(appendix: Bool) -> String {
        var xml = OOXML.declaration
        xml += "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        xml += "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        xml += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        xml += "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
        xml += "<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
        xml += "<Override PartName=\"/word/settings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>"
        xml += "<Override PartName=\"/word/fontTable.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml\"/>"
        let headerCount = appendix ? 4 : 2
        for index in 1...headerCount {
            xml += "<Override PartName=\"/word/header\(index).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/>"
        }
        xml += "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
        xml += "<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>"
        xml += "</Types>"
        return xml
    }

    static func documentRelationships(appendix: Bool) -> String {
        let base = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
        var xml = OOXML.declaration
        xml += "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        xml += "<Relationship Id=\"rId1\" Type=\"\(base)styles\" Target=\"styles.xml\"/>"
        xml += "<Relationship Id=\"rId2\" Type=\"\(base)settings\" Target=\"settings.xml\"/>"
        xml += "<Relationship Id=\"rId3\" Type=\"\(base)fontTable\" Target=\"fontTable.xml\"/>"
        xml += "<Relationship Id=\"rId4\" Type=\"\(base)header\" Target=\"header1.xml\"/>"
        xml += "<Relationship Id=\"rId5\" Type=\"\(base)header\" Target=\"header2.xml\"/>"
        if appendix {
            xml += "<Relationship Id=\"rId6\" Type=\"\(base)header\" Target=\"header3.xml\"/>"
            xml += "<Relationship Id=\"rId7\" Type=\"\(base)header\" Target=\"header4.xml\"/>"
        }
        xml += "</Relationships>"
        return xml
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
        var xml = OOXML.declaration
        xml += "<w:hdr xmlns:w=\"\(WordML.wordNamespace)\" xmlns:r=\"\(WordML.relationshipNamespace)\">"
        xml += "<w:p><w:pPr><w:pStyle w:val=\"Header\"/><w:spacing w:before=\"0\" w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>"
        xml += "<w:ind w:left=\"0\" w:right=\"0\" w:firstLine=\"0\"/><w:jc w:val=\"center\"/>\(runProperties)</w:pPr>"
        xml += "<w:r>\(runProperties)<w:fldChar w:fldCharType=\"begin\"/></w:r>"
        xml += "<w:r>\(runProperties)<w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r>"
        xml += "<w:r>\(runProperties)<w:fldChar w:fldCharType=\"separate\"/></w:r>"
        xml += "<w:r>\(runProperties)<w:t>2</w:t></w:r>"
        xml += "<w:r>\(runProperties)<w:fldChar w:fldCharType=\"end\"/></w:r>"
        xml += "</w:p></w:hdr>"
        return xml
    }()

    /// The first page carries no number.
    static let emptyHeader: String = {
        var xml = OOXML.declaration
        xml += "<w:hdr xmlns:w=\"\(WordML.wordNamespace)\" xmlns:r=\"\(WordML.relationshipNamespace)\">"
        xml += "<w:p><w:pPr><w:pStyle w:val=\"Header\"/><w:spacing w:before=\"0\" w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>"
        xml += "<w:ind w:left=\"0\" w:right=\"0\" w:firstLine=\"0\"/></w:pPr></w:p>"
        xml += "</w:hdr>"
        return xml
    }()
}
