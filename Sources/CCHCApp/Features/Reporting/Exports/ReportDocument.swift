import Foundation
import CCHCDomain
import CCHCOffice

/// A report as an official document (Decree 30/2020): header, number, place and date, "BÁO CÁO",
/// the body sections, the statistics table as an appendix, recipients and the signer block.
enum ReportDocument {
    struct Issuer {
        var unitName: String
        var parentName: String?
        var issuerOfRegime: String
        var signer: String?
    }

    static func officialDocument(issuer: Issuer, kind: PeriodKind, year: Int, number: String?, date: Day,
                                 narrative: [String: String], documents: [DirectingDocumentRow],
                                 form: FormDefinition, figures: [String: String], extraNote: String? = nil) -> OfficialDocument {
        var body: [OfficialDocument.Block] = []
        for (key, title) in ReportService.narrativeSections {
            let text = (narrative[key] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            body.append(.heading(title))
            body.append(.paragraph(text.isEmpty ? "(Không có nội dung.)" : text))
        }
        if let extraNote { body.append(.paragraph(extraNote)) }
        if !documents.isEmpty {
            body.append(.heading("Văn bản chỉ đạo, điều hành CCHC đã ban hành trong kỳ (Phụ lục 3A)"))
            body.append(.table(title: nil, header: ["STT", "Số, ký hiệu", "Ngày ban hành", "Trích yếu", "Cơ quan ban hành"],
                               rows: documents.enumerated().map { i, d in [String(i + 1), d.numberSymbol, d.issuedOnForDisplay, d.summary, d.issuer] },
                               widths: [0.6, 1.6, 1.4, 4, 2]))
        }
        body.append(.paragraph("Trên đây là báo cáo \(OfficialText.reportSummary(kind, year: year).lowercased()) "
                               + "của UBND \(lowerFirst(issuer.unitName))./."))

        var rows: [[String]] = []
        var bold: Set<Int> = []
        for ind in form.indicators {
            if ind.kind == .group { bold.insert(rows.count) }
            rows.append([ind.code, (ind.partOf == true ? "Trong đó: " : "") + ind.name, ind.unit ?? "", figures[ind.code] ?? ""])
        }
        let place = OfficialText.place(of: issuer.unitName)
        return OfficialDocument(
            parentBody: OfficialText.parentBody(of: issuer.parentName),
            issuingBody: OfficialText.issuingBody(of: issuer.unitName),
            number: OfficialText.numberLine(number),
            placeAndDate: OfficialText.placeAndDate(place, date),
            typeName: "BÁO CÁO",
            summary: OfficialText.reportSummary(kind, year: year),
            body: body,
            recipients: ["- \(issuer.issuerOfRegime) (qua cơ quan thường trực CCHC);", "- Lãnh đạo UBND;", "- Lưu: VT."],
            signerAuthority: ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"],
            signerName: issuer.signer ?? "",
            appendix: .init(label: "Phụ lục", title: form.title.uppercased(),
                            subtitle: OfficialText.appendixSubtitle(number: number, day: date, issuer: issuer.unitName),
                            header: ["Mã", "Chỉ tiêu thống kê", "Đơn vị tính", "Số liệu"], rows: rows, boldRows: bold,
                            widths: [1, 7, 1.6, 2.6], landscape: true))
    }

    static func lowerFirst(_ s: String) -> String { s.prefix(1).lowercased() + s.dropFirst() }
}
