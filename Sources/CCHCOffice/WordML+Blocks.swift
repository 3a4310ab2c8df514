import Foundation

extension WordML {
    // MARK: Document

    /// word/document.xml, written to the sink block by block (a table row by row), so its length costs no memory.
    static func writeDocument(_ document: OfficialDocument, to out: OOXMLFileSink) throws {
        try out.write(OOXML.declaration)
        try out.write("<w:document xmlns:w=\"\(wordNamespace)\" xmlns:r=\"\(OOXML.relationshipNamespace)\">")
        try out.write("<w:body>")
        try out.write(headerBlock(document))
        try out.write(titleBlock(document))
        for (index, block) in document.body.enumerated() {
            try writeBlock(block, keepWithSignature: index == document.body.count - 1, to: out)
        }
        try out.write(signatureBlock(document))

        let mainSection = sectionProperties(defaultHeader: "rId4", firstHeader: "rId5", landscape: false, restartNumbering: false)
        if let appendix = document.appendix {
            // The paragraph closing the main (portrait) section.
            var closing = ParagraphLayout.leftAligned
            closing.line = 240
            try out.write("<w:p>" + pPr(closing, markSize: 2, sectionProperties: mainSection) + "</w:p>")
            try writeAppendix(appendix, to: out)
            try out.write(sectionProperties(defaultHeader: "rId6", firstHeader: "rId7", landscape: appendix.landscape, restartNumbering: true))
        } else {
            try out.write(mainSection)
        }
        try out.write("</w:body></w:document>")
    }

    /// The borderless two-column table: issuing body and number on the left, national title and date on the right.
    static func headerBlock(_ document: OfficialDocument) -> String {
        let leftWidth = textWidth * 2 / 5
        let rightWidth = textWidth - leftWidth
        let centred = ParagraphLayout.centred

        // The superior body (offices and departments only), regular; the issuing body, bold, a line a paragraph.
        var left = ""
        for line in lines(document.parentBody) {
            left += paragraph(line.uppercased(), centred, size: 26)
        }
        let issuing = lines(document.issuingBody).map { $0.uppercased() }
        for line in issuing {
            left += paragraph(line, centred, size: 26, bold: true)
        }
        let issuingWidth = min(leftWidth, issuing.map { estimatedWidth($0, size: 26, upper: true) }.max() ?? 0)
        left += rule(width: max(900, issuingWidth * 2 / 5), available: leftWidth)

        var right = ""
        right += paragraph("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", centred, size: 26, bold: true)
        right += paragraph("Độc lập - Tự do - Hạnh phúc", centred, size: 28, bold: true)
        right += rule(width: 3440, available: rightWidth)

        var numberLayout = ParagraphLayout.centred
        numberLayout.before = 120
        let numberCell = paragraph(document.number, numberLayout, size: 26)
        let dateCell = paragraph(document.placeAndDate, numberLayout, size: 28, italic: true)

        return sideBySide(leftWidth: leftWidth, rightWidth: rightWidth, rows: [(left, right), (numberCell, dateCell)])
    }

    /// A borderless two-column table, its rows unsplit, the cells top-aligned.
    static func sideBySide(leftWidth: Int, rightWidth: Int, rows: [(left: String, right: String)]) -> String {
        var xml = tableStart(widths: [leftWidth, rightWidth], bordered: false, cellMargin: 0)
        for row in rows {
            xml += rowStart(header: false, cantSplit: true)
            xml += cell(width: leftWidth, verticalAlign: "top", paragraphs: row.left)
            xml += cell(width: rightWidth, verticalAlign: "top", paragraphs: row.right)
            xml += "</w:tr>"
        }
        xml += "</w:tbl>"
        return xml
    }

    /// Type name and summary, centred bold, a short rule under the summary.
    static func titleBlock(_ document: OfficialDocument) -> String {
        var xml = ""
        var typeLayout = ParagraphLayout.centred
        typeLayout.before = 360
        typeLayout.keepNext = true
        let typeName = document.typeName.trimmingCharacters(in: .whitespacesAndNewlines).uppercased()
        if !typeName.isEmpty {
            xml += paragraph(typeName, typeLayout, size: 28, bold: true)
        }
        var summaryLayout = ParagraphLayout.centred
        summaryLayout.keepNext = true
        if typeName.isEmpty { summaryLayout.before = 360 }
        let summary = document.summary.trimmingCharacters(in: .whitespacesAndNewlines)
        if !summary.isEmpty {
            xml += paragraph(summary, summaryLayout, size: 28, bold: true)
        }
        let summaryWidth = min(textWidth, estimatedWidth(summary.isEmpty ? typeName : summary, size: 28, upper: false))
        xml += rule(width: max(1200, summaryWidth / 3), available: textWidth, after: 360)
        return xml
    }

    /// `keepWithSignature`: the document's last block — its last paragraph stays whole on the page of the
    /// signature block that follows (a signature never stands alone on a page).
    static func writeBlock(_ block: OfficialDocument.Block, keepWithSignature: Bool = false, to out: OOXMLFileSink) throws {
        switch block {
        case .heading(let text):
            var layout = ParagraphLayout.body
            layout.keepNext = true
            for line in lines(text) {
                try out.write(paragraph(line, layout, size: bodySize, bold: true))
            }
        case .paragraph(let text):
            let all = lines(text)
            for (index, line) in all.enumerated() {
                var layout = ParagraphLayout.body
                if keepWithSignature && index == all.count - 1 {
                    layout.keepNext = true
                    layout.keepLines = true
                }
                try out.write(paragraph(line, layout, size: bodySize))
            }
        case .table(let title, let header, let rows, let widths):
            if let title, !title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                var layout = ParagraphLayout.centred
                layout.before = 120
                layout.after = 120
                layout.keepNext = true
                try out.write(paragraph(title, layout, size: bodySize, bold: true))
            }
            try writeDataTable(header: header, rows: rows, boldRows: [], widths: widths, total: textWidth, size: 26, to: out)
            // Separates the table from what follows (two tables in a row would merge).
            var after = ParagraphLayout.leftAligned
            after.after = 120
            try out.write(paragraph("", after, size: 16))
        }
    }

    /// The non-blank lines of a text.
    static func lines(_ text: String) -> [String] {
        text.replacingOccurrences(of: "\r\n", with: "\n")
            .replacingOccurrences(of: "\r", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: true)
            .map(String.init)
            .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
    }

    /// The second borderless table: recipients on the left, the signer on the right.
    static func signatureBlock(_ document: OfficialDocument) -> String {
        let leftWidth = textWidth * 9 / 20
        let rightWidth = textWidth - leftWidth

        var left = ""
        var heading = ParagraphLayout.leftAligned
        heading.before = 240
        left += paragraph("Nơi nhận:", heading, size: 24, bold: true, italic: true)
        for recipient in document.recipients {
            left += paragraph(recipient, ParagraphLayout.leftAligned, size: 22)
        }

        var right = ""
        var first = true
        for line in document.signerAuthority {
            var layout = ParagraphLayout.centred
            if first { layout.before = 240 }
            first = false
            right += paragraph(line.uppercased(), layout, size: 28, bold: true)
        }
        if first {
            var layout = ParagraphLayout.centred
            layout.before = 240
            right += paragraph("", layout, size: 28)
        }
        for _ in 0..<4 {
            right += paragraph("", ParagraphLayout.centred, size: 28)
        }
        right += paragraph(document.signerName, ParagraphLayout.centred, size: 28, bold: true)

        return sideBySide(leftWidth: leftWidth, rightWidth: rightWidth, rows: [(left, right)])
    }

    /// Label, title, subtitle and the bordered table of the appendix (in its own section).
    static func writeAppendix(_ appendix: OfficialDocument.Appendix, to out: OOXMLFileSink) throws {
        let total = appendix.landscape ? landscapeTextWidth : textWidth
        var labelLayout = ParagraphLayout.centred
        labelLayout.keepNext = true
        try out.write(paragraph(appendix.label, labelLayout, size: 28, bold: true))
        try out.write(paragraph(appendix.title.uppercased(), labelLayout, size: 28, bold: true))
        var subtitleLayout = ParagraphLayout.centred
        subtitleLayout.after = 240
        subtitleLayout.keepNext = true
        try out.write(paragraph(appendix.subtitle, subtitleLayout, size: 28, italic: true))
        try writeDataTable(header: appendix.header, rows: appendix.rows, boldRows: appendix.boldRows,
                           widths: appendix.widths, total: total, size: 24,
                           spanningRows: appendix.spanningRows, mergedColumns: appendix.mergedColumns, to: out)
        // A document part may not end with a table.
        try out.write(paragraph("", ParagraphLayout.leftAligned, size: 4))
    }
}
