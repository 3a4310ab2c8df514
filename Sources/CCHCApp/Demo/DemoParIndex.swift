import Fluent
import Foundation
import CCHCDomain

/// The demo's PAR index (issue 11): Quảng Điền's commune framework (seed 001's criteria filled out to 100 points,
/// `Resources/Demo/quang-dien-par.json`, made by `scripts/make_demo_par.py`), the rounds of 2018 and 2019 with every commune
/// and town scored, appraised and published — Quảng Thọ 92,63 in 2019, 1st of 11, +4,47 on 88,16 — and the 2020 round open
/// for self-assessment.
struct DemoParIndex {
    let db: any Database
    let now: Date

    struct UnitScores: Decodable {
        var selfScores: [String: String]
        var appraised: [String: String]?
        var comments: [String: String]?
        var explanations: [String: String]?
        var evidence: [String: [String]]?

        enum CodingKeys: String, CodingKey {
            case selfScores = "self", appraised, comments, explanations, evidence
        }
    }

    struct Round: Decodable {
        var year: Int
        var units: [String: UnitScores]
    }

    struct File: Decodable {
        var framework: ParFramework
        var rounds: [Round]
    }

    static func file() throws -> File {
        guard let data = PlanFiles.resource("Demo/quang-dien-par.json") else {
            throw CCHCError(.internalServerError, "Thiếu tệp dữ liệu mẫu Demo/quang-dien-par.json.")
        }
        return try JSONDecoder().decode(File.self, from: data)
    }

    /// Dates as Công văn 1367/UBND ngày 12/11/2019 of the district set them for 2019, the same pattern each year.
    static func dates(_ year: Int) -> ParService.RoundDates {
        .init(opensOn: Day(year, 11, 15)!, selfDue: Day(year, 12, 10)!, answerDue: Day(year, 12, 25)!)
    }

    func load() async throws {
        let file = try Self.file()
        guard let district = try await Unit.query(on: db).filter(\.$code == "TTH-QDI").first() else { return }
        let units = Dictionary(try await Unit.query(on: db).filter(\.$code ~~ Array(file.rounds.flatMap { $0.units.keys })).all().map { ($0.code, $0) },
                               uniquingKeysWith: { a, _ in a })
        let service = ParService(db: db, actor: nil, now: now)
        for round in file.rounds.sorted(by: { $0.year < $1.year }) {
            var framework = file.framework
            framework.year = round.year
            let record = try await service.save(framework)
            let r = try await service.open(record, for: district, dates: Self.dates(round.year), state: .published)
            let stamp = Self.dates(round.year).selfDue.adding(days: -2).startInVietnam.addingTimeInterval(9 * 3600)
            for a in try await ParQueries.assessments(of: r, on: db) {
                guard let scores = round.units[a.unit.code], units[a.unit.code] != nil else { continue }
                try await fill(a, scores, framework: framework, submittedAt: stamp)
            }
            r.publishedAt = Day(round.year + 1, 3, 16)!.startInVietnam.addingTimeInterval(9 * 3600)
            try await r.save(on: db)
        }
        // 2020: the same criteria, open for self-assessment (seed 001 is Quảng Thọ's plan to do better in it).
        var framework = file.framework
        framework.year = (file.rounds.map(\.year).max() ?? 2019) + 1
        let record = try await service.save(framework)
        try await service.open(record, for: district, dates: Self.dates(framework.year))
    }

    func fill(_ a: ParAssessmentRecord, _ scores: UnitScores, framework: ParFramework, submittedAt: Date) async throws {
        let id = try a.requireID()
        var entries: [String: ParEntryRecord] = [:]
        var codes = Set(scores.selfScores.keys)
        codes.formUnion((scores.appraised ?? [:]).keys)
        codes.formUnion((scores.explanations ?? [:]).keys)
        codes.formUnion((scores.evidence ?? [:]).keys)
        codes.formUnion((scores.comments ?? [:]).keys)
        for code in codes.sorted() {
            let e = ParEntryRecord()
            e.$assessment.id = id
            e.code = code
            e.selfValue = scores.selfScores[code]
            e.explanation = scores.explanations?[code]
            e.evidenceList = scores.evidence?[code] ?? []
            e.appraised = scores.appraised?[code]
            e.comment = scores.comments?[code]
            e.updatedBy = "hệ thống"
            e.updatedAt = submittedAt
            try await e.create(on: db)
            entries[code] = e
        }
        let scored = ParEvaluation.evaluate(framework, entries: entries, system: [:])
        a.selfTotal = scored.selfCard.total
        a.total = scored.finalCard.total
        ParStoredCard.keep(scored, in: a)
        a.state = .appraised
        a.firstSubmittedAt = submittedAt
        a.submittedAt = submittedAt
        a.submittedBy = "Chủ tịch UBND \(a.unit.name)"
        a.appraisedAt = submittedAt.addingTimeInterval(7 * 86400)
        a.revision = 1
        try await a.save(on: db)
    }
}
