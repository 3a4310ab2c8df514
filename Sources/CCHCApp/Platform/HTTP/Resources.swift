import Foundation

/// Files that ship with the app (Sources/CCHCApp/Resources): the built-in forms, the frozen copies
/// migrations install, the stylesheet and the script. Read once; a missing file stops the start with
/// a message (`Resources.check()` runs in `configure`), never later in a request.
enum Resources {
    static func url(_ path: String) -> URL? {
        let parts = path.split(separator: "/").map(String.init)
        guard let file = parts.last else { return nil }
        let name = (file as NSString).deletingPathExtension, ext = (file as NSString).pathExtension
        let folder = (["Resources"] + parts.dropLast()).joined(separator: "/")
        return Bundle.module.url(forResource: name, withExtension: ext, subdirectory: folder)
    }

    static func text(_ path: String) throws -> String {
        guard let url = url(path), let data = FileManager.default.contents(atPath: url.path) else {
            throw ConfigError("thiếu tệp tài nguyên \(path) (thư mục cchc_CCHCApp.resources phải nằm cạnh tệp chạy cchc).")
        }
        return String(decoding: data, as: UTF8.self)
    }

    static let required = ["Public/app.css", "Public/app.js", "Forms/CCHC-TK-2021.json",
                           "Migrations/08_InstallBuiltInForms/CCHC-TK-2021.json", "Demo/organisation.json"]

    static func check() throws { for path in required { _ = try text(path) } }
}

/// The stylesheet and the script, served from memory.
enum Assets {
    static let css = (try? Resources.text("Public/app.css")) ?? ""
    static let js = (try? Resources.text("Public/app.js")) ?? ""
}

/// Statistics forms that ship with the system (data, not code): the JSON files in Resources/Forms,
/// each exactly what `cchc form export` produces for it.
enum BuiltInForms {
    static let files = ["Forms/CCHC-TK-2021.json"]
    /// The appendix of seed 002 (An Khê, 158/UBND-NV, 08/02/2021): every row.
    static var seed002: String { (try? Resources.text(files[0])) ?? "" }
    static var all: [String] { files.compactMap { try? Resources.text($0) } }
}
