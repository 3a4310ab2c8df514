import Fluent
import Foundation
import CCHCDomain

/// Reads of the PAR index, in scope. A round is seen by those who see the jurisdiction running it (its standing agency,
/// those above) and, for their own assessment only, by the units it assesses; an assessment by those who see its unit.
enum ParQueries {
    static func frameworks(on db: any Database) async throws -> [ParFrameworkRecord] {
        try await ParFrameworkRecord.query(on: db).all()
            .sorted { ($1.year, Folding.fold($0.code)) < ($0.year, Folding.fold($1.code)) }
    }

    static func framework(_ id: Int, on db: any Database) async throws -> ParFrameworkRecord {
        guard let f = try await ParFrameworkRecord.find(id, on: db) else { throw CCHCError.notFound("Không tìm thấy bộ tiêu chí này.") }
        return f
    }

    static func framework(code: String, year: Int, on db: any Database) async throws -> ParFrameworkRecord? {
        try await ParFrameworkRecord.query(on: db).filter(\.$code == code).filter(\.$year == year).first()
    }

    /// The round, when the actor sees the jurisdiction running it (its standing agency, those above); 404 otherwise. The units
    /// it assesses see their own assessment only (`round(_:forAssessmentBy:)`), not the round's list of units.
    static func round(_ id: Int, by actor: Actor, on db: any Database) async throws -> ParRoundRecord {
        guard let round = try await ParRoundRecord.find(id, on: db),
              actor.scope.canRead(UnitPath(round.unitPath) ?? UnitPath(ids: [])) else { throw missingRound }
        return round
    }

    /// The round, when the actor sees its jurisdiction or has an assessment in it; 404 otherwise.
    static func round(_ id: Int, forAssessmentBy actor: Actor, on db: any Database) async throws -> ParRoundRecord {
        guard let round = try await ParRoundRecord.find(id, on: db) else { throw missingRound }
        if actor.scope.canRead(UnitPath(round.unitPath) ?? UnitPath(ids: [])) { return round }
        let own = try await ParAssessmentRecord.query(on: db).filter(\.$round.$id == id).all()
            .contains { actor.scope.canRead(UnitPath($0.unitPath) ?? UnitPath(ids: [])) }
        guard own else { throw missingRound }
        return round
    }

    static let missingRound = CCHCError.notFound("Không tìm thấy đợt đánh giá chỉ số CCHC, hoặc đợt nằm ngoài phạm vi của bạn.")

    /// Whether the actor is on the round's council: the standing agency of the jurisdiction running it (or above), or an administrator.
    static func isCouncil(_ actor: Actor, _ round: ParRoundRecord) -> Bool {
        guard let path = UnitPath(round.unitPath) else { return false }
        return actor.scope.canManage(path)
    }

    /// Rounds the actor sees: those of jurisdictions in scope, and those assessing a unit in scope. Newest first.
    static func rounds(visibleTo actor: Actor, on db: any Database) async throws -> [ParRoundRecord] {
        var query = ParRoundRecord.query(on: db)
        if let root = actor.scope.root {
            let mine = try await ParAssessmentRecord.query(on: db).filter(\.$unitPath, .custom("LIKE"), root.subtreePattern)
                .field(\.$id).field(\.$round.$id).all().map(\.$round.id)
            query = query.group(.or) { g in
                g.filter(\.$unitPath, .custom("LIKE"), root.subtreePattern)
                if !mine.isEmpty { g.filter(\.$id ~~ Set(mine)) }
            }
        }
        return try await query.with(\.$unit).with(\.$framework).all()
            .sorted { ($1.year, VietnameseOrder.key($0.unit.name)) < ($0.year, VietnameseOrder.key($1.unit.name)) }
    }

    /// The unit's assessment in the round (404 when the actor cannot read the unit, or it is not assessed in the round).
    static func assessment(_ round: ParRoundRecord, unitID: Int, by actor: Actor, on db: any Database) async throws -> (Unit, ParAssessmentRecord) {
        let unit = try await UnitQueries.readable(unitID, by: actor, on: db)
        guard let a = try await ParAssessmentRecord.query(on: db).filter(\.$round.$id == (try round.requireID()))
            .filter(\.$unit.$id == unitID).first() else {
            throw CCHCError.notFound("\(unit.name) không được đánh giá trong đợt này.")
        }
        return (unit, a)
    }

    static func assessments(of round: ParRoundRecord, on db: any Database) async throws -> [ParAssessmentRecord] {
        try await ParAssessmentRecord.query(on: db).filter(\.$round.$id == (try round.requireID())).with(\.$unit).all()
    }

    /// The entries of many assessments in a few queries, by assessment then criterion.
    static func entries(of assessmentIDs: [Int], on db: any Database) async throws -> [Int: [String: ParEntryRecord]] {
        var out: [Int: [String: ParEntryRecord]] = [:]
        for start in stride(from: 0, to: assessmentIDs.count, by: 500) {
            let chunk = Array(assessmentIDs[start..<min(start + 500, assessmentIDs.count)])
            for e in try await ParEntryRecord.query(on: db).filter(\.$assessment.$id ~~ chunk).all() where out[e.$assessment.id]?[e.code] == nil {
                out[e.$assessment.id, default: [:]][e.code] = e
            }
        }
        return out
    }

    static func entries(of assessmentID: Int, on db: any Database) async throws -> [String: ParEntryRecord] {
        Dictionary(try await ParEntryRecord.query(on: db).filter(\.$assessment.$id == assessmentID).all().map { ($0.code, $0) },
                   uniquingKeysWith: { a, _ in a })
    }

    /// The files of an assessment, without their bytes.
    static func files(of assessmentID: Int, on db: any Database) async throws -> [ParFileRecord] {
        try await ParFileRecord.query(on: db).filter(\.$assessment.$id == assessmentID)
            .field(\.$id).field(\.$assessment.$id).field(\.$code).field(\.$stage).field(\.$fileName).field(\.$contentType)
            .field(\.$size).field(\.$uploadedBy).field(\.$uploadedAt).sort(\.$id).all()
    }

    static func file(_ id: Int, of assessmentID: Int, on db: any Database) async throws -> ParFileRecord {
        guard let f = try await ParFileRecord.query(on: db).filter(\.$id == id).filter(\.$assessment.$id == assessmentID).first() else {
            throw CCHCError.notFound("Không tìm thấy tệp kiểm chứng này.")
        }
        return f
    }

    /// An assessment scored, with what the system knows of its unit.
    static func evaluate(_ a: ParAssessmentRecord, round: ParRoundRecord, framework: ParFramework, unit: Unit, now: Date,
                         on db: any Database) async throws -> (ParEvaluation, [String: ParEntryRecord]) {
        let entries = try await entries(of: try a.requireID(), on: db)
        let system = a.state == .draft ? try await ParSystemInputs.load(framework, unit: unit, year: round.year, now: now, on: db) : [:]
        return (ParEvaluation.evaluate(framework, entries: entries, system: system), entries)
    }

    /// The round's standings by final total (the ORDER BY runs in SQL; ties share a rank), units without a total left out.
    static func standings(of round: ParRoundRecord, on db: any Database) async throws -> [ParStanding] {
        let rows = try await ParAssessmentRecord.query(on: db).filter(\.$round.$id == (try round.requireID()))
            .filter(\.$total != nil).sort(\.$total, .descending).with(\.$unit).all()
        return ParRanking.rank(rows.map { (id: $0.$unit.id, name: $0.unit.name, total: ParPoints.rounded($0.total ?? 0)) })
    }

    /// Last year's change for a unit: its own total in the jurisdiction's round of the year before on a framework of the same
    /// group, or — for a unit formed by a merger — its predecessors' (averaged or weighted as the round says).
    static func change(for unit: Unit, total: Double, round: ParRoundRecord, group: String, on db: any Database) async throws -> ParChange? {
        try await change(for: unit, total: total, round: round, last: try await lastYear(of: round, group: group, on: db), on: db)
    }

    /// The totals of the jurisdiction's round of the year before on a framework of the same group, by unit (nil: no such
    /// round) — read once for a whole ranking, not once a unit.
    static func lastYear(of round: ParRoundRecord, group: String, on db: any Database) async throws -> [Int: Double?]? {
        let previousRounds = try await ParRoundRecord.query(on: db).filter(\.$unit.$id == round.$unit.id)
            .filter(\.$year == round.year - 1).with(\.$framework).all().filter { $0.framework.group == group }
        guard let previous = previousRounds.first else { return nil }
        let last = try await ParAssessmentRecord.query(on: db).filter(\.$round.$id == (try previous.requireID())).all()
        return Dictionary(last.map { ($0.$unit.id, $0.total) }, uniquingKeysWith: { a, _ in a })
    }

    static func change(for unit: Unit, total: Double, round: ParRoundRecord, last: [Int: Double?]?, on db: any Database) async throws -> ParChange? {
        guard let last else { return nil }
        let unitID = try unit.requireID()
        if let own = last[unitID], let t = own {
            return ParYearOnYear.change(year: round.year, current: total, previous: t)
        }
        let predecessors = try await UnitQueries.predecessors(of: unitID, on: db)
        guard !predecessors.isEmpty else { return nil }
        let list = try predecessors.map { p, _ in
            ParPredecessor(unitID: try p.requireID(), name: p.name, total: p.id.flatMap { last[$0] ?? nil })
        }
        return ParYearOnYear.change(year: round.year, current: total, predecessors: list, rule: round.merge)
    }
}
