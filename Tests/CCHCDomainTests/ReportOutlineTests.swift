import Testing
@testable import CCHCDomain

@Suite("Đề cương báo cáo, so sánh kỳ")
struct ReportOutlineTests {
    @Test func theOutlineHasItsNineSectionsInOrder() {
        #expect(ReportOutline.sections.map(\.key) == ["toChuc", "ketQua1", "ketQua2", "ketQua3", "ketQua4", "ketQua5", "ketQua6", "khoKhan", "kienNghi"])
        #expect(ReportOutline.sections.first?.title.hasPrefix("I. ") == true)
    }

    @Test func theDocumentNumbersTheOutlineAsDocumentsDo() {
        // "I.", then "II." with "1." … "6." under it, then "III.", "IV." — never "II.1." straight after "I.".
        let headings = ReportOutline.documentOutline.map(\.heading)
        let numbers = headings.map { String($0.prefix { $0 != " " }) }
        #expect(numbers == ["I.", "II.", "1.", "2.", "3.", "4.", "5.", "6.", "III.", "IV."])
        #expect(headings[1] == "II. Kết quả thực hiện các nhiệm vụ cải cách hành chính")
        #expect(headings[2] == "1. Cải cách thể chế")
        #expect(ReportOutline.documentOutline.compactMap(\.key) == ReportOutline.sections.map(\.key))
        #expect(ReportOutline.documentOutline[1].key == nil)
    }

    @Test func anOfficesTopicGoesIntoItsReformArea() {
        #expect(ReportOutline.narrativeKey(forSection: "2") == "ketQua1")
        #expect(ReportOutline.narrativeKey(forSection: "3.4") == "ketQua2")
        #expect(ReportOutline.narrativeKey(forSection: "7.5.2") == "ketQua6")
        #expect(ReportOutline.narrativeKey(forSection: "1.3") == "toChuc")
        #expect(ReportOutline.narrativeKey(forSection: "9") == "toChuc")
    }

    @Test func codesBelongToTheirSections() {
        #expect(ReportOutline.code("1.3.2", isIn: "1.3"))
        #expect(ReportOutline.code("1.3", isIn: "1.3"))
        #expect(!ReportOutline.code("1.31", isIn: "1.3"))
        #expect(!ReportOutline.code("2.1", isIn: "1"))
    }

    @Test func periodsCompareWithinTheirCycle() {
        #expect(PeriodKind.h1.isComparable(with: .q1))
        #expect(PeriodKind.month(5).isComparable(with: .month(4)))
        #expect(!PeriodKind.month(3).isComparable(with: .q1))
        #expect(!PeriodKind.year.isComparable(with: .month(12)))
        #expect(PeriodKind.q1.previousInYear == nil)
        #expect(PeriodKind.h1.previousInYear == .q1)
        // Q3 is a quarter of its own; the cumulative year stands beside the cumulative six months.
        #expect(PeriodKind.q3.previousInYear == nil)
        #expect(PeriodKind.year.previousInYear == .h1)
        #expect(PeriodKind.month(5).previousInYear == .month(4))
        #expect(PeriodKind.month(1).previousInYear == nil)
    }
}
