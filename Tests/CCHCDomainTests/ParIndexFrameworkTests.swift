import Foundation
import Testing
@testable import CCHCDomain

@Suite("Chỉ số CCHC: bộ tiêu chí là dữ liệu (JSON, kiểm tra)")
struct ParIndexFrameworkTests {
    /// Written by hand in the Interface's shape, as a province's standing agency would: every method type,
    /// a field this code does not know ("ghiChu"), points written as numbers and as Vietnamese text.
    static let foreign = #"""
    {
      "code": "CCHC-PHONG-2024", "title": "Bộ chỉ số CCHC các cơ quan chuyên môn", "year": 2024, "group": "district-offices",
      "ghiChu": "trường lạ, bị bỏ qua",
      "criteria": [
        { "code": "A", "name": "Chỉ đạo, điều hành", "max": 20, "office": "Văn phòng" },
        { "code": "A.1", "parent": "A", "name": "Kế hoạch CCHC", "max": 3,
          "method": { "type": "deadline", "duties": ["plan", "report:Q1", "report:year"], "onTime": 3, "late": 1.5, "missing": 0 } },
        { "code": "A.2", "parent": "A", "name": "Ban hành kế hoạch tuyên truyền", "max": 1,
          "method": { "type": "levels", "levels": [ { "label": "Ban hành kịp thời", "points": 1 },
                                                    { "label": "Không kịp thời", "points": "0,5" },
                                                    { "label": "Không ban hành", "points": 0 } ] } },
        { "code": "A.3", "parent": "A", "name": "Tin bài tuyên truyền", "max": 2, "evidence": "Danh sách tin bài",
          "method": { "type": "deduction", "per": "quarter", "required": 3, "penalty": 0.5, "floor": 0 } },
        { "code": "A.4", "parent": "A", "name": "Tổ chức hội nghị", "max": 2, "method": { "type": "boolean" } },
        { "code": "A.5", "parent": "A", "name": "Xử lý sau kiểm tra", "max": 4, "notApplicableFull": true,
          "method": { "type": "manual", "step": 0.25 } },
        { "code": "A.6", "parent": "A", "name": "Đánh giá chung", "max": 8 },
        { "code": "B", "name": "Thủ tục hành chính", "max": 80 },
        { "code": "B.1", "parent": "B", "name": "Hồ sơ đúng hạn", "max": 40,
          "method": { "type": "bands", "input": "Tỷ lệ (%)", "bands": [
            { "min": 90, "minInclusive": false, "points": 40 },
            { "min": 70, "minInclusive": true, "max": 90, "maxInclusive": true, "points": 20 },
            { "max": 70, "maxInclusive": false, "points": 0 } ] } },
        { "code": "B.2", "parent": "B", "name": "Dịch vụ công trực tuyến", "max": 40,
          "method": { "type": "indicator", "indicator": "7.5.2", "bands": [ { "min": 50, "points": 40 }, { "max": 50, "maxInclusive": false, "points": 10 } ] } },
        { "code": "C", "name": "Điểm thưởng", "max": 5, "method": { "type": "bonus", "cap": 5 } },
        { "code": "D", "name": "Điểm trừ", "max": 0, "method": { "type": "penalty", "cap": 10 } }
      ],
      "classes": [ { "label": "Xuất sắc", "min": 90, "everyCriterionMinShare": 0.5 }, { "label": "Tốt", "min": 80 }, { "label": "Đạt", "min": 50 } ]
    }
    """#

    @Test func aFrameworkWrittenBySomeoneElseDecodesValidatesAndScores() throws {
        let f = try ParFramework.read(json: Data(Self.foreign.utf8))
        #expect(f.code == "CCHC-PHONG-2024" && f.criteria.count == 12 && f.classes.count == 3)
        #expect(f.problems() == [])
        #expect(f.maxTotal == 100)
        #expect(f["A.2"]?.method == .levels([ParLevel(label: "Ban hành kịp thời", points: 1), ParLevel(label: "Không kịp thời", points: 0.5),
                                              ParLevel(label: "Không ban hành", points: 0)]))
        let card = ParScoring.score(f, inputs: [
            "A.1": .duties(["plan": .onTime, "report:Q1": .late, "report:year": .onTime]),
            "A.2": .level("Không kịp thời"),
            "A.3": .counts([3, 2, 3, 4]),
            "A.4": .boolean(true),
            "A.5": .notApplicable,
            "A.6": .manual(7.5),
            "B.1": .measured(90),
            "B.2": .indicator(62.5),
            "C": .points(1),
            "D": .points(0.5),
        ])
        #expect(card.problems == [])
        #expect(card["A"]?.points == 1.5 + 0.5 + 1.5 + 2 + 4 + 7.5)
        #expect(card["A.3"]?.explanation == "Yêu cầu 3/quý; quý 2 thiếu 1: 1 × 0,5 = −0,5 → 1,5/2")
        #expect(card["B"]?.points == 60)
        #expect(ParPoints.same(card.total, 17 + 60 + 1 - 0.5))
        #expect(ParPoints.text(card.total) == "77,5")
        #expect(ParClassification.classify(card, classes: f.classes).label == "Đạt")
    }

    @Test func encodingWritesTheSameShapeBack() throws {
        let original = try JSONSerialization.jsonObject(with: Data(Self.foreign.utf8).replacingNumberText()) as! NSDictionary
        let f = try ParFramework.read(json: Data(Self.foreign.utf8))
        let written = try f.json()
        let back = try JSONSerialization.jsonObject(with: written) as! NSDictionary
        let expected = original.mutableCopy() as! NSMutableDictionary
        expected.removeObject(forKey: "ghiChu")
        #expect(back.isEqual(expected))
        #expect(try ParFramework.read(json: written) == f)
        // Our own framework too.
        let ours = ParFixtures.communes2019
        #expect(try ParFramework.read(json: ours.json()) == ours)
        #expect(String(decoding: try ours.json(), as: UTF8.self).contains(#""type" : "deduction""#))
    }

    @Test func malformedJSONIsRefusedInVietnameseNamingWhere() {
        func message(_ json: String) -> String? {
            do { _ = try ParFramework.read(json: Data(json.utf8)); return nil } catch let e as ValidationFailure { return e.errors.first?.message } catch { return "?" }
        }
        #expect(message("{") == "Tệp không phải JSON hợp lệ")
        #expect(message(#"{"code":"X","title":"T","year":2024,"group":"g","criteria":[{"code":"1","name":"n"}]}"#) == "Thiếu trường \"max\" tại criteria[0]")
        let unknown = message(#"{"code":"X","title":"T","year":2024,"group":"g","criteria":[{"code":"1","name":"n","max":1,"method":{"type":"survey"}}]}"#)
        #expect(unknown?.hasPrefix("Phương pháp chấm \"survey\" không có") == true)
        #expect(unknown?.hasSuffix("(tại criteria[0].method.type)") == true)
        #expect(message(#"{"code":"X","title":"T","year":2024,"group":"g","criteria":[{"code":"1","name":"n","max":"nhiều"}]}"#)?.contains("không phải là số điểm") == true)
    }

    // MARK: problems()

    func framework(_ criteria: [ParCriterion], classes: [ParClass] = []) -> ParFramework {
        ParFramework(code: "T", title: "Thử", year: 2024, group: "communes", criteria: criteria, classes: classes)
    }

    @Test func treeProblemsNameTheCriterion() {
        let p = framework([
            ParCriterion(code: "1", name: "A", max: 10),
            ParCriterion(code: "1", name: "B", max: 5),
            ParCriterion(code: "2", parent: "9", name: "C", max: 1),
            ParCriterion(code: "3", parent: "4", name: "D", max: 1),
            ParCriterion(code: "4", parent: "3", name: "E", max: 1),
            ParCriterion(code: "5", name: "F", max: -1),
        ]).problems().map(\.message)
        #expect(p.contains("Mã tiêu chí 1 bị trùng"))
        #expect(p.contains("Tiêu chí 2: tiêu chí cha 9 không có trong bộ tiêu chí"))
        #expect(p.contains("Các tiêu chí 3 → 4 → 3 làm thành vòng lặp cha – con"))
        #expect(p.contains("Tiêu chí 5: điểm tối đa -1 không được âm"))
        // A cycle still scores the rest, and says so for the looped criteria.
        let card = ParScoring.score(framework([ParCriterion(code: "3", parent: "4", name: "D", max: 1), ParCriterion(code: "4", parent: "3", name: "E", max: 1),
                                               ParCriterion(code: "5", name: "F", max: 2, method: .boolean)]), inputs: ["5": .boolean(true)])
        #expect(card["5"]?.points == 2)
    }

    @Test func aParentsMaxNeedNotEqualItsChildrensSum() {
        let f = framework([
            ParCriterion(code: "2.1", name: "Cải cách thể chế", max: 11),
            ParCriterion(code: "2.1.1", parent: "2.1", name: "a", max: 6),
            ParCriterion(code: "2.1.2", parent: "2.1", name: "b", max: 6),
        ])
        #expect(f.problems() == [])
        let card = ParScoring.score(f, inputs: ["2.1.1": .manual(6), "2.1.2": .manual(6)])
        #expect(card["2.1"]?.points == 11)
        #expect(card["2.1"]?.explanation == "Tổng các tiêu chí thành phần 12, tối đa 11 → 11/11")
        var open = f
        open.criteria[0].noCap = true
        #expect(ParScoring.score(open, inputs: ["2.1.1": .manual(6), "2.1.2": .manual(6)])["2.1"]?.points == 12)
    }

    @Test func methodProblems() {
        let f = framework([
            ParCriterion(code: "a", name: "A", max: 1, method: .levels([ParLevel(label: "Tốt", points: 1.5), ParLevel(label: "tốt", points: 1)])),
            ParCriterion(code: "b", name: "B", max: 2, method: .bands(input: nil, bands: [ParBand(min: 70, max: 90, points: 1), ParBand(min: 90, points: 2)])),
            ParCriterion(code: "c", name: "C", max: 2, method: .bands(input: nil, bands: [ParBand(max: 70, maxInclusive: false, points: 0),
                                                                                      ParBand(min: 75, points: 2)])),
            ParCriterion(code: "d", name: "D", max: 2, method: .bands(input: nil, bands: [ParBand(min: 50, points: 2), ParBand(min: 60, points: 1)])),
            ParCriterion(code: "e", name: "E", max: 2, method: .deduction(ParDeduction(per: .month, required: 0, penalty: 0))),
            ParCriterion(code: "f", name: "F", max: 2, method: .deadline(ParDeadline(duties: [], onTime: 1, late: 2, missing: 0))),
            ParCriterion(code: "g", name: "G", max: 2, method: .manual(step: 0)),
            ParCriterion(code: "h", name: "H", max: 2, method: .bonus(cap: 0)),
            ParCriterion(code: "i", name: "I", max: 2, method: .bands(input: nil, bands: [ParBand(max: 70, maxInclusive: false, points: 0),
                                                                                      ParBand(min: 70, minInclusive: false, points: 2)])),
        ])
        let errors = f.errors.map(\.message)
        let warnings = f.problems().filter { $0.severity == .warning }.map(\.message)
        #expect(errors.contains("Tiêu chí a: mức \"Tốt\" 1,5 điểm vượt điểm tối đa 1"))
        #expect(errors.contains("Tiêu chí a: mức \"tốt\" bị trùng"))
        #expect(errors.contains { $0.hasPrefix("Tiêu chí b: khoảng \"từ 70 đến 90\" và \"từ 90\" cùng chứa giá trị 90") })
        #expect(warnings.contains("Tiêu chí c: các giá trị giữa 70 và 75 không thuộc khoảng nào"))
        #expect(errors.contains("Tiêu chí d: khoảng \"từ 50\" và \"từ 60\" chồng lên nhau"))
        #expect(errors.contains("Tiêu chí e: số lượng yêu cầu mỗi tháng phải lớn hơn 0"))
        #expect(errors.contains("Tiêu chí e: số điểm trừ cho mỗi mục thiếu phải lớn hơn 0"))
        #expect(errors.contains("Tiêu chí f: chưa ghi nhiệm vụ nào để tính thời hạn"))
        #expect(errors.contains("Tiêu chí f: điểm phải giảm dần: đúng hạn ≥ chậm hạn ≥ không thực hiện"))
        #expect(errors.contains("Tiêu chí g: bước chấm phải lớn hơn 0"))
        #expect(errors.contains("Tiêu chí h: mức tối đa của điểm thưởng phải lớn hơn 0"))
        #expect(warnings.contains("Tiêu chí i: giá trị 70 không thuộc khoảng nào"))
        #expect(f.problems().allSatisfy { $0.criterion != nil })
        #expect(f.problems().first?.fieldError.field == "criteria.a")
    }

    @Test func classesOutOfOrder() {
        let p = framework([ParCriterion(code: "1", name: "A", max: 100)],
                          classes: [ParClass(label: "Tốt", min: 80), ParClass(label: "Xuất sắc", min: 90), ParClass(label: "Khá", min: 65, everyCriterionMinShare: 50)])
        let m = p.problems().map(\.message)
        #expect(m.contains("Các loại phải ghi từ cao xuống thấp: \"Xuất sắc\" (từ 90 điểm) đứng sau \"Tốt\" (từ 80 điểm)"))
        #expect(m.contains { $0.hasPrefix("Loại \"Khá\": tỷ lệ điểm tối thiểu") })
        #expect(ParFixtures.communes2019.problems() == [])
    }
}

private extension Data {
    /// The sample writes one point as text ("0,5"); the encoder writes it back as the number it means.
    func replacingNumberText() -> Data {
        Data(String(decoding: self, as: UTF8.self).replacingOccurrences(of: #""points": "0,5""#, with: #""points": 0.5"#).utf8)
    }
}
