import Fluent
import Vapor
import CCHCDomain

/// Merging units into a new one: `UnitMergePage.Model` (the units that may be merged, the typing, the
/// failure), loaded by `Model.load`; `UnitMergePage.View` renders it.
enum UnitMergePage {}

extension UnitMergePage {
    struct Model {
        /// The jurisdictions below a province the signed-in account manages.
        var candidates: [Unit]
        /// The jurisdictions the new unit may go under.
        var parents: [Unit]
        var body: UnitPages.MergeBody
        var failure: ValidationFailure?
    }
}

extension UnitMergePage.Model {
    static func load(_ req: Request, _ actor: Actor, body: UnitPages.MergeBody, failure: ValidationFailure?) async throws -> Self {
        let candidates = try await UnitQueries.search(nil, actor: actor, includeRetired: false,
                                                      kinds: UnitKind.allCases.filter(\.isJurisdiction), limit: 5000, on: req.db)
            .filter { actor.scope.canManage($0.unitPath) && $0.kind.tier != .province }
        let parents = try await UnitFormPage.parentChoices(req, actor, excluding: nil)
        return Self(candidates: candidates, parents: parents, body: body, failure: failure)
    }
}
