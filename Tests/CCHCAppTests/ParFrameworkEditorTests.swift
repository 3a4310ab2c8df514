import Testing
import Foundation
import VaporTesting
import Fluent
import CCHCDomain
@testable import CCHCApp

/// A PAR-index framework for people (issue 15 §7): a readable editor that saves through the JSON's checks and revision,
/// and a preview of the self-assessment as a unit fills it.
@Suite("Bộ tiêu chí chỉ số CCHC: sửa trên trang, xem trước", .serialized)
struct ParFrameworkEditorTests {
    @Test func theStandingAgencyEditsCriteriaAndClassesAndPreviews() async throws {
        try await withTestApp(now: ParIndexJourneyTests.december) { app in
            let officer = try await TestClient.session(app, "thachha.noivu")
            #expect(try await officer.send(.POST, "/par/frameworks", form: ["json": ParIndexJourneyTests.framework]).status == .seeOther)
            let record = try #require(try await ParFrameworkRecord.query(on: app.db).filter(\.$code == "TH-XA").first())
            let id = try record.requireID()
            let before = try record.framework()

            let shown = try await officer.get("/par/frameworks/\(id)")
            #expect(shown.text.contains("/par/frameworks/\(id)/edit") && shown.text.contains("/par/frameworks/\(id)/preview"))
            let page = try await officer.get("/par/frameworks/\(id)/edit")
            #expect(page.status == .ok)
            #expect(page.text.contains("aria-label=\"Điểm tối đa tiêu chí A3\""))
            #expect(page.text.contains("name=\"na:B2\" style=\"width:auto\" checked"))

            // A name, a maximum with a decimal comma, evidence, "không phát sinh" cleared, a class renamed and one added.
            var pairs: [(String, String)] = [("revision", String(record.revision)), ("title", before.title),
                                             ("name:A2", "Tin, bài tuyên truyền CCHC trên cổng thông tin"), ("max:A2", "2,5"),
                                             ("evidence:A2", "Danh sách tin, bài đã đăng"), ("office:A2", "")]
            pairs += [("classLabel", "Xuất sắc"), ("classMin", "9,5"), ("classLabel", "Tốt"), ("classMin", "8"),
                      ("classLabel", "Khá"), ("classMin", "6"), ("classLabel", ""), ("classMin", "")]
            let saved = try await officer.send(.POST, "/par/frameworks/\(id)/edit", formPairs: pairs)
            #expect(saved.status == .seeOther)
            let after = try #require(try await ParFrameworkRecord.find(id, on: app.db))
            let f = try after.framework()
            #expect(after.revision == record.revision + 1)
            let a2 = try #require(f.criteria.first { $0.code == "A2" })
            #expect(a2.name == "Tin, bài tuyên truyền CCHC trên cổng thông tin")
            #expect(a2.max == 2.5)
            #expect(a2.evidence == "Danh sách tin, bài đã đăng")
            #expect(a2.office == nil)
            #expect(a2.method == before.criteria.first { $0.code == "A2" }?.method)
            #expect(f.criteria.first { $0.code == "B2" }?.notApplicableFull == nil)
            #expect(f.classes.map(\.label) == ["Xuất sắc", "Tốt", "Khá"])
            #expect(f.classes.map(\.min) == [9.5, 8, 6])
            // A class kept under its name keeps its extra condition.
            #expect(f.classes[1].everyCriterionMinShare == nil && f.classes[0].everyCriterionMinShare == nil)
            #expect(try await AuditEvent.query(on: app.db).filter(\.$entity == "par_framework").count() > 0)

            // A maximum that is not a number, and one below a level's points: refused, named, typing kept, nothing saved.
            let bad = try await officer.send(.POST, "/par/frameworks/\(id)/edit", formPairs: [
                ("revision", String(after.revision)), ("title", f.title), ("max:A2", "hai"), ("name:A1", "Ban hành kế hoạch (sửa)")])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.text.contains("Điểm tối đa tiêu chí A2: “hai” không phải là số điểm"))
            #expect(bad.text.contains(">Ban hành kế hoạch (sửa)</textarea>"))
            let low = try await officer.send(.POST, "/par/frameworks/\(id)/edit", formPairs: [
                ("revision", String(after.revision)), ("title", f.title), ("max:A3", "1")])
            #expect(low.status == .unprocessableEntity)
            #expect(low.text.contains("Tiêu chí A3"))
            #expect(low.text.contains("vượt điểm tối đa 1"))
            // A stale revision is refused, not written over.
            let stale = try await officer.send(.POST, "/par/frameworks/\(id)/edit", formPairs: [
                ("revision", String(record.revision)), ("title", "Tên khác")])
            #expect(stale.status == .unprocessableEntity || stale.status == .conflict)
            #expect(try await ParFrameworkRecord.find(id, on: app.db)?.revision == after.revision)

            // The preview: a box for each scored criterion with the self-assessment's hint, the system's rows named, nothing to save.
            let preview = try await officer.get("/par/frameworks/\(id)/preview")
            #expect(preview.status == .ok)
            #expect(preview.text.contains("aria-label=\"Tự chấm tiêu chí A2\""))
            let hint = HTML.escape(ParInputText.hint(for: try #require(f.criteria.first { $0.code == "A3" })))
            #expect(preview.text.contains("aria-label=\"Tự chấm tiêu chí A3\" placeholder=\"\(hint)\""))
            #expect(hint.contains("kịp thời"))
            #expect(preview.text.contains("Hệ thống tính"))
            let previewForm = try #require(preview.text.components(separatedBy: "<form action=\"#\"").last)
            #expect(!previewForm.contains("type=\"submit\"") && !previewForm.contains("<button"))

            // A commune's staff may read the framework and its preview but not edit it.
            let commune = try await TestClient.session(app, "thachdai.cv")
            #expect(try await commune.get("/par/frameworks/\(id)/edit").status == .forbidden)
            #expect(try await commune.send(.POST, "/par/frameworks/\(id)/edit", formPairs: [("title", "x")]).status == .forbidden)
            #expect(!(try await commune.get("/par/frameworks/\(id)").text.contains("/par/frameworks/\(id)/edit")))
        }
    }
}
