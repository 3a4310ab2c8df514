import Foundation
import CCHCDomain

/// One unit of the demo organisation tree (built from the seed documents).
struct DemoUnit: Sendable, Codable, Equatable {
    var code: String            // unique short code, e.g. "HT", "HT-THA", "HT-THA-THACHDAI"; uppercase ASCII letters, digits, dashes
    var name: String            // full official Vietnamese name with diacritics
    var kind: UnitKind
    var accountSlug: String? = nil   // login slug of the unit's demo account(s); nil = no account
    var leader: String? = nil        // the chairman's name as the seed documents sign it ("Trần Việt Hà"); nil: named after the post
    var isStandingAgency: Bool = false // true for the Phòng Nội vụ / Sở Nội vụ office that is the CCHC standing agency
    var offices: [DemoUnit] = []      // offices (sở/phòng/ban/văn phòng) of this jurisdiction
    var units: [DemoUnit] = []        // subordinate jurisdictions
    var mergedFrom: [DemoUnit] = []   // predecessor units (retired) that were merged into this one
    var mergedOn: String? = nil       // "YYYY-MM-DD" date of the merge, when mergedFrom is not empty

    enum CodingKeys: String, CodingKey { case code, name, kind, leader, accountSlug, isStandingAgency, offices, units, mergedFrom, mergedOn }

    init(code: String, name: String, kind: UnitKind, accountSlug: String? = nil, isStandingAgency: Bool = false,
         offices: [DemoUnit] = [], units: [DemoUnit] = [], mergedFrom: [DemoUnit] = [], mergedOn: String? = nil) {
        self.code = code
        self.name = name
        self.kind = kind
        self.accountSlug = accountSlug
        self.isStandingAgency = isStandingAgency
        self.offices = offices
        self.units = units
        self.mergedFrom = mergedFrom
        self.mergedOn = mergedOn
    }

    /// Fields left out of the file take their defaults.
    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        code = try c.decode(String.self, forKey: .code)
        name = try c.decode(String.self, forKey: .name)
        kind = try c.decode(UnitKind.self, forKey: .kind)
        accountSlug = try c.decodeIfPresent(String.self, forKey: .accountSlug)
        leader = try c.decodeIfPresent(String.self, forKey: .leader)
        isStandingAgency = try c.decodeIfPresent(Bool.self, forKey: .isStandingAgency) ?? false
        offices = try c.decodeIfPresent([DemoUnit].self, forKey: .offices) ?? []
        units = try c.decodeIfPresent([DemoUnit].self, forKey: .units) ?? []
        mergedFrom = try c.decodeIfPresent([DemoUnit].self, forKey: .mergedFrom) ?? []
        mergedOn = try c.decodeIfPresent(String.self, forKey: .mergedOn)
    }

    /// Defaults are left out, so the file reads like the tree.
    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(code, forKey: .code)
        try c.encode(name, forKey: .name)
        try c.encode(kind, forKey: .kind)
        try c.encodeIfPresent(leader, forKey: .leader)
        try c.encodeIfPresent(accountSlug, forKey: .accountSlug)
        if isStandingAgency { try c.encode(true, forKey: .isStandingAgency) }
        if !offices.isEmpty { try c.encode(offices, forKey: .offices) }
        if !units.isEmpty { try c.encode(units, forKey: .units) }
        if !mergedFrom.isEmpty { try c.encode(mergedFrom, forKey: .mergedFrom) }
        try c.encodeIfPresent(mergedOn, forKey: .mergedOn)
    }
}

/// The demo organisation: real units named in (or around) the five seed documents.
///
/// Three-tier provinces (tỉnh → huyện/thị xã → xã/phường/thị trấn) are shown as they
/// stood when the seed documents were written (2020–2022); Lai Châu shows the two-tier
/// structure in force since 01/07/2025.
///
/// Account slugs: commune-level units use their name without the kind prefix, folded to
/// lower-case ASCII ("Xã Thạch Đài" → "thachdai"); thị trấn take a "tt" prefix; a standing
/// agency uses its jurisdiction's name ("Phòng Nội vụ" of Thạch Hà → "thachha").
/// Codes and slugs are unique across the whole file.
enum DemoOrganisation {
    /// The tree, from Resources/Demo/organisation.json (data, not code): Hà Tĩnh (Thạch Hà of seed 000, with
    /// its offices and 22 communes and town; Nghi Xuân), Gia Lai (An Khê, seed 002), Thừa Thiên Huế
    /// (Quảng Điền), Sóc Trăng (its departments, seed 004) and Lai Châu (two-tier, Thu Lũm merged on 01/07/2025).
    static var provinces: [DemoUnit] {
        get throws { try JSONDecoder().decode([DemoUnit].self, from: Data(Resources.text(file).utf8)) }
    }

    static let file = "Demo/organisation.json"
}
