import Testing
import Foundation
import VaporTesting
import Fluent
import CCHCDomain
@testable import CCHCApp

/// The forms page for people (issue 15 §7): a readable editor that saves through the import's checks, and a preview of
/// the form as a unit fills it.
@Suite("Biểu mẫu: sửa trên trang, xem trước", .serialized)
struct FormEditorTests {
    @Test func anAdministratorEditsRowsAndRulesAndPreviews() async throws {
        try await withTestApp { app in
            let record = try #require(try await FormRecord.query(on: app.db).filter(\.$code == "CCHC-TK-2021").first())
            let id = try record.requireID()
            let before = try record.definition()
            let admin = try await TestClient.session(app, "admin")

            let page = try await admin.get("/forms/\(id)/edit")
            #expect(page.status == .ok)
            #expect(page.text.contains("name=\"name:1.1.1\""))
            #expect(page.text.contains("aria-label=\"Cách tổng hợp dòng 1.1.1\""))

            // A name, a unit, a rule added; the typed kind default stays unwritten.
            let first = try #require(before.indicators.first { $0.code == "1.1.1" })
            var pairs: [(String, String)] = [("revision", String(record.revision)), ("title", before.title),
                                             ("name:1.1.1", first.name + " (sửa)"), ("unit:1.1.1", "Nhiệm vụ"), ("rule:1.1.1", "sum")]
            for r in before.rules { pairs += [("expr", r.expr), ("message", r.message)] }
            pairs += [("expr", "[1.1.2] <= [1.1.1] + 100"), ("message", "Quy tắc thêm trên trang.")]
            let saved = try await admin.send(.POST, "/forms/\(id)/edit", formPairs: pairs)
            #expect(saved.status == .seeOther)
            let after = try #require(try await FormRecord.find(id, on: app.db))
            let form = try after.definition()
            #expect(after.revision == record.revision + 1)
            #expect(form.indicators.first { $0.code == "1.1.1" }?.name == first.name + " (sửa)")
            #expect(form.indicators.first { $0.code == "1.1.1" }?.consolidate == nil)
            #expect(form.rules.count == before.rules.count + 1)
            #expect(form.rules.last?.message == "Quy tắc thêm trên trang.")
            // Who did it is in the log, as for an import.
            #expect(try await AuditEvent.query(on: app.db).filter(\.$entity == "form").count() > 0)

            // A rule that does not parse: refused, named, the typing kept, nothing saved.
            let bad = try await admin.send(.POST, "/forms/\(id)/edit", formPairs: [("revision", String(after.revision)),
                                                                                  ("expr", "[1.1.2] <=="), ("message", "Hỏng")])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.text.contains("error-summary"))
            #expect(bad.text.contains("value=\"[1.1.2] &lt;==\"") || bad.text.contains("value=\"[1.1.2] <==\""))
            #expect(try await FormRecord.find(id, on: app.db)?.revision == after.revision)

            // The preview: every input row with a named box, nothing to save.
            let preview = try await admin.get("/forms/\(id)/preview")
            #expect(preview.status == .ok)
            #expect(preview.text.contains("aria-label=\"1.1.2\""))
            let previewForm = try #require(preview.text.components(separatedBy: "<form class=\"report-form\"").last)
            #expect(!previewForm.contains("type=\"submit\"") && !previewForm.contains("<button"))

            // A district's standing agency may not change the shared form: no link, and the server refuses.
            let officer = try await TestClient.session(app, "thachha.noivu")
            #expect(!(try await officer.get("/forms/\(id)").text.contains("/forms/\(id)/edit")))
            #expect(try await officer.get("/forms/\(id)/edit").status == .forbidden)
            #expect(try await officer.send(.POST, "/forms/\(id)/edit", formPairs: [("title", "x")]).status == .forbidden)
        }
    }
}
