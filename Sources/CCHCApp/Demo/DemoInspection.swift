import Fluent
import Foundation
import CCHCDomain

/// The demo's inspections (issue 12): Nghi Xuân's 2022 inspection plan from seed 003, the communes' self-inspection reports
/// of round 1 (some late, one never sent), the round-1 visits (one moved) with their conclusions and findings (most fixed on
/// time, one overdue, one awaiting verification) and an ad-hoc inspection from a citizen's complaint —
/// `Resources/Demo/nghi-xuan-2022-inspection.json`, made by `scripts/make_demo_inspection.py`.
struct DemoInspection {
    let db: any Database

    struct Finding: Decodable {
        var area: String
        var description: String
        var severity: String
        var responsible: String
        var person: String?
        var fixedOn: String?
        var remediation: String?
        var verifiedOn: String?
    }

    struct Conclusion: Decodable {
        var number: String?
        var text: String
    }

    struct Complaint: Decodable {
        var reference: String?
        var date: String?
        var summary: String
    }

    struct Visit: Decodable {
        var unit: String
        var round: Int?
        var date: String
        var movedFrom: String?
        var team: InspectionTeam
        var preReportSentAt: Date?
        var concludedOn: String?
        var conclusion: Conclusion?
        var findings: [Finding]?
        var complaint: Complaint?
    }

    struct SelfReport: Decodable {
        var unit: String
        var round: Int
        var sentAt: Date?
        var answers: [String: String]
        var narrative: String?
    }

    struct File: Decodable {
        var plan: InspectionPlanDocument
        var selfReports: [SelfReport]
        var visits: [Visit]
        var adHoc: [Visit]
    }

    func load() async throws {
        guard let data = PlanFiles.resource("Demo/nghi-xuan-2022-inspection.json") else { return }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let file = try decoder.decode(File.self, from: data)
        guard let district = try await Unit.query(on: db).filter(\.$code == file.plan.unit).first() else { return }
        let at = Day(2022, 3, 15)!.startInVietnam.addingTimeInterval(9 * 3600)
        let plan = try await InspectionService(db: db, actor: nil, now: at).savePlan(file.plan, unit: district)
        let planID = try plan.requireID()
        // Signed as the seed's plan was; registered as the district's 45/KH-UBND.
        if let signed = try await PlanRecord.query(on: db).filter(\.$unit.$id == (try district.requireID())).filter(\.$year == file.plan.year)
            .filter(\.$kind == PlanKind.inspection.rawValue).first(), let issued = file.plan.document, let number = issued.number, let day = issued.date {
            let planning = DemoPlanning(db: db)
            try await planning.issue(signed, number: number, day: day, signer: issued.signer, accepted: false)
            let draft = RegisterDraft(number: number, issuedOn: day.iso,
                                      summary: PlanFiles.summary(PlanDocument(unit: district.name, year: file.plan.year, kind: .inspection)),
                                      signer: issued.signer, directsCCHC: true)
            _ = try await RegisterService(db: db, actor: nil, now: day.startInVietnam.addingTimeInterval(9 * 3600))
                .create(draft, in: district, source: .init(kind: "plan", id: try signed.requireID()))
        }
        let codes = Set(file.selfReports.map(\.unit) + file.visits.map(\.unit) + file.adHoc.map(\.unit))
        let units = Dictionary(try await Unit.query(on: db).filter(\.$code ~~ Array(codes)).all().map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        for s in file.selfReports {
            guard let unit = units[s.unit] else { continue }
            let r = InspectionSelfReportRecord()
            r.$plan.id = planID
            r.round = s.round
            r.$unit.id = try unit.requireID()
            r.unitPath = unit.path
            r.answers = s.answers
            r.narrative = s.narrative
            r.sentAt = s.sentAt
            r.sentBy = s.sentAt == nil ? nil : "Chủ tịch UBND \(unit.name)"
            r.revision = 0
            r.updatedBy = "hệ thống"
            r.updatedAt = s.sentAt ?? at
            try await r.create(on: db)
        }
        for v in file.visits + file.adHoc {
            guard let unit = units[v.unit], let day = Day(iso: v.date) else { continue }
            let r = InspectionVisitRecord()
            r.$plan.id = planID
            r.round = v.round
            r.$unit.id = try unit.requireID()
            r.unitPath = unit.path
            r.visitOn = day.iso
            // A complaint is checked without notice: no pre-visit report is asked for.
            r.unannounced = v.complaint != nil
            r.origin = v.complaint == nil ? nil : "complaint"
            r.complaintRef = v.complaint?.reference
            r.complaintOn = v.complaint?.date
            r.complaintSummary = v.complaint?.summary
            r.team = v.team
            r.history = v.movedFrom.flatMap { Day(iso: $0) }
                .map { [VisitMove(from: $0, to: day, reason: "Theo đề nghị của đơn vị", by: "hệ thống", at: at)] } ?? []
            r.preReport = v.preReportSentAt == nil ? nil : "Báo cáo kết quả thực hiện công tác CCHC của \(unit.name) (gửi Đoàn kiểm tra)."
            r.preReportAt = v.preReportSentAt
            r.concludedOn = v.concludedOn
            r.conclusionNumber = v.conclusion?.number
            r.conclusion = v.conclusion?.text
            r.revision = 0
            r.updatedBy = "hệ thống"
            r.updatedAt = at
            try await r.create(on: db)
            guard let concluded = v.concludedOn.flatMap({ Day(iso: $0) }) else { continue }
            let due = InspectionRules.remediationDue(conclusion: concluded, days: file.plan.remediationDays)
            for f in v.findings ?? [] {
                let x = InspectionFindingRecord()
                x.$visit.id = try r.requireID()
                x.area = f.area
                x.description = f.description
                x.severity = f.severity
                x.responsible = f.responsible
                x.person = f.person
                x.foundOn = concluded.iso
                x.due = due.iso
                x.status = f.verifiedOn != nil ? .verified : f.fixedOn != nil ? .fixed : .open
                x.fixedOn = f.fixedOn
                x.remediation = f.remediation
                x.verifiedOn = f.verifiedOn
                x.verifiedBy = f.verifiedOn == nil ? nil : "nghixuan.noivu"
                x.revision = 0
                x.updatedBy = "hệ thống"
                x.updatedAt = at
                try await x.create(on: db)
            }
        }
    }
}
