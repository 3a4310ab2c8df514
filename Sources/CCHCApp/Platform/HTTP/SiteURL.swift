import Foundation
import Vapor
import CCHCDomain

/// Every page address in one typed place, so links are never hand-built strings.
enum SiteURL {
    static let home = "/"
    static let login = "/login"
    static let logout = "/logout"
    static let units = "/units"
    static let newUnit = "/units/new"
    static let merge = "/units/merge"
    static let users = "/users"
    static let newUser = "/users/new"
    static let audit = "/audit"
    static let stylesheet = "/assets/app.css"
    static let script = "/assets/app.js"

    static func login(next: String) -> String { "/login?next=" + query(next) }
    static func unit(_ id: Int) -> String { "/units/\(id)" }
    static func editUnit(_ id: Int) -> String { "/units/\(id)/edit" }
    static func newUnit(parent: Int) -> String { "/units/new?parent=\(parent)" }
    static func user(_ id: Int) -> String { "/users/\(id)" }
    static func units(query q: String) -> String { "/units?q=" + query(q) }
    static let forms = "/forms"
    static let formImport = "/forms/import"
    static func form(_ id: Int) -> String { "/forms/\(id)" }
    static func formExport(_ id: Int) -> String { "/forms/\(id)/export" }
    static func reports(_ unitID: Int, year: Int? = nil) -> String { "/units/\(unitID)/reports" + (year.map { "?year=\($0)" } ?? "") }
    static func report(_ unitID: Int, _ periodID: Int) -> String { "/units/\(unitID)/reports/\(periodID)" }
    static func reportAction(_ unitID: Int, _ periodID: Int, _ action: String) -> String { "/units/\(unitID)/reports/\(periodID)/actions/\(action)" }
    static func reportCompare(_ unitID: Int, _ periodID: Int, a: Int, b: Int) -> String { "/units/\(unitID)/reports/\(periodID)/compare?a=\(a)&b=\(b)" }
    static func timeliness(_ unitID: Int, year: Int, sort: String? = nil) -> String {
        "/units/\(unitID)/timeliness?year=\(year)" + (sort.map { "&sort=" + $0 } ?? "")
    }
    static func timelinessCSV(_ unitID: Int, year: Int) -> String { "/units/\(unitID)/timeliness.csv?year=\(year)" }
    static func regime(_ unitID: Int, year: Int) -> String { "/units/\(unitID)/regimes/\(year)" }
    static func consolidation(_ unitID: Int, year: Int, _ kind: PeriodKind) -> String { "/units/\(unitID)/consolidation/\(year)/\(kind.code)" }

    static func query(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~/"))) ?? value
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

    static func safeNext(_ next: String?) -> String { isSafeNext(next) ? next! : home }
}

extension Request {
    /// An optional whole-number query parameter: nil when absent or empty; 400 naming it when it is
    /// not a number (a malformed filter is never silently dropped).
    func queryInt(_ name: String, in range: ClosedRange<Int>? = nil) throws -> Int? {
        guard let text = query[String.self, at: name]?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        guard let value = Int(text), range.map({ $0.contains(value) }) ?? true else {
            let bounds = range.map { " từ \($0.lowerBound) đến \($0.upperBound)" } ?? ""
            throw CCHCError(.badRequest, "Tham số \(name): “\(text.prefix(40))” không phải là số nguyên\(bounds).")
        }
        return value
    }

    /// An optional yes/no query parameter (true/false, 1/0).
    func queryBool(_ name: String) throws -> Bool? {
        guard let text = query[String.self, at: name]?.lowercased() else { return nil }
        switch text {
        case "true", "1": return true
        case "false", "0": return false
        default: throw CCHCError(.badRequest, "Tham số \(name): “\(text.prefix(40))” phải là true hoặc false.")
        }
    }

    /// A numeric id from the path; anything else is simply "not found".
    func idParameter(_ name: String) throws -> Int {
        guard let text = parameters.get(name), let id = Int(text), id > 0 else {
            throw CCHCError.notFound()
        }
        return id
    }
}
