import Fluent

/// A jurisdiction's report keeps the appendix its leader signed: the consolidated figures as they
/// stood at the moment of signing, so the document sent is the one signed, whatever arrives later.
struct AddReportAppendix: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("reports").field("appendix", .sql(unsafeRaw: "TEXT")).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("reports").deleteField("appendix").update()
    }
}
