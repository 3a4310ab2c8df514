import Fluent
import Vapor
import CCHCDomain

/// A calendar feed behind a secret address: a user's (their work list's duties) or a unit's. Only the token's hash is kept;
/// the address is shown once, when made. Revoked, the address answers 404.
final class CalendarFeedRecord: Model, @unchecked Sendable {
    static let schema = "calendar_feeds"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "token_hash") var tokenHash: String
    /// A user's own feed.
    @OptionalField(key: "user_id") var userID: Int?
    /// A unit's feed.
    @OptionalField(key: "unit_id") var unitID: Int?
    @Field(key: "created_by") var createdBy: Int
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "revoked_at") var revokedAt: Date?

    init() {}
}

/// A feed as the settings page and the API list it (never with its token, except right after it is made).
struct CalendarFeedDTO: Content {
    var id: Int
    /// "user" or "unit"
    var kind: String
    var title: String
    var createdAt: Date
    var revokedAt: Date?
    /// Only in the answer that made it.
    var url: String?
}

/// Making, listing, revoking and serving feeds; every change audited.
struct CalendarService {
    let db: any Database
    let actor: Actor
    let now: Date

    static func hash(_ token: String) -> String { UserToken.hash(token) }

    /// The feeds the account made.
    func list() async throws -> [CalendarFeedDTO] {
        let feeds = try await CalendarFeedRecord.query(on: db).filter(\.$createdBy == actor.userID).sort(\.$createdAt, .descending).all()
        var out: [CalendarFeedDTO] = []
        for f in feeds { out.append(try await dto(f, url: nil)) }
        return out
    }

    func dto(_ f: CalendarFeedRecord, url: String?) async throws -> CalendarFeedDTO {
        var title = "Lịch việc của \(actor.fullName)"
        if let unitID = f.unitID { title = "Lịch việc của " + ((try await Unit.find(unitID, on: db))?.name ?? "đơn vị") }
        return CalendarFeedDTO(id: try f.requireID(), kind: f.unitID == nil ? "user" : "unit", title: title, createdAt: f.createdAt,
                               revokedAt: f.revokedAt, url: url)
    }

    /// A new feed: the user's own (`unitID` nil) or a unit's the account may read. `base`: the site's address for the link.
    func create(unitID: Int?, base: String) async throws -> CalendarFeedDTO {
        let unit: Unit? = if let unitID { try await UnitQueries.readable(unitID, by: actor, on: db) } else { nil }
        let token = [UInt8].random(count: 24).base64URLEncoded
        let f = CalendarFeedRecord()
        f.tokenHash = Self.hash(token)
        f.userID = unit == nil ? actor.userID : nil
        f.unitID = unit?.id
        f.createdBy = actor.userID
        f.createdAt = now
        let (actor, now) = (self.actor, self.now)
        try await db.writeTransaction { tx in
            try await f.create(on: tx)
            try await Audit.record(on: tx, at: now, actor: actor, action: "calendar.create", entity: "calendar_feed", entityID: f.id, unit: unit,
                                   summary: "Tạo đường dẫn lịch việc (.ics) " + (unit.map { "của \($0.name)" } ?? "của \(actor.fullName)"))
        }
        return try await dto(f, url: base + SiteURL.Calendar.feed(.value(token + ".ics")).path)
    }

    func revoke(_ id: Int) async throws -> CalendarFeedDTO {
        guard let f = try await CalendarFeedRecord.query(on: db).filter(\.$id == id).filter(\.$createdBy == actor.userID).first()
        else { throw CCHCError.notFound("Không tìm thấy đường dẫn lịch này.") }
        if f.revokedAt == nil {
            f.revokedAt = now
            let (actor, now) = (self.actor, self.now)
            try await db.writeTransaction { tx in
                try await f.save(on: tx)
                try await Audit.record(on: tx, at: now, actor: actor, action: "calendar.revoke", entity: "calendar_feed", entityID: f.id, unit: nil,
                                       summary: "Thu hồi đường dẫn lịch việc (.ics) số \(id)")
            }
        }
        return try await dto(f, url: nil)
    }

    /// The feed's calendar text, or nil (404) when the token is unknown or revoked, or its maker is gone or lost the unit.
    static func calendar(token: String, base: String, now: Date, on db: any Database) async throws -> String? {
        let bare = token.hasSuffix(".ics") ? String(token.dropLast(4)) : token
        guard let f = try await CalendarFeedRecord.query(on: db).filter(\.$tokenHash == hash(bare)).first(), f.revokedAt == nil,
              let user = try await User.find(f.createdBy, on: db), user.isActive else { return nil }
        let actor = try await Actor.load(user, on: db)
        if let unitID = f.unitID {
            guard let unit = try? await UnitQueries.readable(unitID, by: actor, on: db) else { return nil }
            let duties = try await DutyRegistry.around([unit], now: now, on: db)
            return ICalendar.feed(name: "CCHC — \(unit.name)", duties: duties, baseURL: base, now: now)
        }
        let units = try await MyWork.workUnits(actor, on: db)
        let duties = try await DutyRegistry.around(units, now: now, on: db)
        return ICalendar.feed(name: "CCHC — \(actor.fullName)", duties: duties, baseURL: base, now: now)
    }
}
