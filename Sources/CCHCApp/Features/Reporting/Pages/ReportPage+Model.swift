import Fluent
import Vapor
import CCHCDomain

/// The report page of a unit for a period: `ReportPage.Model` is everything the page shows, loaded once
/// by `Model.load` (the database, the signed-in account, the clock); `ReportPage.View` renders it and
/// reads nothing else. The handlers are in `ReportPages` (`ReportPage.swift`).
enum ReportPage {}

extension ReportPage {
    struct Model {
        /// The report as opened for the signed-in account (form, values, versions, offices' parts, role).
        var ctx: ReportContext
        var unitID: Int
        var periodID: Int
        /// "Báo cáo Quý I/2021"
        var title: String
        var timeliness: Timeliness
        /// Today in Vietnam: the date a leader's submit form proposes.
        var today: Day
        /// The history of every version, oldest first.
        var history: [Event]
        /// The signed-in account's unit (an office finds its own part by it) and whether it leads
        /// (only the head of an office confirms its part is done).
        var actorUnitID: Int?
        var actorIsLeader: Bool
        /// What the user typed, shown again in the boxes (a refused save, a conflict: then merged with the saved version).
        var typed: FormBody?
        /// After a conflict: the typing as sent, for the side-by-side table.
        var typedBeforeMerge: FormBody?
        var failure: ValidationFailure?
        /// The heading over `failure`: what did not happen (saving by default).
        var failureHeading: String?
        var conflict: StaleWrite?
        var warnings: [RuleWarning]
        var flash: String?
        /// What an Excel upload changed (nil: no upload).
        var changes: [String]?

        /// The page's title in the browser.
        var pageTitle: String { "\(title) — \(ctx.unit.name)" }

        /// One entry of the report's audit history.
        struct Event {
            var at: Date
            var username: String
            var action: String
            var summary: String
            var detail: String?
        }
    }
}

extension ReportPage.Model {
    /// Loads what the page shows besides the context: the history, the signed-in account, today.
    static func load(_ req: Request, _ ctx: ReportContext, typed: FormBody?, failure: ValidationFailure?, warnings: [RuleWarning],
                     flash: String?, conflict: StaleWrite? = nil, typedBeforeMerge: FormBody? = nil,
                     changes: [String]? = nil, failureHeading: String? = nil) async throws -> Self {
        let unitID = try ctx.unit.requireID()
        let periodID = try ctx.period.requireID()
        let ids = ctx.versions.compactMap(\.id)
        let history = ids.isEmpty ? [] : try await AuditEvent.query(on: req.db)
            .filter(\.$entity == "report").filter(\.$entityID ~~ ids).sort(\.$at).all()
        let actor = try? req.actor
        return Self(ctx: ctx, unitID: unitID, periodID: periodID, title: ctx.period.periodKind.title(year: ctx.regime.year),
                    timeliness: Timeliness.of(ctx.report, deadline: ctx.window.lastDay, now: req.now), today: Day(req.now),
                    history: history.map { Event(at: $0.at, username: $0.username, action: $0.action, summary: $0.summary, detail: $0.detail) },
                    actorUnitID: actor?.unitID, actorIsLeader: actor?.role == .leader,
                    typed: typed, typedBeforeMerge: typedBeforeMerge, failure: failure, failureHeading: failureHeading, conflict: conflict,
                    warnings: warnings, flash: flash, changes: changes)
    }

    /// The notice after a redirect (`?saved=1`, `?done=submit` …).
    static func flash(_ req: Request) -> String? {
        (try? req.query.get(String.self, at: "assembled")) == "1"
            ? """
                Đã lập dự thảo từ số liệu tổng hợp và báo cáo chuyên đề của các cơ quan; \
                hãy biên tập phần nội dung rồi trình lãnh đạo ký.
                """
            : (try? req.query.get(String.self, at: "unchanged")) == "1"
            ? "Tệp Excel giống hệt số liệu đã lưu: không có gì thay đổi."
            : (try? req.query.get(String.self, at: "saved")) == "1"
            ? "Đã lưu báo cáo."
            : (try? req.query.get(String.self, at: "done")).flatMap { ReportAction(rawValue: $0)?.label }.map { "Đã thực hiện: \($0)." }
    }
}

// MARK: The typing

extension ReportPage {
    /// The Phụ lục 3A rows as typed on the page, column by column.
    static func typedDocuments(_ form: FormBody) -> [DirectingDocumentRow] {
        zip(zip(form.all("docNumber"), form.all("docDate")), zip(form.all("docSummary"), form.all("docIssuer")))
            .map { DirectingDocumentRow(numberSymbol: $0.0, issuedOn: $0.1, summary: $1.0, issuer: $1.1) }
    }

    /// Reads the page's form into a save input.
    static func input(from form: FormBody, ctx: ReportContext) -> ReportService.SaveInput {
        var raw: [String: RawValue] = [:]
        let v = form.prefixed("v"), n = form.prefixed("n"), d = form.prefixed("d")
        for code in Set(v.keys).union(n.keys).union(d.keys) {
            raw[code] = RawValue(value: v[code], numerator: n[code], denominator: d[code])
        }
        let narrative = form.prefixed("narrative")
        let docs = typedDocuments(form)
        return ReportService.SaveInput(values: raw, narrative: narrative.isEmpty ? nil : narrative,
                                       documents: form["documentsPresent"] == nil ? nil : docs,
                                       topicReport: form["topicReport"], markOfficeDone: form["officeDone"] == "on",
                                       revision: form["revision"].flatMap { Int($0) } ?? -1,
                                       officeRevision: ctx.officeSections == nil ? nil : form["officeRevision"].flatMap { Int($0) } ?? -1,
                                       reasons: form.prefixed("reason"))
    }

    /// After a conflict, the boxes keep what the user typed; where they left a box empty and the saved
    /// version has something, the saved text is put there, so saving again never erases the other
    /// person's work by accident.
    static func merged(_ typed: FormBody, with ctx: ReportContext) -> FormBody {
        var pairs = typed.pairs
        func fill(_ key: String, _ saved: String) {
            guard !saved.isEmpty, (typed[key] ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return }
            pairs.removeAll { $0.0 == key }
            pairs.append((key, saved))
        }
        for ind in ctx.form.indicators where ind.isInput && ctx.canEdit(ind.code) {
            guard let v = ctx.values[ind.code] else { continue }
            fill("v:\(ind.code)", v.numerator == nil ? (v.text ?? ValueDisplay.input(v.number)) : "")
            fill("n:\(ind.code)", ValueDisplay.input(v.numerator))
            fill("d:\(ind.code)", ValueDisplay.input(v.denominator))
        }
        if ctx.officeSections == nil {
            for (key, _) in ReportService.narrativeSections { fill("narrative:\(key)", ctx.report?.narrative[key] ?? "") }
        } else if let topic = ctx.ownContribution?.topicReport {
            fill("topicReport", topic)
        }
        return FormBody(pairs: pairs)
    }
}
