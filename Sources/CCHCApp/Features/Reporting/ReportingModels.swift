import Fluent
import Foundation
import NIOConcurrencyHelpers
import CCHCDomain

/// A statistics form, stored as its JSON definition (forms are data), one per code and year.
final class FormRecord: Model, @unchecked Sendable {
    static let schema = "forms"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "code") var code: String
    @Field(key: "year") var year: Int
    @Field(key: "title") var title: String
    /// The form's JSON (see FormDefinition).
    @Field(key: "definition") var definitionJSON: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    /// The jurisdiction whose standing agency issued it and alone may change it; nil: the system's
    /// own forms (built in), which only an administrator changes.
    @OptionalField(key: "owner_id") var ownerID: Int?
    /// Edit counter: each change keeps the definition it replaced in `form_revisions`.
    @OptionalField(key: "revision") var storedRevision: Int?

    var revision: Int { storedRevision ?? 0 }

    init() {}

    init(_ form: FormDefinition) throws {
        code = form.code
        year = form.year
        title = form.title
        definitionJSON = try FormCodec.encode(form)
    }

    func definition() throws -> FormDefinition { try FormDefinitionCache.definition(definitionJSON) }
}

/// Decoded forms by their JSON text: every report page, save and consolidation reads its form, and decoding ~80 rows with
/// their rules costs more than the page's queries. Keyed by the text itself, so an edited form is never served stale.
enum FormDefinitionCache {
    private static let decoded = NIOLockedValueBox<[String: FormDefinition]>([:])

    static func definition(_ json: String) throws -> FormDefinition {
        if let hit = decoded.withLockedValue({ $0[json] }) { return hit }
        let form = try FormCodec.decode(Data(json.utf8))
        decoded.withLockedValue { cache in
            if cache.count >= 32 { cache.removeAll() }
            cache[json] = form
        }
        return form
    }
}

/// A definition a form had before a change: kept, never rewritten.
final class FormRevision: Model, @unchecked Sendable {
    static let schema = "form_revisions"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Parent(key: "form_id") var form: FormRecord
    @Field(key: "revision") var revision: Int
    @Field(key: "definition") var definitionJSON: String
    @Field(key: "replaced_at") var replacedAt: Date
    @Field(key: "replaced_by") var replacedBy: String

    init() {}
}

/// A reporting regime: the periods a jurisdiction (the issuer) sets for its units for a year.
final class RegimeRecord: Model, @unchecked Sendable {
    static let schema = "regimes"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Parent(key: "issuer_id") var issuer: Unit
    @Field(key: "year") var year: Int
    @OptionalField(key: "deadline_day") var deadlineDay: Int?
    /// The statistics form units fill in this year.
    @OptionalParent(key: "form_id") var form: FormRecord?
    /// The directing document that set it ("164/UBND-NV ngày 25/01/2021").
    @OptionalField(key: "document") var document: String?
    @Children(for: \.$regime) var periods: [PeriodRecord]
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    /// Edit counter (lost-update protection).
    @OptionalField(key: "revision") var storedRevision: Int?
    var revision: Int { storedRevision ?? 0 }

    init() {}
}

/// One period of a regime.
final class PeriodRecord: Model, @unchecked Sendable {
    static let schema = "reporting_periods"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Parent(key: "regime_id") var regime: RegimeRecord
    /// Q1, H1, Q3, Y, M01…M12
    @Field(key: "kind") var kind: String
    @Field(key: "from_day") var fromDay: String
    @Field(key: "to_day") var toDay: String
    @Field(key: "deadline") var deadline: String
    @OptionalField(key: "estimate_from") var estimateFrom: String?
    @OptionalField(key: "estimate_to") var estimateTo: String?
    @OptionalField(key: "deadline_strict") var deadlineStrict: Bool?
    @OptionalField(key: "on_request") var onRequest: Bool?
    @OptionalField(key: "window_given") var windowGiven: Bool?

    init() {}

    var periodKind: PeriodKind { PeriodKind(code: kind) ?? .year }
    var deadlineDay: Day { Day(iso: deadline)! }
    /// The last day a report is on time (the day before a "trước ngày" deadline).
    var lastDay: Day { domain.lastDay }

    var domain: ReportingPeriod {
        ReportingPeriod(kind: periodKind, from: Day(iso: fromDay)!, to: Day(iso: toDay)!, deadline: deadlineDay,
                        estimateFrom: estimateFrom.flatMap { Day(iso: $0) }, estimateTo: estimateTo.flatMap { Day(iso: $0) },
                        deadlineStrict: deadlineStrict, onRequest: onRequest, windowGiven: windowGiven)
    }
}

/// An office's own window and deadline for a period of its jurisdiction's regime, where the regime
/// gives the offices different ones (seed 000 §III). Reports still point at the regime's period.
final class OfficePeriodRecord: Model, @unchecked Sendable {
    static let schema = "office_periods"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Parent(key: "regime_id") var regime: RegimeRecord
    @Field(key: "kind") var kind: String
    @Field(key: "from_day") var fromDay: String
    @Field(key: "to_day") var toDay: String
    @Field(key: "deadline") var deadline: String
    @OptionalField(key: "estimate_from") var estimateFrom: String?
    @OptionalField(key: "estimate_to") var estimateTo: String?
    @OptionalField(key: "deadline_strict") var deadlineStrict: Bool?
    @OptionalField(key: "on_request") var onRequest: Bool?
    @OptionalField(key: "window_given") var windowGiven: Bool?

    init() {}

    var domain: ReportingPeriod? { reportingPeriod }
}

/// The dated fields a regime's period and an office's own period share, read and written in one place.
protocol PeriodFields: AnyObject {
    var kind: String { get set }
    var fromDay: String { get set }
    var toDay: String { get set }
    var deadline: String { get set }
    var estimateFrom: String? { get set }
    var estimateTo: String? { get set }
    var deadlineStrict: Bool? { get set }
    var onRequest: Bool? { get set }
    var windowGiven: Bool? { get set }
}

extension PeriodFields {
    func set(_ p: ReportingPeriod) {
        kind = p.kind.code
        fromDay = p.from.iso
        toDay = p.to.iso
        deadline = p.deadline.iso
        estimateFrom = p.estimateFrom?.iso
        estimateTo = p.estimateTo?.iso
        deadlineStrict = p.deadlineStrict == true ? true : nil
        onRequest = p.onRequest == true ? true : nil
        windowGiven = p.hasGivenWindow ? nil : false
    }

    var reportingPeriod: ReportingPeriod? {
        guard let kind = PeriodKind(code: kind), let from = Day(iso: fromDay), let to = Day(iso: toDay), let deadline = Day(iso: deadline)
        else { return nil }
        return ReportingPeriod(kind: kind, from: from, to: to, deadline: deadline,
                               estimateFrom: estimateFrom.flatMap { Day(iso: $0) }, estimateTo: estimateTo.flatMap { Day(iso: $0) },
                               deadlineStrict: deadlineStrict, onRequest: onRequest, windowGiven: windowGiven)
    }
}

extension PeriodRecord: PeriodFields {}
extension OfficePeriodRecord: PeriodFields {}

/// Which office of the issuing jurisdiction answers for which section of the form (seed 000 §II.2).
final class SectionAssignment: Model, @unchecked Sendable {
    static let schema = "section_assignments"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Parent(key: "regime_id") var regime: RegimeRecord
    /// An indicator code of the form: "1.3", "2", "7.1".
    @Field(key: "section") var section: String
    @Parent(key: "office_id") var office: Unit

    init() {}
    init(regimeID: Int, section: String, officeID: Int) {
        self.$regime.id = regimeID
        self.section = section
        self.$office.id = officeID
    }
}
