import Testing
@testable import CCHCDomain

/// Offices answer for sections or rows; a row follows its nearest assigned ancestor.
@Suite struct SectionAssignmentTests {
    static let form = FormDefinition(code: "PC", title: "Thử", year: 2021, indicators: [
        Indicator(code: "1", name: "Chỉ đạo", kind: .group, office: "Phòng Nội vụ"),
        Indicator(code: "1.3", parent: "1", name: "Nhiệm vụ tỉnh giao", kind: .group, office: "Văn phòng HĐND và UBND"),
        Indicator(code: "1.3.1", parent: "1.3", name: "Số nhiệm vụ", kind: .count),
        Indicator(code: "3", name: "TTHC", kind: .group, office: "Văn phòng HĐND và UBND"),
        Indicator(code: "3.1", parent: "3", name: "Số TTHC", kind: .count),
        Indicator(code: "3.2", parent: "3", name: "Số hồ sơ", kind: .count),
        Indicator(code: "7", name: "Chính quyền số", kind: .group),
        Indicator(code: "7.1", parent: "7", name: "Kiến trúc", kind: .count, office: "Phòng Văn hóa và Thông tin"),
        Indicator(code: "7.2", parent: "7", name: "Họp trực tuyến", kind: .count, office: "Phòng Khoa học"),
    ])

    @Test func aRowFollowsItsNearestAssignedAncestor() {
        let assignments = ["1": 1, "1.3": 2, "3": 2, "3.2": 5]
        #expect(SectionAssignments.owner(of: "1.3.1", form: Self.form, assignments: assignments) == 2)
        #expect(SectionAssignments.owner(of: "3.1", form: Self.form, assignments: assignments) == 2)
        #expect(SectionAssignments.owner(of: "3.2", form: Self.form, assignments: assignments) == 5)
        #expect(SectionAssignments.owner(of: "7.1", form: Self.form, assignments: assignments) == nil)
    }

    @Test func theFormsOfficeColumnIsMatchedByName() {
        let offices = [(1, "Phòng Nội vụ"), (2, "Văn phòng HĐND và UBND"), (3, "Phòng Văn hóa - Thông tin")]
        let s = SectionAssignments.suggested(form: Self.form, offices: offices)
        #expect(s.assignments == ["1": 1, "1.3": 2, "3": 2, "7.1": 3])
        #expect(s.unmatched == ["Phòng Khoa học"])
    }

    @Test func aTopicReportGoesToTheReformAreaHoldingMostOfTheOfficesRows() {
        #expect(SectionAssignments.narrativeKey(for: ["1.3", "3"], form: Self.form) == "ketQua2")
        #expect(SectionAssignments.narrativeKey(for: ["1"], form: Self.form) == "toChuc")
    }
}
