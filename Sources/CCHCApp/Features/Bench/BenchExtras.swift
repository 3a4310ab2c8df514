import Fluent
import Vapor
import SQLKit
import CCHCDomain

/// The rest of a generated year: each district's and province's CCHC plan (through `PlanService`, so tasks, due dates and
/// the units they are assigned to are what the plan page makes of them), signed and accepted; and one PAR-index round
/// per jurisdiction over its communes on the demo's commune framework, published, every commune's criteria scored by
/// mixing the demo's real score sheets, written in bulk.
struct BenchExtras {
    let app: Application
    let year: Int

    /// The CCHC plan of every district and province: four tasks, one led by the communes (or districts) below.
    func plans(_ tree: BenchTree) async throws -> Int {
        let db = app.db
        let planners = tree.units.filter { $0.issues && ($0.kind.tier == .district || $0.kind.tier == .province) }
        guard !planners.isEmpty else { return 0 }
        let ids = planners.map(\.id)
        let units = Dictionary(try await Unit.query(on: db).filter(\.$id ~~ ids).all().compactMap { u in u.id.map { ($0, u) } },
                               uniquingKeysWith: { a, _ in a })
        let issued = Day.clamped(year, 1, 20)
        let service = PlanService(db: db, actor: nil, now: issued.startInVietnam.addingTimeInterval(9 * 3600))
        for p in planners {
            guard let unit = units[p.id] else { continue }
            let threeTier = tree.units.contains { $0.parentID == p.id && $0.kind.tier == .district }
            let below = threeTier ? "UBND cấp huyện" : "UBND cấp xã"
            let standing = p.kind.tier == .province ? "Sở Nội vụ" : "Phòng Nội vụ"
            let bureau = p.kind.tier == .province ? "Văn phòng UBND tỉnh" : "Văn phòng HĐND và UBND"
            let tasks = [
                PlanTaskEntry(area: "Công tác chỉ đạo điều hành", detail: "Ban hành Kế hoạch CCHC năm \(year)", product: "Kế hoạch",
                              lead: [standing], timeFrame: "Tháng 01/\(year)"),
                PlanTaskEntry(area: "Cải cách thủ tục hành chính", detail: "Niêm yết công khai đầy đủ TTHC tại Bộ phận Một cửa",
                              product: "Danh mục TTHC được niêm yết", lead: [below], coordinators: [bureau], timeFrame: "Quý 1/\(year)"),
                PlanTaskEntry(area: "Cải cách chế độ công vụ", detail: "Đánh giá, xếp loại cán bộ, công chức năm \(year)",
                              product: "Kết quả đánh giá, xếp loại", lead: [standing], coordinators: [below],
                              timeFrame: "Trước ngày \(Day.clamped(year, 12, 15).vietnamese)"),
                PlanTaskEntry(area: "Xây dựng và phát triển Chính quyền điện tử, Chính quyền số",
                              detail: "Tăng tỷ lệ hồ sơ TTHC được giải quyết trực tuyến toàn trình", product: "Báo cáo", lead: [bureau],
                              timeFrame: "Thường xuyên"),
            ]
            _ = try await service.save(PlanDocument(unit: unit.name, year: year, tasks: tasks), unit: unit)
        }
        // Signed and sent on 20/01, accepted two days later.
        let sent = issued.startInVietnam.addingTimeInterval(15 * 3600)
        try await BenchSQL.sql(db).raw("""
            UPDATE plans SET state = \(bind: ReportState.accepted.rawValue), doc_number = \(bind: "15/KH-UBND"), doc_date = \(bind: issued.iso),
                   first_submitted_at = \(bind: sent), submitted_at = \(bind: sent), accepted_at = \(bind: sent.addingTimeInterval(2 * 86_400)),
                   revision = revision + 1
            WHERE year = \(bind: year)
            """).run()
        return planners.count
    }

    /// One published round per jurisdiction whose communes sit directly under it; returns the assessments written.
    func parIndex(_ tree: BenchTree) async throws -> Int {
        let db = app.db
        let file = try DemoParIndex.file()
        var edited = file.framework
        edited.year = year
        let framework = edited
        let record = try await ParService(db: db, actor: nil, now: app.clock.now()).save(framework)
        let frameworkID = try record.requireID()
        let sheets = file.rounds.flatMap { Array($0.units.values) }
        guard !sheets.isEmpty else { return 0 }
        let codes = Array(Set(sheets.flatMap { Array($0.selfScores.keys) + Array(($0.appraised ?? [:]).keys) })).sorted()
        let communesByParent = Dictionary(grouping: tree.units.filter { $0.kind.tier == .commune }, by: { $0.parentID ?? 0 })
        let holders = tree.units.filter { communesByParent[$0.id] != nil }
        let sql = try BenchSQL.sql(db)
        var roundID = try await BenchSQL.nextID("par_rounds", on: sql)
        var assessmentID = try await BenchSQL.nextID("par_assessments", on: sql)
        let dates = DemoParIndex.dates(year)
        let submitted = dates.selfDue.adding(days: -2).startInVietnam.addingTimeInterval(9 * 3600)
        let published = Day.clamped(year + 1, 3, 16).startInVietnam.addingTimeInterval(9 * 3600)
        var written = 0
        for holder in holders {
            let communes = communesByParent[holder.id] ?? []
            let rid = roundID
            roundID += 1
            let firstAssessment = assessmentID
            assessmentID += communes.count
            try await db.writeTransaction { tx in
                let sql = try BenchSQL.sql(tx)
                var rounds = BenchInsert(sql, "par_rounds", ["id", "framework_id", "unit_id", "unit_path", "year", "opens_on", "self_due", "answer_due",
                                                            "state", "merge_rule", "published_at", "revision", "updated_by", "updated_at"])
                try await rounds.add([rid, frameworkID, holder.id, holder.path, year, dates.opensOn.iso, dates.selfDue.iso, dates.answerDue.iso,
                                      ParRoundState.published.rawValue, ParMergeRule.average.rawValue, published, 3, "hệ thống", published])
                try await rounds.flush()
                var assessments = BenchInsert(sql, "par_assessments", ["id", "round_id", "unit_id", "unit_path", "state", "first_submitted_at",
                                                                      "submitted_at", "submitted_by", "withdrawals", "appraised_at", "self_total",
                                                                      "total", "final_class", "final_areas", "revision", "updated_by",
                                                                      "updated_at"])
                var entries = BenchInsert(sql, "par_entries", ["assessment_id", "code", "self_value", "appraised", "updated_by", "updated_at"])
                for (n, commune) in communes.enumerated() {
                    let id = firstAssessment + n
                    var r = DemoReporting.Seeded("par/\(commune.code)")
                    // Each criterion from one of three real score sheets, so totals spread as real ones do.
                    let picks = (0..<3).map { _ in sheets[r.next(0...(sheets.count - 1))] }
                    var scored: [String: ParEntryRecord] = [:]
                    for code in codes {
                        let sheet = picks[r.next(0...2)]
                        let e = ParEntryRecord()
                        e.code = code
                        e.selfValue = sheet.selfScores[code]
                        e.appraised = sheet.appraised?[code]
                        scored[code] = e
                    }
                    let result = ParEvaluation.evaluate(framework, entries: scored, system: [:])
                    let card = ParStoredCard(result.finalCard, framework: framework)
                    try await assessments.add([id, rid, commune.id, commune.path, ParAssessmentState.appraised.rawValue, submitted, submitted,
                                               "Chủ tịch UBND \(DemoLoader.shortName(commune.name))", 0, submitted.addingTimeInterval(7 * 86_400),
                                               result.selfCard.total, result.finalCard.total, card.classLabel, card.areasJSON, 1, "hệ thống",
                                               submitted])
                    for code in codes {
                        try await entries.add([id, code, scored[code]?.selfValue, scored[code]?.appraised, "hệ thống", submitted], after: &assessments)
                    }
                }
                try await assessments.flush()
                try await entries.flush()
            }
            written += communes.count
        }
        return written
    }

    /// The consolidation's stored partial sums, rebuilt from the generated reports (a bulk load bypasses the workflow
    /// that keeps them current).
    static func rebuildConsolidation(on db: any Database) async throws {
        try await db.writeTransaction { tx in try await ConsolidationPartials.rebuildAll(on: tx) }
    }
}
