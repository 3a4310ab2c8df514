import Fluent
import Foundation
import CCHCDomain

/// A unit of the organisation tree: a jurisdiction (tỉnh, huyện, xã …) or an office of one.
final class Unit: Model, @unchecked Sendable {
    static let schema = "units"

    @ID(custom: "id", generatedBy: .database) var id: Int?

    // Identity
    @Field(key: "code") var code: String
    @Field(key: "name") var name: String
    /// `name` folded for search without diacritics ("quang tho").
    @Field(key: "name_folded") var nameFolded: String
    @Field(key: "kind") var kind: UnitKind

    // Place in the tree
    @OptionalParent(key: "parent_id") var parent: Unit?
    /// Materialised path "/1/5/23/": every unit under X is `path LIKE '/1/5/%'`.
    @Field(key: "path") var path: String
    @Field(key: "depth") var depth: Int
    /// The office that is its jurisdiction's CCHC standing agency.
    @Field(key: "is_standing_agency") var isStandingAgency: Bool

    // Life cycle
    /// yyyy-MM-dd from which the unit no longer exists on its own (merged or dissolved).
    @OptionalField(key: "retired_on") var retiredOn: String?
    @OptionalField(key: "successor_id") var successorID: Int?

    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    /// Edit counter (lost-update protection).
    @OptionalField(key: "revision") var storedRevision: Int?
    var revision: Int { storedRevision ?? 0 }

    init() {}

    init(code: String, name: String, kind: UnitKind, parentID: Int?, isStandingAgency: Bool = false) {
        self.code = code
        self.name = name
        self.nameFolded = Folding.fold(name)
        self.kind = kind
        self.$parent.id = parentID
        self.path = ""
        self.depth = 0
        self.isStandingAgency = isStandingAgency
    }

    var unitPath: UnitPath { UnitPath(path) ?? UnitPath(ids: [id ?? 0]) }
    var isRetired: Bool { retiredOn != nil }

    var node: OrgNode {
        OrgNode(id: id ?? 0, parentID: $parent.id, code: code, name: name, kind: kind,
                isStandingAgency: isStandingAgency, retiredOn: retiredOn, successorID: successorID)
    }

    func requireID() throws -> Int {
        guard let id else { throw CCHCError(.internalServerError, "Đơn vị chưa được lưu.") }
        return id
    }
}

/// A merge (sáp nhập): `unit` was formed from `predecessor` on `mergedOn`.
final class UnitPredecessor: Model, @unchecked Sendable {
    static let schema = "unit_predecessors"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Parent(key: "unit_id") var unit: Unit
    @Parent(key: "predecessor_id") var predecessor: Unit
    @Field(key: "merged_on") var mergedOn: String

    init() {}
    init(unitID: Int, predecessorID: Int, mergedOn: String) {
        self.$unit.id = unitID
        self.$predecessor.id = predecessorID
        self.mergedOn = mergedOn
    }
}
