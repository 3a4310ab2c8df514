import Fluent
import Vapor
import CCHCDomain

/// A register document: a new one (the form, with the next number of the chosen kind proposed) or one already in the
/// register (its facts, its citations checked, its file, and the form to change it). `RegisterFormPage.Model` is loaded by
/// `Model.load`; `RegisterFormPage.View` renders it.
enum RegisterFormPage {}

extension RegisterFormPage {
    struct Model {
        var unit: Unit
        /// The units above it the signed-in account may read, top first.
        var ancestors: [Unit]
        /// The document shown; nil on the new document's form.
        var editing: RegisterDocument?
        /// What the form holds: the document, the typing sent back, or the proposal.
        var values: RegisterDraft
        /// The revision the form sends back (after a conflict: the newer one).
        var revision: Int?
        var failure: ValidationFailure?
        /// Someone saved first: what is stored now, said in Vietnamese.
        var conflict: String?
        /// The kind and year the number is proposed for (new document).
        var proposalType: DocumentType
        var proposalYear: Int
        /// The next number of each kind in `proposalYear`.
        var next: [String: Int]
        var canKeep: Bool
        var attachment: (name: String, size: Int)?
        /// The document's citations checked against the registers.
        var findings: [CrossReference.Finding]
        /// What does not add up within the document (its number's year against its date).
        var warnings: [String]
        var flash: String?
    }
}

extension RegisterFormPage.Model {
    static func load(_ req: Request, unit: Unit, editing: RegisterDocument?, values: RegisterDraft? = nil, revision: Int? = nil,
                     failure: ValidationFailure? = nil, conflict: String? = nil) async throws -> Self {
        let actor = try req.actor
        let today = Day(req.now)
        let typed = req.query[String.self, at: "type"].flatMap(DocumentType.code)
        let proposalType = typed ?? editing?.documentType ?? DocumentType.code("KH")!
        let proposalYear = try req.queryInt("year", in: 2000...2100) ?? editing?.year ?? today.year
        let numbering = try await RegisterQueries.numbering(unit, year: proposalYear, on: req.db)
        var draft = values
        if draft == nil, let d = editing {
            draft = RegisterDraft(number: d.numberText, issuedOn: VNDate.display(iso: d.issuedOn), type: d.type, summary: d.summary,
                                  signer: d.signer, directsCCHC: d.directsCCHC, area: d.area, citedText: d.citedText)
        }
        if draft == nil {
            draft = RegisterDraft(number: numbering.proposal(proposalType, unit: unit),
                                  issuedOn: proposalYear == today.year ? today.vietnamese : "", summary: "",
                                  directsCCHC: false)
        }
        var attachment: (name: String, size: Int)?
        var findings: [CrossReference.Finding] = []
        if let d = editing, let id = d.id {
            attachment = try await RegisterQueries.attachments(of: [id], on: req.db)[id]
            findings = try await RegisterQueries.findings(of: [d], unit: unit, actor: actor, on: req.db)[id] ?? []
        }
        let saved = (try? req.query.get(String.self, at: "saved")) == "1"
        let attached = (try? req.query.get(String.self, at: "attached")) == "1"
        let ancestors = try await UnitQueries.ancestors(of: unit, on: req.db).filter { actor.scope.canRead($0.unitPath) }
        return Self(unit: unit, ancestors: ancestors,
                    editing: editing, values: draft!, revision: revision ?? editing?.revision, failure: failure, conflict: conflict,
                    proposalType: proposalType, proposalYear: proposalYear, next: numbering.next,
                    canKeep: actor.scope.canKeepRegister(of: unit.unitPath) && !unit.isRetired, attachment: attachment,
                    findings: findings, warnings: editing.map { $0.entry(unit: unit).warnings } ?? [],
                    flash: attached ? "Đã đính kèm tệp." : saved ? "Đã lưu văn bản \(editing?.numberText ?? "")." : nil)
    }

}

extension RegisterFormPage {
    /// The symbol Decree 30/2020 gives the unit's documents of a kind: "KH-UBND", "BC-PTP"; a công văn just the body's ("UBND").
    static func defaultSymbol(_ unit: Unit, type: DocumentType) -> String {
        let body = IssuingBody(kind: unit.kind, name: unit.name).abbreviation
        return type.inSymbol ? "\(type.code)-\(body)" : body
    }
}
