import Foundation
import Fluent
import Testing
import VaporTesting
@testable import CCHCApp
@testable import CCHCDomain

@Suite("Theo dõi nộp: sắp xếp theo mức khẩn")
struct TimelinessSortTests {
    /// Sorting by a period puts the most urgent first, by the domain's own order (Timeliness.severity):
    /// overdue (longest delay first), returned and overdue, late, returned, due soon, not due, on time.
    @Test func sortingByAPeriodPutsTheMostUrgentFirst() async throws {
        try await withTestApp(now: march10.addingTimeInterval(10 * 86_400)) { app in
            let thachHa = try await app.unit(code: "HT-THA")
            let q1 = try await app.period(issuer: "HT-THA", kind: "Q1")
            let api = try await TestClient.api(app, "thachha.noivu")
            let table = try await api.get("/api/v1/units/\(thachHa.id!)/timeliness?year=2021&sort=p\(q1.id!)").json(TimelinessTable.self)
            let severities: [Int] = table.rows.compactMap { row in
                guard let cell = row.cells.first(where: { $0.periodID == q1.id }) else { return nil }
                return ["overdue": 0, "late": 2, "returned": 1, "due_soon": 4, "not_due": 5, "on_time": 6][cell.status]
            }
            #expect(severities.count == table.rows.count)
            #expect(severities.first == 0, "quá hạn chưa nộp phải đứng đầu")
            #expect(severities.last == 6, "nộp đúng hạn phải đứng cuối")
            #expect(zip(severities, severities.dropFirst()).allSatisfy { $0 <= $1 || ($0 == 1 && $1 == 2) || ($0 == 2 && $1 == 1) })
        }
    }
}
