import Fluent
import SQLKit
import CCHCDomain

/// PAR-index ranking at scale (issue 14): the class and the points per area of each scored assessment, kept with its
/// total (`ParStoredCard`), filled here for the assessments already scored.
struct AddParStoredCards: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // One column a statement: SQLite adds one column per ALTER TABLE.
        try await database.schema(ParAssessmentRecord.schema).field("final_class", .string).update()
        try await database.schema(ParAssessmentRecord.schema).field("final_areas", .string).update()
        let rounds = try await ParRoundRecord.query(on: database).all()
        var frameworks: [Int: ParFramework] = [:]
        for round in rounds {
            guard let roundID = round.id else { continue }
            if frameworks[round.$framework.id] == nil {
                frameworks[round.$framework.id] = try await ParQueries.framework(round.$framework.id, on: database).framework()
            }
            guard let framework = frameworks[round.$framework.id] else { continue }
            let scored = try await ParAssessmentRecord.query(on: database).filter(\.$round.$id == roundID).filter(\.$total != nil).all()
            let entries = try await ParQueries.entries(of: scored.compactMap(\.id), on: database)
            for a in scored {
                guard let id = a.id else { continue }
                ParStoredCard.keep(ParEvaluation.evaluate(framework, entries: entries[id] ?? [:], system: [:]), in: a)
                try await a.save(on: database)
            }
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ParAssessmentRecord.schema).deleteField("final_areas").update()
        try await database.schema(ParAssessmentRecord.schema).deleteField("final_class").update()
    }
}
