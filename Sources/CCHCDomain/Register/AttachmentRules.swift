import Foundation

/// What a register document may have attached: the signed document as a scan or an office file, at most 10 MB. The type
/// served is the one its extension names, never what the uploader claimed.
public enum AttachmentRules {
    public static let maxBytes = 10 * 1024 * 1024

    /// Extension → content type.
    public static let types: [(ext: String, type: String)] = [
        ("pdf", "application/pdf"),
        ("doc", "application/msword"),
        ("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        ("xls", "application/vnd.ms-excel"),
        ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        ("odt", "application/vnd.oasis.opendocument.text"),
        ("ods", "application/vnd.oasis.opendocument.spreadsheet"),
        ("jpg", "image/jpeg"),
        ("jpeg", "image/jpeg"),
        ("png", "image/png"),
    ]

    /// A file as stored: its name cleaned and its type.
    public struct Accepted: Sendable, Equatable {
        public var fileName: String
        public var contentType: String
    }

    /// The name without folders or control characters, at most 120 characters (the extension kept); its type; or what is wrong.
    public static func check(fileName: String, size: Int) throws(ValidationFailure) -> Accepted {
        let last = fileName.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        var name = String(last.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F && $0 != "\"" }.map(Character.init))
            .trimmingCharacters(in: .whitespaces)
        let ext = name.split(separator: ".").count > 1 ? String(name.split(separator: ".").last!).lowercased() : ""
        var errors: [FieldError] = []
        if size == 0 { errors.append(FieldError(field: "file", message: "Tệp đính kèm: chưa chọn tệp, hoặc tệp rỗng.")) }
        if size > maxBytes {
            let mb = NumberFormat.vietnamese(Double(size) / 1_048_576, maxFractionDigits: 1)
            errors.append(FieldError(field: "file", message: "Tệp đính kèm: \(mb) MB, vượt giới hạn 10 MB."))
        }
        guard let type = types.first(where: { $0.ext == ext })?.type else {
            errors.append(FieldError(field: "file", message: "Tệp đính kèm “\(name.prefix(60))”: chỉ nhận tệp "
                                         + types.map { "." + $0.ext }.filter { $0 != ".jpeg" }.joined(separator: ", ") + "."))
            throw ValidationFailure(errors)
        }
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        if name.count > 120 { name = String(name.prefix(119 - ext.count)) + "." + ext }
        return Accepted(fileName: name, contentType: type)
    }

    /// The Content-Disposition of a download: an ASCII name for old clients, the real one in UTF-8 (RFC 6266).
    public static func disposition(_ fileName: String) -> String {
        let ext = fileName.split(separator: ".").count > 1 ? String(fileName.split(separator: ".").last!).lowercased() : ""
        let base = Folding.slug(String(fileName.dropLast(ext.isEmpty ? 0 : ext.count + 1)))
        let ascii = (base.isEmpty ? "tep-dinh-kem" : base) + (ext.isEmpty ? "" : "." + Folding.slug(ext))
        let allowed = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: Unicode.Scalar(0)...Unicode.Scalar(127)))
            .union(CharacterSet(charactersIn: "-._~"))
        let encoded = fileName.addingPercentEncoding(withAllowedCharacters: allowed) ?? ascii
        return "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)"
    }
}
