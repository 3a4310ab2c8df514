import Testing
import Foundation
import VaporTesting
import CCHCDomain
@testable import CCHCApp

/// Issue 15 §5, §6 and the menu: actions appear only where they apply (the same rule the server enforces), units in
/// Vietnamese order as a tree, and the menu marks the section a page belongs to.
@Suite("Chỉ hiện điều áp dụng được; thứ tự tiếng Việt; trình đơn", .serialized)
struct OnlyWhatAppliesTests {
    @Test func aCommuneIsOfferedNoToolsOverUnitsBelowIt() async throws {
        try await withTestApp { app in
            let officer = try await TestClient.session(app, "thachha.noivu")
            let commune = try await app.unit(code: "HT-THA-THACHDAI")
            let district = try await app.unit(code: "HT-THA")
            let year = Day(app.clock.now()).year

            // The commune's report list and unit page: no regime, timeliness or consolidation of "its units".
            let list = try await officer.get("/units/\(commune.id!)/reports")
            #expect(list.status == .ok)
            #expect(!list.text.contains("do Xã Thạch Đài ban hành"))
            #expect(!list.text.contains("/units/\(commune.id!)/timeliness"))
            let page = try await officer.get("/units/\(commune.id!)")
            #expect(!page.text.contains("/units/\(commune.id!)/regimes/"))
            #expect(!page.text.contains("/units/\(commune.id!)/consolidation/"))
            // … and the server refuses them the same way, saying why.
            for path in ["/units/\(commune.id!)/regimes/\(year)", "/units/\(commune.id!)/timeliness",
                         "/units/\(commune.id!)/consolidation/\(year)/Q1"] {
                let res = try await officer.get(path)
                #expect(res.status == .notFound, "\(path)")
                #expect(res.text.contains("Xã Thạch Đài báo cáo lên cấp trên"), "\(path)")
            }
            // The district keeps them all.
            let districtPage = try await officer.get("/units/\(district.id!)")
            #expect(districtPage.text.contains("/units/\(district.id!)/timeliness"))
            #expect(try await officer.get("/units/\(district.id!)/regimes/\(year)").status == .ok)
        }
    }

    @Test func unitsAreATreeInVietnameseOrder() async throws {
        try await withTestApp { app in
            let officer = try await TestClient.session(app, "thachha.noivu")
            let text = try await officer.get("/units").text
            func at(_ name: String) throws -> String.Index { try #require(text.range(of: ">\(name)</a>")?.lowerBound, "\(name)") }
            // Đ after D and before L; communes before the district's offices; children right under their parent.
            #expect(try at("Huyện Thạch Hà") < at("Xã Đỉnh Bàn"))
            #expect(try at("Xã Đỉnh Bàn") < at("Xã Lưu Vĩnh Sơn"))
            #expect(try at("Xã Thạch Đài") < at("Phòng Nội vụ"))
            let province = try await TestClient.session(app, "hatinh.noivu").get("/units").text
            func pat(_ name: String) throws -> String.Index { try #require(province.range(of: ">\(name)</a>")?.lowerBound, "\(name)") }
            // Every Nghi Xuân commune comes before Huyện Thạch Hà (Nghi Xuân sorts first), not indented under it.
            #expect(try pat("Huyện Nghi Xuân") < pat("Xã Cổ Đạm"))
            #expect(try pat("Xã Cổ Đạm") < pat("Huyện Thạch Hà"))
        }
    }

    @Test func theMenuMarksTheSectionOfThePage() async throws {
        #expect(MenuSection.of(path: "/units/17/reports/29") == [.reports])
        #expect(MenuSection.of(path: "/units/4/timeliness") == [.timeliness, .reports])
        #expect(MenuSection.of(path: "/units/4/consolidation/2021/Q1") == [.timeliness, .reports])
        #expect(MenuSection.of(path: "/units/4") == [.units])
        #expect(MenuSection.of(path: "/") == [.work])
        try await withTestApp { app in
            let commune = try await app.unit(code: "HT-THA-THACHDAI")
            let district = try await app.unit(code: "HT-THA")
            func marked(_ html: String) -> [String] {
                html.components(separatedBy: "aria-current=\"page\">").dropFirst().compactMap { $0.components(separatedBy: "<").first }
            }
            let officer = try await TestClient.session(app, "thachha.noivu")
            // A commune's report list, seen by the district: "Báo cáo", not "Đơn vị".
            #expect(marked(try await officer.get("/units/\(commune.id!)/reports").text) == ["Báo cáo"])
            #expect(marked(try await officer.get("/units/\(district.id!)/timeliness").text) == ["Theo dõi nộp"])
            #expect(marked(try await officer.get("/units").text) == ["Đơn vị"])
            // A leader has no "Theo dõi nộp" in the menu: the timeliness page falls under "Báo cáo".
            let leader = try await TestClient.session(app, "thachha.ld")
            #expect(marked(try await leader.get("/units/\(district.id!)/timeliness").text) == ["Báo cáo"])
        }
    }
}
