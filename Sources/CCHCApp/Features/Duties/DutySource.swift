import Fluent
import Foundation
import CCHCDomain

/// The units and the days duties are asked for, and the moment they are judged at.
struct DutyScope: Sendable {
    var units: [Unit]
    /// Duties due from this day …
    var from: Day
    /// … through this day.
    var through: Day
    var now: Date

    var unitIDs: [Int] { units.compactMap(\.id) }
    var years: ClosedRange<Int> { from.year...through.year }
    func covers(_ day: Day) -> Bool { from <= day && day <= through }
    func unit(_ id: Int) -> Unit? { units.first { $0.id == id } }
}

/// One kind of dated duty: where it is stored and how it reads as `Duty`. A new kind plugs in by implementing this and
/// being listed in `DutyRegistry.sources`; the work list, the calendar feeds and the reminders take it from there.
protocol DutySource {
    static func duties(_ scope: DutyScope, on db: any Database) async throws -> [Duty]
}

/// Every duty source, and the duties of a scope from all of them.
enum DutyRegistry {
    static let sources: [any DutySource.Type] = [
        ReportDuties.self, PlanIssuanceDuties.self, PlanTaskDuties.self,
        SelfInspectionDuties.self, PreVisitDuties.self, RemediationDuties.self, ParDuties.self,
    ]

    static func duties(_ scope: DutyScope, on db: any Database) async throws -> [Duty] {
        guard !scope.units.isEmpty else { return [] }
        var out: [Duty] = []
        for source in sources { out += try await source.duties(scope, on: db) }
        return DutyOrder.sorted(out.filter { scope.covers($0.dueDay) }, now: scope.now)
    }

    /// A unit's duties in the years around today (last year's open ones still count): the work list's and the feeds' range.
    static func around(_ units: [Unit], now: Date, on db: any Database) async throws -> [Duty] {
        let year = Day(now).year
        return try await duties(DutyScope(units: units, from: Day(year - 1, 1, 1)!, through: Day(year + 1, 12, 31)!, now: now), on: db)
    }
}

extension Date {
    /// A day's moment for something recorded only by its day (a task done on 12/03): noon, Vietnam time.
    static func noon(of day: Day) -> Date { day.startInVietnam.addingTimeInterval(12 * 3600) }
}
