import Foundation
import Vapor
import CCHCDomain

extension SiteURL {
    /// Duties: a unit's duties of a year, and the calendar feeds.
    enum Duties: Resourceable {
        /// `/units/:unitID/duties` (`?year=`): every duty of the unit in the year, with where it stands.
        case unit(Parameter<Int>)
        /// `/reminders/read` (POST): the account's reminders marked read.
        case readReminders
        /// `/units/:unitID/dashboard` (`?year=`): the standing agency's units × duties.
        case dashboard(Parameter<Int>)
        /// `/units/:unitID/dashboard.xlsx` (`?year=`).
        case dashboardXLSX(Parameter<Int>)
        /// `/units/:unitID/overview` (`?year=`): the leaders' overview.
        case overview(Parameter<Int>)

        var segments: [String] {
            switch self {
            case .unit(let u): ["units", u.segment("unitID"), "duties"]
            case .readReminders: ["reminders", "read"]
            case .dashboard(let u): ["units", u.segment("unitID"), "dashboard"]
            case .dashboardXLSX(let u): ["units", u.segment("unitID"), "dashboard.xlsx"]
            case .overview(let u): ["units", u.segment("unitID"), "overview"]
            }
        }
    }

    /// The calendar feeds: the account's feeds (GET; POST makes one), revoking one, and a feed itself (public, by its token).
    enum Calendar: Resourceable {
        /// `/calendar`
        case settings
        /// `/calendar/:feedID/revoke` (POST)
        case revoke(Parameter<Int>)
        /// `/ics/:token` — "<token>.ics"; no sign-in: the token is the key.
        case feed(Parameter<String>)

        var segments: [String] {
            switch self {
            case .settings: ["calendar"]
            case .revoke(let f): ["calendar", f.segment("feedID"), "revoke"]
            case .feed(let t): ["ics", t.segment("token")]
            }
        }
    }
}

extension String: PathValue {
    var pathText: String { self }
}

extension Request {
    /// The site's own address for links that leave it (calendar feeds, e-mails): `CCHC_PUBLIC_URL`, or the request's host.
    var siteBase: String {
        if let configured = Environment.get("CCHC_PUBLIC_URL"), !configured.isEmpty {
            return configured.hasSuffix("/") ? String(configured.dropLast()) : configured
        }
        let host = headers.first(name: .host) ?? "localhost:8080"
        return "http://\(host)"
    }
}
