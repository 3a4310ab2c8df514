import SQLKit

/// "This path column lies at or under a unit" as a condition each database answers from an index: SQLite by `GLOB`
/// (case-sensitive, so its index on the column serves a prefix; its `LIKE` ignores case and scans), PostgreSQL by
/// `LIKE`, served by the `text_pattern_ops` indexes of migration 29 whatever the database's collation.
/// `pattern` is a `UnitPath.subtreePattern` ("/1/5/%"): digits and slashes, then the one wildcard.
struct SubtreeMatch: SQLExpression {
    let column: String
    let pattern: String

    func serialize(to serializer: inout SQLSerializer) {
        serializer.write(column)
        if serializer.dialect.name == "sqlite" {
            serializer.write(" GLOB ")
            serializer.write(bind: pattern.replacingOccurrences(of: "%", with: "*"))
        } else {
            serializer.write(" LIKE ")
            serializer.write(bind: pattern)
        }
    }
}
