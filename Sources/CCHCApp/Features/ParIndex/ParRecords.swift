import Fluent
import Foundation
import CCHCDomain

/// A criteria framework as the standing agency keeps it: the framework JSON of issue 11's Interface, one per code and year.
final class ParFrameworkRecord: Model, @unchecked Sendable {
    static let schema = "par_frameworks"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "code") var code: String
    @Field(key: "year") var year: Int
    @Field(key: "group_name") var group: String
    @Field(key: "title") var title: String
    /// The framework JSON (`ParFramework.json()`).
    @Field(key: "body") var body: String
    @Field(key: "revision") var revision: Int
    @OptionalField(key: "updated_by") var updatedBy: String?
    @OptionalField(key: "updated_at") var updatedAt: Date?

    init() {}

    /// The framework it holds (checked when it was saved).
    func framework() throws -> ParFramework { try ParFramework.read(json: Data(body.utf8)) }

    func set(_ framework: ParFramework) throws {
        code = framework.code
        year = framework.year
        group = framework.group
        title = framework.title
        body = String(decoding: try framework.json(), as: UTF8.self)
    }
}

/// Where a round stands: units assess themselves, the council appraises, the round is closed, the results are published.
enum ParRoundState: String, Codable, Sendable, CaseIterable {
    case selfAssessment, appraisal, closed, published

    var label: String {
        switch self {
        case .selfAssessment: "Đang tự đánh giá"
        case .appraisal: "Đang thẩm định"
        case .closed: "Đã kết thúc thẩm định"
        case .published: "Đã công bố kết quả"
        }
    }
}

/// A scoring round: a framework applied by a jurisdiction's standing agency to the units it assesses, with its dates.
final class ParRoundRecord: Model, @unchecked Sendable {
    static let schema = "par_rounds"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Parent(key: "framework_id") var framework: ParFrameworkRecord
    /// The jurisdiction whose standing agency runs the round (Huyện Quảng Điền).
    @Parent(key: "unit_id") var unit: Unit
    @Field(key: "unit_path") var unitPath: String
    @Field(key: "year") var year: Int
    /// ISO days: self-assessment opens, the submission deadline, the deadline for the units' answers (giải trình).
    @Field(key: "opens_on") var opensOn: String
    @Field(key: "self_due") var selfDue: String
    @Field(key: "answer_due") var answerDue: String
    @Field(key: "state") var state: ParRoundState
    /// `ParMergeRule`: how a merged unit's last-year score is found.
    @Field(key: "merge_rule") var mergeRule: String
    @OptionalField(key: "published_at") var publishedAt: Date?
    @Field(key: "revision") var revision: Int
    @OptionalField(key: "updated_by") var updatedBy: String?
    @OptionalField(key: "updated_at") var updatedAt: Date?

    init() {}

    var selfDueDay: Day? { Day(iso: selfDue) }
    var answerDueDay: Day? { Day(iso: answerDue) }
    var opensDay: Day? { Day(iso: opensOn) }
    var merge: ParMergeRule { ParMergeRule(rawValue: mergeRule) ?? .average }
}

/// Where one unit's assessment stands.
enum ParAssessmentState: String, Codable, Sendable, CaseIterable {
    /// Being scored by the unit (also after a withdrawal).
    case draft
    /// Sent by the leader; the council may appraise it.
    case submitted
    /// The council sent its scores back; the unit may answer once.
    case appraised
    /// The unit answered (giải trình); the council may change its scores once more.
    case answered

    var label: String {
        switch self {
        case .draft: "Đang tự chấm"
        case .submitted: "Đã gửi tự đánh giá"
        case .appraised: "Đã có kết quả thẩm định"
        case .answered: "Đã giải trình"
        }
    }
}

/// One unit's assessment in a round.
final class ParAssessmentRecord: Model, @unchecked Sendable {
    static let schema = "par_assessments"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Parent(key: "round_id") var round: ParRoundRecord
    @Parent(key: "unit_id") var unit: Unit
    @Field(key: "unit_path") var unitPath: String
    @Field(key: "state") var state: ParAssessmentState
    @OptionalField(key: "first_submitted_at") var firstSubmittedAt: Date?
    @OptionalField(key: "submitted_at") var submittedAt: Date?
    @OptionalField(key: "submitted_by") var submittedBy: String?
    @Field(key: "withdrawals") var withdrawals: Int
    @OptionalField(key: "appraised_at") var appraisedAt: Date?
    @OptionalField(key: "answered_at") var answeredAt: Date?
    /// Kept with every save so ranking is an ORDER BY: the self-score, and the final score (appraised where the council scored).
    @OptionalField(key: "self_total") var selfTotal: Double?
    @OptionalField(key: "total") var total: Double?
    /// Kept with the final score, so the ranking reads them instead of scoring every assessment again: its class
    /// ("Tốt", …) and its points per area (JSON, area code → points) — see `ParStoredCard`.
    @OptionalField(key: "final_class") var finalClass: String?
    @OptionalField(key: "final_areas") var finalAreas: String?
    @Field(key: "revision") var revision: Int
    @OptionalField(key: "updated_by") var updatedBy: String?
    @OptionalField(key: "updated_at") var updatedAt: Date?

    init() {}

    init(roundID: Int, unit: Unit) throws {
        self.$round.id = roundID
        self.$unit.id = try unit.requireID()
        self.unitPath = unit.path
        self.state = .draft
        self.withdrawals = 0
        self.revision = 0
    }
}

/// One criterion of an assessment: what the unit typed (`ParInputText`), its explanation and evidence, the council's
/// points and comment, the unit's answer.
final class ParEntryRecord: Model, @unchecked Sendable {
    static let schema = "par_entries"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Parent(key: "assessment_id") var assessment: ParAssessmentRecord
    @Field(key: "code") var code: String
    @OptionalField(key: "self_value") var selfValue: String?
    @OptionalField(key: "explanation") var explanation: String?
    /// JSON array of evidence references ("document:12", "plan:3", "report:40") and lines of text.
    @OptionalField(key: "evidence") var evidence: String?
    /// The council's points, as typed ("1,5").
    @OptionalField(key: "appraised") var appraised: String?
    @OptionalField(key: "comment") var comment: String?
    @OptionalField(key: "answer") var answer: String?
    @OptionalField(key: "updated_by") var updatedBy: String?
    @OptionalField(key: "updated_at") var updatedAt: Date?

    init() {}

    var evidenceList: [String] {
        get { evidence.flatMap { try? JSONDecoder().decode([String].self, from: Data($0.utf8)) } ?? [] }
        set { evidence = newValue.isEmpty ? nil : String(decoding: (try? JSONEncoder().encode(newValue)) ?? Data("[]".utf8), as: UTF8.self) }
    }
}

/// A file uploaded as evidence for one criterion, at self-assessment or with the answer.
final class ParFileRecord: Model, @unchecked Sendable {
    static let schema = "par_files"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Parent(key: "assessment_id") var assessment: ParAssessmentRecord
    @Field(key: "code") var code: String
    /// "self" or "answer".
    @Field(key: "stage") var stage: String
    @Field(key: "file_name") var fileName: String
    @Field(key: "content_type") var contentType: String
    @Field(key: "size") var size: Int
    @Field(key: "bytes") var bytes: Data
    @Field(key: "uploaded_by") var uploadedBy: String
    @Field(key: "uploaded_at") var uploadedAt: Date

    init() {}
}
