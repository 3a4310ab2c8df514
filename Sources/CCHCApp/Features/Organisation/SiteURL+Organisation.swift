/// The organisation tree's addresses.
extension SiteURL {
    enum Units: Resourceable {
        /// `/units`: the list (GET, `?q=`, `?retired=1`) and a new unit (POST).
        case list
        /// `/units/new` (`?parent=`).
        case new
        /// `/units/merge`.
        case merge
        /// `/units/:unitID`: the unit (GET) and its changes (POST).
        case unit(Parameter<Int>)
        /// `/units/:unitID/edit`.
        case edit(Parameter<Int>)

        var segments: [String] {
            switch self {
            case .list: ["units"]
            case .new: ["units", "new"]
            case .merge: ["units", "merge"]
            case .unit(let unit): ["units", unit.segment("unitID")]
            case .edit(let unit): ["units", unit.segment("unitID"), "edit"]
            }
        }
    }
}
