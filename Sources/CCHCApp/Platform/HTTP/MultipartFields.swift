import Foundation
import Vapor

/// The text fields of a multipart/form-data body as ordered pairs (files left out), for a form that sends a file together with
/// what the user typed around it: the typing is saved with the file, never dropped.
enum MultipartFields {
    static func pairs(_ req: Request) -> [(String, String)] {
        guard let type = req.headers.contentType, type.type == "multipart", let boundary = type.parameters["boundary"],
              var buffer = req.body.data, let body = buffer.readData(length: buffer.readableBytes) else { return [] }
        return pairs(body, boundary: boundary)
    }

    static func pairs(_ body: Data, boundary: String) -> [(String, String)] {
        let delimiter = Data("--\(boundary)".utf8)
        let blank = Data("\r\n\r\n".utf8)
        var out: [(String, String)] = []
        var start = body.startIndex
        var parts: [Data] = []
        while let r = body.range(of: delimiter, in: start..<body.endIndex) {
            if r.lowerBound > start { parts.append(body[start..<r.lowerBound]) }
            start = r.upperBound
        }
        for part in parts {
            guard let split = part.range(of: blank) else { continue }
            let head = String(decoding: part[part.startIndex..<split.lowerBound], as: UTF8.self)
            guard head.lowercased().contains("content-disposition"), !head.contains("filename="),
                  let nameRange = head.range(of: "name=\"") else { continue }
            let name = String(head[nameRange.upperBound...].prefix { $0 != "\"" })
            var value = part[split.upperBound...]
            if value.suffix(2) == Data("\r\n".utf8) { value = value.dropLast(2) }
            out.append((name, String(decoding: value, as: UTF8.self)))
        }
        return out
    }
}
