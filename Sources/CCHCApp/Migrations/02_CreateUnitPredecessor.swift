import Fluent
import SQLKit

struct CreateUnitPredecessor: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("unit_predecessors")
            .field("id", .int, .identifier(auto: true))
            .field("unit_id", .int, .required, .references("units", "id"))
            .field("predecessor_id", .int, .required, .references("units", "id"))
            .field("merged_on", .string, .required)
            .unique(on: "unit_id", "predecessor_id")
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "idx_unit_predecessors_unit").on("unit_predecessors").column("unit_id").run()
        try await sql.create(index: "idx_unit_predecessors_predecessor").on("unit_predecessors").column("predecessor_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("unit_predecessors").delete()
    }
}
