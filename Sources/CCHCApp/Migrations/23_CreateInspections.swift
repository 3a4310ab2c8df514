import Fluent
import SQLKit

/// CCHC inspections (issue 12, seed 003): a jurisdiction's yearly inspection plan, the units' self-inspection reports per
/// round, the visits (scheduled, moved with their history, announced or not, from a complaint), their conclusions and
/// findings with remediation and verification. The built-in form names block 1.2 as computed from them.
struct CreateInspections: AsyncMigration {
    static let pairs = [("Migrations/20_AddComputedSources/CCHC-TK-2021.json", "Migrations/23_CreateInspections/CCHC-TK-2021.json")]

    func prepare(on database: any Database) async throws {
        try await database.schema("inspection_plans")
            .field("id", .int, .identifier(auto: true))
            .field("unit_id", .int, .required, .references("units", "id"))
            .field("unit_path", .string, .required)
            .field("year", .int, .required)
            .field("body", .string, .required)
            .field("revision", .int, .required)
            .field("updated_by", .string)
            .field("updated_at", .datetime)
            .unique(on: "unit_id", "year")
            .create()
        try await database.schema("inspection_self_reports")
            .field("id", .int, .identifier(auto: true))
            .field("plan_id", .int, .required, .references("inspection_plans", "id", onDelete: .cascade))
            .field("round", .int, .required)
            .field("unit_id", .int, .required, .references("units", "id"))
            .field("unit_path", .string, .required)
            .field("answers", .string, .required)
            .field("narrative", .string)
            .field("sent_at", .datetime)
            .field("sent_by", .string)
            .field("revision", .int, .required)
            .field("updated_by", .string)
            .field("updated_at", .datetime)
            .unique(on: "plan_id", "round", "unit_id")
            .create()
        try await database.schema("inspection_visits")
            .field("id", .int, .identifier(auto: true))
            .field("plan_id", .int, .required, .references("inspection_plans", "id", onDelete: .cascade))
            .field("round", .int)
            .field("unit_id", .int, .required, .references("units", "id"))
            .field("unit_path", .string, .required)
            .field("visit_on", .string, .required)
            .field("unannounced", .bool, .required)
            .field("origin", .string)
            .field("complaint_ref", .string)
            .field("complaint_on", .string)
            .field("complaint_summary", .string)
            .field("team", .string, .required)
            .field("history", .string, .required)
            .field("pre_report", .string)
            .field("pre_report_at", .datetime)
            .field("concluded_on", .string)
            .field("conclusion_number", .string)
            .field("conclusion", .string)
            .field("revision", .int, .required)
            .field("updated_by", .string)
            .field("updated_at", .datetime)
            .create()
        try await database.schema("inspection_findings")
            .field("id", .int, .identifier(auto: true))
            .field("visit_id", .int, .required, .references("inspection_visits", "id", onDelete: .cascade))
            .field("area", .string, .required)
            .field("description", .string, .required)
            .field("severity", .string, .required)
            .field("responsible", .string, .required)
            .field("person", .string)
            .field("found_on", .string, .required)
            .field("due", .string, .required)
            .field("status", .string, .required)
            .field("fixed_on", .string)
            .field("remediation", .string)
            .field("verified_on", .string)
            .field("verified_by", .string)
            .field("revision", .int, .required)
            .field("updated_by", .string)
            .field("updated_at", .datetime)
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "idx_inspection_visits_plan").on("inspection_visits").column("plan_id").column("unit_id").run()
        try await sql.create(index: "idx_inspection_findings_visit").on("inspection_findings").column("visit_id").run()
        try await BuiltInFormUpgrade.run(Self.pairs, label: "hệ thống (nâng cấp 23)", on: database)
    }

    func revert(on database: any Database) async throws {
        for table in ["inspection_findings", "inspection_visits", "inspection_self_reports", "inspection_plans"] {
            try await database.schema(table).delete()
        }
    }
}
