import Fluent
import Vapor
import CCHCDomain

/// What the assessment page and the API show of one unit's assessment: every criterion with its self-score, the data the
/// system used, evidence, explanation, the council's score and comment, the unit's answer; totals, areas, class, rank.
struct ParAssessmentView: Content {
    struct File: Content {
        var id: Int
        var code: String
        /// "self" or "answer".
        var stage: String
        var fileName: String
        var size: Int
        var uploadedBy: String
        var uploadedAt: Date
        var url: String
    }

    struct Row: Content {
        var code: String
        var parent: String?
        var name: String
        var depth: Int
        var max: Double
        var isLeaf: Bool
        var isAdjustment: Bool
        var method: String
        var methodLabel: String
        /// What to type (leaves).
        var hint: String?
        var evidenceExpected: String?
        var office: String?
        var notApplicableFull: Bool
        /// As the unit typed it.
        var value: String?
        /// The system's data, when it scores the criterion.
        var system: String?
        var selfPoints: Double
        /// How the self-score was reached.
        var selfReason: String
        var explanation: String?
        var evidence: [String]
        var files: [File]
        /// The council's points as typed, and the final points.
        var appraised: String?
        var points: Double
        var comment: String?
        var answer: String?
        /// The council's score differs from the unit's.
        var differs: Bool
        var lost: Double
    }

    struct Area: Content {
        var code: String
        var name: String
        var max: Double
        var selfPoints: Double
        var points: Double
    }

    struct Weak: Content {
        var code: String
        var name: String
        var office: String?
        var points: Double
        var max: Double
        var lost: Double
    }

    var roundID: Int
    var year: Int
    var frameworkID: Int
    var frameworkCode: String
    var frameworkTitle: String
    var jurisdictionName: String
    var unitID: Int
    var unitName: String
    var state: String
    var stateLabel: String
    var roundState: String
    var roundStateLabel: String
    var opensOn: String
    var selfDue: String
    var answerDue: String
    var submittedAt: Date?
    var submittedBy: String?
    /// First sent after the deadline.
    var late: Bool
    var withdrawals: Int
    var selfTotal: Double
    var total: Double
    var maxTotal: Double
    var areas: [Area]
    var rows: [Row]
    /// "Xuất sắc", and why higher classes were missed.
    var classLabel: String
    var classMissed: [String]
    /// Shown once the results are published (or to the council): "1/11", "+4,47" and its sentence.
    var standing: String?
    var change: String?
    var changeSentence: String?
    var weakest: [Weak]
    var problems: [FieldError]
    var revision: Int
    /// The council has scored (sent its result, or given points): until then the "final" figures are the self-score.
    var appraisedYet: Bool
    /// The self-assessment deadline has passed (a submission now is late).
    var pastSelfDue: Bool
    /// What the account may do now: edit, submit, withdraw, appraise, send, answer, plan, upload.
    var can: [String]

    static func load(_ c: ParAssessmentService.Context, actor: Actor, now: Date, on db: any Database) async throws -> ParAssessmentView {
        let a = c.assessment
        let id = try a.requireID()
        let roundID = try c.round.requireID(), unitID = try c.unit.requireID()
        let entries = try await ParQueries.entries(of: id, on: db)
        let eval = ParEvaluation.evaluate(c.framework, entries: entries, system: c.system)
        let files = try await ParQueries.files(of: id, on: db)
        let council = ParQueries.isCouncil(actor, c.round)
        let published = c.round.state == .published
        var standing: ParStanding?
        var change: ParChange?
        if published || council, a.total != nil {
            standing = try await ParQueries.standings(of: c.round, on: db).first { $0.unitID == unitID }
            change = try await ParQueries.change(for: c.unit, total: eval.finalCard.total, round: c.round, group: c.framework.group, on: db)
        }
        let depth = Self.depths(c.framework)
        let rows: [Row] = eval.finalCard.scores.map { s in
            let crit = c.framework[s.code]
            let e = entries[s.code]
            let selfScore = eval.selfCard[s.code]
            let method = crit?.effectiveMethod ?? .manual(step: nil)
            return Row(code: s.code, parent: s.parent, name: s.name, depth: depth[s.code] ?? 0, max: s.max, isLeaf: s.isLeaf,
                       isAdjustment: s.isAdjustment, method: method.type, methodLabel: method.label,
                       hint: s.isLeaf ? crit.map { ParInputText.hint(for: $0) } : nil, evidenceExpected: crit?.evidence, office: s.office,
                       notApplicableFull: crit?.notApplicableFull == true, value: e?.selfValue,
                       system: eval.system[s.code]?.basis, selfPoints: selfScore?.points ?? 0, selfReason: selfScore?.explanation ?? "",
                       explanation: e?.explanation, evidence: e?.evidenceList ?? [],
                       files: files.filter { $0.code == s.code }.map { f in
                           File(id: f.id ?? 0, code: f.code, stage: f.stage, fileName: f.fileName, size: f.size, uploadedBy: f.uploadedBy,
                                uploadedAt: f.uploadedAt, url: SiteURL.Par.file(.value(roundID), .value(unitID), .value(f.id ?? 0)).path)
                       },
                       appraised: e?.appraised, points: s.points, comment: e?.comment, answer: e?.answer,
                       differs: !ParPoints.same(s.points, selfScore?.points ?? 0), lost: s.lost)
        }
        let areas = eval.finalCard.areas.map { s in
            Area(code: s.code, name: s.name, max: s.max, selfPoints: eval.selfCard[s.code]?.points ?? 0, points: s.points)
        }
        let classification = ParClassification.classify(eval.finalCard, classes: c.framework.classes)
        let jurisdiction = try await Unit.find(c.round.$unit.id, on: db)
        let appraisedYet = [.appraised, .answered].contains(a.state) || !eval.appraised.isEmpty
        // Before any appraisal, an unscored criterion is not "weak": it is still to be scored (the problems list says so).
        let weakest = eval.finalCard.weakest().filter { appraisedYet || !$0.missingInput }.prefix(10)
        return ParAssessmentView(
            roundID: roundID, year: c.round.year, frameworkID: c.round.$framework.id, frameworkCode: c.framework.code,
            frameworkTitle: c.framework.title, jurisdictionName: jurisdiction?.name ?? "", unitID: unitID, unitName: c.unit.name,
            state: a.state.rawValue, stateLabel: a.state.label, roundState: c.round.state.rawValue, roundStateLabel: c.round.state.label,
            opensOn: VNDate.display(iso: c.round.opensOn), selfDue: VNDate.display(iso: c.round.selfDue),
            answerDue: VNDate.display(iso: c.round.answerDue), submittedAt: a.submittedAt, submittedBy: a.submittedBy,
            late: a.firstSubmittedAt.map { t in c.round.selfDueDay.map { t >= $0.endInVietnam } ?? false } ?? false,
            withdrawals: a.withdrawals, selfTotal: eval.selfCard.total, total: eval.finalCard.total, maxTotal: c.framework.maxTotal,
            areas: areas, rows: rows, classLabel: classification.text, classMissed: classification.missed,
            standing: standing?.paddedText, change: change?.text, changeSentence: change?.sentence,
            weakest: weakest.map { Weak(code: $0.code, name: $0.name, office: $0.office, points: $0.points,
                                                                 max: $0.max, lost: $0.lost) },
            problems: eval.problems, revision: a.revision, appraisedYet: appraisedYet,
            pastSelfDue: c.round.selfDueDay.map { now >= $0.endInVietnam } ?? false, can: Self.permissions(c, actor: actor, now: now, entries: entries))
    }

    static func permissions(_ c: ParAssessmentService.Context, actor: Actor, now: Date, entries: [String: ParEntryRecord]) -> [String] {
        let path = c.unit.unitPath
        let staff = actor.scope.canDraft(for: path) || actor.scope.canSign(for: path)
        let leader = actor.scope.canSign(for: path)
        let council = ParQueries.isCouncil(actor, c.round)
        let a = c.assessment
        let selfOpen = c.round.state == .selfAssessment
        let beforeDue = c.round.selfDueDay.map { now < $0.endInVietnam } ?? true
        let answerOpen = c.round.answerDueDay.map { now < $0.endInVietnam } ?? true
        var out: [String] = []
        if staff && a.state == .draft && selfOpen { out += ["edit", "upload"] }
        if leader && a.state == .draft && selfOpen { out.append("submit") }
        if leader && a.state == .submitted && beforeDue && !entries.values.contains(where: { $0.appraised != nil }) { out.append("withdraw") }
        if council && [.submitted, .answered, .appraised].contains(a.state) && [.selfAssessment, .appraisal].contains(c.round.state) {
            out.append("appraise")
            if a.state != .appraised { out.append("send") }
        }
        if leader && a.state == .appraised && answerOpen { out += ["answer", "upload"] }
        if staff && c.round.state == .published { out.append("plan") }
        return out
    }

    static func depths(_ f: ParFramework) -> [String: Int] {
        var out: [String: Int] = [:]
        for c in f.criteria {
            var d = 0
            var p = c.parent
            var seen: Set<String> = [c.code]
            while let x = p, f[x] != nil, seen.insert(x).inserted { d += 1; p = f[x]?.parent }
            out[c.code] = d
        }
        return out
    }
}

extension Request {
    /// The round and unit the route addresses, the assessment, the framework and what the system knows — in scope (404 outside).
    func parContext() async throws -> (Actor, ParAssessmentService.Context) {
        let actor = try self.actor
        let round = try await ParQueries.round(try idParameter("roundID"), forAssessmentBy: actor, on: db)
        let (unit, assessment) = try await ParQueries.assessment(round, unitID: try idParameter("unitID"), by: actor, on: db)
        let framework = try await ParQueries.framework(round.$framework.id, on: db).framework()
        // Once sent, the assessment holds what the system scored (written in at submission): nothing is looked up again.
        let system = assessment.state == .draft ? try await ParSystemInputs.load(framework, unit: unit, year: round.year, now: now, on: db) : [:]
        return (actor, .init(round: round, unit: unit, assessment: assessment, framework: framework, system: system))
    }
}
