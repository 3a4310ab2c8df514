import Fluent
import Vapor
import CCHCDomain

/// A jurisdiction's reporting regime for a year: periods, windows, deadlines, the form; warnings.
struct RegimePages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.Reports.regime(.key, .key).pathComponents, use: show).access(.scoped)
        routes.post(SiteURL.Reports.regime(.key, .key).pathComponents, use: save).access(.scoped)
        routes.post(SiteURL.Reports.regimeRead(.key, .key).pathComponents, use: read).access(.scoped)
    }

    static func year(_ req: Request) throws -> Int {
        guard let y = req.parameters.get("year").flatMap(Int.init), (2000...2100).contains(y) else { throw CCHCError.notFound() }
        return y
    }

    func show(req: Request) async throws -> HTML {
        let actor = try req.actor
        let unit = try await UnitQueries.readable(try req.idParameter("unitID"), by: actor, on: req.db)
        guard unit.kind.receivesReports else { throw CCHCError.notFound(Actor.onlyReports(unit, "ban hành chế độ báo cáo")) }
        let year = try Self.year(req)
        let record = try await RegimeRecord.query(on: req.db).filter(\.$issuer.$id == (try unit.requireID())).filter(\.$year == year).first()
        var regime: Regime
        if (try? req.query.get(String.self, at: "preset")) == "decree09" {
            let day = (try? req.query.get(Int.self, at: "day")) ?? record?.deadlineDay ?? 15
            regime = RegimePreset.decree09(issuer: unit.name, year: year, deadlineDay: min(max(day, 1), 31))
        } else if let record {
            regime = try await RegimeService.domain(record, issuerName: unit.name, on: req.db)
        } else {
            regime = Regime(issuer: unit.name, year: year, periods: [])
        }
        let warnings = regime.periods.isEmpty ? [] : try await RegimeService.warnings(regime, issuer: unit, on: req.db)
        return try await page(req, unit: unit, regime: regime, record: record, warnings: warnings, failure: nil,
                              flash: (try? req.query.get(String.self, at: "saved")) == "1" ? "Đã lưu chế độ báo cáo." : nil)
    }

    func save(req: Request) async throws -> Response {
        let actor = try req.actor
        let unit = try await UnitQueries.manageable(try req.idParameter("unitID"), by: actor, on: req.db)
        let year = try Self.year(req)
        let form = FormBody(req)
        let (periods, unitErrors) = Self.periods(form, prefix: "", who: "")
        let (officePeriods, officeErrors) = Self.periods(form, prefix: "o", who: "Cơ quan chuyên môn, ")
        let errors = unitErrors + officeErrors
        let regime = Regime(issuer: unit.name, year: year, deadlineDay: form["deadlineDay"].flatMap { Int($0) }, periods: periods,
                            officePeriods: officePeriods.isEmpty ? nil : officePeriods)
        let record = try await RegimeRecord.query(on: req.db).filter(\.$issuer.$id == (try unit.requireID())).filter(\.$year == year).first()
        do {
            guard errors.isEmpty else { throw ValidationFailure(errors) }
            _ = try await RegimeService(db: req.db, actor: actor, now: req.now)
                .save(regime, issuer: unit, formID: form["formID"].flatMap { Int($0) }, document: form["document"].flatMap { $0.isEmpty ? nil : $0 },
                      expectedRevision: form["revision"].flatMap { Int($0) })
            let regime = SiteURL.Reports.regime(.value(try unit.requireID()), .value(year))
            return req.redirect(to: regime.relativeURL(parameters: [QueryParameter("saved", 1)]))
        } catch let failure as ValidationFailure {
            return try await page(req, unit: unit, regime: regime, record: record, warnings: [], failure: failure, flash: nil, typed: form)
                .encodeResponse(status: .unprocessableEntity, for: req)
        } catch let conflict as CCHCError where conflict.status == .conflict {
            let fresh = try await RegimeRecord.query(on: req.db).filter(\.$issuer.$id == (try unit.requireID())).filter(\.$year == year).first()
            return try await page(req, unit: unit, regime: regime, record: fresh, warnings: [], failure: ValidationFailure(field: "revision", conflict.message),
                                  flash: nil, typed: form)
                .encodeResponse(status: .conflict, for: req)
        }
    }

    /// The periods typed in one table of the page (`prefix` "" for the units, "o" for the offices).
    static func periods(_ form: FormBody, prefix: String, who: String) -> ([ReportingPeriod], [FieldError]) {
        var periods: [ReportingPeriod] = []
        var errors: [FieldError] = []
        for kind in PeriodKind.all where kind != .estimate {
            let code = kind.code
            func typed(_ key: String) -> String { form["\(prefix)\(key):\(code)"] ?? "" }
            let from = typed("from"), to = typed("to"), deadline = typed("deadline")
            if [from, to, deadline].allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            let f = Day(vietnamese: from), t = Day(vietnamese: to), d = Day(vietnamese: deadline)
            let ef = typed("estimateFrom").isEmpty ? nil : Day(vietnamese: typed("estimateFrom"))
            let et = typed("estimateTo").isEmpty ? nil : Day(vietnamese: typed("estimateTo"))
            let strict = form["\(prefix)strict:\(code)"] == "on" ? true : nil
            let onRequest = form["\(prefix)request:\(code)"] == "on" ? true : nil
            // A deadline with no window: the regime gives only the deadline; the check says what is missing.
            let deadlineOnly = from.trimmingCharacters(in: .whitespaces).isEmpty && to.trimmingCharacters(in: .whitespaces).isEmpty
            var checked = [("hạn nộp", deadline, d)]
            if !deadlineOnly { checked = [("từ ngày", from, f), ("đến ngày", to, t)] + checked }
            for (label, text, day) in checked where day == nil {
                errors.append(FieldError(field: "\(prefix)period.\(code)", message: "\(who)\(kind.label): \(label) " + VNDate.problem(text)))
            }
            if deadlineOnly, let d {
                var p = ReportingPeriod.deadlineOnly(kind: kind, year: d.year, deadline: d, deadlineStrict: strict, onRequest: onRequest)
                p.estimateFrom = ef
                p.estimateTo = et
                periods.append(p)
            } else if let f, let t, let d {
                periods.append(ReportingPeriod(kind: kind, from: f, to: t, deadline: d, estimateFrom: ef, estimateTo: et,
                                               deadlineStrict: strict, onRequest: onRequest))
            }
        }
        return (periods, errors)
    }

    /// One table of periods: editable inputs or plain dates.
    static func rows(_ kinds: [PeriodKind], _ period: (PeriodKind) -> ReportingPeriod?, prefix: String, editable: Bool, typed: FormBody?) -> [HTML] {
        kinds.map { kind in
            let p = period(kind)
            func strict(_ p: ReportingPeriod?) -> Bool { typed.map { $0["\(prefix)strict:\(kind.code)"] == "on" } ?? (p?.deadlineStrict == true) }
            func val(_ key: String, _ day: Day?) -> String { typed?["\(prefix)\(key):\(kind.code)"] ?? day?.vietnamese ?? "" }
            func onRequest(_ p: ReportingPeriod?) -> Bool { typed.map { $0["\(prefix)request:\(kind.code)"] == "on" } ?? (p?.onRequest == true) }
            // An assumed window (the regime gave a deadline only) is shown empty, as the regime gave it.
            let given = p?.hasGivenWindow ?? true
            let requestBox: HTML = kind == .supplement ? """
                <br><label><input type="checkbox" name="\(prefix)request:\(kind.code)"\(HTML.attr("checked", if: onRequest(p))) \
                aria-label="\(kind.label): chỉ khi được yêu cầu"> chỉ khi được yêu cầu</label>
                """ : .empty
            let what = ["from": "chốt số liệu từ ngày", "to": "chốt số liệu đến ngày", "deadline": "hạn nộp",
                        "estimateFrom": "số liệu ước tính từ ngày", "estimateTo": "số liệu ước tính đến ngày"]
            let whose = prefix.isEmpty ? "" : "Cơ quan chuyên môn – "
            func input(_ key: String, _ day: Day?) -> HTML {
                """
                <input name="\(prefix)\(key):\(kind.code)" value="\(val(key, day))" size="10" placeholder="dd/MM/yyyy" \
                aria-label="\(whose)\(kind.label): \(what[key] ?? key)">
                """
            }
            if editable {
                return """
                <tr><th>\(kind.label)</th><td>\(input("from", given ? p?.from : nil))</td><td>\(input("to", given ? p?.to : nil))</td>\
                <td>\(input("deadline", p?.deadline)) \
                <label><input type="checkbox" name="\(prefix)strict:\(kind.code)"\(HTML.attr("checked", if: strict(p))) \
                aria-label="\(kind.label): hạn “trước ngày”"> trước ngày</label>\(requestBox)</td>\
                <td>\(kind == .year ? input("estimateFrom", p?.estimateFrom) + " – " + input("estimateTo", p?.estimateTo) : .empty)</td></tr>
                """
            }
            return """
            <tr><th>\(kind.label)</th><td>\(given ? p?.from.vietnamese ?? "" : "(không nêu)")</td><td>\(given ? p?.to.vietnamese ?? "" : "")</td>\
            <td>\(p?.deadlineText ?? "")\(p?.onRequest == true ? " (khi được yêu cầu)" : "")</td>\
            <td>\(p?.estimateFrom.map { "\($0.vietnamese) – \(p?.estimateTo?.vietnamese ?? "")" } ?? "")</td></tr>
            """
        }
    }

    func page(_ req: Request, unit: Unit, regime: Regime, record: RegimeRecord?, warnings: [RegimeCheck.Warning],
              failure: ValidationFailure?, flash: String?, typed: FormBody? = nil, pasted: Pasted? = nil) async throws -> HTML {
        let actor = try req.actor
        let unitID = try unit.requireID()
        let editable = actor.scope.canManage(unit.unitPath)
        let forms = try await FormRecord.query(on: req.db).sort(\.$year, .descending).all()
        let selectedForm = typed?["formID"] ?? record?.$form.id.map(String.init)
            ?? forms.first(where: { $0.year == regime.year }).flatMap { $0.id.map(String.init) }
        let kinds = PeriodKind.standard + [.supplement]
            + (regime.periods.contains { if case .month = $0.kind { true } else { false } } ? (1...12).map { PeriodKind.month($0) } : [])
        let rows = Self.rows(kinds, regime.period, prefix: "", editable: editable, typed: typed)
        let officeRows = Self.rows(kinds, { kind in regime.officePeriods?.first { $0.kind == kind } }, prefix: "o", editable: editable, typed: typed)
        let slips = warnings.filter { !$0.isNote }, notes = warnings.filter(\.isNote)
        let notesHTML: HTML = notes.isEmpty ? .empty : """
            <div class="card"><strong>Lưu ý (không phải sai sót):</strong><ul>\(notes.map { "<li>\($0.message)</li>" as HTML })</ul></div>
            """
        let warningsHTML: HTML = (slips.isEmpty
            ? (regime.periods.isEmpty ? .empty : "<p class=\"flash\">Kiểm tra chế độ báo cáo: không phát hiện điểm bất hợp lý.</p>")
            : """
            <div class="warnings"><strong>Kiểm tra chế độ báo cáo — những điểm chưa khớp (vẫn lưu được):</strong>\
            <ul>\(slips.map { "<li>\($0.message)</li>" as HTML })</ul></div>
            """) + notesHTML
        let formOptions = Layout.options(forms, selected: selectedForm, value: { String($0.id ?? 0) }, label: { "\($0.code) — \($0.title) (\($0.year))" })
        let preset: HTML = editable ? """
            <form method="get" action="\(SiteURL.Reports.regime(.value(unitID), .value(regime.year)).path)" class="search">\
            <input type="hidden" name="preset" value="decree09">\
            <label>Lập theo Nghị định 09/2019 (chốt số liệu từ ngày 15 tháng trước đến ngày 14 tháng cuối kỳ), \
            hạn nộp ngày <input name="day" size="3" value="\(regime.deadlineDay ?? 15)"> của tháng cuối kỳ</label> \
            <button type="submit" class="secondary">Điền sẵn</button></form>
            """ : .empty
        return Layout.page(request: req, title: "Chế độ báo cáo \(regime.year)", flash: flash, body: """
        <p class="crumbs"><a href="\(SiteURL.Units.unit(.value(unitID)).path)">\(unit.name)</a> › \
        <a href="\(SiteURL.Reports.timeliness(.value(unitID)).relativeURL(parameters: [QueryParameter("year", regime.year)]))">Theo dõi nộp báo cáo</a></p>
        <h1>Chế độ báo cáo CCHC năm \(regime.year) — \(unit.name)</h1>
        \(Layout.errorSummary(failure))
        \(warningsHTML)
        \(preset)
        \(editable ? Self.pasteBox(unitID: unitID, year: regime.year, pasted: pasted) : .empty)
        <form method="post" action="\(SiteURL.Reports.regime(.value(unitID), .value(regime.year)).path)" class="card">\(Revisions.field(record?.revision ?? 0))
        <p><label>Văn bản ban hành <input name="document" value="\(typed?["document"] ?? record?.document ?? "")" size="40" \
        placeholder="vd: 164/UBND-NV ngày 25/01/2021"\(HTML.attr("disabled", if: !editable))></label>
        <input type="hidden" name="deadlineDay" value="\(typed?["deadlineDay"] ?? regime.deadlineDay.map(String.init) ?? "")"></p>
        <p><label>Biểu mẫu thống kê <select name="formID"\(HTML.attr("disabled", if: !editable))>\
        <option value="">—</option>\(formOptions)</select></label></p>
        <table><thead><tr><th>Kỳ</th><th>Chốt số liệu từ</th><th>đến</th>\
        <th>Hạn nộp</th><th>Số liệu ước tính (báo cáo năm)</th></tr></thead>\

        <tbody>\(rows)</tbody></table>
        <h2>Các cơ quan chuyên môn của \(unit.name), nếu khác</h2>
        <p class="muted">Điền khi văn bản cho các phòng, ban một khoảng chốt số liệu hoặc hạn nộp khác (vd: báo cáo năm \
        chốt từ 15/12 đến 14/12); để trống thì các cơ quan theo cùng kỳ với đơn vị. \
        \(record == nil ? "Khi đã lưu chế độ báo cáo, phân công cơ quan trả lời các mục của biểu." as HTML : """
            <a href="\(SiteURL.Reports.regimeOffices(.value(unitID), .value(regime.year)).path)">Phân công cơ quan trả lời các mục của biểu</a>.
            """)</p>
        <table><thead><tr><th>Kỳ</th><th>Chốt số liệu từ</th><th>đến</th>\
        <th>Hạn nộp</th><th>Số liệu ước tính (báo cáo năm)</th></tr></thead><tbody>\(officeRows)</tbody></table>

        \(editable ? "<p><button type=\"submit\">Lưu chế độ báo cáo</button></p>" as HTML : .empty)
        </form>
        """)
    }
}
