/// The inspection plan as a plan of the planning capability (kind `inspection`): its register document and the task table the
/// plan's section III writes — per round, the units' self-inspection by its deadline and the team's visits in the window —
/// and the follow-up of remediation. The planning capability signs it off and tracks the tasks; the rounds stay here.
extension InspectionPlanDocument {
    /// `team`: the standing agency that leads the inspections (its code or name; "Phòng Nội vụ" when the jurisdiction has none).
    public func planDocument(team: String) -> PlanDocument {
        PlanDocument(unit: unit, year: year, kind: .inspection, document: document, tasks: planTasks(team: team))
    }

    public func planTasks(team: String) -> [PlanTaskEntry] {
        var tasks: [PlanTaskEntry] = []
        for r in rounds {
            let inspected = r.scope.units.flatMap { $0.isEmpty ? nil : $0 } ?? [UnitGroup.communes.title]
            let scopeLine = r.scope.text.map { "\n\($0)" } ?? ""
            if r.selfDue != nil || r.selfDueNote != nil {
                let frame = r.selfDueNote ?? r.selfDue.map { "\($0.strict == true ? "Trước ngày" : "Ngày") \($0.day.vietnamese)" } ?? ""
                tasks.append(PlanTaskEntry(area: "Công tác chỉ đạo, điều hành", task: "Kiểm tra công tác CCHC \(r.label.lowercased())",
                                           detail: "Tự kiểm tra và gửi báo cáo kết quả tự kiểm tra công tác CCHC (\(r.label))",
                                           product: "Báo cáo tự kiểm tra", lead: inspected, coordinators: [],
                                           timeFrame: frame, due: r.selfDue.map { [$0] } ?? []))
            }
            tasks.append(PlanTaskEntry(area: "Công tác chỉ đạo, điều hành", task: "Kiểm tra công tác CCHC \(r.label.lowercased())",
                                       detail: "Kiểm tra tại đơn vị (\(r.label))\(scopeLine)",
                                       product: "Thông báo kết luận kiểm tra", lead: [team], coordinators: [],
                                       timeFrame: "Từ ngày \(r.from.vietnamese) đến ngày \(r.to.vietnamese)",
                                       due: [DueDate(day: r.to)]))
        }
        tasks.append(PlanTaskEntry(area: "Công tác chỉ đạo, điều hành", task: "Theo dõi, đôn đốc khắc phục",
                                   detail: "Theo dõi, đôn đốc các đơn vị khắc phục tồn tại, hạn chế sau kiểm tra; kiểm tra lại kết quả khắc phục",
                                   product: "Báo cáo kết quả khắc phục", lead: [team], coordinators: [],
                                   timeFrame: "Trong \(remediationDays) ngày kể từ ngày thông báo kết luận kiểm tra", due: []))
        return tasks
    }
}
