import Foundation
import Fluent
import Testing
import VaporTesting
@testable import CCHCApp
@testable import CCHCDomain

/// The standing agency assigns rows of the form to its offices; offices type only what is theirs.
@Suite("Phân công cơ quan chuyên môn trả lời biểu")
struct SectionAssignmentAppTests {
    @Test func theStandingAgencyAssignsRowsAndOfficesTypeOnlyTheirs() async throws {
        try await withTestApp(now: march10) { app in
            let thachHa = try await app.unit(code: "HT-THA")
            let q1 = try await app.period(issuer: "HT-THA", kind: "Q1")
            let officer = try await TestClient.api(app, "thachha.noivu")
            let path = "/api/v1/units/\(thachHa.id!)/regimes/2021/offices"
            let sheet = try await officer.get(path).json(SectionAssignmentAPI.Assignments.self)
            let office = { (name: String) in sheet.offices.first { $0.name == name }!.id }
            // The demo entered the form's column, with seed 000's 7.2 to the Phòng Kinh tế - Hạ tầng; 7.3–7.7 belong to somebody.
            #expect(sheet.assignments["3"] == office("Văn phòng HĐND và UBND"))
            #expect(sheet.assignments["7.2"] == office("Phòng Kinh tế - Hạ tầng"))
            #expect(sheet.assignments["7.1"] == office("Phòng Văn hóa - Thông tin"))
            #expect(sheet.unmatched.isEmpty)
            // Row 3.4.2 goes to the Phòng Tư pháp; the rest of section 3 stays with the Văn phòng.
            var changed = sheet.assignments
            changed["3.4.2"] = office("Phòng Tư pháp")
            let saved = try await officer.send(.PUT, path, json: SectionAssignmentAPI.Input(assignments: changed))
            #expect(saved.status == .ok)
            let page = try await TestClient.session(app, "thachha.tp.cv").get("/units/\(thachHa.id!)/reports/\(q1.id!)").text
            #expect(page.contains("name=\"n:3.4.2\""))
            #expect(!page.contains("name=\"n:3.4.1\""))
            #expect(page.contains("name=\"v:2.1\""))
            // A code the form does not have, or an office of another district, is refused, naming the row.
            var bad = changed
            bad["9.9"] = office("Phòng Tư pháp")
            let refused = try await officer.send(.PUT, path, json: SectionAssignmentAPI.Input(assignments: bad))
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.text.contains("Dòng 9.9: không có trong biểu CCHC-TK-2021"))
            // A commune cannot read or change the district's assignments.
            let commune = try await TestClient.api(app, "thachdai.cv")
            #expect(try await commune.send(.PUT, path, json: SectionAssignmentAPI.Input(assignments: [:])).status != .ok)
            #expect(try await SectionAssignment.query(on: app.db).count() == changed.count)
            // The page shows the form's office column beside the assigned one, and saves through a form.
            let officerPage = try await TestClient.session(app, "thachha.noivu")
            let html = try await officerPage.get("/units/\(thachHa.id!)/regimes/2021/offices")
            #expect(html.status == .ok)
            #expect(html.text.contains("Cơ quan chuyên môn trả lời các mục của biểu CCHC-TK-2021"))
            #expect(html.text.contains("name=\"office:3.4.2\""))
            let posted = try await officerPage.send(.POST, "/units/\(thachHa.id!)/regimes/2021/offices",
                                                     formPairs: [("office:1", String(office("Phòng Nội vụ"))), ("office:3", String(office("Văn phòng HĐND và UBND")))])
            #expect(posted.status == .seeOther)
            #expect(try await SectionAssignment.query(on: app.db).count() == 2)
        }
    }

    @Test func anOfficesHomeLeadsToItsPartOfTheDistrictsReport() async throws {
        try await withTestApp(now: march10) { app in
            let thachHa = try await app.unit(code: "HT-THA")
            let q1 = try await app.period(issuer: "HT-THA", kind: "Q1")
            let home = try await TestClient.session(app, "thachha.tp.cv").get("/")
            #expect(home.text.contains("Phần cơ quan bạn trả lời trong báo cáo năm 2021 của Huyện Thạch Hà"))
            #expect(home.text.contains("href=\"/units/\(thachHa.id!)/reports/\(q1.id!)\""))
            // A commune's specialist has no such part.
            #expect(!(try await TestClient.session(app, "thachdai.cv").get("/").text.contains("office-part")))
        }
    }
}
