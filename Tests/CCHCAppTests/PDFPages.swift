import Foundation
import Testing

/// What a .docx looks like on paper: LibreOffice headless converts it to PDF, and pdftotext (poppler-utils) —
/// or, without it, python3 with pypdf — reads each page's text back.
enum PDFPages {
    /// An executable on PATH.
    static func which(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    static let soffice: String? = which("soffice") ?? which("libreoffice")
    /// Run the PDF checks: LibreOffice is here — or CI says it must be (`CCHC_REQUIRE_OFFICE=1`), so a
    /// missing LibreOffice fails the run there instead of skipping the checks.
    static var available: Bool { soffice != nil || ProcessInfo.processInfo.environment["CCHC_REQUIRE_OFFICE"] == "1" }
    static let skipMessage: Comment = """
        LibreOffice (soffice) is not on PATH: the Word documents are not rendered to PDF here \
        (apt-get install libreoffice-writer-nogui poppler-utils).
        """

    /// Runs a program to its end (at most `timeout` seconds); returns its exit status and what it printed.
    static func run(_ executable: String, _ arguments: [String], timeout: TimeInterval = 300) async throws -> (status: Int32, output: String) {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("cchc-run-\(UUID().uuidString).log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: log) }
        let handle = try FileHandle(forWritingTo: log)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning {
            if Date() > deadline {
                process.terminate()
                break
            }
            try await Task.sleep(nanoseconds: 100_000_000)
        }
        process.waitUntilExit()
        try handle.close()
        return (process.terminationStatus, (try? String(contentsOf: log, encoding: .utf8)) ?? "")
    }

    /// A rendered document: each page's text in reading order, and as laid out (columns side by side).
    struct Rendered {
        var pages: [String]
        var layout: [String]
    }

    /// Converts every file (name → .docx) in one LibreOffice run, with a profile of its own so parallel runs
    /// do not clash, and returns each file's pages as text (name → pages).
    static func pages(of files: [String: Data]) async throws -> [String: Rendered] {
        let soffice = try #require(soffice, skipMessage)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cchc-pdf-\(UUID().uuidString)")
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("lo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer {
            try? FileManager.default.removeItem(at: directory)
            try? FileManager.default.removeItem(at: profile)
        }
        var paths: [String] = []
        for (name, data) in files {
            let url = directory.appendingPathComponent("\(name).docx")
            try data.write(to: url)
            paths.append(url.path)
        }
        let converted = try await run(soffice, ["-env:UserInstallation=\(profile.absoluteString)", "--headless", "--norestore",
                                                "--convert-to", "pdf", "--outdir", directory.path] + paths)
        var result: [String: Rendered] = [:]
        for name in files.keys {
            let pdf = directory.appendingPathComponent("\(name).pdf").path
            #expect(FileManager.default.fileExists(atPath: pdf), "LibreOffice made no PDF of \(name): \(converted.output)")
            guard FileManager.default.fileExists(atPath: pdf) else { continue }
            result[name] = Rendered(pages: try await text(ofPDF: pdf, layout: false), layout: try await text(ofPDF: pdf, layout: true))
        }
        return result
    }

    /// The text of each page of a PDF, in reading order or (`layout`) with its columns side by side.
    static func text(ofPDF pdf: String, layout: Bool) async throws -> [String] {
        let out = pdf + (layout ? ".layout.txt" : ".txt")
        if let pdftotext = which("pdftotext") {
            let done = try await run(pdftotext, ["-enc", "UTF-8"] + (layout ? ["-layout"] : []) + [pdf, out], timeout: 60)
            #expect(done.status == 0, "pdftotext: \(done.output)")
        } else {
            let python = try #require(which("python3"), "Neither pdftotext (poppler-utils) nor python3 with pypdf is installed.")
            let script = """
                import sys, pypdf
                mode = {"extraction_mode": "layout"} if sys.argv[3] == "layout" else {}
                pages = [p.extract_text(**mode) or "" for p in pypdf.PdfReader(sys.argv[1]).pages]
                open(sys.argv[2], "w", encoding="utf-8").write("\\f".join(pages) + "\\f")
                """
            let done = try await run(python, ["-c", script, pdf, out, layout ? "layout" : "plain"], timeout: 60)
            #expect(done.status == 0, "Neither pdftotext (poppler-utils) nor python3 with pypdf works: \(done.output)")
        }
        let text = try String(contentsOfFile: out, encoding: .utf8)
        var pages = text.components(separatedBy: "\u{0C}")
        if pages.last?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty == true { pages.removeLast() }
        return pages
    }

    /// A page's non-blank lines, trimmed.
    static func lines(_ page: String) -> [String] {
        page.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// Do `expected` lines stand one under the other on the page (blank lines between them aside)?
    static func consecutive(_ expected: [String], in page: String) -> Bool {
        let all = lines(page)
        guard !expected.isEmpty, all.count >= expected.count else { return false }
        return (0...(all.count - expected.count)).contains { Array(all[$0..<$0 + expected.count]) == expected }
    }

    /// A laid-out page's rows, each split into its columns (text apart by five spaces or more), white space collapsed:
    /// [["UBND HUYỆN THẠCH HÀ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"], ["PHÒNG TƯ PHÁP", "Độc lập - Tự do - Hạnh phúc"], …].
    static func rows(_ layoutPage: String) -> [[String]] {
        layoutPage.split(separator: "\n").map { line in
            line.replacingOccurrences(of: #"\s{5,}"#, with: "\u{1F}", options: .regularExpression)
                .split(separator: "\u{1F}").map { flat(String($0)) }.filter { !$0.isEmpty }
        }.filter { !$0.isEmpty }
    }

    /// The page's text on one line, runs of white space as one space (a sentence wrapped over lines).
    static func flat(_ page: String) -> String {
        page.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
