import Fluent
import CCHCDomain

/// The unit that system administrators belong to: outside the administrative tree.
enum SystemUnit {
    static let code = "SYS"
    static let name = "Quản trị hệ thống"

    /// Finds or creates it (the first administrator of a production install needs it).
    static func ensure(on db: any Database) async throws -> Unit {
        if let unit = try await Unit.query(on: db).filter(\.$code == code).first() { return unit }
        let unit = Unit(code: code, name: name, kind: .bureau, parentID: nil)
        try await unit.create(on: db)
        try await OrganisationService.place(unit, under: nil, on: db)
        return unit
    }
}
