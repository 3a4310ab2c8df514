import Fluent

/// The evidence of a task's progress (issue 10 §5): documents of the unit's register — with their files — that show
/// the task done, kept per task of a plan and per unit a task is assigned to.
struct AddTaskEvidence: AsyncMigration {
    func prepare(on database: any Database) async throws {
        for table in ["plan_tasks", "plan_assignments"] {
            try await database.schema(table).field("evidence", .string).update()
        }
    }

    func revert(on database: any Database) async throws {
        for table in ["plan_tasks", "plan_assignments"] {
            try await database.schema(table).deleteField("evidence").update()
        }
    }
}
