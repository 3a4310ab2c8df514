import Fluent
import SQLKit

/// The register of documents a unit issues (sổ đăng ký văn bản đi): one row per document, its number unique for the
/// issuing unit within a year (the symbol compared without case or diacritics), and its attached file in a table of its
/// own so that lists never read the bytes.
struct CreateRegisterDocuments: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("register_documents")
            .field("id", .int, .identifier(auto: true))
            .field("unit_id", .int, .required, .references("units", "id"))
            .field("year", .int, .required)
            .field("number", .int, .required)
            .field("symbol", .string, .required)
            .field("symbol_key", .string, .required)
            .field("number_text", .string, .required)
            .field("type", .string, .required)
            .field("issued_on", .string, .required)
            .field("summary", .sql(unsafeRaw: "TEXT"), .required)
            .field("signer", .string)
            .field("directs_cchc", .bool, .required)
            .field("area", .string)
            .field("cited_text", .sql(unsafeRaw: "TEXT"))
            .field("search_folded", .sql(unsafeRaw: "TEXT"), .required)
            .field("source_kind", .string)
            .field("source_id", .int)
            .field("revision", .int, .required, .sql(.default(0)))
            .field("created_by", .string, .required)
            .field("created_at", .datetime, .required)
            .field("updated_by", .string)
            .field("updated_at", .datetime)
            .unique(on: "unit_id", "year", "number", "symbol_key", name: "uq_register_documents_number")
            .create()
        try await database.schema("register_attachments")
            .field("id", .int, .identifier(auto: true))
            .field("document_id", .int, .required, .references("register_documents", "id", onDelete: .cascade))
            .field("file_name", .string, .required)
            .field("content_type", .string, .required)
            .field("size", .int, .required)
            .field("bytes", .data, .required)
            .field("uploaded_by", .string, .required)
            .field("uploaded_at", .datetime, .required)
            .unique(on: "document_id", name: "uq_register_attachments_document")
            .create()
        let sql = database as! any SQLDatabase
        // The unique key serves the register's lists (unit, year); the directing documents of a window read by date.
        try await sql.create(index: "idx_register_documents_issued").on("register_documents").column("unit_id").column("issued_on").run()
        try await sql.create(index: "idx_register_documents_source").on("register_documents")
            .column("source_kind").column("source_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("register_attachments").delete()
        try await database.schema("register_documents").delete()
    }
}
