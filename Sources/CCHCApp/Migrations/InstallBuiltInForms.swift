import Fluent
import Foundation

/// Ships the built-in statistics forms (seed 002's appendix) with every install.
struct InstallBuiltInForms: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await FormService.installBuiltIns(on: database, now: Date())
    }

    func revert(on database: any Database) async throws {
        for json in BuiltInForms.all {
            let form = try FormCodec.decode(Data(json.utf8))
            try await FormRecord.query(on: database).filter(\.$code == form.code).filter(\.$year == form.year).delete()
        }
    }
}
