import Fluent
import Vapor
import CCHCDomain

/// The PAR index's front page: the rounds the account sees (its own assessment for a unit), and for the standing agency the
/// frameworks, the import of one, and a new round for its jurisdiction.
enum ParIndexPage {
    struct RoundLine {
        var title: String
        var url: String
        var state: String
        var due: String
        /// The account's own unit's assessment in the round.
        var own: (url: String, state: String, total: Double?)?
    }

    struct Model {
        var rounds: [RoundLine]
        var frameworks: [ParFrameworkRecord]
        var manages: Bool
        var jurisdictionName: String
        var failure: ValidationFailure?
        var typedJSON: String?
        var flash: String?

        static func load(_ req: Request, failure: ValidationFailure? = nil, typedJSON: String? = nil) async throws -> Model {
            let actor = try req.actor
            let rounds = try await ParQueries.rounds(visibleTo: actor, on: req.db)
            let ids = try rounds.map { try $0.requireID() }
            let mine = try await ParAssessmentRecord.query(on: req.db).filter(\.$round.$id ~~ ids).filter(\.$unit.$id == actor.unitID).all()
            let lines: [RoundLine] = try rounds.map { round in
                let id = try round.requireID()
                let own = mine.first { $0.$round.id == id }.map { a in
                    (url: SiteURL.Par.assessment(.value(id), .value(a.$unit.id)).path, state: a.state.label,
                     total: round.state == .published ? a.total : nil)
                }
                let seesRound = actor.scope.canRead(UnitPath(round.unitPath) ?? UnitPath(ids: []))
                return RoundLine(title: "Năm \(round.year) — \(round.unit.name) — \(round.framework.title)",
                                 url: seesRound ? SiteURL.Par.round(.value(id)).path : own?.url ?? SiteURL.Par.index.path,
                                 state: round.state.label, due: VNDate.display(iso: round.selfDue), own: own)
            }
            let jurisdiction = try await Unit.find(actor.jurisdictionID, on: req.db)
            return Model(rounds: lines, frameworks: actor.canManage ? try await ParQueries.frameworks(on: req.db) : [], manages: actor.canManage,
                         jurisdictionName: jurisdiction?.name ?? "", failure: failure, typedJSON: typedJSON,
                         flash: req.query[String.self, at: "saved"] != nil ? "Đã lưu." : nil)
        }
    }

    static func render(_ m: Model) -> HTML {
        let errors: HTML = m.failure.map { f in
            "<div class=\"error-summary\" role=\"alert\"><strong>Chưa lưu được:</strong><ul>\(f.errors.map { "<li>\($0.message)</li>" as HTML })</ul></div>"
        } ?? .empty
        let rounds: HTML = m.rounds.isEmpty ? """
            <p class="muted">Chưa có đợt đánh giá nào: cơ quan thường trực CCHC mở đợt tự đánh giá, thẩm định chỉ số CCHC khi đến kỳ; \
            hạn tự đánh giá sẽ hiện ở <a href="\(SiteURL.home.path)">Việc của tôi</a>.</p>
            """ : """
            <div class="table-wrap"><table><thead><tr><th>Đợt đánh giá</th><th>Trạng thái</th><th>Hạn tự đánh giá</th><th>Đơn vị của bạn</th></tr></thead>
            <tbody>\(m.rounds.map { l in
                "<tr><td><a href=\"\(l.url)\">\(l.title)</a></td><td>\(l.state)</td><td>\(l.due)</td><td>"
                    + (l.own.map { "<a href=\"\($0.url)\">\($0.state)\($0.total.map { " · \(ParPoints.text($0)) điểm" } ?? "")</a>" as HTML } ?? "—")
                    + "</td></tr>" as HTML })</tbody></table></div>
            """
        guard m.manages else { return "<h1>Chỉ số cải cách hành chính</h1>" + errors + rounds }
        let frameworks: HTML = m.frameworks.isEmpty ? "<p class=\"muted\">Chưa có bộ tiêu chí nào.</p>" : """
            <div class="table-wrap"><table><thead><tr><th>Mã</th><th>Năm</th><th>Tên</th><th>Nhóm đơn vị</th></tr></thead>
            <tbody>\(m.frameworks.map { f in
                "<tr><td><a href=\"\(SiteURL.Par.framework(.value(f.id ?? 0)).path)\">\(f.code)</a></td><td>\(f.year)</td><td>\(f.title)</td>"
                    + "<td>\(ParService.groupLabel(f.group))</td></tr>" as HTML })</tbody></table></div>
            """
        let options: HTML = m.frameworks.map { "<option value=\"\($0.id ?? 0)\">\($0.code) năm \($0.year) — \($0.title)</option>" as HTML }.joined()
        let newRound: HTML = m.frameworks.isEmpty ? .empty : """
            <form method="post" action="\(SiteURL.Par.rounds.path)" class="card stack"><h2>Mở đợt đánh giá cho \(m.jurisdictionName)</h2>
            <label for="frameworkID">Bộ tiêu chí</label><select id="frameworkID" name="frameworkID">\(options)</select>
            <label for="opensOn">Bắt đầu tự đánh giá (dd/MM/yyyy)</label><input id="opensOn" name="opensOn" required>
            <label for="selfDue">Hạn gửi tự đánh giá</label><input id="selfDue" name="selfDue" required>
            <label for="answerDue">Hạn giải trình</label><input id="answerDue" name="answerDue" required>
            <label for="mergeRule">Điểm năm trước của đơn vị sáp nhập</label><select id="mergeRule" name="mergeRule">\
            <option value="average">Bình quân các đơn vị cũ</option><option value="weighted">Bình quân có trọng số</option></select>
            <p><button type="submit">Mở đợt đánh giá</button></p></form>
            """
        let importForm: HTML = """
            <form method="post" action="\(SiteURL.Par.frameworks.path)" enctype="multipart/form-data" class="card stack">
            <h2>Nhập bộ tiêu chí</h2>
            <p class="muted">Tệp JSON (theo mẫu xuất từ hệ thống), hoặc bảng Excel các tỉnh công bố (mã, tiêu chí, điểm tối đa, cách chấm): \
            với bảng Excel, nhập thêm mã, tên, năm và nhóm; tiêu chí nào chưa hiểu cách chấm sẽ được liệt kê để xem lại.</p>
            <label for="file">Tệp .json hoặc .xlsx</label><input id="file" type="file" name="file" accept=".json,.xlsx">
            <label for="code">Mã bộ tiêu chí (với .xlsx)</label><input id="code" name="code">
            <label for="title">Tên (với .xlsx)</label><input id="title" name="title">
            <label for="year">Năm (với .xlsx)</label><input id="year" name="year" inputmode="numeric">
            <label for="group">Nhóm đơn vị (với .xlsx), vd: communes</label><input id="group" name="group">
            <label for="json">…hoặc dán JSON</label><textarea id="json" name="json" rows="4">\(m.typedJSON ?? "")</textarea>
            <p><button type="submit">Nhập</button></p></form>
            """
        return "<h1>Chỉ số cải cách hành chính</h1>" + errors + "<h2>Các đợt đánh giá</h2>" + rounds + newRound
            + "<h2>Bộ tiêu chí</h2>" + frameworks + importForm
    }
}
