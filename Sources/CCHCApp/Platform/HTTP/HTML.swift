import Vapor

/// A piece of HTML. Interpolated strings are escaped; interpolated HTML is not,
/// so markup built from user data can never inject tags.
public struct HTML: ExpressibleByStringInterpolation, Sendable {
    public var raw: String

    public init(raw: String) { self.raw = raw }
    public init(stringLiteral value: String) { raw = value }
    public init(stringInterpolation: StringInterpolation) { raw = stringInterpolation.raw }

    public static let empty = HTML(raw: "")

    public struct StringInterpolation: StringInterpolationProtocol {
        var raw = ""
        public init(literalCapacity: Int, interpolationCount: Int) { raw.reserveCapacity(literalCapacity * 2) }
        public mutating func appendLiteral(_ literal: String) { raw += literal }
        public mutating func appendInterpolation(_ text: String) { raw += HTML.escape(text) }
        public mutating func appendInterpolation(_ text: String?) { raw += HTML.escape(text ?? "") }
        public mutating func appendInterpolation(_ html: HTML) { raw += html.raw }
        public mutating func appendInterpolation(_ html: HTML?) { raw += html?.raw ?? "" }
        public mutating func appendInterpolation(_ list: [HTML]) { for h in list { raw += h.raw } }
        public mutating func appendInterpolation(_ number: Int) { raw += String(number) }
    }

    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for ch in text {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(ch)
            }
        }
        return out
    }

    /// Joins pieces.
    public static func + (a: HTML, b: HTML) -> HTML { HTML(raw: a.raw + b.raw) }

    /// `checked`, `selected` … when the condition holds.
    public static func attr(_ name: String, if condition: Bool) -> HTML { condition ? HTML(raw: " " + name) : .empty }
}

extension HTML: AsyncResponseEncodable {
    public func encodeResponse(for request: Request) async throws -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .html
        return Response(status: .ok, headers: headers, body: .init(string: raw))
    }
}

extension Array where Element == HTML {
    func joined() -> HTML { HTML(raw: map(\.raw).joined()) }
    func joined(separator: HTML) -> HTML { HTML(raw: map(\.raw).joined(separator: separator.raw)) }
}
