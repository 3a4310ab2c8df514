import Foundation
import CCHCDomain
import CCHCOffice

/// The inspection capability's documents in the state layout (Decree 30/2020/NĐ-CP, see OFFICIAL-DOCUMENTS.md): the year's
/// inspection plan in seed 003's shape, and the notice of a visit's conclusion (thông báo kết luận) with its findings and their
/// remediation deadlines. Pure functions: the caller loads the plan or the visit and the issuing body's details; what a user
/// can get wrong is refused with a `ValidationFailure` naming the field.
enum InspectionDocuments {
    // MARK: The plan

    /// Seed 003's shape: KẾ HOẠCH Kiểm tra công tác cải cách hành chính năm YYYY — căn cứ (`grounds`, optional), I. MỤC ĐÍCH,
    /// YÊU CẦU (1. Mục đích, 2. Yêu cầu — bullets), II. HÌNH THỨC, NỘI DUNG KIỂM TRA (rounds with their windows and scope; the
    /// checklist grouped by reform area), III. KINH PHÍ, IV. TỔ CHỨC THỰC HIỆN (self-inspection deadline per round, the pre-visit
    /// report "trước NN ngày theo lịch kiểm tra", remediation within N days of the conclusion), Nơi nhận, signature.
    /// `unitNames` turns the unit codes of a round's scope into names ("HT-NXU-XUANHOI" → "Xã Xuân Hội"); without a name for
    /// every unit of a round, the round says only how many.
    static func planDOCX(_ plan: InspectionPlanDocument, issuer: IssuingBody, recipients: [String], signer: Signatory?,
                         grounds: [String] = [], unitNames: [String: String] = [:]) throws -> Data {
        try planDocument(plan, issuer: issuer, recipients: recipients, signer: signer, grounds: grounds, unitNames: unitNames).docxData()
    }

    /// "Kiểm tra công tác cải cách hành chính năm 2022"
    static func planSummary(year: Int) -> String { "Kiểm tra công tác cải cách hành chính năm \(year)" }

    static func planDocument(_ plan: InspectionPlanDocument, issuer: IssuingBody, recipients: [String], signer: Signatory?,
                             grounds: [String] = [], unitNames: [String: String] = [:]) throws -> OfficialDocument {
        let problems = plan.problems()
        guard problems.isEmpty else { throw ValidationFailure(problems) }
        let y = plan.year
        var b: [OfficialDocument.Block] = []

        let givenGrounds = grounds.map(trimmed).filter { !$0.isEmpty }
        for ground in givenGrounds {
            b.append(.paragraph(sentence(ground.lowercased().hasPrefix("căn cứ") ? ground : "Căn cứ " + ground, ";")))
        }
        b.append(.paragraph("\(issuer.inSentence) ban hành Kế hoạch kiểm tra công tác cải cách hành chính năm \(y) với những nội dung như sau:"))

        b.append(.heading("I. MỤC ĐÍCH, YÊU CẦU"))
        b.append(.heading("1. Mục đích"))
        b.append(contentsOf: bullets(plan.purpose.isEmpty ? defaultPurpose(y) : plan.purpose))
        b.append(.heading("2. Yêu cầu"))
        b.append(contentsOf: bullets(plan.requirements.isEmpty ? defaultRequirements : plan.requirements))

        b.append(.heading("II. HÌNH THỨC, NỘI DUNG KIỂM TRA"))
        b.append(.paragraph("1. Hình thức: Kiểm tra định kỳ và kiểm tra đột xuất."))
        b.append(.heading("2. Thời gian, phạm vi kiểm tra định kỳ"))
        let rounds = plan.rounds.sorted { $0.number < $1.number }
        b.append(.paragraph("Việc kiểm tra định kỳ được thực hiện vào \(rounds.count) đợt. Cụ thể:"))
        for (i, r) in rounds.enumerated() {
            let scope = scopeText(r.scope, names: unitNames)
            b.append(.paragraph(sentence("- \(label(r)) (từ ngày \(r.from.vietnamese) đến ngày \(r.to.vietnamese)): \(scope)",
                                         i == rounds.count - 1 ? "." : ";")))
        }
        b.append(.heading("3. Nội dung kiểm tra"))
        let groups = checklistGroups(plan.checklist)
        if groups.isEmpty {
            b.append(.paragraph("Việc thực hiện Kế hoạch cải cách hành chính năm \(y) trên các lĩnh vực cải cách hành chính."))
        }
        for (i, group) in groups.enumerated() {
            b.append(.heading("3.\(i + 1). \(group.area.title)"))
            b.append(contentsOf: bullets(group.items))
        }
        b.append(.heading("4. Kiểm tra đột xuất"))
        b.append(.paragraph("Tùy theo tình hình thực hiện và yêu cầu thực tiễn, kiểm tra đột xuất theo phản ánh, kiến nghị của cá nhân, "
            + "tổ chức, doanh nghiệp hoặc theo yêu cầu của lãnh đạo \(short(issuer)). Kiểm tra đột xuất không báo trước; đơn vị được "
            + "kiểm tra đột xuất không phải gửi báo cáo trước."))

        b.append(.heading("III. KINH PHÍ"))
        let budget = plan.budget.map(trimmed) ?? ""
        b.append(.paragraph(sentence(budget.isEmpty ? defaultBudget(issuer, year: y) : budget, ".")))

        b.append(.heading("IV. TỔ CHỨC THỰC HIỆN"))
        b.append(.heading("1. Tự kiểm tra việc thực hiện công tác cải cách hành chính"))
        b.append(.paragraph("Người đứng đầu các cơ quan, đơn vị, địa phương có trách nhiệm tổ chức tự kiểm tra theo các nội dung tại mục II "
            + "của Kế hoạch này và báo cáo kết quả tự kiểm tra về \(reportTo(issuer)) theo thời gian sau:"))
        for (i, r) in rounds.enumerated() {
            b.append(.paragraph(sentence("- \(label(r)): \(selfDeadline(r))", i == rounds.count - 1 ? "." : ";")))
        }
        b.append(.heading("2. Thực hiện kiểm tra"))
        let lead = agency(issuer).map { "Giao \($0) chủ trì" } ?? "\(issuer.name) chủ trì"
        b.append(.paragraph("- \(lead), phối hợp với các cơ quan, đơn vị liên quan tham mưu \(short(issuer)) thành lập Đoàn kiểm tra "
            + "và thông báo lịch kiểm tra cụ thể đến các đơn vị được kiểm tra;"))
        b.append(.paragraph("- \(preVisitSentence(plan.preVisitDays, issuer: issuer)) Chuẩn bị đầy đủ hồ sơ, văn bản, tài liệu, số liệu liên "
            + "quan để cung cấp cho Đoàn kiểm tra và giải trình những vấn đề mà Đoàn kiểm tra cần làm rõ;"))
        b.append(.paragraph("- Kết thúc kiểm tra tại mỗi đơn vị, Đoàn kiểm tra tổng hợp, tham mưu \(short(issuer)) thông báo kết luận kiểm "
            + "tra. Đơn vị được kiểm tra khắc phục các tồn tại, hạn chế trong thời hạn \(twoDigits(plan.remediationDays)) ngày kể từ ngày "
            + "ban hành thông báo kết luận và báo cáo kết quả khắc phục về \(reportTo(issuer))."))
        b.append(.paragraph("Trong quá trình triển khai thực hiện, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị, địa phương phản ánh về "
            + "\(reportTo(issuer)) để tổng hợp, trình \(short(issuer)) xem xét, giải quyết./."))

        let number = plan.document?.number
        let signedBy = signer ?? plan.document?.signer.map { Signatory(fullName: $0) }
        return OfficialDocument(
            parentBody: issuer.superiorLines.joined(separator: "\n"), issuingBody: issuer.bodyLines.joined(separator: "\n"),
            number: OfficialText.numberLine(number, symbol: issuer.symbol(type: "KH")),
            placeAndDate: placeAndDate(issuer, plan.document?.date), typeName: "KẾ HOẠCH", summary: planSummary(year: y), body: b,
            recipients: recipientLines(recipients), signerAuthority: issuer.signerLines(deputy: signedBy?.isDeputy ?? false),
            signerName: signedBy?.name ?? "")
    }

    // MARK: The conclusion

    /// One finding of a visit as the notice lists it.
    struct Finding: Sendable {
        var area: ReformArea
        var description: String
        /// The unit's part (or person) that must fix it: "Bộ phận Tiếp nhận và Trả kết quả".
        var responsible: String
        /// The last day of remediation: the conclusion's day + the plan's days.
        var due: Day
    }

    /// A visit's conclusion as the team wrote it, with what the notice needs around it.
    struct Conclusion: Sendable {
        /// "Xã Xuân Hội"
        var unitName: String
        var visitDate: Day
        /// nil: kiểm tra đột xuất.
        var round: Int?
        var complaintSummary: String?
        var leader: String
        var members: [String]
        /// The conclusion as the team wrote it (paragraphs separated by newlines).
        var text: String
        /// "98/TB-UBND"
        var number: String?
        /// The conclusion's day.
        var date: Day
        var findings: [Finding]
        var year: Int
    }

    /// "Kết luận kiểm tra công tác cải cách hành chính đợt 1 năm 2022 tại xã Xuân Hội",
    /// "Kết luận kiểm tra đột xuất công tác cải cách hành chính tại xã Xuân Hội".
    static func conclusionSummary(_ c: Conclusion) -> String {
        let unit = inSentence(unit: c.unitName)
        guard let round = c.round else { return "Kết luận kiểm tra đột xuất công tác cải cách hành chính tại \(unit)" }
        return "Kết luận kiểm tra công tác cải cách hành chính đợt \(round) năm \(c.year) tại \(unit)"
    }

    /// THÔNG BÁO Kết luận kiểm tra công tác cải cách hành chính tại <unit>: the team, the complaint (ad hoc), the text, a table of
    /// the findings (STT, lĩnh vực, vấn đề, bộ phận chịu trách nhiệm, hạn khắc phục dd/MM/yyyy), then "Yêu cầu … khắc phục …
    /// báo cáo kết quả về UBND huyện (qua Phòng Nội vụ)". A last paragraph of the text that already says "Yêu cầu …" is that
    /// closing, moved under the table. `recipients` nil: the inspected unit, the leadership, the team, "Lưu: VT, NV.".
    static func conclusionDOCX(_ c: Conclusion, issuer: IssuingBody, signer: Signatory?, recipients: [String]? = nil) throws -> Data {
        try conclusionDocument(c, issuer: issuer, signer: signer, recipients: recipients).docxData()
    }

    static func conclusionDocument(_ c: Conclusion, issuer: IssuingBody, signer: Signatory?, recipients: [String]? = nil) throws
        -> OfficialDocument {
        try validate(c)
        let unit = inSentence(unit: c.unitName)
        let what = c.round.map { "kiểm tra công tác cải cách hành chính đợt \($0) năm \(c.year)" }
            ?? "kiểm tra đột xuất công tác cải cách hành chính"
        var b: [OfficialDocument.Block] = []
        let complaint = c.complaintSummary.map(trimmed) ?? ""
        let basis = c.round != nil ? "Thực hiện Kế hoạch kiểm tra công tác cải cách hành chính năm \(c.year) của \(issuer.inSentence)"
            : complaint.isEmpty ? "Theo yêu cầu của lãnh đạo \(short(issuer))" : "Để xem xét nội dung phản ánh, kiến nghị của cá nhân, tổ chức"
        b.append(.paragraph("\(basis), ngày \(c.visitDate.vietnamese), Đoàn kiểm tra đã \(what) tại \(unit). Xét báo cáo của Đoàn kiểm "
            + "tra, \(issuer.inSentence) thông báo kết luận kiểm tra như sau:"))

        var section = 0
        func heading(_ title: String) {
            section += 1
            b.append(.heading("\(roman[section - 1]). \(title)"))
        }
        heading("THÀNH PHẦN ĐOÀN KIỂM TRA")
        let members = c.members.map(trimmed).filter { !$0.isEmpty }
        b.append(.paragraph(sentence("- Trưởng đoàn: \(trimmed(c.leader))", members.isEmpty ? "." : ";")))
        if !members.isEmpty {
            b.append(.paragraph("- Thành viên:"))
            b.append(contentsOf: members.enumerated().map { .paragraph(sentence("+ \($0.element)", $0.offset == members.count - 1 ? "." : ";")) })
        }
        if c.round == nil, !complaint.isEmpty {
            heading("NỘI DUNG PHẢN ÁNH, KIẾN NGHỊ")
            b.append(.paragraph(sentence(complaint, ".")))
        }

        heading("KẾT QUẢ KIỂM TRA")
        var paragraphs = c.text.components(separatedBy: .newlines).map(trimmed).filter { !$0.isEmpty }
        let ownDemand = paragraphs.count > 1 && paragraphs.last.map { $0.lowercased().hasPrefix("yêu cầu") } == true ? paragraphs.removeLast() : nil
        b.append(.paragraph(paragraphs.joined(separator: "\n")))

        heading("NHỮNG TỒN TẠI, HẠN CHẾ PHẢI KHẮC PHỤC")
        if c.findings.isEmpty {
            b.append(.paragraph("Qua kiểm tra, Đoàn kiểm tra không phát hiện tồn tại, hạn chế phải khắc phục."))
        } else {
            b.append(.paragraph("\(subject(unit: c.unitName)) phải khắc phục "
                + "\(c.findings.count) tồn tại, hạn chế sau trong thời hạn ghi tại bảng:"))
            let rows = c.findings.enumerated().map { i, f in
                [String(i + 1), f.area.title, trimmed(f.description), trimmed(f.responsible), f.due.vietnamese]
            }
            b.append(.table(title: nil, header: ["STT", "Lĩnh vực", "Tồn tại, hạn chế", "Bộ phận chịu trách nhiệm", "Hạn khắc phục"],
                            rows: rows, widths: [0.9, 2.3, 4.0, 2.3, 1.9]))
        }

        heading("TỔ CHỨC THỰC HIỆN")
        b.append(.paragraph(sentence(ownDemand ?? demand(c, issuer: issuer), "./.")))

        return OfficialDocument(
            parentBody: issuer.superiorLines.joined(separator: "\n"), issuingBody: issuer.bodyLines.joined(separator: "\n"),
            number: OfficialText.numberLine(c.number, symbol: issuer.symbol(type: "TB")),
            placeAndDate: placeAndDate(issuer, c.date), typeName: "THÔNG BÁO", summary: conclusionSummary(c), body: b,
            recipients: recipientLines(recipients ?? defaultConclusionRecipients(c, issuer: issuer)),
            signerAuthority: issuer.signerLines(deputy: signer?.isDeputy ?? false), signerName: signer?.name ?? "")
    }

    /// "Yêu cầu Chủ tịch UBND xã Xuân Hội chỉ đạo … khắc phục … (chậm nhất ngày 28/06/2022) và báo cáo kết quả khắc phục … về
    /// UBND huyện (qua Phòng Nội vụ)".
    static func demand(_ c: Conclusion, issuer: IssuingBody) -> String {
        let unit = inSentence(unit: c.unitName)
        let who = isJurisdiction(c.unitName) ? "Chủ tịch UBND \(unit) chỉ đạo các bộ phận, cá nhân liên quan" : trimmed(c.unitName)
        guard let last = c.findings.map(\.due).max() else {
            return "Yêu cầu \(who) tiếp tục phát huy kết quả đạt được, thực hiện tốt các nhiệm vụ cải cách hành chính năm \(c.year)"
        }
        let dues = Set(c.findings.map(\.due))
        let within = dues.count == 1 ? "trong thời hạn \(twoDigits(c.date.days(until: last))) ngày kể từ ngày ban hành Thông báo này"
            : "đúng thời hạn ghi tại bảng trên"
        return "Yêu cầu \(who) khắc phục các tồn tại, hạn chế nêu trên \(within) (chậm nhất ngày \(last.vietnamese)) và báo cáo kết quả "
            + "khắc phục bằng văn bản, kèm hồ sơ minh chứng, về \(reportTo(issuer)) để theo dõi, kiểm tra"
    }

    /// Every field a user can get wrong, each named.
    static func validate(_ c: Conclusion) throws {
        var errors: [FieldError] = []
        if trimmed(c.unitName).isEmpty { errors.append(FieldError(field: "unitName", message: "Chưa có tên đơn vị được kiểm tra")) }
        if trimmed(c.leader).isEmpty { errors.append(FieldError(field: "leader", message: "Chưa có Trưởng đoàn kiểm tra")) }
        if trimmed(c.text).isEmpty { errors.append(FieldError(field: "text", message: "Chưa có nội dung kết luận kiểm tra")) }
        if let round = c.round, round < 1 { errors.append(FieldError(field: "round", message: "Đợt kiểm tra \(round) không hợp lệ")) }
        if !(2000...2100).contains(c.year) { errors.append(FieldError(field: "year", message: "Năm \(c.year) không hợp lệ")) }
        if c.date < c.visitDate {
            errors.append(FieldError(field: "date", message: "Ngày kết luận \(c.date.vietnamese) trước ngày kiểm tra \(c.visitDate.vietnamese)"))
        }
        for (i, f) in c.findings.enumerated() {
            let at = "findings[\(i)]"
            if trimmed(f.description).isEmpty { errors.append(FieldError(field: at, message: "Vấn đề số \(i + 1): chưa ghi nội dung")) }
            if trimmed(f.responsible).isEmpty {
                errors.append(FieldError(field: at, message: "Vấn đề số \(i + 1): chưa ghi bộ phận chịu trách nhiệm"))
            }
            if f.due < c.date {
                errors.append(FieldError(field: at, message: "Vấn đề số \(i + 1): hạn khắc phục \(f.due.vietnamese) trước ngày kết luận "
                    + c.date.vietnamese))
            }
        }
        if !errors.isEmpty { throw ValidationFailure(errors) }
    }

    static func defaultConclusionRecipients(_ c: Conclusion, issuer: IssuingBody) -> [String] {
        var lines = ["- \(subject(unit: c.unitName)) (để thực hiện);"]
        if issuer.isPeoplesCommittee { lines.append("- Chủ tịch, các PCT \(short(issuer));") }
        lines.append("- Thành viên Đoàn kiểm tra;")
        return lines
    }

    // MARK: Pieces

    static let roman = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"]

    static func trimmed(_ s: String) -> String { s.trimmingCharacters(in: .whitespacesAndNewlines) }

    /// The text without its closing punctuation, then `end`: "- Đợt 1: …;" or "…./.".
    static func sentence(_ text: String, _ end: String) -> String {
        var s = trimmed(text)
        while let last = s.last, ".;,:".contains(last) || last == "/" { s.removeLast() }
        return s + end
    }

    /// "- item;" lines, the last ending ".".
    static func bullets(_ items: [String]) -> [OfficialDocument.Block] {
        let given = items.map(trimmed).filter { !$0.isEmpty }
        return given.enumerated().map { i, item in
            let text = item.hasPrefix("-") || item.hasPrefix("+") ? String(item.dropFirst()) : item
            return .paragraph(sentence("- " + trimmed(text), i == given.count - 1 ? "." : ";"))
        }
    }

    /// The checklist grouped by area, the areas in the order they first appear (the plan's own order).
    static func checklistGroups(_ list: [InspectionChecklistItem]) -> [(area: ReformArea, items: [String])] {
        var groups: [(area: ReformArea, items: [String])] = []
        for entry in list where !trimmed(entry.item).isEmpty {
            if let i = groups.firstIndex(where: { $0.area == entry.area }) {
                groups[i].items.append(entry.item)
            } else {
                groups.append((entry.area, [entry.item]))
            }
        }
        return groups
    }

    static func label(_ r: InspectionRound) -> String {
        let l = trimmed(r.label)
        return l.isEmpty ? "Đợt \(r.number)" : l
    }

    /// "03", "15": the days as the documents write them.
    static func twoDigits(_ n: Int) -> String { String(format: "%02d", n) }

    /// Who is in a round's scope, as a sentence: the plan's words, the named units, a share, minimums per group.
    static func scopeText(_ s: InspectionScope, names: [String: String]) -> String {
        var parts: [String] = []
        if let text = s.text.map(trimmed), !text.isEmpty { parts.append(sentence(text, "")) }
        if let units = s.units, !units.isEmpty {
            // Names only when every unit has one: a code in the middle of a document reads as a slip.
            let named = units.compactMap { names[$0].map { inSentence(unit: $0) } }
            parts.append("gồm \(units.count) đơn vị" + (named.count == units.count ? ": " + named.joined(separator: ", ") : ""))
        }
        if let share = s.share { parts.append("tối thiểu \(NumberFormat.vietnamese(share * 100)) % số đơn vị") }
        for (group, count) in (s.minimumPerGroup ?? [:]).sorted(by: { $0.key < $1.key }) {
            parts.append("tối thiểu \(count) \(groupName(group))")
        }
        guard let first = parts.first else { return "Kiểm tra tất cả các cơ quan, đơn vị, địa phương" }
        let joined = ([first] + parts.dropFirst()).joined(separator: "; ")
        return joined.prefix(1).uppercased() + joined.dropFirst()
    }

    static func groupName(_ key: String) -> String {
        switch key.lowercased() {
        case "communes": "xã, phường, thị trấn"
        case "offices": "cơ quan chuyên môn"
        case "departments": "sở, ban, ngành"
        case "districts": "huyện, thị xã, thành phố"
        default: "đơn vị nhóm \(key)"
        }
    }

    /// "Trước ngày 20/05/2022" (written "trước ngày" — the last day is the day before), "Chậm nhất ngày 20/05/2022", or the plan's note.
    static func selfDeadline(_ r: InspectionRound) -> String {
        if let due = r.selfDue { return (due.strict == true ? "Trước ngày " : "Chậm nhất ngày ") + due.day.vietnamese }
        if let note = r.selfDueNote.map(trimmed), !note.isEmpty { return note }
        return "Theo thông báo của Đoàn kiểm tra"
    }

    static func preVisitSentence(_ days: Int, issuer: IssuingBody) -> String {
        let to = agency(issuer).map { "Đoàn kiểm tra (qua \($0))" } ?? "Đoàn kiểm tra"
        let when = days > 0 ? "trước \(twoDigits(days)) ngày theo lịch kiểm tra" : "chậm nhất vào ngày kiểm tra theo lịch"
        return "Đơn vị được kiểm tra báo cáo bằng văn bản gửi về \(to) \(when)."
    }

    static func defaultPurpose(_ year: Int) -> [String] {
        ["Đánh giá những mặt làm được, chưa làm được, hạn chế, nguyên nhân và những khó khăn, vướng mắc của cơ quan, đơn vị trong tổ "
            + "chức thực hiện công tác cải cách hành chính để xác định những vấn đề cần tập trung chỉ đạo",
         "Đôn đốc, hướng dẫn các cơ quan, đơn vị, địa phương triển khai công tác cải cách hành chính theo Kế hoạch cải cách hành chính năm \(year)"]
    }

    static let defaultRequirements = [
        "Kiểm tra đúng pháp luật, chính xác, khách quan, trung thực; không làm cản trở hoạt động chuyên môn của đơn vị được kiểm tra",
        "Nội dung kiểm tra bám sát kế hoạch cải cách hành chính của cấp trên và của cơ quan, đơn vị",
    ]

    static func defaultBudget(_ issuer: IssuingBody, year: Int) -> String {
        let source = issuer.isPeoplesCommittee ? "nguồn ngân sách \(levelWord(issuer)) bố trí" : "nguồn kinh phí được giao"
        return "Kinh phí hoạt động của Đoàn kiểm tra được bảo đảm từ \(source) cho công tác cải cách hành chính năm \(year)"
    }

    /// "huyện", "tỉnh", "thị xã", "xã".
    static func levelWord(_ issuer: IssuingBody) -> String { issuer.kind == .centralCity ? "thành phố" : issuer.kind.label }

    /// How the body names itself inside its own text: "UBND huyện", "Phòng Nội vụ".
    static func short(_ issuer: IssuingBody) -> String { issuer.isPeoplesCommittee ? "UBND \(levelWord(issuer))" : issuer.name }

    /// The standing agency for CCHC of a People's Committee: Sở Nội vụ, Phòng Nội vụ, the commune's office clerk; an office is its own.
    static func agency(_ issuer: IssuingBody) -> String? {
        guard issuer.isPeoplesCommittee else { return nil }
        switch issuer.kind.tier {
        case .nation: return "Bộ Nội vụ"
        case .province: return "Sở Nội vụ"
        case .district: return "Phòng Nội vụ"
        default: return "công chức Văn phòng - Thống kê"
        }
    }

    /// "UBND huyện (qua Phòng Nội vụ)".
    static func reportTo(_ issuer: IssuingBody) -> String { agency(issuer).map { "\(short(issuer)) (qua \($0))" } ?? short(issuer) }

    /// A unit's name inside a sentence: "Xã Xuân Hội" → "xã Xuân Hội"; an office keeps its capital ("Phòng Tư pháp").
    static func inSentence(unit name: String) -> String { isJurisdiction(name) ? OfficialText.lowerFirst(trimmed(name)) : trimmed(name) }

    /// Whether the name is a jurisdiction's ("Xã …", "Thị trấn …"), whose People's Committee answers for it.
    static func isJurisdiction(_ name: String) -> Bool { OfficialText.place(of: trimmed(name)) != trimmed(name) }

    /// Who acts: "UBND xã Xuân Hội", "Phòng Tư pháp".
    static func subject(unit name: String) -> String { isJurisdiction(name) ? "UBND " + inSentence(unit: name) : trimmed(name) }

    static func placeAndDate(_ issuer: IssuingBody, _ day: Day?) -> String {
        day.map { OfficialText.placeAndDate(issuer.place, $0) } ?? "\(issuer.place), ngày      tháng      năm      "
    }

    /// One recipient a line, "- …;", then "- Lưu: VT, NV." (unless the caller already ends with a "Lưu" line).
    static func recipientLines(_ given: [String]) -> [String] {
        var lines = given.map(trimmed).filter { !$0.isEmpty }.map { line -> String in
            let text = line.hasPrefix("-") ? trimmed(String(line.dropFirst())) : line
            return text.hasPrefix("Lưu") ? "- " + sentence(text, ".") : "- " + sentence(text, ";")
        }
        if !(lines.last?.hasPrefix("- Lưu") ?? false) { lines.append("- Lưu: VT, NV.") }
        return lines
    }
}
