import Fluent
import Foundation
import CCHCDomain

/// The register part of the demo: the seeds' documents under their issuers, as the seeds write and cite them — the
/// provinces' and districts' guidance and plans (164/UBND-NV with its plan 10/KH-UBND-NV, 158/UBND-NV, 142/KH-UBND,
/// 34/KH-UBND and the documents they cite) — then the Thạch Hà communes' own documents of Q1 2021 and the reports they
/// signed. Seed 000's passages go in as 164/UBND-NV's cited text, so its slip (its own plan cited once as
/// "10/KH-UBND ngày 22/01/2020") shows as flagged. Everything goes through `RegisterService`, audited on the day issued.
enum DemoRegister {
    struct Spec {
        var unit: String
        var number: String
        var date: String
        var summary: String
        var signer: String? = nil
        var directs = true
        var area: ReformArea? = .direction
        var cited: String? = nil
    }

    /// Seed 000's passages that cite other documents, verbatim (its opening, §I.1 and the note of §I.4).
    static let seed000Citations = """
        Thực hiện Văn bản số 8444/UBND-PC ngày 15/12/2020 của UBND tỉnh về việc xây dựng kế hoạch và báo cáo cải cách hành chính \
        năm 2021; Kế hoạch số 513/KH-UBND ngày 31/12/2020 của UBND tỉnh về cải cách hành chính năm 2021; Kế hoạch số 10/KH-UBND-NV \
        ngày 22/1/2021 của UBND huyện Kế hoạch CCHC năm 2021, UBND huyện yêu cầu các phòng, ban, ngành; đơn vị cấp huyện; UBND các \
        xã, thị trấn thực hiện tốt các nội dung sau:

        Căn cứ Kế hoạch số 10/KH-UBND-NV ngày 22/1/2021 của UBND huyện Kế hoạch CCHC năm 2021, Kế hoạch của các phòng, ngành cấp huyện;

        Lưu ý: Các đơn vị phải căn cứ vào các nhiệm vụ trọng tâm được UBND huyện giao tại Kế hoạch số 10/KH-UBND ngày 22/01/2020 \
        của UBND huyện và thực tiễn của đơn vị), để cụ thể và đưa vào trong kế hoạch của đơn vị.
        """

    /// Seed 002's passages that cite other documents, verbatim.
    static let seed002Citations = """
        Thực hiện văn bản số 2127/SNV-CCHC ngày 28/12/2020 của Sở Nội vụ về việc hướng dẫn xây dựng kế hoạch và báo cáo cải cách \
        hành chính (CCHC) định kỳ năm 2021; Quyết định số 2664/QĐ-UBND ngày 29/12/2020 của Ủy ban nhân dân thị xã (UBND) về ban hành \
        Kế hoạch CCHC năm 2021; Kế hoạch số 123/KH-UBND ngày 29/12/2020 của UBND thị xã về tuyên truyền công tác CCHC năm 2021

        (các nhiệm vụ cụ thể được nêu tại Phụ lục ban hành kèm theo Quyết định số 2664/QĐ-UBND ngày 29/12/2020 của UBND thị xã và \
        Phần III Kế hoạch số 123/KH-UBND ngày 29/12/2020 của UBND thị xã)
        """

    /// Seed 001's passages that cite other documents, verbatim.
    static let seed001Citations = """
        Căn cứ Kế hoạch số 67/KH-UBND ngày 16/4/2020 của Ủy ban nhân dân huyện Quảng Điền về nâng cao chỉ số Cải cách hành chính năm 2020.

        Thực hiện Quyết định số 2614/QĐ-UBND ngày 05 tháng 12 năm 2017 của Ủy ban nhân dân huyện về việc ban hành Quy định đánh giá, \
        xếp loại công tác cải cách hành chính đối với Ủy ban nhân dân các xã, thị trấn và Công văn số 1367/UBND ngày 12 tháng 11 năm \
        2019 của Ủy ban nhân dân huyện về việc hướng dẫn tự đánh giá, chấm điểm chỉ số cải cách hành chính năm 2019.
        """

    /// The seeds' documents, older first (a document cited is registered before the one citing it).
    static let seeds: [Spec] = [
        Spec(unit: "TTH-QDI", number: "2614/QĐ-UBND", date: "05/12/2017",
             summary: "Về việc ban hành Quy định đánh giá, xếp loại công tác cải cách hành chính đối với Ủy ban nhân dân các xã, thị trấn"),
        Spec(unit: "TTH-QDI", number: "1367/UBND", date: "12/11/2019",
             summary: "Về việc hướng dẫn tự đánh giá, chấm điểm chỉ số cải cách hành chính năm 2019"),
        Spec(unit: "TTH-QDI", number: "67/KH-UBND", date: "16/04/2020", summary: "Kế hoạch nâng cao chỉ số Cải cách hành chính năm 2020"),
        Spec(unit: "TTH-QDI-QUANGTHO", number: "34/KH-UBND", date: "21/04/2020",
             summary: "Kế hoạch nâng cao chỉ số cải cách hành chính năm 2020",
             signer: "Hoàng Công Phong", cited: seed001Citations),
        Spec(unit: "HT", number: "8444/UBND-PC", date: "15/12/2020",
             summary: "Về việc xây dựng kế hoạch và báo cáo cải cách hành chính năm 2021"),
        Spec(unit: "ST", number: "142/KH-UBND", date: "24/12/2020", summary: "Kế hoạch thực hiện cải cách hành chính năm 2021",
             signer: "Trần Văn Lâu"),
        Spec(unit: "GL-AKH", number: "2664/QĐ-UBND", date: "29/12/2020", summary: "Về ban hành Kế hoạch CCHC năm 2021"),
        Spec(unit: "GL-AKH", number: "123/KH-UBND", date: "29/12/2020", summary: "Kế hoạch tuyên truyền công tác CCHC năm 2021"),
        Spec(unit: "HT", number: "513/KH-UBND", date: "31/12/2020", summary: "Kế hoạch cải cách hành chính năm 2021"),
        Spec(unit: "HT-THA", number: "10/KH-UBND-NV", date: "22/01/2021", summary: "Kế hoạch cải cách hành chính năm 2021"),
        Spec(unit: "HT-THA", number: "164 /UBND-NV", date: "25/01/2021",
             summary: "V/v hướng dẫn xây dựng Kế hoạch CCHC và Báo cáo CCHC định kỳ năm 2021", signer: "Trần Việt Hà",
             cited: seed000Citations),
        Spec(unit: "GL-AKH", number: "158 /UBND-NV", date: "08/02/2021",
             summary: "V/v triển khai thực hiện các nội dung liên quan đến công tác CCHC năm 2021", signer: "Nguyễn Hùng Vũ",
             cited: seed002Citations),
    ]

    /// A Thạch Hà commune's own documents of Q1 2021 (the `index` of the commune among them, by code, Thạch Đài left out as
    /// the reports leave it): its plan as its reports' Phụ lục 3A lists it, and for some, more directing documents — one dated
    /// 12/03/2021, after Q1's cut-off (10/03), so it counts in the 6 months only.
    static func communeSpecs(code: String, index i: Int) -> [Spec] {
        let thachHa = "Thực hiện Kế hoạch số 10/KH-UBND-NV ngày 22/01/2021 của UBND huyện về cải cách hành chính năm 2021"
        var specs = [Spec(unit: code, number: "\(i + 3)/KH-UBND", date: DemoPlanning.communePlanDay(code: code, index: i).vietnamese,
                          summary: "Kế hoạch cải cách hành chính năm 2021", cited: thachHa)]
        guard i < 6 else { return specs }
        specs.append(Spec(unit: code, number: "0\(1 + i % 3)/QĐ-UBND", date: "11/01/2021",
                          summary: "Quyết định kiện toàn Ban Chỉ đạo cải cách hành chính xã năm 2021", area: .organisation))
        if i % 2 == 0 {
            specs.append(Spec(unit: code, number: "\(i + 4)/KH-UBND", date: "05/02/2021",
                              summary: "Kế hoạch tuyên truyền cải cách hành chính năm 2021"))
            specs.append(Spec(unit: code, number: "\(15 + i * 3)/UBND", date: "02/03/2021",
                              summary: "V/v đẩy mạnh tiếp nhận, giải quyết hồ sơ trực tuyến mức độ 3, 4", area: .eGovernment))
        } else {
            specs.append(Spec(unit: code, number: "0\(4 + i)/TB-UBND", date: "22/02/2021",
                              summary: "Thông báo phân công công chức theo dõi, tham mưu các lĩnh vực cải cách hành chính năm 2021",
                              area: .civilService))
            specs.append(Spec(unit: code, number: "\(20 + i)/UBND", date: "12/03/2021",
                              summary: "V/v rà soát, niêm yết công khai thủ tục hành chính tại Bộ phận một cửa", area: .procedures))
        }
        // A document that does not direct CCHC work: not counted in 1.1.3.
        specs.append(Spec(unit: code, number: "\(30 + i)/UBND", date: "15/02/2021", summary: "V/v tổ chức trực Tết Nguyên đán Tân Sửu 2021",
                          directs: false, area: nil))
        return specs
    }

    static func load(on db: any Database) async throws {
        var units: [String: Unit] = [:]
        for unit in try await Unit.query(on: db).all() { units[unit.code] = unit }
        let district = units["HT-THA"]
        let communes = units.values.filter { $0.$parent.id == district?.id && $0.kind.tier == .commune && $0.code != "HT-THA-THACHDAI" }
            .sorted { $0.code < $1.code }
        let specs = seeds + communes.enumerated().flatMap { communeSpecs(code: $0.element.code, index: $0.offset) }
        for spec in specs {
            guard let unit = units[spec.unit], let day = Day(vietnamese: spec.date) else { continue }
            let draft = RegisterDraft(number: spec.number, issuedOn: spec.date, summary: spec.summary, signer: spec.signer,
                                      directsCCHC: spec.directs, area: spec.area?.rawValue, citedText: spec.cited)
            _ = try await RegisterService(db: db, actor: nil, now: day.startInVietnam.addingTimeInterval(10 * 3600)).create(draft, in: unit)
        }
        // The reports the communes signed are documents of their registers too (a report is a register document, its source).
        let communeIDs = communes.compactMap(\.id)
        guard !communeIDs.isEmpty else { return }
        let periods = try await PeriodRecord.query(on: db).all()
        let kinds = Dictionary(periods.compactMap { p in p.id.map { ($0, p.periodKind) } }, uniquingKeysWith: { a, _ in a })
        let reports = try await Report.query(on: db).filter(\.$unit.$id ~~ communeIDs).filter(\.$docNumber != nil).sort(\.$id).all()
        for report in reports {
            guard let unit = communes.first(where: { $0.id == report.$unit.id }), let number = report.docNumber,
                  let iso = report.docDate, let day = Day(iso: iso), let kind = kinds[report.$period.id] else { continue }
            let draft = RegisterDraft(number: number, issuedOn: iso,
                                      summary: "\(kind.title(year: 2021)) về kết quả thực hiện công tác cải cách hành chính",
                                      directsCCHC: false)
            _ = try await RegisterService(db: db, actor: nil, now: day.startInVietnam.addingTimeInterval(15 * 3600))
                .create(draft, in: unit, source: .init(kind: "report", id: try report.requireID()))
        }
    }
}
