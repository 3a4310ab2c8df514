import Fluent
import Vapor
import CCHCDomain

/// Which office of the jurisdiction answers for which sections or rows of its regime's form: set by
/// the standing agency per regime, suggested from the form's "Cơ quan" column.
struct SectionAssignmentService {
    let db: any Database
    let actor: Actor
    let now: Date

    /// Everything the page and the API show: the regime, its form, the offices, what is assigned and what the form suggests.
    struct Sheet {
        let jurisdiction: Unit
        let regime: RegimeRecord
        let form: FormDefinition
        let offices: [Unit]
        let assigned: [String: Int]
        let suggested: [String: Int]
        let unmatched: [String]
    }

    static func sheet(jurisdiction: Unit, year: Int, on db: any Database) async throws -> Sheet {
        guard let regime = try await RegimeRecord.query(on: db).filter(\.$issuer.$id == (try jurisdiction.requireID())).filter(\.$year == year).first()
        else { throw CCHCError.notFound("\(jurisdiction.name) chưa ban hành chế độ báo cáo năm \(year).") }
        guard let formID = regime.$form.id, let record = try await FormRecord.find(formID, on: db) else {
            throw CCHCError(.conflict, "Chế độ báo cáo năm \(year) chưa chọn biểu mẫu thống kê.")
        }
        let form = try record.definition()
        let offices = try await Unit.query(on: db).filter(\.$parent.$id == (try jurisdiction.requireID())).filter(\.$retiredOn == nil).all()
            .filter(\.kind.isOffice).sorted { VietnameseOrder.key($0.name) < VietnameseOrder.key($1.name) }
        let rows = try await SectionAssignment.query(on: db).filter(\.$regime.$id == (try regime.requireID())).all()
        let assigned = Dictionary(rows.map { ($0.section, $0.$office.id) }, uniquingKeysWith: { a, _ in a })
        let suggestion = SectionAssignments.suggested(form: form, offices: try offices.map { (try $0.requireID(), $0.name) })
        return Sheet(jurisdiction: jurisdiction, regime: regime, form: form, offices: offices, assigned: assigned,
                     suggested: suggestion.assignments, unmatched: suggestion.unmatched)
    }

    /// Replaces the regime's assignments. Every code must be a row of the form, every office one of the jurisdiction's.
    func save(_ assignments: [String: Int], sheet: Sheet) async throws {
        guard actor.scope.canManage(sheet.jurisdiction.unitPath) else { throw CCHCError.forbidden }
        let officeIDs = Set(sheet.offices.compactMap(\.id))
        var errors: [FieldError] = []
        for (code, office) in assignments.sorted(by: { $0.key < $1.key }) {
            if sheet.form.indicator(code) == nil {
                errors.append(FieldError(field: "office:\(code)", message: "Dòng \(code): không có trong biểu \(sheet.form.code)."))
            } else if !officeIDs.contains(office) {
                errors.append(FieldError(field: "office:\(code)", message: "Dòng \(code): cơ quan (mã \(office)) không thuộc \(sheet.jurisdiction.name)."))
            }
        }
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        let regimeID = try sheet.regime.requireID()
        let names = Dictionary(sheet.offices.compactMap { o in o.id.map { ($0, o.name) } }, uniquingKeysWith: { a, _ in a })
        let (actor, now, jurisdiction) = (self.actor, self.now, sheet.jurisdiction)
        try await db.writeTransaction { tx in
            try await SectionAssignment.query(on: tx).filter(\.$regime.$id == regimeID).delete()
            for (code, office) in assignments.sorted(by: { $0.key < $1.key }) {
                try await SectionAssignment(regimeID: regimeID, section: code, officeID: office).create(on: tx)
            }
            try await Audit.record(on: tx, at: now, actor: actor, action: "regime.offices", entity: "regime", entityID: regimeID, unit: jurisdiction,
                                   summary: "Phân công \(assignments.count) mục, dòng của biểu cho các cơ quan chuyên môn "
                                       + "(chế độ báo cáo năm \(sheet.regime.year) của \(jurisdiction.name))",
                                   detail: assignments.mapValues { names[$0] ?? String($0) })
        }
    }
}
