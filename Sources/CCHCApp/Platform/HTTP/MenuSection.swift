/// The menu's sections, and which one a page belongs to by the kind of page it is (the segment after `/units/:id/`),
/// not by whose unit it shows.
enum MenuSection: Equatable, Sendable {
    case work, units, users, plans, reports, par, inspections, overview, timeliness, forms, audit

    /// The sections `path` belongs to, in order of preference: the first the account's menu has is marked.
    static func of(path: String) -> [MenuSection] {
        let bare = path.split(separator: "?").first.map(String.init) ?? path
        let p = bare.split(separator: "/").map(String.init)
        guard let first = p.first else { return [.work] }
        switch first {
        case "calendar", "reminders": return [.work]
        case "users": return [.users]
        case "par": return [.par]
        case "forms": return [.forms]
        case "audit": return [.audit]
        case "units":
            guard p.count >= 3, Int(p[1]) != nil else { return [.units] }
            switch p[2] {
            case "plans": return [.plans]
            case "reports", "regimes": return [.reports]
            case "timeliness", "timeliness.csv", "emulation.xlsx", "consolidation": return [.timeliness, .reports]
            case "inspections": return [.inspections]
            case "overview", "dashboard", "dashboard.xlsx": return [.overview, .units]
            default: return [.units]
            }
        default: return []
        }
    }
}
