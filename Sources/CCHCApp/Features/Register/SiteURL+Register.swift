import CCHCDomain

/// The register's addresses: a unit's register of outgoing documents, one document, its file.
extension SiteURL {
    enum Documents: Resourceable {
        /// `/units/:unitID/documents`: the register (GET, `?year=&q=&type=&directing=1`) and a new document (POST).
        case list(Parameter<Int>)
        /// `/units/:unitID/documents/new` (`?type=&year=`): the form, with the next number proposed.
        case new(Parameter<Int>)
        /// `/units/:unitID/documents/:documentID`: the document (GET) and its changes (POST).
        case document(Parameter<Int>, Parameter<Int>)
        /// `/units/:unitID/documents/:documentID/delete` (POST).
        case delete(Parameter<Int>, Parameter<Int>)
        /// `/units/:unitID/documents/:documentID/attachment`: the file (GET) and its upload (POST, multipart).
        case attachment(Parameter<Int>, Parameter<Int>)

        var segments: [String] {
            switch self {
            case .list(let unit): Self.unit(unit)
            case .new(let unit): Self.unit(unit) + ["new"]
            case .document(let unit, let document): Self.unit(unit) + [document.segment("documentID")]
            case .delete(let unit, let document): Self.unit(unit) + [document.segment("documentID"), "delete"]
            case .attachment(let unit, let document): Self.unit(unit) + [document.segment("documentID"), "attachment"]
            }
        }

        private static func unit(_ unit: Parameter<Int>) -> [String] { ["units", unit.segment("unitID"), "documents"] }
    }
}
