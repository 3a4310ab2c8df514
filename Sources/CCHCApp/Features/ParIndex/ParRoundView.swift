import Fluent
import Vapor
import CCHCDomain

/// What the round page, the ranking page and the API show of a round: every assessed unit with its state and totals and —
/// to the council, and to everybody once published — rank (ties share it), class, change on last year and area subtotals.
struct ParRoundView: Content {
    struct Unit: Content {
        var unitID: Int
        var unitName: String
        var state: String
        var stateLabel: String
        var submittedAt: Date?
        var late: Bool
        var withdrawals: Int
        var selfTotal: Double?
        var total: Double?
        var rank: Int?
        var rankText: String?
        var tied: Bool
        var classLabel: String?
        var change: String?
        var changeBasis: String?
        var areaPoints: [Double]
        var url: String
    }

    struct AreaHead: Content {
        var code: String
        var name: String
        var max: Double
    }

    var roundID: Int
    var year: Int
    var frameworkID: Int
    var frameworkCode: String
    var frameworkTitle: String
    var group: String
    var jurisdictionID: Int
    var jurisdictionName: String
    var state: String
    var stateLabel: String
    var opensOn: String
    var selfDue: String
    var answerDue: String
    var publishedAt: Date?
    var areas: [AreaHead]
    /// Ranked first (best first), then the units without a total, by name.
    var units: [Unit]
    /// Whether the account is on the council (it sees scores before publication and moves the round on).
    var council: Bool
    var revision: Int

    static func load(_ round: ParRoundRecord, actor: Actor, now: Date, on db: any Database) async throws -> ParRoundView {
        let roundID = try round.requireID()
        let framework = try await ParQueries.framework(round.$framework.id, on: db).framework()
        let council = ParQueries.isCouncil(actor, round)
        let showScores = council || round.state == .published
        let jurisdiction = try await CCHCApp.Unit.find(round.$unit.id, on: db)
        let assessments = try await ParQueries.assessments(of: round, on: db)
            .filter { actor.scope.canRead(UnitPath($0.unitPath) ?? UnitPath(ids: [])) || actor.scope.canRead(UnitPath(round.unitPath) ?? UnitPath(ids: [])) }
        let standings = Dictionary(try await ParQueries.standings(of: round, on: db).map { ($0.unitID, $0) }, uniquingKeysWith: { a, _ in a })
        let areaHeads = framework.children(of: nil).map { AreaHead(code: $0.code, name: $0.name, max: $0.max) }
        // Read once for the whole ranking: last year's totals, and the entries of any ranked assessment whose row keeps no card
        // (the others show the class and area points kept with their total).
        let ranked = showScores ? assessments.filter { $0.total != nil && standings[$0.$unit.id] != nil } : []
        let entriesByAssessment = try await ParQueries.entries(of: ranked.filter { ParStoredCard($0) == nil }.compactMap(\.id), on: db)
        let lastYear = ranked.isEmpty ? nil : try await ParQueries.lastYear(of: round, group: framework.group, on: db)
        var units: [Unit] = []
        for a in assessments {
            let id = a.$unit.id
            var row = Unit(unitID: id, unitName: a.unit.name, state: a.state.rawValue, stateLabel: a.state.label, submittedAt: a.firstSubmittedAt,
                           late: a.firstSubmittedAt.map { t in round.selfDueDay.map { t >= $0.endInVietnam } ?? false } ?? false,
                           withdrawals: a.withdrawals, selfTotal: showScores ? a.selfTotal : nil, total: nil, rank: nil, rankText: nil, tied: false,
                           classLabel: nil, change: nil, changeBasis: nil, areaPoints: [],
                           url: SiteURL.Par.assessment(.value(roundID), .value(id)).path)
            if showScores, let total = a.total, let s = standings[id] {
                // A ranked assessment was sent: it holds what the system scored then (`ParAssessmentService.submit`).
                let card = try ParStoredCard(a) ?? ParStoredCard(ParEvaluation.evaluate(framework, entries: entriesByAssessment[a.requireID()] ?? [:],
                                                                                         system: [:]).finalCard, framework: framework)
                row.total = total
                row.rank = s.rank
                row.rankText = s.text
                row.tied = s.tied
                row.classLabel = card.classLabel
                row.areaPoints = areaHeads.map { card.areaPoints[$0.code] ?? 0 }
                let change = try await ParQueries.change(for: a.unit, total: total, round: round, last: lastYear, on: db)
                row.change = change?.text
                row.changeBasis = change?.basis
            }
            units.append(row)
        }
        units.sort { a, b in
            switch (a.rank, b.rank) {
            case let (x?, y?) where x != y: x < y
            case (.some, nil): true
            case (nil, .some): false
            default: VietnameseOrder.key(a.unitName) < VietnameseOrder.key(b.unitName)
            }
        }
        return ParRoundView(roundID: roundID, year: round.year, frameworkID: round.$framework.id, frameworkCode: framework.code,
                            frameworkTitle: framework.title, group: framework.group, jurisdictionID: round.$unit.id,
                            jurisdictionName: jurisdiction?.name ?? "", state: round.state.rawValue, stateLabel: round.state.label,
                            opensOn: VNDate.display(iso: round.opensOn), selfDue: VNDate.display(iso: round.selfDue),
                            answerDue: VNDate.display(iso: round.answerDue), publishedAt: round.publishedAt, areas: areaHeads, units: units,
                            council: council, revision: round.revision)
    }
}
