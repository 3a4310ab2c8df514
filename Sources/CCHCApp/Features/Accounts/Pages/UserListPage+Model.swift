import Fluent
import Vapor
import CCHCDomain

/// The accounts in the signed-in account's scope, searched: `UserListPage.Model`, loaded by `Model.load`;
/// `UserListPage.View` renders it.
enum UserListPage {}

extension UserListPage {
    struct Model {
        /// What was searched for ("" lists every account in scope).
        var q: String
        /// Each account with its unit.
        var rows: [(User, Unit)]
    }
}

extension UserListPage.Model {
    static func load(_ req: Request, _ actor: Actor) async throws -> Self {
        let q = (try? req.query.get(String.self, at: "q")) ?? ""
        return Self(q: q, rows: try await UserQueries.search(q, actor: actor, on: req.db))
    }
}
