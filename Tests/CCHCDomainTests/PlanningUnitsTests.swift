import Foundation
import Testing
@testable import CCHCDomain

/// Lead and coordinator cells read into units and groups, kept as written.
@Suite("Cơ quan chủ trì, phối hợp")
struct PlanningUnitsTests {
    static let candidates = Seed004.candidates
    static let issuer = Seed004.issuer

    /// "unit:ST-STP", "offices", "districts", "related", "unmatched" — and the words kept.
    static func described(_ cell: String, candidates: [UnitCandidate] = candidates, issuer: UnitCandidate? = issuer) -> [String] {
        let all = candidates + [issuer].compactMap { $0 }
        return UnitReference.read(cell, candidates: candidates, issuer: issuer).map { ref in
            switch ref.target {
            case .unit(let id): "\(ref.text) = \(all.first { $0.id == id }!.code)"
            case .group(let g): "\(ref.text) = \(g.rawValue)"
            case .unmatched: "\(ref.text) = ?"
            }
        }
    }

    @Test(arguments: [
        ("Sở, ban, ngành; UBND cấp huyện và các cơ quan có liên quan",
         ["Sở, ban, ngành = offices", "UBND cấp huyện = districts", "các cơ quan có liên quan = related"]),
        ("- Các sở, ban ngành và các cơ quan có liên quan", ["Các sở, ban ngành = offices", "các cơ quan có liên quan = related"]),
        ("Văn phòng UBND tỉnh", ["Văn phòng UBND tỉnh = ST-VP"]),
        ("Sở Tư pháp", ["Sở Tư pháp = ST-STP"]),
        ("UBND cấp xã", ["UBND cấp xã = communes"]),
        ("Các phòng, ban chuyên môn", ["Các phòng, ban chuyên môn = offices"]),
        ("Công an tỉnh", ["Công an tỉnh = ?"]),
    ])
    func briefExamples(_ cell: String, _ expected: [String]) {
        #expect(Self.described(cell) == expected)
    }

    /// Every lead and coordinator cell of seed 004's appendix, row by row.
    static let seed004: [(lead: [String], coordinators: [String])] = [
        (["Sở Tư pháp = ST-STP"], ["Sở, ban, ngành = offices", "UBND cấp huyện = districts", "các cơ quan có liên quan = related"]),
        (["Các sở, ban ngành = offices", "các cơ quan có liên quan = related"], ["Sở Tư pháp = ST-STP"]),
        (["Sở Tư pháp = ST-STP"], ["Các sở, ban, ngành = offices"]),
        (["Sở Tư pháp = ST-STP"], ["Sở, ban, ngành = offices", "các cơ quan có liên quan = related", "UBND cấp huyện = districts", "cấp xã = communes"]),
        (["Văn phòng UBND tỉnh = ST-VP"],
         ["Sở, ban, ngành = offices", "các cơ quan có liên quan = related", "UBND cấp huyện = districts", "cấp xã = communes"]),
        (["Các sở, ban, ngành tỉnh = offices"], ["Văn phòng UBND tỉnh = ST-VP"]),
        (["Văn phòng UBND tỉnh = ST-VP"], ["Sở, ban ngành = offices"]),
        (["Văn phòng UBND tỉnh = ST-VP"], ["Các sở, ban, ngành cấp tỉnh = offices", "UBND cấp huyện = districts", "cấp xã = communes"]),
        (["Sở, ban ngành = offices", "UBND cấp huyện = districts", "các cơ quan liên quan = related"],
         ["Sở Nội vụ = ST-SNV", "Sở Tư pháp = ST-STP", "các đơn vị có liên quan = related"]),
        (["Sở Nội vụ = ST-SNV"], ["Các sở, ban, ngành tỉnh = offices", "UBND cấp huyện = districts", "các cơ quan có liên quan = related"]),
        (["Các sở, ban, ngành tỉnh = offices", "UBND cấp huyện = districts"], ["Sở Nội vụ = ST-SNV"]),
        (["Sở Nội vụ = ST-SNV"], ["Các cơ quan liên quan = related"]),
        (["Sở Nội vụ = ST-SNV"], ["Các sở, ban, ngành tỉnh = offices", "UBND cấp huyện = districts"]),
        (["Sở Nội vụ = ST-SNV"], ["Các sở, ban, ngành = offices", "UBND cấp huyện = districts", "cấp xã = communes", "các cơ quan liên quan = related"]),
        (["Sở, ban ngành = offices", "UBND cấp huyện = districts", "cấp xã = communes", "các cơ quan có liên quan = related"], ["Sở Nội vụ = ST-SNV"]),
        (["Sở Tài chính = ST-STC"], ["Các sở, ban, ngành = offices", "UBND cấp huyện = districts", "cấp xã = communes"]),
        (["Sở Tài chính = ST-STC"], ["Các đơn vị sự nghiệp công lập = related"]),
        (["Sở Y tế = ST-SYT", "Sở Giáo dục và Đào tạo = ST-SGDDT"], ["Sở Nội vụ = ST-SNV", "các đơn vị có liên quan = related"]),
        (["Sở Thông tin và Truyền thông = ST-STTTT"],
         ["Sở, ban ngành = offices", "UBND cấp huyện = districts", "cấp xã = communes", "các cơ quan có liên quan = related"]),
        (["Sở Thông tin và Truyền thông = ST-STTTT"], ["Sở, ban, ngành = offices", "UBND các cấp = localities", "các cơ quan có liên quan = related"]),
        (["Sở Khoa học và Công nghệ = ST-SKHCN"], ["Các cơ quan, đơn vị, địa phương đang tham gia hệ thống ISO theo quy định = related"]),
        (["Sở Nội vụ = ST-SNV"], ["Sở ban ngành = offices", "UBND cấp huyện = districts", "cấp xã = communes", "các cơ quan có liên quan = related"]),
        (["Sở Nội vụ = ST-SNV"], ["Sở ban ngành = offices", "UBND cấp huyện = districts", "cấp xã = communes", "các cơ quan có liên quan = related"]),
        (["Sở Nội vụ = ST-SNV"], ["Sở ban ngành = offices", "UBND cấp huyện = districts", "cấp xã = communes", "các cơ quan có liên quan = related"]),
        (["Sở Nội vụ = ST-SNV"], ["Các ngành = offices", "các cấp = localities"]),
        (["Sở Nội vụ = ST-SNV"], ["Các cơ quan có liên quan = related"]),
        (["Sở Nội vụ = ST-SNV"], ["Các cơ quan có liên quan = related"]),
        (["Sở Nội vụ = ST-SNV"], ["Các sở, ban, ngành tỉnh = offices", "UBND cấp huyện = districts", "cấp xã = communes"]),
        (["Sở Nội vụ = ST-SNV"], ["Các cơ quan có liên quan = related"]),
    ]

    @Test func seed004EveryCell() {
        #expect(Self.seed004.count == Seed004.rows.count)
        for (row, expected) in zip(Seed004.rows, Self.seed004) {
            #expect(Self.described(row.lead) == expected.lead, "\(row.area) \(row.number) chủ trì")
            #expect(Self.described(row.coordinators) == expected.coordinators, "\(row.area) \(row.number) phối hợp")
        }
    }

    @Test func groupsResolveToEveryUnitOfTheirKinds() {
        let refs = UnitReference.read("Sở, ban, ngành; UBND cấp huyện, cấp xã và các cơ quan có liên quan", candidates: Self.candidates)
        #expect(refs.count == 4)
        #expect(refs[0].resolve(in: Self.candidates) == [1, 2, 3, 4, 5, 6, 7, 8, 9])
        #expect(refs[1].resolve(in: Self.candidates) == [10, 11])
        #expect(refs[2].resolve(in: Self.candidates) == [12, 13])
        #expect(refs[3].resolve(in: Self.candidates) == [], "các cơ quan có liên quan: kept, not resolved")
        #expect(refs.resolve(in: Self.candidates) == Array(1...13))
        #expect(UnitGroup.localities.kinds == UnitGroup.districts.kinds.union(UnitGroup.communes.kinds))
        #expect(UnitGroup.related.kinds.isEmpty && !UnitGroup.related.isResolvable)
        #expect(UnitGroup.offices.kinds == [.department, .office, .board, .bureau])
    }

    @Test func resolvedIdsAreUniqueAndInOrder() {
        let refs = UnitReference.read(["Sở Nội vụ", "Sở, ban, ngành", "Sở Tư pháp"], candidates: Self.candidates)
        #expect(refs.map(\.text) == ["Sở Nội vụ", "Sở, ban, ngành", "Sở Tư pháp"])
        #expect(refs.resolve(in: Self.candidates) == [1, 2, 3, 4, 5, 6, 7, 8, 9])
    }

    @Test func unmatchedNamesAreReportedNotDropped() throws {
        let refs = UnitReference.read("Sở Tư pháp, Công an tỉnh và Bộ Chỉ huy Quân sự tỉnh", candidates: Self.candidates)
        #expect(refs.map(\.text) == ["Sở Tư pháp", "Công an tỉnh", "Bộ Chỉ huy Quân sự tỉnh"])
        #expect(refs.map(\.isUnmatched) == [false, true, true])
        #expect(refs.unmatchedNotes == [
            "Chưa xác định được đơn vị “Công an tỉnh”: không có đơn vị nào tên như vậy.",
            "Chưa xác định được đơn vị “Bộ Chỉ huy Quân sự tỉnh”: không có đơn vị nào tên như vậy.",
        ])
        #expect(refs.resolve(in: Self.candidates) == [3])
        // The whole cell, when "và" splits it into names that do not all match, stays one name.
        let one = UnitReference.read("Ban Chỉ đạo và Tổ giúp việc", candidates: Self.candidates)
        #expect(one.map(\.text) == ["Ban Chỉ đạo và Tổ giúp việc"] && one[0].isUnmatched)
    }

    @Test(arguments: [
        ("Sở Tư pháp tỉnh", "ST-STP"),
        ("SỞ TƯ PHÁP", "ST-STP"),
        ("so tu phap", "ST-STP"),
        ("ST-STP", "ST-STP"),
        ("st-snv", "ST-SNV"),
        ("VP UBND tỉnh", "ST-VP"),
        ("Văn phòng Ủy ban nhân dân tỉnh", "ST-VP"),
        ("Sở TT&TT", "ST-STTTT"),
        ("Sở TT và TT", "ST-STTTT"),
        ("Sở KH&ĐT", "ST-SKHDT"),
        ("Sở GD&ĐT", "ST-SGDDT"),
        ("Sở Giáo dục", "ST-SGDDT"),
        ("UBND thị xã Vĩnh Châu", "ST-TXVC"),
        ("Ủy ban nhân dân thị xã Vĩnh Châu", "ST-TXVC"),
        ("Vĩnh Châu", "ST-TXVC"),
        ("UBND thành phố Sóc Trăng", "ST-TPST"),
        ("UBND tỉnh", "ST"),
    ])
    func namesAndAbbreviations(_ cell: String, _ code: String) throws {
        let refs = UnitReference.read(cell, candidates: Self.candidates, issuer: Self.issuer)
        try #require(refs.count == 1)
        let all = Self.candidates + [Self.issuer]
        guard case .unit(let id) = refs[0].target else {
            Issue.record("“\(cell)”: \(refs[0].target)")
            return
        }
        #expect(all.first { $0.id == id }?.code == code)
        #expect(refs[0].text == cell)
    }

    /// A district's plan (seed 000's Thạch Hà): its offices and communes.
    static let thachHa: [UnitCandidate] = [
        .init(id: 21, code: "HT-THA-VP", name: "Văn phòng HĐND và UBND", kind: .bureau),
        .init(id: 22, code: "HT-THA-NV", name: "Phòng Nội vụ", kind: .office),
        .init(id: 23, code: "HT-THA-TP", name: "Phòng Tư pháp", kind: .office),
        .init(id: 24, code: "HT-THA-TCKH", name: "Phòng Tài chính - Kế hoạch", kind: .office),
        .init(id: 25, code: "HT-THA-VHTT", name: "Phòng Văn hóa - Thông tin", kind: .office),
        .init(id: 26, code: "HT-THA-KTHT", name: "Phòng Kinh tế - Hạ tầng", kind: .office),
        .init(id: 27, code: "HT-THA-TTTHACHHA", name: "Thị trấn Thạch Hà", kind: .township),
        .init(id: 28, code: "HT-THA-THACHDAI", name: "Xã Thạch Đài", kind: .commune),
        .init(id: 29, code: "HT-THA-THACHHAI", name: "Xã Thạch Hải", kind: .commune),
    ]
    static let thachHaIssuer = UnitCandidate(id: 20, code: "HT-THA", name: "Huyện Thạch Hà", kind: .district)

    @Test(arguments: [
        ("Văn phòng HĐND - UBND huyện", ["Văn phòng HĐND - UBND huyện = HT-THA-VP"]),
        ("Văn phòng UBND huyện", ["Văn phòng UBND huyện = HT-THA-VP"]),
        ("Phòng Tài chính", ["Phòng Tài chính = HT-THA-TCKH"]),
        ("Phòng Văn hóa và Thông tin", ["Phòng Văn hóa và Thông tin = HT-THA-VHTT"]),
        ("Phòng VH-TT", ["Phòng VH-TT = HT-THA-VHTT"]),
        ("Phòng Nội vụ; các phòng, ban chuyên môn", ["Phòng Nội vụ = HT-THA-NV", "các phòng, ban chuyên môn = offices"]),
        ("Các phòng chuyên môn thuộc UBND huyện", ["Các phòng chuyên môn thuộc UBND huyện = offices"]),
        ("Các cơ quan chuyên môn", ["Các cơ quan chuyên môn = offices"]),
        ("Phòng Tư pháp, UBND các xã, thị trấn", ["Phòng Tư pháp = HT-THA-TP", "UBND các xã, thị trấn = communes"]),
        ("UBND xã Thạch Đài", ["UBND xã Thạch Đài = HT-THA-THACHDAI"]),
        ("Thạch Hải", ["Thạch Hải = HT-THA-THACHHAI"]),
        ("UBND huyện", ["UBND huyện = HT-THA"]),
        ("UBND huyện Thạch Hà", ["UBND huyện Thạch Hà = HT-THA"]),
        ("UBND thị trấn Thạch Hà", ["UBND thị trấn Thạch Hà = HT-THA-TTTHACHHA"]),
        // The district and its town share the name: ambiguous, reported.
        ("Thạch Hà", ["Thạch Hà = ?"]),
        ("UBND xã", ["UBND xã = ?"]),
        ("Văn phòng", ["Văn phòng = ?"]),
        ("Công chức Văn phòng - Thống kê", ["Công chức Văn phòng - Thống kê = ?"]),
        ("Các sở, ngành liên quan", ["Các sở, ngành liên quan = related"]),
        ("Các sở, Ban Dân tộc", ["Các sở = offices", "Ban Dân tộc = ?"]),
        ("- Phòng Nội vụ\n- Phòng Tư pháp", ["Phòng Nội vụ = HT-THA-NV", "Phòng Tư pháp = HT-THA-TP"]),
        ("Phòng Nội vụ\nPhòng Tư pháp", ["Phòng Nội vụ = HT-THA-NV", "Phòng Tư pháp = HT-THA-TP"]),
        ("Phòng Nội\nvụ", ["Phòng Nội vụ = HT-THA-NV"]),
        ("Phòng Kinh tế - Hạ tầng", ["Phòng Kinh tế - Hạ tầng = HT-THA-KTHT"]),
        ("Phòng Tư pháp - Phòng Nội vụ", ["Phòng Tư pháp = HT-THA-TP", "Phòng Nội vụ = HT-THA-NV"]),
        ("Phòng Tư pháp/Công an huyện", ["Phòng Tư pháp = HT-THA-TP", "Công an huyện = ?"]),
    ])
    func districtPlan(_ cell: String, _ expected: [String]) {
        #expect(Self.described(cell, candidates: Self.thachHa, issuer: Self.thachHaIssuer) == expected)
    }

    @Test func ambiguityAndTheIssuerAreSaid() throws {
        let refs = UnitReference.read("Thạch Hà", candidates: Self.thachHa, issuer: Self.thachHaIssuer)
        #expect(refs.first?.note == "Chưa xác định được đơn vị “Thạch Hà”: khớp với nhiều đơn vị (Thị trấn Thạch Hà, Huyện Thạch Hà).")
        // The issuer need not be among the candidates to be resolved.
        let own = UnitReference.read("UBND huyện", candidates: Self.thachHa, issuer: Self.thachHaIssuer)
        #expect(own.resolve(in: Self.thachHa) == [20])
        // Without the issuer, a bare "UBND huyện" names no one.
        let none = UnitReference.read("UBND huyện", candidates: Self.thachHa)
        #expect(none.first?.note == "Chưa xác định được đơn vị “UBND huyện”: không rõ là Ủy ban nhân dân nào.")
    }

    @Test func codable() throws {
        let refs = UnitReference.read("Sở Tư pháp; UBND cấp xã; Công an tỉnh", candidates: Self.candidates)
        let back = try JSONDecoder().decode([UnitReference].self, from: JSONEncoder().encode(refs))
        #expect(back == refs)
    }
}
