import Foundation
import Testing
@testable import CCHCDomain

@Suite("Chỉ số CCHC: bộ tiêu chí đọc từ bảng của tỉnh, hướng dẫn chấm điểm thành phương pháp chấm")
struct ParIndexTableTests {
    /// A province's table: two title rows, the header (one column without diacritics), a row numbering the columns,
    /// a heading without max, a rule of every kind the reader understands, one it does not, a row without max or children,
    /// the total, and a signature line below it (not read).
    static let table: [[String]] = [
        ["BỘ TIÊU CHÍ XÁC ĐỊNH CHỈ SỐ CẢI CÁCH HÀNH CHÍNH CẤP XÃ", "", "", "", "", ""],
        ["(Kèm theo Quyết định số 123/QĐ-UBND)", "", "", "", "", ""],
        ["STT", "Lĩnh vực, tiêu chí,\ntiêu chí thành phần", "Diem toi da", "Hướng dẫn chấm điểm", "Tài liệu kiểm chứng", "Cơ quan chịu trách nhiệm"],
        ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)"],
        ["1", "Công tác chỉ đạo, điều hành CCHC", "", "", "", "Văn phòng"],
        ["1.1", "Ban hành kế hoạch CCHC năm", "1",
         "Ban hành kịp thời: 1 điểm; ban hành không kịp thời: 0,5 điểm; không ban hành: 0 điểm", "Kế hoạch CCHC", ""],
        ["1.2", "Số lượng tin bài tuyên truyền CCHC", "2",
         "Mỗi tháng ít nhất có 4 tin, bài, giảm một tin, bài trừ 0,5 điểm", "Danh sách tin, bài theo tháng", "Ban biên tập trang TTĐT xã"],
        ["1.3.", "Tổ chức hội nghị triển khai", "1,5", "Thực hiện: 1,5 điểm; không thực hiện: 0 điểm", "", ""],
        ["1.4", "Xử lý sau kiểm tra", "2", "Có: 2 điểm; Không: 0. Không phát sinh thì được điểm tối đa", "", ""],
        ["2", "Cải cách thủ tục hành chính", "10", "", "", ""],
        ["2.1", "Tỷ lệ hồ sơ giải quyết đúng hạn", "4", "Trên 90%: 4 điểm; từ 70% đến 90%: 2 điểm; dưới 70%: 0 điểm", "", ""],
        ["2.2", "Tỷ lệ dịch vụ công trực tuyến phát sinh hồ sơ", "2", "Tu 50% tro len: 2 diem; duoi 50%: 1 diem", "", ""],
        ["2.3", "Đánh giá chung", "4", "Căn cứ kết quả kiểm tra của huyện", "", ""],
        ["3", "Điểm thưởng", "", "Điểm thưởng tối đa 2 điểm", "", ""],
        ["4", "Điểm trừ", "", "Mỗi lần bị nhắc nhở trừ 0,5 điểm, trừ tối đa 3 điểm", "", ""],
        ["5", "Tiêu chí chưa ghi điểm", "", "", "", ""],
        ["", "", "", "", "", ""],
        ["", "TỔNG CỘNG", "16,5", "", "", ""],
        ["", "Người lập biểu", "Ký tên", "", "", ""],
    ]

    static func read(_ rows: [[String]]) throws -> ParFrameworkTableImport {
        try ParFrameworkTable.read(rows: rows, code: "CCHC-XA", title: "Chỉ số CCHC các xã", year: 2019, group: "communes")
    }

    @Test func aProvinceTableGivesTheTreeTheMethodsAndTheRowsToReview() throws {
        let read = try Self.read(Self.table)
        let f = read.framework
        #expect(read.headerRow == 3)
        #expect(f.code == "CCHC-XA" && f.year == 2019 && f.group == "communes")
        #expect(f.criteria.map(\.code) == ["1", "1.1", "1.2", "1.3", "1.4", "2", "2.1", "2.2", "2.3", "3", "4"])
        #expect(f.criteria.map { $0.parent ?? "-" } == ["-", "1", "1", "1", "1", "-", "2", "2", "2", "-", "-"])
        #expect(read.criterionRows == [5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15])
        // A heading without max: the sum of its children's. An area with its own max keeps it.
        #expect(f["1"]?.max == 6.5 && f["1"]?.method == nil)
        #expect(f["2"]?.max == 10)
        #expect(f.maxTotal == 16.5)
        #expect(f["1.2"]?.evidence == "Danh sách tin, bài theo tháng" && f["1.2"]?.office == "Ban biên tập trang TTĐT xã")
        #expect(f.office(of: "1.1") == "Văn phòng")

        #expect(f["1.1"]?.method == .levels([ParLevel(label: "Ban hành kịp thời", points: 1),
                                              ParLevel(label: "Ban hành không kịp thời", points: 0.5),
                                              ParLevel(label: "Không ban hành", points: 0)]))
        #expect(f["1.2"]?.method == .deduction(ParDeduction(per: .month, required: 4, penalty: 0.5)))
        #expect(f["1.3"]?.max == 1.5 && f["1.3"]?.method == .boolean)
        #expect(f["1.4"]?.method == .boolean && f["1.4"]?.notApplicableFull == true)
        #expect(f["2.1"]?.method == .bands(input: "Tỷ lệ (%)", bands: [ParBand(min: 90, minInclusive: false, points: 4),
                                                                        ParBand(min: 70, minInclusive: true, max: 90, maxInclusive: true, points: 2),
                                                                        ParBand(max: 70, maxInclusive: false, points: 0)]))
        #expect(f["2.2"]?.method == .bands(input: "Tỷ lệ (%)", bands: [ParBand(min: 50, minInclusive: true, points: 2),
                                                                        ParBand(max: 50, maxInclusive: false, points: 1)]))
        #expect(f["2.3"]?.method == nil && f["2.3"]?.max == 4)
        #expect(f["3"]?.method == .bonus(cap: 2) && f["3"]?.max == 2)
        #expect(f["4"]?.method == .penalty(cap: 3) && f["4"]?.max == 0)

        // Only the rule not understood and the row without max or children are left to review; the total agrees.
        #expect(read.review.map(\.row) == [13, 16])
        #expect(read.review[0].code == "2.3" && read.review[0].message.hasPrefix("chưa hiểu cách chấm «Căn cứ kết quả kiểm tra của huyện»"))
        #expect(read.review[0].description.hasPrefix("Dòng 13, tiêu chí 2.3: chưa hiểu cách chấm"))
        #expect(read.review[1].code == "5" && read.review[1].message.contains("không có điểm tối đa và không có tiêu chí thành phần"))
        #expect(f.errors.isEmpty)
    }

    @Test func theMethodsReadScoreAsTheRuleTextSays() throws {
        let f = try Self.read(Self.table).framework
        func points(_ code: String, _ input: ParInput) throws -> Double {
            let c = try #require(f[code])
            return try ParScoring.scoreLeaf(c, input).get().points
        }
        // Seed 001's 1.3.3: one month of 3 items → 1,5 of 2.
        #expect(try points("1.2", .counts([4, 5, 3, 4, 6, 4, 4, 4, 5, 4, 4, 7])) == 1.5)
        // "trên 90" excludes 90, "từ 70 đến 90" includes both edges, "dưới 70" excludes 70.
        #expect(try points("2.1", .measured(90)) == 2)
        #expect(try points("2.1", .measured(90.01)) == 4)
        #expect(try points("2.1", .measured(70)) == 2)
        #expect(try points("2.1", .measured(69.99)) == 0)
        // "từ 50 % trở lên" includes 50.
        #expect(try points("2.2", .measured(50)) == 2)
        #expect(try points("2.2", .measured(49.9)) == 1)
        #expect(try points("1.1", .level("ban hành không kịp thời")) == 0.5)
        #expect(try points("1.4", .notApplicable) == 2)
        #expect(try points("3", .points(5)) == 2)
    }

    @Test func ruleTextsOfEveryKind() {
        let m = ParFrameworkTable.method(fromRule:max:)
        #expect(m("Từ 90% trở lên: 2 điểm; từ 70% đến dưới 90%: 1 điểm; dưới 70%: 0 điểm", 2) == .bands(input: "Tỷ lệ (%)", bands: [
            ParBand(min: 90, minInclusive: true, points: 2), ParBand(min: 70, minInclusive: true, max: 90, maxInclusive: false, points: 1),
            ParBand(max: 70, maxInclusive: false, points: 0)]))
        #expect(m("Đạt 100%: 1 điểm; dưới 100%: 0 điểm", 1) == .bands(input: "Tỷ lệ (%)", bands: [
            ParBand(min: 100, max: 100, points: 1), ParBand(max: 100, maxInclusive: false, points: 0)]))
        // Two outcomes worth the max and 0, the second a negation: boolean; worth less than the max: levels.
        #expect(m("Thực hiện: 1 điểm; không thực hiện: 0 điểm", 1) == .boolean)
        #expect(m("Có ban hành (1 điểm); Chưa ban hành (0 điểm)", 1) == .boolean)
        #expect(m("Thực hiện: 1 điểm; không thực hiện: 0 điểm", 2) == .levels([ParLevel(label: "Thực hiện", points: 1),
                                                                             ParLevel(label: "Không thực hiện", points: 0)]))
        #expect(m("Ban hanh kip thoi duoc 1 diem, ban hanh cham duoc 0,5 diem, khong ban hanh 0 diem", 1) == .levels([
            ParLevel(label: "Ban hanh kip thoi", points: 1), ParLevel(label: "Ban hanh cham", points: 0.5),
            ParLevel(label: "Khong ban hanh", points: 0)]))
        #expect(m("Mỗi quý tối thiểu 1 cuộc kiểm tra, thiếu 1 cuộc trừ 1 điểm", 4)
                == .deduction(ParDeduction(per: .quarter, required: 1, penalty: 1)))
        #expect(m("Hằng tháng ít nhất 02 tin bài; thiếu 1 tin trừ 0,25 điểm, trừ tối đa 2 điểm", 3)
                == .deduction(ParDeduction(per: .month, required: 2, penalty: 0.25, floor: 1)))
        #expect(m("Điểm thưởng tối đa 2 điểm", 2) == .bonus(cap: 2))
        #expect(m("Bị cấp trên phê bình: trừ tối đa 3 điểm", 0) == .penalty(cap: 3))
        // "Không phát sinh" is a flag, not a method; the method is read from the rest.
        #expect(ParFrameworkTable.notApplicableFull(inRule: "Trường hợp không phát sinh thì được điểm tối đa"))
        #expect(!ParFrameworkTable.notApplicableFull(inRule: "Thực hiện: 1 điểm; không thực hiện: 0 điểm"))
        #expect(m("Không phát sinh thì được điểm tối đa", 2) == nil)
        #expect(m("Thực hiện: 2 điểm. Không phát sinh thì được điểm tối đa", 2) == .boolean)
    }

    @Test func ruleTextsNotUnderstoodGiveNoMethod() {
        let m = ParFrameworkTable.method(fromRule:max:)
        #expect(m("Căn cứ kết quả thực hiện trong năm", 2) == nil)
        #expect(m("", 2) == nil)
        // Points above the max.
        #expect(m("Hoàn thành: 3 điểm; không hoàn thành: 0 điểm", 2) == nil)
        // Bands that both include 90.
        #expect(m("Từ 70% đến 90%: 1 điểm; từ 90% trở lên: 2 điểm", 2) == nil)
        // Outcomes mixing a condition on a number with a named one.
        #expect(m("Trên 90%: 2 điểm; không thực hiện: 0 điểm", 2) == nil)
        // Text after the last points that is not a remark.
        #expect(m("Thực hiện: 1 điểm; không thực hiện: 0 điểm, nếu chậm thì tùy mức độ", 1) == nil)
        // A single band says nothing of the other values.
        #expect(m("Trên 90%: 2 điểm", 2) == nil)
    }

    @Test func romanAreasLettersCodesInNamesAndRowsContinuingACriterion() throws {
        let rows: [[String]] = [
            ["Mã", "Nội dung", "Điểm tối đa", "Cách chấm"],
            ["I.", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", "", ""],
            ["1", "Kế hoạch CCHC", "2", "Thực hiện: 2 điểm; Không thực hiện: 0 điểm"],
            ["2", "Báo cáo CCHC", "1", ""],
            ["", "- Đầy đủ, đúng hạn", "1", ""],
            ["", "- Chậm hạn", "0,5", ""],
            ["", "- Không báo cáo", "0", ""],
            ["II", "CẢI CÁCH THỂ CHẾ", "", ""],
            ["1", "Rà soát văn bản", "", ""],
            ["1.1", "Rà soát định kỳ", "1", "Có: 1 điểm; Không: 0 điểm"],
            ["a)", "Công bố kết quả rà soát", "0,5", ""],
            ["", "3. Kiểm tra văn bản", "1", ""],
            ["1.1", "Rà soát định kỳ (ghi trùng)", "1", ""],
            ["*", "Ghi chú", "", ""],
        ]
        let read = try Self.read(rows)
        let f = read.framework
        // Numbers restart in each area: qualified by it.
        #expect(f.criteria.map(\.code) == ["I", "I.1", "I.2", "II", "II.1", "II.1.1", "II.1.1.a", "II.3"])
        #expect(f.criteria.map { $0.parent ?? "-" } == ["-", "I", "I", "-", "II", "II.1", "II.1.1", "II"])
        #expect(f["I"]?.max == 3 && f["II"]?.max == 2 && f["II.1"]?.max == 1)
        #expect(f["I.1"]?.method == .boolean)
        // The rows without a code are the outcomes of the criterion above.
        #expect(f["I.2"]?.method == .levels([ParLevel(label: "Đầy đủ, đúng hạn", points: 1), ParLevel(label: "Chậm hạn", points: 0.5),
                                              ParLevel(label: "Không báo cáo", points: 0)]))
        #expect(f["II.3"]?.name == "Kiểm tra văn bản")
        #expect(f["II.1.1.a"]?.name == "Công bố kết quả rà soát" && f["II.1.1.a"]?.method == nil)
        #expect(read.review.map(\.row) == [13, 14])
        #expect(read.review[0].message == "mã tiêu chí trùng với dòng 10: bỏ qua dòng")
        #expect(read.review[1].message.hasPrefix("mã «*» không theo cách đánh số"))
        #expect(f.errors.isEmpty)
    }

    @Test func aMissingParentATotalThatDisagreesAndNumbersWrittenAsSheetsStoreThem() throws {
        let rows: [[String]] = [
            ["TT", "Tiêu chí", "Điểm tối đa", "Hướng dẫn chấm điểm"],
            ["1", "Chỉ đạo điều hành", "3", ""],
            ["1.2.1", "Kế hoạch kiểm tra", "1.5", "Ban hành: 1.5 điểm; không ban hành: 0 điểm"],
            ["1.3", "Hội nghị", "1 điểm", ""],
            ["", "Tổng cộng", "100", ""],
        ]
        let read = try Self.read(rows)
        #expect(read.framework.criteria.map(\.code) == ["1", "1.2.1", "1.3"])
        #expect(read.framework["1.2.1"]?.parent == "1" && read.framework["1.2.1"]?.max == 1.5)
        #expect(read.framework["1.2.1"]?.method == .boolean)
        #expect(read.framework["1.3"]?.max == 1)
        #expect(read.review.map(\.description) == [
            "Dòng 3, tiêu chí 1.2.1: không có dòng của tiêu chí cha 1.2: xếp vào 1",
            "Dòng 5: dòng tổng cộng ghi 100 điểm, các lĩnh vực cộng lại 3 điểm",
        ])
    }

    @Test func aTableWithoutHeaderOrCriteriaIsRefusedByName() {
        func message(_ rows: [[String]]) -> String? {
            do {
                _ = try Self.read(rows)
                return nil
            } catch let failure as ValidationFailure {
                return failure.messages(for: "file").first
            } catch {
                return "\(error)"
            }
        }
        #expect(message([["Nội dung", "Ghi chú"], ["1", "abc"]])?.hasPrefix("Không tìm thấy dòng tiêu đề của bảng tiêu chí") == true)
        #expect(message([]) != nil)
        #expect(message([["STT", "Tiêu chí", "Điểm tối đa"], ["", "", ""]])?.hasPrefix("Bảng không có tiêu chí nào đọc được") == true)
        // Ragged rows and odd cells do not crash.
        #expect(message([["STT", "Tiêu chí", "Điểm tối đa"], ["1"], ["2", "Tên", "abc", "x", "y"], [], ["1.1.1.1.1", "Sâu", "1"]]) == nil)
    }
}
