/// The accounts' addresses.
extension SiteURL {
    enum Users: Resourceable {
        /// `/users`: the list (GET, `?q=`) and a new account (POST).
        case list
        /// `/users/new` (`?unit=`).
        case new
        /// `/users/:userID`: the account's form (GET) and its changes (POST).
        case user(Parameter<Int>)
        /// `/users/:userID/unlock`.
        case unlock(Parameter<Int>)

        var segments: [String] {
            switch self {
            case .list: ["users"]
            case .new: ["users", "new"]
            case .user(let user): ["users", user.segment("userID")]
            case .unlock(let user): ["users", user.segment("userID"), "unlock"]
            }
        }
    }
}
