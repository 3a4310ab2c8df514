import Foundation
import Testing
@testable import CCHCDomain

/// "15/11/2021" → due on that day; "<15/12/2021" → "trước ngày 15/12/2021" (strict).
func planDues(_ written: [String]) -> [DueDate] {
    written.map { w in
        w.hasPrefix("<") ? DueDate(day: Day(vietnamese: String(w.dropFirst()))!, strict: true) : DueDate(day: Day(vietnamese: w)!)
    }
}

/// Seed 004's appendix (Sóc Trăng, 142/KH-UBND, 24/12/2020): every task row as the flattened text writes its cells —
/// line breaks inside the cells kept — with the area it stands under and its number there.
enum Seed004 {
    typealias Row = (area: String, number: Int, lead: String, coordinators: String, timeFrame: String)

    static let rows: [Row] = [
        ("Cải cách thể chế", 1, "Sở\nTư pháp", "Sở,\nban, ngành; UBND cấp huyện và các cơ quan có liên quan", "Theo\nquy định của Trung ương"),
        ("Cải cách thể chế", 2, "-\nCác sở, ban ngành và các cơ quan có liên quan", "Sở\nTư pháp", "Trong\nnăm 2021"),
        ("Cải cách thể chế", 3, "Sở\nTư pháp", "Các\nsở, ban, ngành", "Trong\nnăm 2021"),
        ("Cải cách thể chế", 4, "Sở\nTư pháp", "Sở,\nban, ngành và các cơ quan có liên quan; UBND cấp huyện, cấp xã", "-\nTháng 02/2021\n-\nNgày 15/11/2021"),
        ("Cải cách thủ tục hành chính", 1, "Văn\nphòng UBND tỉnh", "Sở,\nban, ngành và các cơ quan có liên quan; UBND cấp huyện, cấp xã",
         "-\nTháng 01/2021\n-\nTrong năm 2021"),
        ("Cải cách thủ tục hành chính", 2, "Các sở, ban, ngành tỉnh", "Văn\nphòng UBND tỉnh", "Trong\nnăm 2021 (nếu có)"),
        ("Cải cách thủ tục hành chính", 3, "Văn\nphòng UBND tỉnh", "Sở,\nban ngành", "Hàng\nquý và năm 2021"),
        ("Cải cách thủ tục hành chính", 4, "Văn\nphòng UBND tỉnh", "Các\nsở, ban, ngành cấp tỉnh; UBND cấp huyện, cấp xã", "Trong\nnăm 2021"),
        ("Cải cách tổ chức bộ máy", 1, "Sở,\nban ngành; UBND cấp huyện; các cơ quan liên quan", "Sở Nội\nvụ, Sở Tư pháp và các đơn vị có liên quan",
         "Tháng\n3/2021"),
        ("Cải cách tổ chức bộ máy", 2, "Sở Nội\nvụ", "Các\nsở, ban, ngành tỉnh; UBND cấp huyện và các cơ quan có liên quan", "Trong\nnăm 2021"),
        ("Cải cách tổ chức bộ máy", 3, "Các\nsở, ban, ngành tỉnh; UBND cấp huyện", "Sở Nội\nvụ", "Trong\nnăm 2021"),
        ("Cải cách công vụ", 1, "Sở Nội\nvụ", "Các\ncơ quan liên quan", "Trong\nnăm 2021"),
        ("Cải cách công vụ", 2, "Sở Nội\nvụ", "Các\nsở, ban, ngành tỉnh; UBND cấp huyện", "Quý\n3/2021"),
        ("Cải cách công vụ", 3, "Sở Nội\nvụ", "Các\nsở, ban, ngành; UBND cấp huyện, cấp xã; các cơ quan liên quan", "Quý\n4/2021"),
        ("Cải cách công vụ", 4, "Sở,\nban ngành, UBND cấp huyện, cấp xã và các cơ quan có liên quan", "Sở Nội\nvụ", "Tháng\n12/2021"),
        ("Cải cách tài chính công", 1, "Sở\nTài chính", "Các\nsở, ban, ngành; UBND cấp huyện, cấp xã", "Trong\nnăm 2021"),
        ("Cải cách tài chính công", 2, "Sở\nTài chính", "Các\nđơn vị sự nghiệp công lập", "Trong\nnăm 2021"),
        ("Cải cách tài chính công", 3, "- Sở Y tế;\n- Sở Giáo dục và Đào tạo", "Sở Nội\nvụ và các đơn vị có liên quan", "Trong\nnăm 2021"),
        ("Xây dựng và phát triển Chính phủ điện tử", 1, "Sở\nThông tin và Truyền thông",
         "Sở,\nban ngành và UBND cấp huyện, cấp xã và các cơ quan có liên quan", "Quý\n1/2021"),
        ("Xây dựng và phát triển Chính phủ điện tử", 2, "Sở\nThông tin và Truyền thông", "Sở,\nban, ngành; UBND các cấp và các cơ quan có liên quan",
         "Thường\nxuyên"),
        ("Xây dựng và phát triển Chính phủ điện tử", 3, "Sở\nKhoa học và Công nghệ",
         "Các\ncơ quan, đơn vị, địa phương đang tham gia hệ thống ISO theo quy định", "-\nTháng 4/2021\n-\nTháng 12/2021"),
        ("Công tác chỉ đạo điều hành", 1, "Sở Nội\nvụ", "Sở\nban ngành, UBND cấp huyện, cấp xã và các cơ quan có liên quan",
         "-\nTháng 12/2020\n-\nTháng 12/2021"),
        ("Công tác chỉ đạo điều hành", 2, "Sở Nội\nvụ", "Sở\nban ngành, UBND cấp huyện, cấp xã và các cơ quan có liên quan",
         "-\nTháng 01/2021\n-\nTháng 12/2021"),
        ("Công tác chỉ đạo điều hành", 3, "Sở Nội\nvụ", "Sở\nban ngành, UBND cấp huyện, cấp xã và các cơ quan có liên quan",
         "-\nTháng 01/2021\n-\nTháng 12/2021"),
        ("Công tác chỉ đạo điều hành", 4, "Sở Nội\nvụ", "Các\nngành, các cấp", "Trong\nnăm 2021"),
        ("Công tác chỉ đạo điều hành", 5, "Sở Nội\nvụ", "Các\ncơ quan có liên quan", "Quý\n4/2021"),
        ("Công tác chỉ đạo điều hành", 6, "Sở Nội\nvụ", "Các\ncơ quan có liên quan", "Quý\n4/2021"),
        ("Công tác chỉ đạo điều hành", 7, "Sở Nội\nvụ", "Các\nsở, ban, ngành tỉnh, UBND cấp huyện, cấp xã", "Quý\n4/2021"),
        ("Công tác chỉ đạo điều hành", 8, "Sở Nội\nvụ", "Các\ncơ quan có liên quan", "Theo\nvăn bản triển khai của Bộ Nội vụ"),
    ]

    /// The plan, each row a task with a product so the coverage check finds nothing missing.
    static var plan: PlanDocument {
        PlanDocument(unit: "ST", year: 2021, document: PlanIssuance(number: "142/KH-UBND", date: Day(2020, 12, 24), signer: "Trần Văn Lâu"),
                     tasks: rows.map { r in
                         PlanTaskEntry(area: r.area, detail: "Nhiệm vụ \(r.number) của lĩnh vực \(r.area)", product: "- Kế hoạch\n- Báo cáo kết quả",
                                       lead: [r.lead], coordinators: [r.coordinators], timeFrame: r.timeFrame)
                     })
    }

    /// Sóc Trăng's departments and its district-level units (the demo's organisation).
    static let candidates: [UnitCandidate] = [
        .init(id: 1, code: "ST-SNV", name: "Sở Nội vụ", kind: .department),
        .init(id: 2, code: "ST-VP", name: "Văn phòng UBND tỉnh", kind: .bureau),
        .init(id: 3, code: "ST-STP", name: "Sở Tư pháp", kind: .department),
        .init(id: 4, code: "ST-STC", name: "Sở Tài chính", kind: .department),
        .init(id: 5, code: "ST-SKHDT", name: "Sở Kế hoạch và Đầu tư", kind: .department),
        .init(id: 6, code: "ST-STTTT", name: "Sở Thông tin và Truyền thông", kind: .department),
        .init(id: 7, code: "ST-SKHCN", name: "Sở Khoa học và Công nghệ", kind: .department),
        .init(id: 8, code: "ST-SYT", name: "Sở Y tế", kind: .department),
        .init(id: 9, code: "ST-SGDDT", name: "Sở Giáo dục và Đào tạo", kind: .department),
        .init(id: 10, code: "ST-TPST", name: "Thành phố Sóc Trăng", kind: .provincialCity),
        .init(id: 11, code: "ST-TXVC", name: "Thị xã Vĩnh Châu", kind: .districtTown),
        .init(id: 12, code: "ST-TXVC-P1", name: "Phường 1", kind: .ward),
        .init(id: 13, code: "ST-TXVC-VINHHAI", name: "Xã Vĩnh Hải", kind: .commune),
    ]
    static let issuer = UnitCandidate(id: 100, code: "ST", name: "Tỉnh Sóc Trăng", kind: .province)
}

// MARK: - Reform areas

@Suite("Lĩnh vực cải cách hành chính")
struct PlanningAreaTests {
    @Test(arguments: [
        // The official names and the names the brief and real documents use.
        ("Cải cách thể chế", ReformArea.institutions),
        ("Cải cách thủ tục hành chính", .procedures),
        ("Cải cách TTHC", .procedures),
        ("Cải cách tổ chức bộ máy", .organisation),
        ("Cải cách tổ chức bộ máy hành chính nhà nước", .organisation),
        ("Cải cách tổ chức, bộ máy", .organisation),
        ("Cải cách chế độ công vụ", .civilService),
        ("Cải cách công vụ", .civilService),
        ("Cải cách tài chính công", .publicFinance),
        ("Xây dựng và phát triển Chính phủ điện tử, Chính phủ số", .eGovernment),
        ("Xây dựng và phát triển Chính phủ điện tử", .eGovernment),
        ("Hiện đại hóa hành chính", .eGovernment),
        ("Hiện đại hoá hành chính", .eGovernment),
        ("Xây dựng Chính quyền điện tử", .eGovernment),
        ("Xây dựng chính quyền điện tử, chính quyền số", .eGovernment),
        ("Công tác chỉ đạo điều hành", .direction),
        ("Công tác chỉ đạo điều hành cải cách hành chính", .direction),
        ("Công tác chỉ đạo, điều hành CCHC", .direction),
        // Seed 004's headings, numbered, wrapped and with a remark.
        ("1. Cải cách thể chế", .institutions),
        ("2. Cải cách thủ tục hành chính\n(TTHC)", .procedures),
        ("3. Cải cách tổ chức bộ máy", .organisation),
        ("4. Cải cách công vụ", .civilService),
        ("5. Cải cách tài chính công", .publicFinance),
        ("6. Xây dựng và phát triển Chính phủ\nđiện tử", .eGovernment),
        ("7. Công tác chỉ đạo điều hành", .direction),
        // Seed 000's list.
        ("(1) Cải cách thể chế", .institutions),
        ("(6) Xây dựng và phát triển Chính phủ điện tử (bao gồm Ứng dụng công nghệ thông tin và Áp dụng ISO trong hoạt động của đơn vị)", .eGovernment),
        // Other numberings, capitals, a word broken by the flattening, no diacritics.
        ("I. CẢI CÁCH THỂ CHẾ", .institutions),
        ("II - Cải cách thủ tục hành chính", .procedures),
        ("Phần III: Cải cách tổ chức bộ máy hành chính nhà nước", .organisation),
        ("a) Cải cách công vụ", .civilService),
        ("Lĩnh vực cải cách tài chính công:", .publicFinance),
        ("Xây dựng và phát triển Chín\nh phủ điện tử", .eGovernment),
        ("**VI. XÂY DỰNG VÀ PHÁT TRIỂN CHÍNH PHỦ ĐIỆN TỬ, CHÍNH PHỦ SỐ**", .eGovernment),
        ("cai cach the che", .institutions),
        ("Về công tác chỉ đạo, điều hành", .direction),
    ])
    func matches(_ text: String, _ area: ReformArea) {
        #expect(ReformArea.match(text) == area)
    }

    @Test(arguments: ["", "Cải cách hành chính", "Cải cách", "Nhiệm vụ khác", "1.", "Cải cách thể chế kinh tế thị trường", "Tuyên truyền"])
    func namesNoArea(_ text: String) {
        #expect(ReformArea.match(text) == nil)
    }

    @Test func theSixAndDirection() throws {
        #expect(ReformArea.required.count == 6)
        #expect(!ReformArea.required.contains(.direction) && !ReformArea.direction.isRequired)
        #expect(ReformArea.allCases.count == 7)
        #expect(ReformArea.allCases.map(\.number) == [1, 2, 3, 4, 5, 6, 7])
        #expect(ReformArea.eGovernment.title == "Xây dựng và phát triển Chính phủ điện tử")
        #expect(ReformArea.organisation.officialName == "Cải cách tổ chức bộ máy hành chính nhà nước")
        #expect(ReformArea.civilService.officialName == "Cải cách chế độ công vụ")
        // Every area matches its own names.
        for area in ReformArea.allCases {
            #expect(ReformArea.match(area.title) == area)
            #expect(ReformArea.match(area.officialName) == area)
            for alias in area.aliases { #expect(ReformArea.match(alias) == area, "\(alias)") }
        }
        // The codes the JSON and the register keep.
        let json = try JSONEncoder().encode([ReformArea.publicFinance, .direction])
        #expect(String(decoding: json, as: UTF8.self) == #"["publicFinance","direction"]"#)
    }

    @Test func seed004HeadingsCoverTheSixAreas() {
        let areas = Set(Seed004.rows.map { ReformArea.match($0.area) })
        #expect(!areas.contains(nil))
        #expect(areas == Set(ReformArea.allCases))
    }
}

// MARK: - Time frames

@Suite("Thời gian thực hiện")
struct PlanningTimeFrameTests {
    typealias Case = (text: String, kind: TimeFrame.Kind, dues: [String], start: String?, conditional: Bool)

    /// Every phrase of issue 10.
    static let issuePhrases: [Case] = [
        ("Tháng 02/2021", .dated, ["28/02/2021"], nil, false),
        ("Quý 3/2021", .dated, ["30/09/2021"], nil, false),
        ("Quý 4/2021", .dated, ["31/12/2021"], nil, false),
        ("Quý III/2021", .dated, ["30/09/2021"], nil, false),
        ("- Tháng 02/2021\n- Ngày 15/11/2021", .dated, ["28/02/2021", "15/11/2021"], nil, false),
        ("- Tháng 02/2021 - Ngày 15/11/2021", .dated, ["28/02/2021", "15/11/2021"], nil, false),
        ("Trong năm 2021", .dated, ["31/12/2021"], nil, false),
        ("Trong năm 2021 (nếu có)", .dated, ["31/12/2021"], nil, true),
        ("Hàng quý và năm 2021", .recurring, ["31/03/2021", "30/06/2021", "30/09/2021", "31/12/2021"], nil, false),
        ("Thường xuyên", .continuous, [], nil, false),
        ("Theo quy định của Trung ương", .external, [], nil, false),
        ("Theo văn bản triển khai của Bộ Nội vụ", .external, [], nil, false),
        ("Tháng 12/2020 - Tháng 12/2021", .dated, ["31/12/2021"], "01/12/2020", false),
        ("Trước ngày 15/12/2021", .dated, ["<15/12/2021"], nil, false),
        ("Chậm nhất ngày 15/11", .dated, ["15/11/2021"], nil, false),
    ]

    /// Phrases in other localities' words.
    static let otherPhrases: [Case] = [
        ("6 tháng đầu năm 2021", .dated, ["30/06/2021"], nil, false),
        ("Sáu tháng đầu năm 2021", .dated, ["30/06/2021"], nil, false),
        ("6 tháng cuối năm 2021", .dated, ["31/12/2021"], nil, false),
        ("9 tháng đầu năm", .dated, ["30/09/2021"], nil, false),
        ("Nửa đầu năm 2021", .dated, ["30/06/2021"], nil, false),
        ("Quý I và Quý III", .dated, ["31/03/2021", "30/09/2021"], nil, false),
        ("Quý I và III năm 2021", .dated, ["31/03/2021", "30/09/2021"], nil, false),
        ("Quý I/2021 và Quý III", .dated, ["31/03/2021", "30/09/2021"], nil, false),
        ("Quý 1, Quý 2, Quý 3, Quý 4/2021", .dated, ["31/03/2021", "30/06/2021", "30/09/2021", "31/12/2021"], nil, false),
        ("Quý tư năm 2021", .dated, ["31/12/2021"], nil, false),
        ("Năm 2021", .dated, ["31/12/2021"], nil, false),
        ("Cả năm", .dated, ["31/12/2021"], nil, false),
        ("2021", .dated, ["31/12/2021"], nil, false),
        ("Từ tháng 3 đến tháng 6/2021", .dated, ["30/06/2021"], "01/03/2021", false),
        ("Từ 15/12/2020 đến 14/12/2021", .dated, ["14/12/2021"], "15/12/2020", false),
        ("01/3/2021 - 30/6/2021", .dated, ["30/06/2021"], "01/03/2021", false),
        ("Tháng 3 - 6/2021", .dated, ["30/06/2021"], "01/03/2021", false),
        ("Tháng 12 - Tháng 02/2022", .dated, ["28/02/2022"], "01/12/2021", false),
        ("Từ tháng 3 đến trước ngày 15/6/2021", .dated, ["<15/06/2021"], "01/03/2021", false),
        ("Ngày 30/6/2021", .dated, ["30/06/2021"], nil, false),
        ("Ngày 15 tháng 11 năm 2021", .dated, ["15/11/2021"], nil, false),
        ("30-6-2021", .dated, ["30/06/2021"], nil, false),
        ("hạn chót 20/10/2021", .dated, ["20/10/2021"], nil, false),
        ("chậm nhất là ngày 30/6/2021", .dated, ["30/06/2021"], nil, false),
        ("Hoàn thành trước ngày 30/01/2021", .dated, ["<30/01/2021"], nil, false),
        ("Trước 30/01/2021", .dated, ["<30/01/2021"], nil, false),
        ("trước 30/1", .dated, ["<30/01/2021"], nil, false),
        ("Trước tháng 3/2021", .dated, ["<01/03/2021"], nil, false),
        ("Đến hết tháng 6/2021", .dated, ["30/06/2021"], nil, false),
        ("Tháng 3, tháng 9/2021", .dated, ["31/03/2021", "30/09/2021"], nil, false),
        ("Tháng 3, 6, 9 và 12/2021", .dated, ["31/03/2021", "30/06/2021", "30/09/2021", "31/12/2021"], nil, false),
        ("Tháng Giêng năm 2021", .dated, ["31/01/2021"], nil, false),
        ("Tháng 02, 2021", .dated, ["28/02/2021"], nil, false),
        ("trong Quý II năm 2021", .dated, ["30/06/2021"], nil, false),
        ("Trong tháng 3/2021", .dated, ["31/03/2021"], nil, false),
        ("Kế hoạch: Tháng 01/2021; Báo cáo: Tháng 12/2021", .dated, ["31/01/2021", "31/12/2021"], nil, false),
        ("Đợt 1: Quý 2/2021; Đợt 2: Quý 4/2021", .dated, ["30/06/2021", "31/12/2021"], nil, false),
        ("+ Quý 2/2021\n+ Quý 4/2021", .dated, ["30/06/2021", "31/12/2021"], nil, false),
        ("- Ngày 15/11/2021\n- Tháng 02/2021", .dated, ["28/02/2021", "15/11/2021"], nil, false),
        ("Quý 4/2021 (khi cần thiết)", .dated, ["31/12/2021"], nil, true),
        ("Trong năm 2021, nếu phát sinh", .dated, ["31/12/2021"], nil, true),
        ("Định kỳ hằng tháng", .recurring, ["31/01/2021", "28/02/2021", "31/03/2021", "30/04/2021", "31/05/2021", "30/06/2021",
                                          "31/07/2021", "31/08/2021", "30/09/2021", "31/10/2021", "30/11/2021", "31/12/2021"], nil, false),
        ("Ngày 20 hằng tháng", .recurring, ["20/01/2021", "20/02/2021", "20/03/2021", "20/04/2021", "20/05/2021", "20/06/2021",
                                          "20/07/2021", "20/08/2021", "20/09/2021", "20/10/2021", "20/11/2021", "20/12/2021"], nil, false),
        ("Hằng quý", .recurring, ["31/03/2021", "30/06/2021", "30/09/2021", "31/12/2021"], nil, false),
        ("Định kỳ 6 tháng", .recurring, ["30/06/2021", "31/12/2021"], nil, false),
        ("Hàng quý, 6 tháng và năm", .recurring, ["31/03/2021", "30/06/2021", "30/09/2021", "31/12/2021"], nil, false),
        ("Hằng năm", .recurring, ["31/12/2021"], nil, false),
        ("Tháng 6 hằng năm", .recurring, ["30/06/2021"], nil, false),
        ("Hàng tuần", .recurring, [], nil, false),
        ("Liên tục", .continuous, [], nil, false),
        ("Thực hiện thường xuyên", .continuous, [], nil, false),
        ("Hằng ngày", .continuous, [], nil, false),
        ("Thường xuyên; báo cáo trước ngày 15/12/2021", .continuous, ["<15/12/2021"], nil, false),
        ("Khi có yêu cầu", .onDemand, [], nil, false),
        ("Theo yêu cầu", .onDemand, [], nil, false),
        ("Đột xuất", .onDemand, [], nil, false),
        ("Theo Kế hoạch số 10/KH-UBND ngày 22/01/2021 của UBND huyện", .external, [], nil, false),
        ("Theo thời gian báo cáo thống kê ngành Tư pháp", .external, [], nil, false),
        ("Căn cứ hướng dẫn của Sở Nội vụ", .external, [], nil, false),
        ("Theo Kế hoạch số 10/KH-UBND (ngày 22/01/2021)", .external, [], nil, false),
        ("Theo quy định (chậm nhất ngày 15/12/2021)", .dated, ["15/12/2021"], nil, false),
        ("", .missing, [], nil, false),
        ("  \n ", .missing, [], nil, false),
    ]

    static func check(_ c: Case, year: Int = 2021) {
        let t = TimeFrame.read(c.text, year: year)
        #expect(t.text == c.text, "kept verbatim")
        #expect(t.kind == c.kind, "\(c.text)")
        #expect(t.dues == planDues(c.dues), "\(c.text): \(t.dues.map(\.day.vietnamese))")
        #expect(t.start == c.start.flatMap { Day(vietnamese: $0) }, "\(c.text)")
        #expect(t.conditional == c.conditional, "\(c.text)")
        #expect(t.unread == nil, "\(c.text): \(t.unread ?? "")")
    }

    @Test(arguments: issuePhrases) func issuePhrase(_ c: Case) { Self.check(c) }

    @Test(arguments: otherPhrases) func otherLocalitiesWords(_ c: Case) { Self.check(c) }

    /// What cannot be read is said, with the words, and no due is put in its place.
    @Test(arguments: [
        ("Đầu năm", "“Đầu năm”: không chỉ ra một ngày cụ thể"),
        ("Cuối năm 2021", "“Cuối năm 2021”: không chỉ ra một ngày cụ thể"),
        ("Giữa tháng 6/2021", "“Giữa tháng 6/2021”: không chỉ ra một ngày cụ thể"),
        ("Tuần đầu tháng 3/2021", "“Tuần đầu tháng 3/2021”: không chỉ ra một ngày cụ thể"),
        ("31/02/2021", "“31/02/2021”: không có ngày này (tháng 2 không có ngày 31)."),
        ("Trước ngày 31/02/2021", "“ngày 31/02/2021”: không có ngày này"),
        ("Ngày 29/02/2021", "“Ngày 29/02/2021”: không có ngày này"),
        ("Tháng 13/2021", "“Tháng 13/2021”: không có tháng 13."),
        ("Quý 5/2021", "“Quý 5/2021”: một năm chỉ có 4 quý."),
        ("Sau 15 ngày kể từ ngày 01/3/2021", "“Sau 15 ngày kể từ ngày 01/3/2021”: hạn tính từ một việc khác"),
        ("Quý 3 hoặc Quý 4/2021", "“hoặc” nêu các hạn thay thế nhau"),
        ("Tháng 6/2021 đến tháng 3/2021", "bắt đầu sau khi kết thúc"),
        ("Từ ngày 01/3/2021", "chỉ nêu ngày bắt đầu, không nêu hạn hoàn thành"),
        ("Sớm nhất có thể", "“Sớm nhất có thể”"),
        ("Ngày 15", "“Ngày 15”"),
        ("(nếu có)", "không nêu tháng, quý, năm hay ngày nào"),
    ])
    func unreadIsSaidNeverGuessed(_ text: String, _ why: String) {
        let t = TimeFrame.read(text, year: 2021)
        #expect(t.kind == .unread, "\(text)")
        #expect(t.dues.isEmpty, "\(text): no due is guessed")
        let unread = t.unread ?? ""
        #expect(unread.hasPrefix("Chưa đọc được"), "\(text): \(unread)")
        #expect(unread.contains(why), "\(text): \(unread)")
    }

    /// Whatever is typed, the reader answers: the text kept, the dues in order and distinct, a reason for what it
    /// could not read, and no due when it read nothing.
    @Test func anyTextIsAnswered() {
        let pieces = ["Tháng", "Quý", "năm", "ngày", "trước", "từ", "đến", "-", "–", "/", ",", ";", "(", ")", "và", "hoặc", "2021", "2020",
                      "02", "3", "12", "15", "31", "0", "99", "I", "IV", "6", "đầu", "hàng", "định kỳ", "thường xuyên", "theo", "khi", "nếu có",
                      "\n", "\n-", "+", ":", ".", "15/11", "31/02/2021", "Đợt", "sáu", "nửa", "tuần", "sau", "&", "Sở", "UBND", "cấp xã"]
        var state: UInt64 = 20_210_130
        func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
        for _ in 0..<2000 {
            let text = (0..<next(9)).map { _ in pieces[next(pieces.count)] }.joined(separator: next(2) == 0 ? " " : "")
            let t = TimeFrame.read(text, year: 2021)
            #expect(t.text == text)
            #expect(t.dues == t.dues.sorted { ($0.lastDay, $0.day) < ($1.lastDay, $1.day) } && Set(t.dues).count == t.dues.count)
            if t.kind == .dated { #expect(!t.dues.isEmpty, "\(text)") }
            if t.kind == .unread { #expect(t.unread != nil && t.dues.isEmpty, "\(text)") }
            _ = UnitReference.read(text, candidates: Seed004.candidates, issuer: Seed004.issuer)
            _ = ReformArea.match(text)
        }
        #expect(TimeFrame.read("Quý 3", year: 0).kind == .unread)
    }

    @Test func impossibleDateIsNotClamped() {
        let t = TimeFrame.read("31/02/2021", year: 2021)
        #expect(t.dues.isEmpty && !t.dues.contains(DueDate(day: Day(2021, 2, 28)!)))
        #expect(TimeFrame.read("Ngày 29/02/2024", year: 2024).dues == planDues(["29/02/2024"]))
    }

    @Test func partlyReadKeepsWhatItReadAndSaysTheRest() {
        let t = TimeFrame.read("Quý 3/2021 và đầu năm 2022", year: 2021)
        #expect(t.kind == .dated && t.dues == planDues(["30/09/2021"]))
        #expect(t.unread?.contains("“đầu năm 2022”") == true)
        let u = TimeFrame.read("Năm 2021 và các năm tiếp theo", year: 2021)
        #expect(u.dues == planDues(["31/12/2021"]))
        #expect(u.unread == "Chưa đọc được “các năm tiếp theo”: chưa hiểu được cách ghi này.")
        // "trước" before words not read says nothing of the phrase after them.
        let t2 = TimeFrame.read("Trước Tết, Quý 2/2021", year: 2021)
        #expect(t2.dues == planDues(["30/06/2021"]) && t2.unread == "Chưa đọc được “Tết”: chưa hiểu được cách ghi này.")
        let r = TimeFrame.read("Hàng quý (trước ngày 15 tháng cuối quý)", year: 2021)
        #expect(r.kind == .recurring && r.unread?.contains("“ngày 15 tháng cuối quý”") == true)
    }

    @Test func strictDueEndsTheDayBefore() throws {
        let t = TimeFrame.read("Trước ngày 15/12/2021", year: 2021)
        let due = try #require(t.dues.first)
        #expect(due.strict == true && due.day == Day(2021, 12, 15) && due.lastDay == Day(2021, 12, 14))
        #expect(TimeFrame.read("Chậm nhất ngày 15/12/2021", year: 2021).dues.first?.strict == nil)
        #expect(t.lastDue == due)
    }

    @Test func yearLeftOutIsThePlansYear() {
        #expect(TimeFrame.read("Chậm nhất ngày 15/11", year: 2022).dues == planDues(["15/11/2022"]))
        #expect(TimeFrame.read("Quý I và Quý III", year: 2020).dues == planDues(["31/03/2020", "30/09/2020"]))
        #expect(TimeFrame.read("Định kỳ hằng tháng", year: 2024).dues[1] == DueDate(day: Day(2024, 2, 29)!))
        // A year written wins over the plan's.
        #expect(TimeFrame.read("Tháng 12/2020", year: 2021).dues == planDues(["31/12/2020"]))
    }

    @Test func weekendsAndHolidaysAreNoted() {
        #expect(TimeFrame.read("Tháng 02/2021", year: 2021).notes == ["Hạn 28/02/2021 (hết tháng 02/2021) rơi vào ngày nghỉ (Chủ nhật)."])
        #expect(TimeFrame.read("Tháng 7/2021", year: 2021).notes == ["Hạn 31/07/2021 (hết tháng 07/2021) rơi vào ngày nghỉ (thứ Bảy)."])
        #expect(TimeFrame.read("Ngày 02/9/2021", year: 2021).notes == ["Hạn 02/09/2021 rơi vào ngày nghỉ (Quốc khánh)."])
        #expect(TimeFrame.read("Tháng 4/2021", year: 2021).notes == ["Hạn 30/04/2021 (hết tháng 04/2021) rơi vào ngày nghỉ (ngày Chiến thắng 30/4)."])
        #expect(TimeFrame.read("Ngày 12/02/2021", year: 2021).notes == ["Hạn 12/02/2021 rơi vào ngày nghỉ (Tết Nguyên đán)."])
        // "trước ngày 02/08/2021": the last day, 01/08/2021, is a Sunday.
        #expect(TimeFrame.read("Trước ngày 02/08/2021", year: 2021).notes == ["Hạn 01/08/2021 (trước ngày 02/08/2021) rơi vào ngày nghỉ (Chủ nhật)."])
        #expect(TimeFrame.read("Quý 3/2021", year: 2021).notes.isEmpty)
        #expect(TimeFrame.read("Trước ngày 15/12/2021", year: 2021).notes.isEmpty)
    }

    @Test func codableRoundTrip() throws {
        let t = TimeFrame.read("- Tháng 02/2021\n- Trước ngày 15/11/2021 (nếu có)", year: 2021)
        let back = try JSONDecoder().decode(TimeFrame.self, from: JSONEncoder().encode(t))
        #expect(back == t)
        #expect(t.dues == planDues(["28/02/2021", "<15/11/2021"]) && t.conditional)
    }

    // MARK: Seed 004

    /// Every time frame of seed 004's appendix, row by row: none silently wrong. The bulleted cells are milestones
    /// ("- Tháng 12/2020 / - Tháng 12/2021": the plan by December 2020, the report by December 2021), not ranges.
    static let seed004: [(kind: TimeFrame.Kind, dues: [String], conditional: Bool)] = [
        (.external, [], false),                                            // Cải cách thể chế 1: Theo quy định của Trung ương
        (.dated, ["31/12/2021"], false),                                   // 2: Trong năm 2021
        (.dated, ["31/12/2021"], false),                                   // 3
        (.dated, ["28/02/2021", "15/11/2021"], false),                     // 4: - Tháng 02/2021 - Ngày 15/11/2021
        (.dated, ["31/01/2021", "31/12/2021"], false),                     // TTHC 1: - Tháng 01/2021 - Trong năm 2021
        (.dated, ["31/12/2021"], true),                                    // 2: Trong năm 2021 (nếu có)
        (.recurring, ["31/03/2021", "30/06/2021", "30/09/2021", "31/12/2021"], false), // 3: Hàng quý và năm 2021
        (.dated, ["31/12/2021"], false),                                   // 4
        (.dated, ["31/03/2021"], false),                                   // Tổ chức bộ máy 1: Tháng 3/2021
        (.dated, ["31/12/2021"], false),                                   // 2
        (.dated, ["31/12/2021"], false),                                   // 3
        (.dated, ["31/12/2021"], false),                                   // Công vụ 1
        (.dated, ["30/09/2021"], false),                                   // 2: Quý 3/2021
        (.dated, ["31/12/2021"], false),                                   // 3: Quý 4/2021
        (.dated, ["31/12/2021"], false),                                   // 4: Tháng 12/2021
        (.dated, ["31/12/2021"], false),                                   // Tài chính công 1
        (.dated, ["31/12/2021"], false),                                   // 2
        (.dated, ["31/12/2021"], false),                                   // 3
        (.dated, ["31/03/2021"], false),                                   // Chính phủ điện tử 1: Quý 1/2021
        (.continuous, [], false),                                          // 2: Thường xuyên
        (.dated, ["30/04/2021", "31/12/2021"], false),                     // 3: - Tháng 4/2021 - Tháng 12/2021
        (.dated, ["31/12/2020", "31/12/2021"], false),                     // Chỉ đạo điều hành 1: - Tháng 12/2020 - Tháng 12/2021
        (.dated, ["31/01/2021", "31/12/2021"], false),                     // 2
        (.dated, ["31/01/2021", "31/12/2021"], false),                     // 3
        (.dated, ["31/12/2021"], false),                                   // 4
        (.dated, ["31/12/2021"], false),                                   // 5: Quý 4/2021
        (.dated, ["31/12/2021"], false),                                   // 6
        (.dated, ["31/12/2021"], false),                                   // 7
        (.external, [], false),                                            // 8: Theo văn bản triển khai của Bộ Nội vụ
    ]

    @Test func seed004EveryTimeFrame() {
        #expect(Seed004.rows.count == 29 && Self.seed004.count == 29)
        for (row, expected) in zip(Seed004.rows, Self.seed004) {
            let t = TimeFrame.read(row.timeFrame, year: 2021)
            let name = "\(row.area) \(row.number): \(row.timeFrame)"
            #expect(t.text == row.timeFrame, "\(name)")
            #expect(t.kind == expected.kind, "\(name)")
            #expect(t.dues == planDues(expected.dues), "\(name): \(t.dues.map(\.day.vietnamese))")
            #expect(t.conditional == expected.conditional, "\(name)")
            #expect(t.unread == nil, "\(name): \(t.unread ?? "")")
            #expect(t.start == nil, "\(name)")
        }
    }

    @Test func seed004NotesTheDuesOnDaysOff() {
        let notes = Set(Seed004.rows.flatMap { TimeFrame.read($0.timeFrame, year: 2021).notes })
        #expect(notes == [
            "Hạn 28/02/2021 (hết tháng 02/2021) rơi vào ngày nghỉ (Chủ nhật).",
            "Hạn 31/01/2021 (hết tháng 01/2021) rơi vào ngày nghỉ (Chủ nhật).",
            "Hạn 30/04/2021 (hết tháng 04/2021) rơi vào ngày nghỉ (ngày Chiến thắng 30/4).",
        ])
    }

    // MARK: Plan entries

    @Test func entryDueIsReadWhenAbsentAndKeptWhenGiven() throws {
        var entry = PlanTaskEntry(area: "Cải cách thể chế", detail: "Theo dõi thi hành pháp luật", timeFrame: "- Tháng 02/2021\n- Ngày 15/11/2021")
        #expect(entry.fillingDue(year: 2021).due == planDues(["28/02/2021", "15/11/2021"]))
        entry.due = []
        #expect(entry.fillingDue(year: 2021).due == [], "a due given (even empty) is kept")
        var continuous = PlanTaskEntry(area: "Cải cách thể chế", detail: "Duy trì", timeFrame: "Thường xuyên")
        continuous.fillDue(year: 2021)
        #expect(continuous.due == [])
        #expect(continuous.readTimeFrame(year: 2021).kind == .continuous)

        let plan = PlanDocument(unit: "HT-THA-THACHDAI", year: 2022, tasks: [
            PlanTaskEntry(area: "Cải cách công vụ", detail: "Đánh giá công chức", timeFrame: "Chậm nhất ngày 15/11"),
            PlanTaskEntry(area: "Cải cách công vụ", detail: "Tuyển dụng", timeFrame: "Trước ngày 15/12/2022"),
        ]).fillingDue()
        #expect(plan.tasks[0].due == planDues(["15/11/2022"]))
        #expect(plan.tasks[1].due == planDues(["<15/12/2022"]))
        // Exported: a list of dates, "strict": true where the text says "trước ngày".
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(plan.tasks.map(\.due)), as: UTF8.self)
        #expect(json == #"[[{"day":"2022-11-15"}],[{"day":"2022-12-15","strict":true}]]"#)
    }
}
