import Fluent
import Vapor
import CCHCDomain

/// Adding or editing a unit: `UnitFormPage.Model` (the typing, the failure, the jurisdictions it may go
/// under), loaded by `Model.load`; `UnitFormPage.View` renders it.
enum UnitFormPage {}

extension UnitFormPage {
    struct Model {
        /// "Thêm đơn vị", "Sửa Xã Thạch Đài"
        var title: String
        /// Where the form is posted.
        var action: SiteURL.Units
        var values: UnitPages.FormValues
        var failure: ValidationFailure?
        /// The unit being edited (its revision goes back with the form); nil when adding.
        var editing: Unit?
        /// The jurisdictions the signed-in account may place the unit under.
        var parents: [Unit]
        /// An administrator may add a province (no unit above it).
        var allowsTopLevel: Bool
    }
}

extension UnitFormPage.Model {
    static func load(_ req: Request, title: String, action: SiteURL.Units, values: UnitPages.FormValues, failure: ValidationFailure?,
                     editing: Unit? = nil) async throws -> Self {
        let actor = try req.actor
        let parents = try await UnitFormPage.parentChoices(req, actor, excluding: editing)
        return Self(title: title, action: action, values: values, failure: failure, editing: editing, parents: parents,
                    allowsTopLevel: actor.isAdmin)
    }
}

extension UnitFormPage {
    /// Jurisdictions the actor may place a unit under (never inside the unit itself).
    static func parentChoices(_ req: Request, _ actor: Actor, excluding: Unit?) async throws -> [Unit] {
        let all = try await UnitQueries.search(nil, actor: actor, includeRetired: false,
                                               kinds: UnitKind.allCases.filter(\.isJurisdiction), limit: 5000, on: req.db)
        return all.filter { u in
            actor.scope.canManage(u.unitPath) && !(excluding.map { $0.unitPath.contains(u.unitPath) } ?? false)
        }
    }
}
