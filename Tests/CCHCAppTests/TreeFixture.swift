import Foundation
import Fluent
import Vapor
@testable import CCHCApp
@testable import CCHCDomain

/// A small unit tree with one regime and its Q1, built directly in the database, for tests that check
/// figures against hand-computed expectations.
enum TreeFixture {
    static func unit(_ db: any Database, _ code: String, _ name: String, _ kind: UnitKind, _ parent: CCHCApp.Unit?) async throws -> CCHCApp.Unit {
        let u = CCHCApp.Unit(code: code, name: name, kind: kind, parentID: parent?.id)
        try await u.create(on: db)
        try await OrganisationService.place(u, under: parent, on: db)
        return u
    }

    /// `form` imported, a regime of `issuer` for the form's year using it, and its Q1 (15/12 – 14/03, due 18/03).
    static func q1(_ db: any Database, issuer: CCHCApp.Unit, form: FormDefinition) async throws -> (form: FormRecord, q1: PeriodRecord) {
        let (formRecord, _) = try await FormService.importForm(try JSONEncoder().encode(form), on: db, actor: nil, now: Date())
        let regime = RegimeRecord()
        regime.$issuer.id = issuer.id!
        regime.year = form.year
        regime.$form.id = formRecord.id!
        try await regime.create(on: db)
        let q1 = PeriodRecord()
        q1.$regime.id = regime.id!
        q1.kind = "Q1"; q1.fromDay = "\(form.year - 1)-12-15"; q1.toDay = "\(form.year)-03-14"; q1.deadline = "\(form.year)-03-18"
        try await q1.create(on: db)
        return (formRecord, q1)
    }

    @discardableResult
    static func report(_ db: any Database, _ unit: CCHCApp.Unit, _ period: PeriodRecord, formID: Int, _ state: ReportState, version: Int = 1,
                       current: Bool = true, _ values: [String: IndicatorValue], rebuild: Bool = true) async throws -> Report {
        let r = try Report(unit: unit, periodID: period.id!, formID: formID, version: version)
        r.state = state
        r.isCurrent = current
        try await r.create(on: db)
        for (code, v) in values { try await ReportValue(reportID: r.id!, code: code, value: v).create(on: db) }
        // Written directly, as a bulk load does: the consolidation's partial sums are rebuilt from the reports.
        if rebuild { try await ConsolidationPartials.rebuildAll(on: db) }
        return r
    }
}
