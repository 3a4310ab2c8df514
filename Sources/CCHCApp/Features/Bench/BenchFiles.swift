import Fluent
import Vapor
import CCHCDomain
import CCHCOffice

/// The files of `cchc bench run`: the root's units × indicators workbook made in a process of its own
/// (`cchc bench export-xlsx`, so its peak memory is its own) beside openpyxl in write-only mode writing the same cells,
/// and a report's Word document beside python-docx writing the same paragraphs and tables (scripts in `scripts/bench/`).
struct BenchFiles {
    let app: Application
    let ds: BenchDataset
    let runs: Int
    /// Where `harness_openpyxl.py` and `harness_docx.py` are.
    let scripts: String
    let directory: URL

    /// 3. The export, `min(runs, 3)` times in a child process; openpyxl as often.
    func xlsx() async throws -> [BenchMeasurement] {
        let cells = directory.appendingPathComponent("cells.jsonl").path
        var times: [Double] = []
        var peaks: [Int] = []
        var note = ds.root.name
        for n in 0..<Swift.min(Swift.max(1, runs), 3) {
            var args = ["bench", "export-xlsx", "--out", directory.appendingPathComponent("swift.xlsx").path, "--log", "error"]
            if n == 0 { args += ["--cells", cells] }
            let result = try await BenchProcess.run(BenchProcess.selfPath, args)
            guard result.status == 0, let json = BenchProcess.lastJSON(result.output), let ms = json["ms"] else {
                return [BenchMeasurement("xlsx.national", ds, note: "Xuất .xlsx trong tiến trình con không thành công (mã \(result.status)).")]
            }
            times.append(ms)
            if let peak = json["peak_kb"] { peaks.append(Int(peak)) }
            if let rows = json["rows"], let columns = json["columns"], columns > 0 { note = "\(ds.root.name): \(Int(rows)) dòng × \(Int(columns)) cột" }
        }
        var m = BenchMeasurement("xlsx.national", ds, ms: Self.median(times), runs: times.count, note: note)
        m.kb = peaks.max()
        guard let python = await BenchProcess.python(has: ["openpyxl"]) else {
            m.note = note + "; openpyxl: chưa cài (pip install openpyxl), bỏ qua so sánh"
            return [m]
        }
        let script = scripts + "/harness_openpyxl.py"
        guard FileManager.default.fileExists(atPath: script) else {
            m.note = note + "; không thấy \(script), bỏ qua so sánh"
            return [m]
        }
        var floors: [Double] = []
        var floorPeaks: [Int] = []
        for _ in 0..<times.count {
            let result = try await BenchProcess.run(python, [script, cells, directory.appendingPathComponent("openpyxl.xlsx").path])
            guard result.status == 0, let json = BenchProcess.lastJSON(result.output), let ms = json["ms"] else { break }
            floors.append(ms)
            if let peak = json["peak_kb"] { floorPeaks.append(Int(peak)) }
        }
        if !floors.isEmpty {
            let floor = Self.median(floors)
            m.floor_ms = BenchMeasurement.round(floor)
            if let ms = m.ms { m.ratio = BenchMeasurement.ratio(ms / floor) }
            m.floor_kb = floorPeaks.max()
            m.note = note + "; sàn: openpyxl write_only cùng các ô"
        }
        return [m]
    }

    static func median(_ xs: [Double]) -> Double {
        let s = xs.sorted()
        guard !s.isEmpty else { return 0 }
        return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }

    /// 4. The Word document of a commune's accepted annual report, as the report page's download makes it, beside python-docx.
    func docx() async throws -> [BenchMeasurement] {
        let db = app.db
        let period = try await ds.period(.year, for: ds.saveUnit, on: db)
        let periodID = try period.requireID()
        let communes = UnitKind.allCases.filter { $0.tier == .commune }
        guard let report = try await Report.query(on: db).join(Unit.self, on: \Report.$unit.$id == \Unit.$id)
            .filter(\.$period.$id == periodID).filter(\.$isCurrent == true).filter(\.$state == .accepted)
            .filter(Unit.self, \.$kind ~~ communes).sort(\.$id).first(), let unit = try await Unit.find(report.$unit.id, on: db) else {
            return [BenchMeasurement("docx.report", ds, note: "Không có báo cáo đã tiếp nhận để xuất .docx: bỏ qua.")]
        }
        let actor = try await Actor.load(ds.topOfficer, on: db)
        let ctx = try await ReportService(db: db, actor: actor, now: app.clock.now()).context(unit: unit, periodID: periodID)
        let now = app.clock.now()
        var data = Data()
        let ms = try await BenchTable.median(runs: runs) {
            data = try await Exports.reportDOCX(ctx, consolidated: true, now: now, on: db)
        }
        let source = directory.appendingPathComponent("swift.docx")
        try data.write(to: source)
        var m = BenchMeasurement("docx.report", ds, ms: ms, runs: runs, note: unit.name)
        let script = scripts + "/harness_docx.py"
        guard let python = await BenchProcess.python(has: ["docx"]), FileManager.default.fileExists(atPath: script) else {
            m.note = unit.name + "; python-docx hoặc \(script) chưa có (pip install python-docx), bỏ qua so sánh"
            return [m]
        }
        let result = try await BenchProcess.run(python, [script, source.path, directory.appendingPathComponent("python.docx").path,
                                                          String(runs)])
        if result.status == 0, let json = BenchProcess.lastJSON(result.output), let floor = json["ms"] {
            m.floor_ms = BenchMeasurement.round(floor)
            m.ratio = BenchMeasurement.ratio(ms / floor)
            m.note = unit.name + "; sàn: python-docx viết cùng đoạn văn và bảng"
        }
        return [m]
    }
}

/// `cchc bench export-xlsx`: the root's consolidation and its units × indicators workbook, made as the export route
/// makes them (`Exports.writeConsolidationXLSX`, streamed to a file), timed in a process of its own; prints one JSON line
/// (time, rows, resident memory before and at peak).
enum BenchExport {
    static func run(app: Application, out: String, cells: String?) async throws -> String {
        let ds = try await BenchDataset.load(on: app.db)
        let db = app.db
        let before = BenchProcess.memory(nil) ?? 0
        var rows = 0
        var report: ConsolidatedReport?
        let ms = try await BenchTable.milliseconds {
            let consolidated = try await ConsolidationService.consolidate(jurisdiction: ds.root, year: ds.year, kind: .year, on: db)
            let form = try await ConsolidationService.form(of: ds.root, year: ds.year, on: db).form
            try await Exports.writeConsolidationXLSX(ds.root, consolidated, form, to: URL(fileURLWithPath: out), on: db)
            report = consolidated
            rows = consolidated.includedCount
        }
        let peak = BenchProcess.memory(nil, field: "VmHWM") ?? 0
        var columns = 0
        if let cells, let report {
            columns = try await dump(report, root: ds.root, year: ds.year, to: cells, on: db)
        }
        return "{\"ms\": \(BenchMeasurement.round(ms)), \"rows\": \(rows), \"columns\": \(columns), \"rss_before_kb\": \(before), \"peak_kb\": \(peak)}"
    }

    /// The cells of the same workbook, built by the same row functions, one JSON array a row (a `{"sheet": …}` line before
    /// each sheet), streamed to `path` for openpyxl to write.
    static func dump(_ report: ConsolidatedReport, root: Unit, year: Int, to path: String, on db: any Database) async throws -> Int {
        let form = try await ConsolidationService.form(of: root, year: year, on: db).form
        FileManager.default.createFile(atPath: path, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        let encoder = JSONEncoder()
        var columns = 0
        func sheet(_ name: String) throws { try handle.write(contentsOf: encoder.encode(["sheet": name]) + Data("\n".utf8)) }
        func write(_ rows: [[XLSXCell]]) throws {
            var buffer = Data()
            for row in rows {
                columns = Swift.max(columns, row.count)
                buffer += try encoder.encode(row.map(DumpCell.init)) + Data("\n".utf8)
            }
            try handle.write(contentsOf: buffer)
        }
        let summary = ReportWorkbook.consolidationSummary(report, form: form)
        try sheet(summary.name)
        try write(summary.rows)
        let inputs = ReportWorkbook.matrixInputs(form)
        try sheet(ReportWorkbook.MatrixSheet.name)
        try write([ReportWorkbook.matrixHeader(inputs)])
        try await ConsolidationService.matrix(jurisdiction: root, year: year, kind: report.period, acceptedOnly: report.acceptedOnly, on: db) { rows in
            try write(rows.map { ReportWorkbook.matrixRow($0.unit, $0.values, inputs: inputs) })
        }
        return columns
    }

    /// A cell as openpyxl is given it: null, a number, a string, {"b": bold text}, {"p": a fraction shown as a percentage}.
    struct DumpCell: Encodable {
        let cell: XLSXCell
        init(_ cell: XLSXCell) { self.cell = cell }
        func encode(to encoder: any Encoder) throws {
            var c = encoder.singleValueContainer()
            switch cell {
            case .empty: try c.encodeNil()
            case .text(let s): try c.encode(s)
            case .bold(let s): try c.encode(["b": s])
            case .number(let x), .decimal(let x): try c.encode(x)
            case .integer(let n): try c.encode(n)
            case .percent(let x): try c.encode(["p": x / 100])
            }
        }
    }
}
