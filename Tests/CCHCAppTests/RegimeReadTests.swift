import Foundation
import Testing
import VaporTesting
@testable import CCHCApp
@testable import CCHCDomain

/// `cchc regime read`, `POST /api/v1/regimes/read` and the regime page's paste box: the seeds' regime passages
/// (Fixtures/regime-passages, verbatim) give exactly the regimes the demo holds.
@Suite("Đọc chế độ báo cáo từ văn bản hướng dẫn")
struct RegimeReadTests {
    static let passages = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/regime-passages")
    /// Passage file, issuer code in the demo, notes expected.
    static let seeds: [(String, String, [String])] = [
        ("000-thach-ha.txt", "HT-THA", ["Khoảng báo cáo bổ sung “từ 01/12/2021 đến 14/12/2021” không gắn với kỳ báo cáo nào; chưa dùng."]),
        ("002-an-khe.txt", "GL-AKH", []),
        ("004-soc-trang.txt", "ST", []),
    ]

    static func demoPeriods(_ code: String) throws -> [ReportingPeriod] {
        let spec = try #require(DemoReporting.regimes.first { $0.issuerCode == code })
        return spec.periods.map { p in
            ReportingPeriod(kind: PeriodKind(code: p.0)!, from: Day(vietnamese: p.1)!, to: Day(vietnamese: p.2)!, deadline: Day(vietnamese: p.3)!,
                            estimateFrom: p.4.flatMap { Day(vietnamese: $0) }, estimateTo: p.5.flatMap { Day(vietnamese: $0) })
        }
    }

    static func text(_ file: String) throws -> String {
        try String(contentsOf: passages.appendingPathComponent(file), encoding: .utf8)
    }

    @Test func commandReadsTheSeedPassagesIntoTheDemoRegimes() throws {
        for (file, code, expectedNotes) in Self.seeds {
            var out: [String] = []
            var err: [String] = []
            let status = RegimeFileRead.run(path: Self.passages.appendingPathComponent(file).path, year: nil, issuer: "Đơn vị thử",
                                            output: { out.append($0) }, error: { err.append($0) })
            #expect(status == (expectedNotes.isEmpty ? 0 : 1), "\(file)")
            #expect(err == expectedNotes)
            let json = out.joined(separator: "\n")
            let regime = try JSONDecoder().decode(Regime.self, from: Data(json.utf8))
            #expect(regime.periods == (try Self.demoPeriods(code)), "\(file)")
            #expect(regime.deadlineDay == DemoReporting.regimes.first { $0.issuerCode == code }?.deadlineDay)
            #expect(regime.issuer == "Đơn vị thử" && regime.year == 2021)
            // README's regime JSON: days as YYYY-MM-DD, keys sorted, pretty.
            #expect(json.contains("\"2020-12-15\"") && json.contains("\n"))
            let keys = ["\"deadlineDay\"", "\"issuer\"", "\"periods\"", "\"year\""].compactMap { json.range(of: $0)?.lowerBound }
            #expect(keys.count == 4 && keys == keys.sorted())
        }
    }

    @Test func commandExitCodes() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("regime-read-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let noYear = dir.appendingPathComponent("no-year.txt")
        try Data("Kỳ báo cáo quý I: từ ngày 15/12 năm trước đến ngày 14/3; hạn gửi: ngày 18.".utf8).write(to: noYear)
        try Data([0xff, 0xfe, 0x00, 0xd8]).write(to: dir.appendingPathComponent("binary.txt"))
        var out: [String] = []
        var err: [String] = []
        #expect(RegimeFileRead.run(path: noYear.path, year: nil, issuer: nil, output: { out.append($0) }, error: { err.append($0) }) == 1)
        #expect(out.isEmpty && err == ["Không xác định được năm của chế độ báo cáo: văn bản không ghi năm; hãy cho biết năm (--year)."])
        err = []
        // With the year: Quý I read; the other standard periods are said to be missing.
        #expect(RegimeFileRead.run(path: noYear.path, year: 2024, issuer: nil, output: { out.append($0) }, error: { err.append($0) }) == 1)
        let regime = try JSONDecoder().decode(Regime.self, from: Data(out.joined(separator: "\n").utf8))
        #expect(regime.period(.q1) == ReportingPeriod(kind: .q1, from: Day(2023, 12, 15)!, to: Day(2024, 3, 14)!, deadline: Day(2024, 3, 18)!))
        #expect(err.count == 3 && err.allSatisfy { $0.hasSuffix("văn bản không nêu kỳ báo cáo này.") })
        err = []
        let unreadable: [(URL, Int?)] = [(dir.appendingPathComponent("missing.txt"), nil), (dir.appendingPathComponent("binary.txt"), nil), (noYear, 1999)]
        for (file, year) in unreadable {
            #expect(RegimeFileRead.run(path: file.path, year: year, issuer: nil, output: { _ in }, error: { err.append($0) }) == 2)
        }
        #expect(err.count == 3)
    }

    @Test func apiReadsAndRefusesWhatItCannotTake() async throws {
        try await withTestApp { app in
            let officer = try await TestClient.api(app, "thachha.noivu")
            struct Input: Content { var text: String; var year: Int? }
            let res = try await officer.send(.POST, "/api/v1/regimes/read", json: Input(text: try Self.text("002-an-khe.txt"), year: nil))
            #expect(res.status == .ok)
            let result = try res.json(ReportingAPI.RegimeReadResult.self)
            #expect(result.regime?.periods == (try Self.demoPeriods("GL-AKH")))
            #expect(result.notes.isEmpty)
            let none = try await officer.send(.POST, "/api/v1/regimes/read", json: Input(text: "Kỳ báo cáo quý I: hạn gửi ngày 18.", year: nil))
            let unread = try none.json(ReportingAPI.RegimeReadResult.self)
            #expect(none.status == .ok && unread.regime == nil && unread.notes.count == 1)
            #expect(try await officer.send(.POST, "/api/v1/regimes/read", json: Input(text: "  ", year: nil)).status == .unprocessableEntity)
            #expect(try await officer.send(.POST, "/api/v1/regimes/read", json: Input(text: "Quý I", year: 1999)).status == .unprocessableEntity)
            #expect(try await TestClient(app).send(.POST, "/api/v1/regimes/read", json: Input(text: "Quý I", year: nil)).status == .unauthorized)
        }
    }

    @Test func pageFillsTheRegimeFromThePastedTextAndSavesNothing() async throws {
        try await withTestApp { app in
            let thachHa = try await app.unit(code: "HT-THA")
            let path = "/units/\(thachHa.id!)/regimes/2021"
            let officer = try await TestClient.session(app, "thachha.noivu")
            #expect(try await officer.get(path).text.contains("Dán văn bản hướng dẫn"))
            let audit = try await app.auditCount()
            let text = """
                Báo cáo quý III: số liệu từ 16/6 đến 15/9, nộp trước ngày 20 tháng 9.
                Báo cáo năm: số liệu tính từ 16/12/2020 đến 15/11/2021; báo cáo năm gửi trước ngày 10/12/2021.
                """
            let res = try await officer.send(.POST, path + "/read", form: ["text": text])
            #expect(res.status == .ok)
            let page = res.text
            // Filled from the draft, the notes listed, the text kept in the box.
            #expect(page.contains("name=\"from:Q3\" value=\"16/06/2021\"") && page.contains("name=\"deadline:Y\" value=\"10/12/2021\""))
            #expect(page.contains("name=\"from:Q1\" value=\"\""))
            #expect(page.contains("Quý I: văn bản không nêu kỳ báo cáo này."))
            #expect(page.contains("báo cáo năm gửi trước ngày 10/12/2021.</textarea>"))
            #expect(page.contains("chưa có gì được lưu"))
            // Nothing saved, nothing audited.
            let regime = try await officer.get(path).text
            #expect(regime.contains("name=\"from:Q3\" value=\"15/06/2021\""))
            #expect(try await app.auditCount() == audit)
            #expect(try await officer.send(.POST, path + "/read", form: ["text": " "]).status == .unprocessableEntity)
            // A commune's account manages no district regime.
            let commune = try await TestClient.session(app, "thachdai.cv")
            #expect(try await commune.send(.POST, path + "/read", form: ["text": text]).status != .ok)
        }
    }
}
