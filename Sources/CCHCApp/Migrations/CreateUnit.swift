import Fluent
import SQLKit

struct CreateUnit: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("units")
            .field("id", .int, .identifier(auto: true))
            .field("code", .string, .required)
            .field("name", .string, .required)
            .field("name_folded", .string, .required)
            .field("kind", .string, .required)
            .field("parent_id", .int, .references("units", "id"))
            .field("path", .string, .required)
            .field("depth", .int, .required)
            .field("is_standing_agency", .bool, .required)
            .field("retired_on", .string)
            .field("successor_id", .int, .references("units", "id"))
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "code")
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "idx_units_parent").on("units").column("parent_id").run()
        try await sql.create(index: "idx_units_path").on("units").column("path").run()
        try await sql.create(index: "idx_units_successor").on("units").column("successor_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("units").delete()
    }
}

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
