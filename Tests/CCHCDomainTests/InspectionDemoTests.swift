import Foundation
import Testing
@testable import CCHCDomain

/// The demo of issue 12 (Sources/CCHCApp/Resources/Demo/nghi-xuan-2022-inspection.json, written by
/// scripts/make_demo_inspection.py): Nghi Xuân's 2022 inspection plan from seed 003 read as the domain reads it, and block 1.2
/// of the Q3 2022 report recounted from the file's visits and findings with `InspectionCounts`.
@Suite("Kiểm tra CCHC: dữ liệu demo huyện Nghi Xuân 2022 (seed 003)")
struct InspectionDemoTests {
    struct DemoFile: Decodable {
        struct Finding: Decodable {
            var area: ReformArea
            var severity: String
            var fixedOn: Day?
            var verifiedOn: Day?
        }
        struct Visit: Decodable {
            var unit: String
            var date: Day
            var movedFrom: Day?
            var preReportSentAt: String?
            var concludedOn: Day?
            var findings: [Finding]
        }
        struct SelfReport: Decodable {
            var unit: String
            var round: Int
            var sentAt: String?
        }
        struct Counts: Decodable, Equatable {
            var inScope, inspected, found, resolved: Int
        }
        var plan: InspectionPlanDocument
        var selfReports: [SelfReport]
        var visits: [Visit]
        var adHoc: [Visit]
        var expectedQ3: Counts
    }

    static let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/CCHCApp/Resources/Demo/nghi-xuan-2022-inspection.json")
    /// The Q3 window of the demo: "từ ngày 15/12 năm trước đến ngày 14/9" (seed 000).
    static let window = (from: Day(2021, 12, 15)!, through: Day(2022, 9, 14)!)

    struct NotAMoment: Error { var text: String }

    let demo: DemoFile

    init() throws {
        demo = try JSONDecoder().decode(DemoFile.self, from: Data(contentsOf: Self.url))
    }

    func moment(_ text: String?) throws -> Date? {
        guard let text else { return nil }
        guard let date = ISO8601DateFormatter().date(from: text) else { throw NotAMoment(text: text) }
        return date
    }

    @Test func thePlanIsSeed003sAndHasNoProblems() throws {
        let plan = demo.plan
        #expect(plan.problems().isEmpty, "\(plan.problems().map(\.message))")
        #expect(plan.unit == "HT-NXU" && plan.year == 2022 && plan.preVisitDays == 3 && plan.remediationDays == 15)
        let first = try #require(plan.rounds.first { $0.number == 1 })
        let second = try #require(plan.rounds.first { $0.number == 2 })
        // "Trước ngày 20/5/2022": the 19th is the last day on time; round 2's date is set by the PAR-index plan.
        #expect(first.selfLastDay == Day(2022, 5, 19)!)
        #expect(second.selfDue == nil && second.selfDueNote != nil)
        #expect(second.scope.required(of: 17) == 17)
        #expect(Set(ReformArea.allCases).isSubset(of: Set(plan.checklist.map(\.area))))
        // The round-1 scope lists the units visited in round 1, all of them among the 17 of round 2.
        let all = Set(second.scope.units ?? [])
        #expect(Set(first.scope.units ?? []) == Set(demo.visits.map(\.unit)))
        #expect(Set(demo.visits.map(\.unit) + demo.adHoc.map(\.unit)).isSubset(of: all))
    }

    @Test func selfReportsAreJudgedInVietnamTime() throws {
        let last = try #require(demo.plan.rounds.first { $0.number == 1 }?.selfLastDay)
        var timely: [Bool?] = []
        for report in demo.selfReports { timely.append(InspectionRules.onTime(sent: try moment(report.sentAt), lastDay: last)) }
        #expect(Set(demo.selfReports.map(\.unit)) == Set(demo.plan.rounds.first { $0.number == 2 }?.scope.units ?? []))
        #expect(timely.filter { $0 == true }.count == 13)
        #expect(timely.filter { $0 == false }.count == 3)
        #expect(timely.filter { $0 == nil }.count == 1)
    }

    @Test func theMovedVisitMovedItsPreVisitDeadline() throws {
        let days = demo.plan.preVisitDays
        let moved = try #require(demo.visits.first { $0.movedFrom != nil })
        let sent = try #require(try moment(moved.preReportSentAt))
        let first = try #require(moved.movedFrom)
        let before = try #require(InspectionRules.preVisitDue(visit: first, days: days))
        let after = try #require(InspectionRules.preVisitDue(visit: moved.date, days: days))
        #expect(InspectionRules.onTime(sent: sent, lastDay: before) == false)
        #expect(InspectionRules.onTime(sent: sent, lastDay: after) == true)
        var late = 0
        for v in demo.visits {
            let due = try #require(InspectionRules.preVisitDue(visit: v.date, days: days))
            if InspectionRules.onTime(sent: try moment(v.preReportSentAt), lastDay: due) == false { late += 1 }
        }
        #expect(late == 1)
        #expect(demo.visits.filter { $0.preReportSentAt == nil }.count == 1)
    }

    @Test func exactlyOneFindingIsOverdueAtTheCutOff() throws {
        let today = Self.window.through
        var states: [FindingState] = []
        for v in demo.visits + demo.adHoc {
            let concluded = try #require(v.concludedOn)
            let due = InspectionRules.remediationDue(conclusion: concluded, days: demo.plan.remediationDays)
            for f in v.findings {
                let verified = f.verifiedOn.map { $0 <= today } ?? false
                let status: FindingStatus = verified ? .verified : (f.fixedOn == nil ? .open : .fixed)
                states.append(FindingState.of(status: status, due: due, fixedOn: f.fixedOn, today: today))
            }
        }
        #expect(states.filter(\.isOverdue).count == 1)
        #expect(states.contains { $0.status == .verified && $0.lateDays > 0 })
        #expect(states.contains { $0.status == .fixed && $0.lateDays == 0 })
    }

    @Test func blockOnePointTwoRecountedEqualsTheExpectedCounts() throws {
        let inScope = Set(demo.plan.rounds.flatMap { $0.scope.units ?? [] })
        var ids: [String: Int] = [:]
        for code in inScope.sorted() { ids[code] = ids.count }
        var visits: [InspectionCounts.Visit] = []
        var findings: [InspectionCounts.Finding] = []
        for v in demo.visits + demo.adHoc {
            visits.append(.init(unitID: try #require(ids[v.unit], "\(v.unit) not in scope"), concludedOn: v.concludedOn))
            guard let concluded = v.concludedOn else { continue }
            findings += v.findings.map { InspectionCounts.Finding(foundOn: concluded, verifiedOn: $0.verifiedOn) }
        }
        let counts = InspectionCounts.count(from: Self.window.from, through: Self.window.through, inScope: inScope.count,
                                            visits: visits, findings: findings)
        let expected = demo.expectedQ3
        #expect(counts == InspectionCounts(inScope: expected.inScope, inspected: expected.inspected, found: expected.found,
                                           resolved: expected.resolved))
        // The ad-hoc inspection went to a unit already visited: one unit, two conclusions.
        #expect(counts.inspected < demo.visits.count + demo.adHoc.count)
        #expect(counts.resolved < counts.found)
    }
}
