import Fluent
import Foundation

/// Records who did what, when. Call inside the same transaction as the change.
enum Audit {
    static func record(on db: any Database, at: Date, actor: Actor?, action: String, entity: String,
                       entityID: Int?, unit: Unit?, summary: String, detail: [String: String]? = nil) async throws {
        let event = AuditEvent()
        event.at = at
        event.userID = actor?.userID
        event.username = actor?.username ?? "hệ thống"
        event.action = action
        event.entity = entity
        event.entityID = entityID
        event.unitID = unit?.id
        event.unitPath = unit?.path
        event.summary = summary
        if let detail, let data = try? JSONEncoder.sorted.encode(detail) {
            event.detail = String(decoding: data, as: UTF8.self)
        }
        try await event.save(on: db)
    }
}

extension JSONEncoder {
    static var sorted: JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return e
    }
}
