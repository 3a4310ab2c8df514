import Testing
@testable import CCHCDomain

/// Phụ lục 3A rows: blank rows dropped, dates read as typed and kept as ISO, every error naming its row.
@Suite struct DirectingDocumentTests {
    func row(_ n: String, _ d: String, _ s: String, _ i: String = "") -> DirectingDocumentRow {
        DirectingDocumentRow(numberSymbol: n, issuedOn: d, summary: s, issuer: i)
    }

    @Test func blankRowsAreDroppedAndTextTrimmed() {
        let parsed = DirectingDocumentRow.parse([row(" 12/KH-UBND ", "20/01/2021", " Kế hoạch CCHC năm 2021 ", " UBND xã "),
                                                row("", " ", "", "")])
        #expect(parsed.errors.isEmpty)
        #expect(parsed.rows == [row("12/KH-UBND", "2021-01-20", "Kế hoạch CCHC năm 2021", "UBND xã")])
        #expect(parsed.rows[0].issuedOnForDisplay == "20/01/2021")
    }

    @Test func isoDatesAreAcceptedAsTheAPISendsThem() {
        #expect(DirectingDocumentRow.parse([row("1/QĐ-UBND", "2021-03-05", "Quyết định")]).rows.first?.issuedOn == "2021-03-05")
    }

    @Test func errorsNameTheRowAndTheField() {
        let parsed = DirectingDocumentRow.parse([row("1/KH", "20/01/2021", "Kế hoạch"), row("", "", "", "x"), row("2/KH", "31/02/2021", "")])
        #expect(parsed.errors.map(\.message) == [
            "Phụ lục 3A, dòng 2: thiếu số, ký hiệu văn bản.",
            "Phụ lục 3A, dòng 2: ngày ban hành chưa nhập (dd/MM/yyyy).",
            "Phụ lục 3A, dòng 2: thiếu trích yếu nội dung.",
            "Phụ lục 3A, dòng 3: ngày ban hành “31/02/2021”: tháng 2/2021 không có ngày 31.",
            "Phụ lục 3A, dòng 3: thiếu trích yếu nội dung.",
        ])
        #expect(parsed.errors.allSatisfy { $0.field == "documents" })
    }

    @Test func everyPeriodKindRoundTripsThroughItsCode() {
        #expect(PeriodKind.all.count == 18)
        for kind in PeriodKind.all { #expect(PeriodKind(code: kind.code) == kind) }
    }
}
