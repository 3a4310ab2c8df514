import Fluent
import Vapor
import CCHCDomain

extension InspectionPages {
    /// The issuing body of a jurisdiction: its name under its parent's.
    static func issuer(_ unit: Unit, on db: any Database) async throws -> IssuingBody {
        let parent = try await Unit.find(optional: unit.$parent.id, on: db)
        return IssuingBody(kind: unit.kind, name: unit.name, parentKind: parent?.kind, parentName: parent?.name)
    }

    func planDOCX(req: Request) async throws -> Response {
        let (_, unit) = try await Self.unit(req)
        let year = try Self.year(req)
        guard let plan = try await InspectionQueries.plan(covering: unit, year: year, on: req.db),
              let owner = try await Unit.find(plan.$unit.id, on: req.db) else { throw CCHCError.notFound("Chưa có kế hoạch kiểm tra năm \(year).") }
        let doc = try plan.document()
        let scope = try await InspectionQueries.scope(of: plan, doc, on: req.db)
        let parent = try await Unit.find(optional: owner.$parent.id, on: req.db)
        let recipients = (parent.map { ["- \(IssuingBody(kind: $0.kind, name: $0.name).inSentence) (để b/c);"] } ?? [])
            + ["- Các phòng, ban, đơn vị thuộc \(owner.name.lowercasedFirst);", "- UBND các xã, thị trấn;"]
        let data = try InspectionDocuments.planDOCX(doc, issuer: try await Self.issuer(owner, on: req.db), recipients: recipients, signer: nil,
                                                    unitNames: Dictionary(scope.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a }))
        return Exports.file(data, type: Exports.docxType, name: "ke-hoach-kiem-tra-cchc-\(year).docx")
    }

    func conclusionDOCX(req: Request) async throws -> Response {
        let (_, unit) = try await Self.unit(req)
        let (v, plan) = try await InspectionQueries.visit(try req.idParameter("visitID"), of: unit, on: req.db)
        guard let concluded = v.concludedDay, let owner = try await Unit.find(plan.$unit.id, on: req.db) else {
            throw CCHCError.notFound("Cuộc kiểm tra chưa có kết luận.")
        }
        let findings = try await InspectionQueries.findings(of: [try v.requireID()], on: req.db).map { f in
            InspectionDocuments.Finding(area: ReformArea(rawValue: f.area) ?? .direction, description: f.description, responsible: f.responsible,
                                        due: f.dueDay)
        }
        let c = InspectionDocuments.Conclusion(unitName: unit.name, visitDate: v.day, round: v.round, complaintSummary: v.complaintSummary,
                                               leader: v.team.leader, members: v.team.members, text: v.conclusion ?? "", number: v.conclusionNumber,
                                               date: concluded, findings: findings, year: plan.year)
        let data = try InspectionDocuments.conclusionDOCX(c, issuer: try await Self.issuer(owner, on: req.db), signer: nil)
        return Exports.file(data, type: Exports.docxType, name: "ket-luan-kiem-tra-\(unit.code.lowercased())-\(concluded.iso).docx")
    }
}
