import Foundation
import Vapor
import CCHCDomain

/// Every page address in one typed place, as SwiftPackageIndex-Server does: one value both registers
/// the route (`pathComponents`, parameters as `.key` → `:unitID`) and renders the link (`path`,
/// `relativeURL(parameters:)`, parameters as `.value(5)` → `5`). No link is a hand-built string.
///
/// The addresses of the platform (home, sign-in, audit log, assets) are the cases below; each feature
/// declares its own in a nested enum, in an extension in its folder (`Features/<Feature>/SiteURL+<Feature>.swift`).
enum SiteURL: Resourceable {
    case home
    case login
    case logout
    case audit
    case auditExport
    case stylesheet
    case script
    /// For a load balancer or a probe: answers without a session or the database.
    case health

    var segments: [String] {
        switch self {
        case .home: []
        case .login: ["login"]
        case .logout: ["logout"]
        case .audit: ["audit"]
        case .auditExport: ["audit", "export.xlsx"]
        case .stylesheet: ["assets", "app.css"]
        case .script: ["assets", "app.js"]
        case .health: ["health"]
        }
    }

    /// A query value (or key) percent-encoded: ASCII letters and digits and `-._~/` stay as they are.
    static func query(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: .queryValueAllowed) ?? value
    }

    /// A `next` parameter is followed only when it is a path of this site: it starts with one "/",
    /// and neither it nor its decoded form holds a backslash, whitespace or a control character
    /// (no "//evil", "/\tevil", header splitting with CR/LF).
    static func isSafeNext(_ next: String?) -> Bool {
        guard let next, next.count <= 2_000, next.hasPrefix("/") else { return false }
        let decoded = next.removingPercentEncoding ?? next
        for text in [next, decoded] {
            if text.hasPrefix("//") || text.contains("\\") { return false }
            if text.unicodeScalars.contains(where: { $0.value < 0x21 || $0.value == 0x7F || $0.properties.isWhitespace }) { return false }
        }
        return !decoded.hasPrefix("//")
    }

    static func safeNext(_ next: String?) -> String { isSafeNext(next) ? next! : home.path }
}

/// An address of the site: its path segments, from which both the route pattern and the link are made.
protocol Resourceable: Sendable {
    /// Literal segments, and each parameter as `Parameter.segment(name)`: `:name` for `.key`, the value for `.value`.
    var segments: [String] { get }
}

extension Resourceable {
    /// The route pattern to register (`routes.get(SiteURL.Units.unit(.key).pathComponents, use: …)`).
    var pathComponents: [PathComponent] { segments.map { PathComponent(stringLiteral: $0) } }

    /// The link: `/units/5`.
    var path: String { "/" + segments.joined(separator: "/") }

    /// The link with a query (keys and values percent-encoded, in the order given) and an anchor:
    /// `/units/5/consolidation/2021/Q1?code=1.1&accepted=1#drill`.
    func relativeURL(parameters: [QueryParameter] = [], anchor: String? = nil) -> String {
        let query = parameters.isEmpty ? "" : "?" + parameters.map { SiteURL.query($0.key) + "=" + SiteURL.query($0.value) }.joined(separator: "&")
        return path + query + (anchor.map { "#" + $0 } ?? "")
    }
}

/// A parameter of an address: `.key` where the route is registered, `.value(…)` where a link is rendered.
enum Parameter<Value: PathValue>: Sendable {
    case key
    case value(Value)

    /// The segment for the parameter called `name`: `:name`, or the value percent-encoded.
    func segment(_ name: String) -> String {
        switch self {
        case .key: ":" + name
        case .value(let value): value.pathText.addingPercentEncoding(withAllowedCharacters: .pathSegmentAllowed) ?? value.pathText
        }
    }
}

/// What may stand in a path parameter.
protocol PathValue: Sendable {
    var pathText: String { get }
}

extension Int: PathValue {
    var pathText: String { String(self) }
}

/// One `key=value` of a link's query.
struct QueryParameter: Sendable, Equatable {
    var key: String
    var value: String

    init(_ key: String, _ value: String) {
        self.key = key
        self.value = value
    }

    init(_ key: String, _ value: Int) { self.init(key, String(value)) }
}

private extension CharacterSet {
    /// What may stand unencoded in one path segment (no "/").
    static let pathSegmentAllowed = CharacterSet.urlPathAllowed.subtracting(CharacterSet(charactersIn: "/"))
    /// What may stand unencoded in a query key or value: the unreserved characters of RFC 3986, and "/".
    static let queryValueAllowed = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~/")
}
