import Foundation
import Vapor

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

    static func query(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~/"))) ?? value
    }

    /// A `next` parameter is followed only when it is a local path.
    static func safeNext(_ next: String?) -> String {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\") else { return home }
        return next
    }
}

extension Request {
    /// A numeric id from the path; anything else is simply "not found".
    func idParameter(_ name: String) throws -> Int {
        guard let text = parameters.get(name), let id = Int(text), id > 0 else {
            throw CCHCError.notFound()
        }
        return id
    }
}
