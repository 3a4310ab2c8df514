import Fluent
import Vapor

/// The migrations, in the order they ran. History: one file each, numbered; a migration is never edited
/// after it has landed (a database that ran it would not run it again) — a change is a new migration.
enum Migrations {
    static func register(on app: Application) {
        app.migrations.add(CreateUnit())                  // 01
        app.migrations.add(CreateUnitPredecessor())       // 02
        app.migrations.add(CreateUser())                  // 03
        app.migrations.add(CreateUserToken())             // 04
        app.migrations.add(CreateAuditEvent())            // 05
        app.migrations.add(SessionRecord.migration)       // 06: Fluent's sessions table
        app.migrations.add(CreateForm())                  // 07
        app.migrations.add(InstallBuiltInForms())         // 08
        app.migrations.add(CreateRegime())                // 09
        app.migrations.add(CreateReport())                // 10
        app.migrations.add(AddRevisionsAndProtections())  // 11
        app.migrations.add(MakeAuditAppendOnly())         // 12
        app.migrations.add(AddConsolidationRules())       // 13
        app.migrations.add(CreateOfficePeriods())         // 14
        app.migrations.add(AddReportAppendix())           // 15
        app.migrations.add(AddStrictDeadlines())          // 16
        app.migrations.add(CreateRegisterDocuments())  // 17
        app.migrations.add(AddOnRequestAndAssumedWindows()) // 18
        app.migrations.add(CreatePlans())                 // 19
        app.migrations.add(AddComputedSources())          // 20
        app.migrations.add(AddTaskEvidence())             // 21
        app.migrations.add(CreateParIndex())              // 22
        app.migrations.add(CreateInspections())           // 23
        app.migrations.add(CreateDuties())                // 24
        app.migrations.add(CreateConsolidationPartials()) // 25
        app.migrations.add(CreateConsolidationReports())  // 26
        app.migrations.add(CreateConsolidationAreas())    // 27
        app.migrations.add(AddConsolidationReporters())   // 28
        app.migrations.add(AddPathPrefixIndexes())        // 29
        app.migrations.add(AddParStoredCards())           // 30
    }
}
