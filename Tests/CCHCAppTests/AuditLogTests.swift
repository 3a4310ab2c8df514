import Testing
import Foundation
import VaporTesting
import CCHCOffice
@testable import CCHCApp

/// The audit log read by people (issue 15 §7): in words, filterable by kind, person, unit and date, out as .xlsx, and
/// scoped like everything else.
@Suite("Nhật ký thao tác bằng lời", .serialized)
struct AuditLogTests {
    @Test func theLogReadsInWordsAndFilters() async throws {
        try await withTestApp { app in
            let district = try await TestClient.session(app, "thachha.noivu")
            let leader = try await app.user("dinhban.ld")

            // In words: the person's name, the action lowered into a sentence, Quý I with its capitals; no codes.
            let page = try await district.get("/audit")
            #expect(page.status == .ok)
            #expect(page.text.contains("\(leader.fullName) ký, gửi báo cáo"))
            #expect(page.text.contains("<td>Ký, gửi báo cáo</td>"))
            #expect(!page.text.contains("report.submit"))
            #expect(!page.text.contains("quý i/"))
            // Sign-ins are most of the log: hidden until asked for.
            #expect(!page.text.contains("đăng nhập từ"))
            let signIns = try await district.get("/audit?kind=signin")
            #expect(signIns.text.contains("đăng nhập từ"))
            #expect(!signIns.text.contains("ký, gửi báo cáo"))

            // By person: only the leader's actions.
            let byLeader = try await district.get("/audit?user=dinhban.ld&kind=report")
            #expect(byLeader.text.contains("\(leader.fullName) ký, gửi báo cáo Quý I/2021 của Xã Đỉnh Bàn"))
            #expect(!byLeader.text.contains("Tiếp nhận báo cáo"))
            #expect(byLeader.text.contains("<option value=\"dinhban.ld\" selected>"))

            // By date: nothing before the reports were written.
            let early = try await district.get("/audit?kind=report&to=01/01/2020")
            #expect(early.text.contains("Không có thao tác nào khớp bộ lọc"))

            // The same, as an .xlsx an independent reader opens.
            let file = try await district.get("/audit/export.xlsx?kind=report")
            #expect(file.status == .ok)
            let sheet = try #require(try XLSXReader.read(Data(buffer: file.body)).first)
            let values = Set(sheet.cells.values)
            #expect(values.contains("Ký, gửi báo cáo"))
            #expect(values.contains(leader.fullName))
            #expect(values.contains { $0.hasPrefix("Ký, gửi báo cáo Quý I/2021 của Xã Đỉnh Bàn") })
            #expect(!values.contains("Đăng nhập"))

            // Scoped: a commune sees its own events, not its neighbour's, on the page and in the file.
            let commune = try await TestClient.session(app, "dinhban.cv")
            let own = try await commune.get("/audit?kind=report")
            #expect(own.text.contains("Xã Đỉnh Bàn"))
            #expect(!own.text.contains("Xã Lưu Vĩnh Sơn"))
            let ownFile = try await commune.get("/audit/export.xlsx")
            let ownValues = try XLSXReader.read(Data(buffer: ownFile.body)).flatMap { $0.cells.values }
            #expect(!ownValues.contains { $0.contains("Lưu Vĩnh Sơn") })

            // The API says the same in words.
            let api = try await TestClient.api(app, "thachha.noivu")
            let events = try await api.get("/api/v1/audit?kind=report&user=dinhban.ld").json([AuditEventDTO].self)
            #expect(!events.isEmpty)
            #expect(events.allSatisfy { $0.action.hasPrefix("report.") })
            #expect(events.contains { $0.actionLabel == "Ký, gửi báo cáo" })
        }
    }

    @Test func aSentenceLowersOnlyAVerb() {
        #expect(AuditWords.sentence(person: "Nguyễn Văn A", summary: "Tiếp nhận báo cáo Quý I/2021 của Xã B")
            == "Nguyễn Văn A tiếp nhận báo cáo Quý I/2021 của Xã B")
        #expect(AuditWords.sentence(person: "Nguyễn Văn A", summary: "Xã C sáp nhập vào Xã D từ ngày 01/07/2025")
            == "Nguyễn Văn A: Xã C sáp nhập vào Xã D từ ngày 01/07/2025")
        #expect(AuditWords.label("report.submit") == "Ký, gửi báo cáo")
        #expect(AuditWords.value("submitted → accepted") == "Đã gửi → Đã tiếp nhận")
    }
}
