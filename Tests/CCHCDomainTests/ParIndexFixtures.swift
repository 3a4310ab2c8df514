import Foundation
@testable import CCHCDomain

/// A commune framework built from seed 001's criteria (1.3.3, 1.4, 2.1 with 2.1.1.1 and 2.1.3 as the
/// seed gives them), filled out to 100 points with criteria of every method. Only the seed's criteria
/// and figures are the seed's; the rest is invented to make the total.
enum ParFixtures {
    static let communes2019: ParFramework = ParFramework(
        code: "CCHC-XA", title: "Chỉ số CCHC các xã, thị trấn", year: 2019, group: "communes",
        criteria: [
            ParCriterion(code: "1", name: "Công tác chỉ đạo, điều hành CCHC", max: 14, office: "Văn phòng HĐND và UBND xã"),
            ParCriterion(code: "1.1", parent: "1", name: "Kế hoạch và báo cáo CCHC", max: 4,
                         method: .deadline(ParDeadline(duties: ["plan", "report:Q1", "report:H1", "report:Q3", "report:year"], onTime: 4, late: 2, missing: 0))),
            ParCriterion(code: "1.3", parent: "1", name: "Công tác tuyên truyền CCHC", max: 4),
            ParCriterion(code: "1.3.1", parent: "1.3", name: "Kế hoạch tuyên truyền CCHC", max: 2, method: .boolean),
            ParCriterion(code: "1.3.3", parent: "1.3",
                         name: "Số lượng tin bài tuyên truyền trên hệ thống đài truyền thanh và cổng thông tin điện tử của cơ quan",
                         max: 2, evidence: "Danh sách tin, bài theo tháng", office: "Ban biên tập trang TTĐT xã",
                         method: .deduction(ParDeduction(per: .month, required: 4, penalty: 0.5))),
            ParCriterion(code: "1.4", parent: "1", name: "Kiểm tra thực hiện nhiệm vụ CBCS", max: 6, office: "Đoàn kiểm tra CCHC xã",
                         method: .manual(step: 0.5)),
            ParCriterion(code: "2", name: "Cải cách thể chế", max: 15, office: "Tư pháp"),
            ParCriterion(code: "2.1", parent: "2", name: "Cải cách thể chế", max: 11),
            ParCriterion(code: "2.1.1", parent: "2.1", name: "Triển khai văn bản QPPL", max: 3),
            ParCriterion(code: "2.1.1.1", parent: "2.1.1",
                         name: "Tổ chức triển khai các văn bản QPPL của Trung ương, của tỉnh, huyện trên các lĩnh vực quản lý", max: 1.5,
                         method: .levels([ParLevel(label: "Kịp thời, đầy đủ", points: 1.5), ParLevel(label: "Chưa kịp thời", points: 1),
                                          ParLevel(label: "Không triển khai", points: 0)])),
            ParCriterion(code: "2.1.1.2", parent: "2.1.1", name: "Báo cáo kết quả triển khai", max: 1.5, method: .boolean),
            ParCriterion(code: "2.1.2", parent: "2.1", name: "Rà soát, hệ thống hóa văn bản QPPL", max: 4),
            ParCriterion(code: "2.1.3", parent: "2.1", name: "Kiểm tra, xử lý văn bản QPPL", max: 4, method: .manual(step: 0.5)),
            ParCriterion(code: "2.2", parent: "2", name: "Tỷ lệ văn bản được rà soát", max: 4,
                         method: .bands(input: "Tỷ lệ (%)", bands: [ParBand(min: 90, minInclusive: false, points: 4),
                                                                    ParBand(min: 70, max: 90, points: 2),
                                                                    ParBand(max: 70, maxInclusive: false, points: 0)])),
            ParCriterion(code: "3", name: "Cải cách thủ tục hành chính", max: 25, office: "Bộ phận TN&TKQ"),
            ParCriterion(code: "3.1", parent: "3", name: "Tỷ lệ hồ sơ giải quyết đúng hạn", max: 15,
                         method: .indicator(indicator: "3.4.1", bands: [ParBand(min: 95, points: 15), ParBand(min: 80, max: 95, maxInclusive: false, points: 10),
                                                                        ParBand(max: 80, maxInclusive: false, points: 5)])),
            ParCriterion(code: "3.2", parent: "3", name: "Xử lý phản ánh, kiến nghị về TTHC", max: 10, notApplicableFull: true),
            ParCriterion(code: "4", name: "Cải cách tổ chức bộ máy", max: 12),
            ParCriterion(code: "5", name: "Cải cách công vụ", max: 12),
            ParCriterion(code: "6", name: "Cải cách tài chính công và hiện đại hóa", max: 12),
            ParCriterion(code: "7", name: "Khảo sát sự hài lòng (SIPAS)", max: 10, office: "Phòng Nội vụ huyện"),
            ParCriterion(code: "8", name: "Điểm thưởng", max: 2, method: .bonus(cap: 2)),
            ParCriterion(code: "9", name: "Điểm trừ", max: 0, method: .penalty(cap: 3)),
        ],
        classes: [ParClass(label: "Xuất sắc", min: 90, everyCriterionMinShare: 0.5), ParClass(label: "Tốt", min: 80),
                  ParClass(label: "Khá", min: 65), ParClass(label: "Trung bình", min: 50)])

    /// News items a month in 2019: March fell one short.
    static let news2019 = [4, 5, 3, 4, 6, 4, 4, 4, 5, 4, 4, 7]

    /// Quảng Thọ's 2019 inputs: 92,63 in all, with seed 001's weak criteria.
    static let quangTho2019: [String: ParInput] = [
        "1.1": .duties(["plan": .onTime, "report:Q1": .onTime, "report:H1": .onTime, "report:Q3": .onTime, "report:year": .onTime]),
        "1.3.1": .boolean(true),
        "1.3.3": .counts(news2019),
        "1.4": .manual(5),
        "2.1.1.1": .level("Chưa kịp thời"),
        "2.1.1.2": .boolean(true),
        "2.1.2": .manual(4),
        "2.1.3": .manual(3.5),
        "2.2": .measured(95),
        "3.1": .indicator(98.2),
        "3.2": .notApplicable,
        "4": .manual(12),
        "5": .manual(12),
        "6": .manual(12),
        "7": .manual(5.13),
    ]
}
