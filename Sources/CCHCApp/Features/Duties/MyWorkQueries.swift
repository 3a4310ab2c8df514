import Fluent
import Foundation
import CCHCDomain

/// The work list's waiting lines: a leader's signatures, the standing agency's reviews, and the changes since the last visit.
enum MyWorkQueries {
    typealias Line = MyWork.Line

    /// A leader's: reports and plans sent up for signature, self-inspection reports saved and not yet sent.
    static func toSign(_ actor: Actor, units: [Unit], now: Date, on db: any Database) async throws -> [Line] {
        guard actor.role == .leader else { return [] }
        let ids = units.compactMap(\.id).filter { id in units.first { $0.id == id }.map { actor.scope.canSign(for: $0.unitPath) } ?? false }
        guard !ids.isEmpty else { return [] }
        var out: [Line] = []
        let reports = try await Report.query(on: db).filter(\.$unit.$id ~~ ids).filter(\.$isCurrent == true)
            .filter(\.$state == .awaitingLeader).with(\.$unit).with(\.$period) { $0.with(\.$regime) }.all()
        for r in reports {
            out.append(Line(title: r.period.periodKind.title(year: r.period.regime.year), unitName: r.unit.name,
                            detail: "Chuyên viên trình ký" + (r.updatedBy.map { " (\($0))" } ?? ""), at: r.updatedAt,
                            url: SiteURL.Reports.report(.value(r.$unit.id), .value(r.$period.id)).path))
        }
        let plans = try await PlanRecord.query(on: db).filter(\.$unit.$id ~~ ids).filter(\.$state == .awaitingLeader).with(\.$unit).all()
        for p in plans {
            out.append(Line(title: "\(p.planKind.title) năm \(p.year)", unitName: p.unit.name, detail: "Chuyên viên trình ký", at: p.updatedAt,
                            url: SiteURL.Plans.plan(.value(p.$unit.id), .value(p.year), .value(p.planKind)).path))
        }
        let drafts = try await InspectionSelfReportRecord.query(on: db).filter(\.$unit.$id ~~ ids).filter(\.$sentAt == nil)
            .with(\.$unit).with(\.$plan).all()
        for s in drafts {
            out.append(Line(title: "Báo cáo tự kiểm tra CCHC đợt \(s.round) năm \(s.plan.year)", unitName: s.unit.name,
                            detail: "Đã soạn, chờ lãnh đạo ký gửi", at: s.updatedAt,
                            url: SiteURL.Inspections.overview(.value(s.$unit.id)).relativeURL(parameters: [QueryParameter("year", s.plan.year)])))
        }
        return out.sorted { ($0.at ?? .distantPast) < ($1.at ?? .distantPast) }
    }

    /// The standing agency's: what the units directly below sent (reports, plans, self-assessments, remediation) and visits
    /// past their day without a conclusion.
    static func toReview(_ actor: Actor, now: Date, on db: any Database) async throws -> [Line] {
        guard actor.role == .standingOfficer, let root = actor.scope.root else { return [] }
        let jurisdictionID = root.unitID
        let children = try await UnitQueries.children(of: jurisdictionID, on: db).compactMap(\.id)
        var out: [Line] = []
        if !children.isEmpty {
            let reports = try await Report.query(on: db).filter(\.$unit.$id ~~ children).filter(\.$isCurrent == true)
                .filter(\.$state == .submitted).with(\.$unit).with(\.$period) { $0.with(\.$regime) }.all()
            for r in reports {
                out.append(Line(title: "Tiếp nhận " + r.period.periodKind.title(year: r.period.regime.year).lowercasedFirst, unitName: r.unit.name,
                                detail: "Đã gửi, chờ tiếp nhận hoặc trả lại", at: r.submittedAt,
                                url: SiteURL.Reports.report(.value(r.$unit.id), .value(r.$period.id)).path))
            }
            let plans = try await PlanRecord.query(on: db).filter(\.$unit.$id ~~ children).filter(\.$state == .submitted).with(\.$unit).all()
            for p in plans {
                out.append(Line(title: "Tiếp nhận \(p.planKind.title.lowercasedFirst) năm \(p.year)", unitName: p.unit.name,
                                detail: p.docNumber.map { "Số \($0)" }, at: p.submittedAt,
                                url: SiteURL.Plans.plan(.value(p.$unit.id), .value(p.year), .value(p.planKind)).path))
            }
        }
        let rounds = try await ParRoundRecord.query(on: db).filter(\.$unit.$id == jurisdictionID).all().compactMap(\.id)
        if !rounds.isEmpty {
            let sent = try await ParAssessmentRecord.query(on: db).filter(\.$round.$id ~~ rounds).filter(\.$state ~~ [.submitted, .answered])
                .with(\.$unit).with(\.$round).all()
            for a in sent {
                out.append(Line(title: a.state == .answered ? "Xem giải trình, chốt điểm chỉ số CCHC năm \(a.round.year)"
                                    : "Thẩm định kết quả tự đánh giá chỉ số CCHC năm \(a.round.year)",
                                unitName: a.unit.name, detail: a.selfTotal.map { "Tự chấm \(ParPoints.text($0)) điểm" }, at: a.answeredAt ?? a.submittedAt,
                                url: SiteURL.Par.assessment(.value(try a.round.requireID()), .value(a.$unit.id)).path))
            }
        }
        let plans = try await InspectionPlanRecord.query(on: db).filter(\.$unit.$id == jurisdictionID).all().compactMap(\.id)
        if !plans.isEmpty {
            let visits = try await InspectionVisitRecord.query(on: db).filter(\.$plan.$id ~~ plans).with(\.$unit).all()
            let today = Day(now)
            for v in visits where v.concludedOn == nil && v.day < today {
                out.append(Line(title: "Ghi kết luận kiểm tra ngày \(v.day.vietnamese)", unitName: v.unit.name, detail: nil,
                                at: Date.noon(of: v.day), url: SiteURL.Inspections.visit(.value(v.$unit.id), .value(try v.requireID())).path))
            }
            let fixed = try await InspectionFindingRecord.query(on: db).filter(\.$visit.$id ~~ visits.compactMap(\.id)).filter(\.$status == .fixed).all()
            for f in fixed {
                guard let v = visits.first(where: { $0.id == f.$visit.id }) else { continue }
                out.append(Line(title: "Xác minh kết quả khắc phục", unitName: v.unit.name, detail: PlanService.short(f.description),
                                at: f.updatedAt, url: SiteURL.Inspections.visit(.value(v.$unit.id), .value(f.$visit.id)).path))
            }
        }
        // Oldest first; what is older than last year is history (the timeliness page keeps it).
        let recent = Date.noon(of: Day(Day(now).year - 1, 1, 1)!)
        return out.filter { ($0.at ?? now) >= recent }.sorted { ($0.at ?? .distantPast) < ($1.at ?? .distantPast) }
    }

    /// Others' changes in the user's reach (their unit's subtree; the standing agency's jurisdiction) since `since`, newest first.
    static func changes(_ actor: Actor, since: Date, on db: any Database) async throws -> [Line] {
        var q = AuditEvent.query(on: db).filter(\.$at > since).filter(\.$action !~ ["auth.login", "auth.logout", "auth.failed"])
        q = q.group(.or) { $0.filter(\.$userID != actor.userID).filter(\.$userID == nil) }
        let reach = actor.scope.root ?? (actor.isAdmin ? nil : UnitPath(ids: []))
        if let reach, actor.role == .standingOfficer { q = q.filter(\.$unitPath, .custom("LIKE"), reach.subtreePattern) }
        else if !actor.isAdmin, let mine = try await Unit.find(actor.unitID, on: db) {
            q = q.filter(\.$unitPath, .custom("LIKE"), mine.unitPath.subtreePattern)
        }
        let events = try await q.sort(\.$at, .descending).limit(12).all()
        return events.map { e in
            Line(title: e.summary, unitName: "", detail: e.username, at: e.at,
                 url: e.unitID.map { SiteURL.Units.unit(.value($0)).path } ?? SiteURL.home.path)
        }
    }
}
