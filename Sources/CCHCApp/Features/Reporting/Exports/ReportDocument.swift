import Foundation
import CCHCDomain
import CCHCOffice

/// A report as an official document (Decree 30/2020): header, number, place and date, "BÁO CÁO",
/// the body sections, the statistics table as an appendix, recipients and the signer block — each as the
/// issuing body (`IssuingBody`: a People's Committee, an office, a department) heads, numbers and signs it.
enum ReportDocument {
    struct Issuer {
        /// Who issues: heading, symbol, place, signer's position.
        var body: IssuingBody
        /// Whom the report goes to, as a sentence names it: "UBND huyện Thạch Hà".
        var recipient: String
        /// Who signed (or, before anyone has, who signs): their name and whether as a deputy.
        var signer: Signatory?
    }

    static func officialDocument(issuer: Issuer, kind: PeriodKind, year: Int, number: String?, date: Day,
                                 narrative: [String: String], documents: [DirectingDocumentRow],
                                 form: FormDefinition, figures: [String: String], extraNote: String? = nil) -> OfficialDocument {
        let body = issuer.body
        var blocks: [OfficialDocument.Block] = []
        for (heading, key) in ReportOutline.documentOutline {
            blocks.append(.heading(heading))
            guard let key else { continue }
            let text = (narrative[key] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            blocks.append(.paragraph(text.isEmpty ? "(Không có nội dung.)" : text))
        }
        if let extraNote { blocks.append(.paragraph(extraNote)) }
        if !documents.isEmpty {
            blocks.append(.heading("Văn bản chỉ đạo, điều hành CCHC đã ban hành trong kỳ (Phụ lục 3A)"))
            blocks.append(.table(title: nil, header: ["STT", "Số, ký hiệu", "Ngày ban hành", "Trích yếu", "Cơ quan ban hành"],
                                 rows: documents.enumerated().map { i, d in [String(i + 1), d.numberSymbol, d.issuedOnForDisplay, d.summary, d.issuer] },
                                 widths: [0.6, 1.6, 1.4, 4, 2]))
        }
        let summary = OfficialText.reportSummary(kind, year: year)
        blocks.append(.paragraph("Trên đây là báo cáo \(OfficialText.lowerFirst(summary)) của \(body.inSentence)./."))

        var rows: [[String]] = []
        var bold: Set<Int> = []
        for ind in form.indicators {
            if ind.kind == .group { bold.insert(rows.count) }
            rows.append([ind.code, (ind.partOf == true ? "Trong đó: " : "") + ind.name, ind.unit ?? "", figures[ind.code] ?? ""])
        }
        let symbol = body.symbol(type: "BC")
        return OfficialDocument(
            parentBody: body.superiorLines.joined(separator: "\n"),
            issuingBody: body.bodyLines.joined(separator: "\n"),
            number: OfficialText.numberLine(number, symbol: symbol),
            placeAndDate: OfficialText.placeAndDate(body.place, date),
            typeName: "BÁO CÁO",
            summary: summary,
            body: blocks,
            recipients: ["- \(issuer.recipient) (qua cơ quan thường trực CCHC);", "- \(body.leadership);", "- Lưu: VT."],
            signerAuthority: body.signerLines(deputy: issuer.signer?.isDeputy ?? false),
            signerName: issuer.signer?.name ?? "",
            appendix: .init(label: "Phụ lục", title: form.title.uppercased(),
                            subtitle: OfficialText.appendixSubtitle(number: number, day: date, body: body),
                            header: ["Mã", "Chỉ tiêu thống kê", "Đơn vị tính", "Số liệu"], rows: rows, boldRows: bold,
                            widths: [1, 7, 1.6, 2.6], landscape: true))
    }

    /// A consolidated figure as the document prints it. A coded row: the reporting level's own answer by its label, and
    /// the answers of the units below by label and count, only those given ("Kết hợp: 8 đơn vị; Trực tuyến: 5 đơn vị");
    /// a single unit's answer by its label alone — never "Trực tuyến: 0 · Phát phiếu: 0 · Kết hợp: 1".
    static func figure(_ ind: Indicator, consolidated f: Consolidation.Figure) -> String {
        guard ind.kind == .choice, f.rule == .choice else { return f.display }
        func label(_ code: Int) -> String { ind.choiceLabel(code) ?? "Mã \(code)" }
        let own = f.value?.exactInt.map(label)
        let order = (ind.choices ?? []).map(\.value)
        let given = (f.distribution ?? [:]).compactMap { key, units in Int(key).flatMap { units > 0 ? ($0, units) : nil } }
            .sorted { (order.firstIndex(of: $0.0) ?? Int.max, $0.0) < (order.firstIndex(of: $1.0) ?? Int.max, $1.0) }
        let units = given.reduce(0) { $0 + $1.1 }
        let below = units == 1 ? given.first.map { label($0.0) } : given.isEmpty ? nil
            : given.map { "\(label($0.0)): \($0.1) đơn vị" }.joined(separator: "; ")
        switch (own, below) {
        case let (own?, below?): return "\(own) (cấp dưới: \(below))"
        case let (own?, nil): return own
        case let (nil, below?): return below
        case (nil, nil): return ""
        }
    }

    /// A unit's own answer as the document prints it: a coded answer by its label ("Kết hợp"), not its code.
    static func figure(_ ind: Indicator, _ value: IndicatorValue?) -> String {
        guard ind.kind == .choice, let number = value?.number else { return ValueDisplay.text(ind, value) }
        guard let code = number.exactInt else { return ValueDisplay.text(ind, value) }
        return ind.choiceLabel(code) ?? "Mã \(code)"
    }
}
