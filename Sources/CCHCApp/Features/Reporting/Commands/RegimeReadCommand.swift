import Foundation
import Vapor
import CCHCDomain

/// `cchc regime read FILE.txt [--year YYYY] [--issuer NAME]`: the regime a guidance text states, as regime
/// JSON on standard output, and what could not be read on standard error, one note a line; exit 0 when
/// everything was read, 1 with notes, 2 when the file cannot be read.
struct RegimeReadCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "Tệp văn bản (.txt, UTF-8) có đoạn hướng dẫn chế độ báo cáo")
        var file: String
        @Option(name: "year", help: "Năm của chế độ báo cáo, khi văn bản không ghi năm")
        var year: Int?
        @Option(name: "issuer", help: "Cơ quan ban hành, khi văn bản không ghi (vd: \"Huyện Thạch Hà\")")
        var issuer: String?
        init() {}
    }

    var help: String {
        "Đọc chế độ báo cáo từ văn bản hướng dẫn: in bản dự thảo (JSON) ra stdout, những chỗ chưa đọc được ra stderr; "
            + "mã thoát 0 = đọc hết, 1 = có chỗ chưa đọc được, 2 = không đọc được tệp."
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        // The notes go to standard error itself: the console's error() writes to standard output, which carries the JSON.
        let code = RegimeFileRead.run(path: signature.file, year: signature.year, issuer: signature.issuer) { print($0) } error: {
            FileHandle.standardError.write(Data(($0 + "\n").utf8))
        }
        if code != 0 { exit(code) }
    }
}

/// The regime reading of a file, apart from the command so tests can call it.
enum RegimeFileRead {
    static func run(path: String, year: Int?, issuer: String?, output: (String) -> Void, error report: (String) -> Void) -> Int32 {
        guard let data = FileManager.default.contents(atPath: path) else {
            report("Không đọc được tệp \(path).")
            return 2
        }
        guard let text = String(data: data, encoding: .utf8) else {
            report("Tệp \(path) không phải văn bản UTF-8.")
            return 2
        }
        if let year, !(2000...2100).contains(year) {
            report("Năm \(year) không hợp lệ (2000–2100).")
            return 2
        }
        var (regime, notes) = RegimeReader.read(text, year: year)
        if let issuer, !issuer.trimmingCharacters(in: .whitespaces).isEmpty { regime?.issuer = issuer.trimmingCharacters(in: .whitespaces) }
        if let regime, let json = try? encode(regime) { output(json) }
        for note in notes { report(note) }
        return notes.isEmpty && regime != nil ? 0 : 1
    }

    /// Regime JSON as the README documents it: pretty, keys sorted, days "YYYY-MM-DD".
    static func encode(_ regime: Regime) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(regime), as: UTF8.self)
    }
}
