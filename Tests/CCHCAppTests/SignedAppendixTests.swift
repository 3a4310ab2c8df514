import Foundation
import Fluent
import Testing
import VaporTesting
import ZIPFoundation
@testable import CCHCApp
@testable import CCHCDomain

/// The appendix the district's leader signs is the one sent, whatever reports arrive afterwards (issue 9).
@Suite("Phụ lục đã ký là phụ lục gửi đi")
struct SignedAppendixTests {
    static func documentXML(_ client: TestClient, _ path: String) async throws -> String {
        let docx = try await client.get(path + "/export.docx")
        #expect(docx.status == .ok)
        let archive = try Archive(data: Data(buffer: docx.body), accessMode: .read, pathEncoding: nil)
        var xml = Data()
        _ = try archive.extract(try #require(archive["word/document.xml"])) { xml.append($0) }
        return String(decoding: xml, as: UTF8.self)
    }

    @Test func theSignedAppendixDoesNotMoveWhenMoreReportsArrive() async throws {
        try await withTestApp(now: march10) { app in
            let thachHa = try await app.unit(code: "HT-THA")
            let q1 = try await app.period(issuer: "HT-THA", kind: "Q1")
            let path = "/units/\(thachHa.id!)/reports/\(q1.id!)"
            let before = try await ConsolidationService.consolidate(jurisdiction: thachHa, year: 2021, kind: .q1, on: app.db)
            let signedTasks = try #require(before.figures.first { $0.code == "1.1.1" }?.display)
            let ld = try await TestClient.session(app, "thachha.ld")
            #expect(try await ld.send(.POST, path + "/actions/submit", form: ["docNumber": "45/BC-UBND", "docDate": "10/03/2021"]).status == .seeOther)
            let report = try #require(try await Report.query(on: app.db).filter(\.$unit.$id == thachHa.id!).first())
            #expect(report.appendixJSON?.contains("\"1.1.1\":\"\(signedTasks)\"") == true)

            // Xã Thạch Đài reports afterwards: the area's figures move, the signed appendix does not.
            let thachDai = try await app.unit(code: "HT-THA-THACHDAI")
            let commune = try Report(unit: thachDai, periodID: q1.id!, formID: report.$form.id)
            commune.state = .submitted
            commune.firstSubmittedAt = march10
            commune.submittedAt = march10
            try await commune.create(on: app.db)
            try await ReportValue(reportID: commune.id!, code: "1.1.1", value: .init(number: 1_000)).create(on: app.db)
            try await ConsolidationPartials.rebuildAll(on: app.db)
            let after = try await ConsolidationService.consolidate(jurisdiction: thachHa, year: 2021, kind: .q1, on: app.db)
            let liveTasks = try #require(after.figures.first { $0.code == "1.1.1" }?.display)
            #expect(liveTasks != signedTasks)
            let xml = try await Self.documentXML(ld, path)
            #expect(xml.contains(">\(signedTasks)<"))
            // Signed by the chairman seed 000 names, not by a post.
            #expect(xml.contains(">Trần Việt Hà<"))
            #expect(!xml.contains(">\(liveTasks)<"))
        }
    }
}
