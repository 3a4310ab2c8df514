import Fluent
import Vapor
import CCHCDomain

/// The regime page's "Dán văn bản hướng dẫn": the standing agency pastes the guidance text, the regime
/// reader turns it into a draft, and the page comes back filled from it with what could not be read listed.
/// Nothing is saved until "Lưu chế độ báo cáo" is pressed.
extension RegimePages {
    /// Longest text read, in characters (a whole guidance document is some 25 000).
    static let maxGuidanceLength = 200_000

    /// What was pasted and what the reader said about it, for the page.
    struct Pasted {
        var text: String
        var notes: [String]
    }

    func read(req: Request) async throws -> Response {
        let actor = try req.actor
        let unit = try await UnitQueries.manageable(try req.idParameter("unitID"), by: actor, on: req.db)
        guard unit.kind.receivesReports else { throw CCHCError.notFound(Actor.onlyReports(unit, "ban hành chế độ báo cáo")) }
        let year = try Self.year(req)
        let text = FormBody(req)["text"] ?? ""
        let record = try await RegimeRecord.query(on: req.db).filter(\.$issuer.$id == (try unit.requireID())).filter(\.$year == year).first()
        var current = Regime(issuer: unit.name, year: year, periods: [])
        if let record { current = try await RegimeService.domain(record, issuerName: unit.name, on: req.db) }
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, text.count <= Self.maxGuidanceLength else {
            let message = text.count > Self.maxGuidanceLength
                ? "Văn bản dài quá \(NumberFormat.vietnamese(Double(Self.maxGuidanceLength))) ký tự; hãy dán riêng đoạn hướng dẫn chế độ báo cáo."
                : "Hãy dán đoạn văn bản hướng dẫn chế độ báo cáo."
            return try await page(req, unit: unit, regime: current, record: record, warnings: [],
                                  failure: ValidationFailure(field: "text", message), flash: nil,
                                  pasted: Pasted(text: String(text.prefix(Self.maxGuidanceLength)), notes: []))
                .encodeResponse(status: .unprocessableEntity, for: req)
        }
        let (draft, notes) = RegimeReader.read(text, year: year)
        let regime = Regime(issuer: unit.name, year: year, deadlineDay: draft?.deadlineDay ?? current.deadlineDay, periods: draft?.periods ?? [])
        let warnings = regime.periods.isEmpty || !regime.problems().isEmpty ? [] : try await RegimeService.warnings(regime, issuer: unit, on: req.db)
        let found = regime.periods.map { $0.kind.label }.joined(separator: ", ")
        let flash = regime.periods.isEmpty
            ? "Chưa đọc được kỳ báo cáo nào từ văn bản; chế độ báo cáo chưa thay đổi."
            : "Đã đọc từ văn bản: \(found). Các ô bên dưới đã điền theo bản dự thảo — kiểm tra lại rồi bấm “Lưu chế độ báo cáo”; chưa có gì được lưu."
        return try await page(req, unit: unit, regime: regime.periods.isEmpty ? current : regime, record: record, warnings: warnings,
                              failure: nil, flash: flash, pasted: Pasted(text: text, notes: notes))
            .encodeResponse(for: req)
    }

    /// The paste box (open, with the reader's notes, after a reading).
    static func pasteBox(unitID: Int, year: Int, pasted: Pasted?) -> HTML {
        let notes: HTML = (pasted?.notes ?? []).isEmpty ? .empty : """
            <div class="warnings"><strong>Những chỗ chưa đọc được từ văn bản (hãy điền hoặc sửa tay):</strong>\
            <ul>\((pasted?.notes ?? []).map { "<li>\($0)</li>" as HTML })</ul></div>
            """
        return """
        <details class="card"\(HTML.attr("open", if: pasted != nil))><summary>Đọc từ văn bản hướng dẫn</summary>
        \(notes)
        <form method="post" action="\(SiteURL.Reports.regimeRead(.value(unitID), .value(year)).path)">
        <p><label for="guidance-text">Dán văn bản hướng dẫn</label>
        <textarea id="guidance-text" name="text" rows="8" style="width:100%" \
        placeholder="vd: Báo cáo Quý I/\(year): Thời gian chốt số liệu tính từ ngày 15/12/\(year - 1) đến ngày 14/3/\(year) …">\
        \(pasted?.text ?? "")</textarea></p>
        <p><button type="submit" class="secondary">Đọc văn bản</button> \
        <small>Các kỳ đọc được điền vào bảng bên dưới; chưa lưu cho đến khi bấm “Lưu chế độ báo cáo”.</small></p>
        </form></details>
        """
    }
}
