import Fluent
import Vapor
import CCHCDomain

/// A unit's register of outgoing documents for a year: `RegisterListPage.Model` (the documents, filtered; the next numbers;
/// the citations that do not match the registers), loaded by `Model.load`; `RegisterListPage.View` renders it.
enum RegisterListPage {}

extension RegisterListPage {
    struct Model {
        var unit: Unit
        /// The units above it the signed-in account may read, top first.
        var ancestors: [Unit]
        var filter: RegisterQueries.Filter
        /// The years to pick from: those the register holds and this year, newest first.
        var years: [Int]
        var documents: [RegisterDocument]
        var attachments: [Int: (name: String, size: Int)]
        /// Document id → its citations checked against the registers.
        var findings: [Int: [CrossReference.Finding]]
        /// The next number of each kind in the year, and the numbers skipped.
        var next: [String: Int]
        var gaps: [String: [Int]]
        var gapCounts: [String: Int]
        /// How many documents of each kind the year holds (before filtering).
        var usedTypes: [String]
        var canKeep: Bool
        var flash: String?
    }
}

extension RegisterListPage.Model {
    static func load(_ req: Request) async throws -> Self {
        let actor = try req.actor
        let unit = try await UnitQueries.readable(try req.idParameter("unitID"), by: actor, on: req.db)
        let filter = try await RegisterListPage.filter(req, unit: unit)
        let documents = try await RegisterQueries.list(unit, filter.filter, on: req.db)
        let numbering = try await RegisterQueries.numbering(unit, year: filter.filter.year, on: req.db)
        let flash: String? = (try? req.query.get(String.self, at: "deleted")) == "1" ? "Đã xóa văn bản khỏi sổ đăng ký." : nil
        let ancestors = try await UnitQueries.ancestors(of: unit, on: req.db).filter { actor.scope.canRead($0.unitPath) }
        return Self(unit: unit, ancestors: ancestors,
                    filter: filter.filter, years: filter.years, documents: documents,
                    attachments: try await RegisterQueries.attachments(of: documents.compactMap(\.id), on: req.db),
                    findings: try await RegisterQueries.findings(of: documents, unit: unit, actor: actor, on: req.db),
                    next: numbering.next, gaps: numbering.gaps, gapCounts: numbering.gapCounts,
                    usedTypes: DocumentType.all.map(\.code).filter { numbering.next[$0, default: 1] > 1 },
                    canKeep: actor.scope.canKeepRegister(of: unit.unitPath) && !unit.isRetired, flash: flash)
    }
}

extension RegisterListPage {
    /// The filter of the query string: `?year=` (default: this year, or the register's newest when this year has nothing),
    /// `?q=`, `?type=` (a kind's code), `?directing=1`. A malformed value is a 400 naming it; the API reads the same.
    static func filter(_ req: Request, unit: Unit) async throws -> (filter: RegisterQueries.Filter, years: [Int]) {
        let held = try await RegisterQueries.years(unit, on: req.db)
        let thisYear = Day(req.now).year
        let year = try req.queryInt("year", in: 2000...2100) ?? (held.contains(thisYear) || held.isEmpty ? thisYear : held[0])
        var type: String?
        if let typed = req.query[String.self, at: "type"]?.trimmingCharacters(in: .whitespaces), !typed.isEmpty {
            guard let known = DocumentType.code(typed) else {
                throw CCHCError(.unprocessableEntity, "Tham số type: “\(typed.prefix(20))” không phải là loại văn bản (KH, BC, CV, QĐ …).")
            }
            type = known.code
        }
        let directing = try req.queryBool("directing") ?? false
        let text = req.query[String.self, at: "q"]?.trimmingCharacters(in: .whitespaces)
        let years = Array(Set(held + [thisYear, year])).sorted(by: >)
        return (RegisterQueries.Filter(year: year, text: text?.isEmpty == false ? text : nil, type: type, directingOnly: directing),
                years)
    }
}
