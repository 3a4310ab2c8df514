import Fluent
import Vapor
import CCHCDomain

/// What reports take from the register: the documents directing CCHC a unit issued in a window — for a jurisdiction
/// with its offices' (each office gives its Phụ lục 3A through its own register) — for indicator 1.1.3 and Phụ lục 3A.
enum RegisterFigures {
    static func directing(unit: Unit, from: Day, through: Day, on db: any Database) async throws -> [DirectingDocumentRow] {
        var units = [unit]
        if unit.kind.isJurisdiction {
            units += try await Unit.query(on: db).filter(\.$parent.$id == (try unit.requireID())).filter(\.$retiredOn == nil).all()
                .filter(\.kind.isOffice).sorted { VietnameseOrder.key($0.name) < VietnameseOrder.key($1.name) }
        }
        var out: [DirectingDocumentRow] = []
        for u in units {
            for e in try await RegisterQueries.directing(unitID: try u.requireID(), from: from, through: through, on: db) {
                out.append(DirectingDocumentRow(numberSymbol: e.numberText, issuedOn: e.issuedOn.iso, summary: e.summary,
                                                issuer: u.kind.isOffice ? u.name : "UBND \(u.name)"))
            }
        }
        return out.sorted { ($0.issuedOn, $0.numberSymbol) < ($1.issuedOn, $1.numberSymbol) }
    }

    static func link(unitID: Int, year: Int) -> String {
        SiteURL.Documents.list(.value(unitID)).relativeURL(parameters: [QueryParameter("year", year), QueryParameter("directing", 1)])
    }
}
