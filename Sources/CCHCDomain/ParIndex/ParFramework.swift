import Foundation

/// A PAR-index framework (bộ tiêu chí Chỉ số CCHC) for one year and one group of units, as data:
/// imported and exported as JSON in the shape of issue 11's Interface, never coded.
///
/// The criteria form a tree of any depth by `parent` (area → criterion → component …). A parent's
/// score is the sum of its children's, capped at its own max (its max need not equal the sum of its
/// children's maxima: the documents do this); `noCap` lets a parent go above its max (bonus points inside).
public struct ParFramework: Codable, Sendable, Equatable {
    public var code: String
    public var title: String
    public var year: Int
    /// The group of units scored and ranked together ("communes", "district offices" …).
    public var group: String
    public var criteria: [ParCriterion]
    /// Highest first: the first class whose conditions hold is the unit's.
    public var classes: [ParClass]

    public init(code: String, title: String, year: Int, group: String, criteria: [ParCriterion], classes: [ParClass] = []) {
        self.code = code
        self.title = title
        self.year = year
        self.group = group
        self.criteria = criteria
        self.classes = classes
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        code = try c.decode(String.self, forKey: .code)
        title = try c.decode(String.self, forKey: .title)
        year = try c.decode(Int.self, forKey: .year)
        group = try c.decode(String.self, forKey: .group)
        criteria = try c.decode([ParCriterion].self, forKey: .criteria)
        classes = try c.decodeIfPresent([ParClass].self, forKey: .classes) ?? []
    }

    /// The criterion with this code (the first, if the framework repeats one).
    public subscript(code: String) -> ParCriterion? { criteria.first { $0.code == code } }

    /// Direct children of `code` in the framework's order (nil: the top-level areas).
    public func children(of code: String?) -> [ParCriterion] {
        let known = Set(criteria.map(\.code))
        return criteria.filter { c in
            if let code { return c.parent == code }
            return c.parent == nil || !known.contains(c.parent!)
        }
    }

    /// The criterion's responsible office, or the nearest ancestor's.
    public func office(of code: String) -> String? {
        var seen: Set<String> = []
        var current = self[code]
        while let c = current, seen.insert(c.code).inserted {
            if let o = c.office, !o.trimmingCharacters(in: .whitespaces).isEmpty { return o }
            current = c.parent.flatMap { self[$0] }
        }
        return nil
    }

    /// The sum of the top-level areas' maxima (100 for the usual framework).
    public var maxTotal: Double { children(of: nil).filter { !$0.isAdjustment }.reduce(0) { $0 + $1.max } }

    // MARK: JSON

    /// Reads a framework JSON; a malformed file is refused with a Vietnamese message naming where.
    public static func read(json data: Data) throws -> ParFramework {
        do {
            return try JSONDecoder().decode(ParFramework.self, from: data)
        } catch let error as DecodingError {
            throw ValidationFailure(field: "framework", describe(error))
        }
    }

    /// The JSON of the Interface, keys sorted so exports compare cleanly.
    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    static func describe(_ error: DecodingError) -> String {
        func path(_ keys: [CodingKey]) -> String {
            let p = keys.map { k in k.intValue.map { "[\($0)]" } ?? "." + k.stringValue }.joined()
            return p.hasPrefix(".") ? String(p.dropFirst()) : (p.isEmpty ? "(gốc)" : p)
        }
        switch error {
        case .keyNotFound(let key, let ctx): return "Thiếu trường \"\(key.stringValue)\" tại \(path(ctx.codingPath))"
        case .typeMismatch(_, let ctx): return "Sai kiểu dữ liệu tại \(path(ctx.codingPath))"
        case .valueNotFound(_, let ctx): return "Thiếu giá trị tại \(path(ctx.codingPath))"
        case .dataCorrupted(let ctx):
            return ctx.codingPath.isEmpty ? "Tệp không phải JSON hợp lệ" : "\(ctx.debugDescription) (tại \(path(ctx.codingPath)))"
        @unknown default: return "Tệp bộ tiêu chí không đọc được"
        }
    }
}

/// One node of the criteria tree.
public struct ParCriterion: Codable, Sendable, Equatable {
    /// "1.3.3"
    public var code: String
    public var parent: String?
    public var name: String
    public var max: Double
    /// The evidence expected (tài liệu kiểm chứng).
    public var evidence: String?
    /// The responsible office or section ("Tư pháp").
    public var office: String?
    /// "Không phát sinh" gives full points.
    public var notApplicableFull: Bool?
    /// Absent: scored manually, 0 to max.
    public var method: ParMethod?
    /// A parent whose children's sum may exceed its max (added field; absent: capped).
    public var noCap: Bool?

    public init(code: String, parent: String? = nil, name: String, max: Double, evidence: String? = nil, office: String? = nil,
                notApplicableFull: Bool? = nil, method: ParMethod? = nil, noCap: Bool? = nil) {
        self.code = code
        self.parent = parent
        self.name = name
        self.max = max
        self.evidence = evidence
        self.office = office
        self.notApplicableFull = notApplicableFull
        self.method = method
        self.noCap = noCap
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        code = try c.decode(String.self, forKey: .code)
        parent = try c.decodeIfPresent(String.self, forKey: .parent)
        name = try c.decode(String.self, forKey: .name)
        max = try c.decodePoints(forKey: .max)
        evidence = try c.decodeIfPresent(String.self, forKey: .evidence)
        office = try c.decodeIfPresent(String.self, forKey: .office)
        notApplicableFull = try c.decodeIfPresent(Bool.self, forKey: .notApplicableFull)
        method = try c.decodeIfPresent(ParMethod.self, forKey: .method)
        noCap = try c.decodeIfPresent(Bool.self, forKey: .noCap)
    }

    /// The method that applies: the written one, or manual.
    public var effectiveMethod: ParMethod { method ?? .manual(step: nil) }

    /// Bonus and penalty points adjust a score; they are not points a unit can "lose".
    public var isAdjustment: Bool {
        switch method {
        case .bonus?, .penalty?: true
        default: false
        }
    }
}

/// A class (xếp loại): the total at least `min` and, when given, every criterion at least
/// `everyCriterionMinShare` × its max ("≥ 80 điểm và mọi tiêu chí đạt ≥ 50 % điểm tối đa": 0.5).
public struct ParClass: Codable, Sendable, Equatable {
    public var label: String
    public var min: Double
    public var everyCriterionMinShare: Double?

    public init(label: String, min: Double, everyCriterionMinShare: Double? = nil) {
        self.label = label
        self.min = min
        self.everyCriterionMinShare = everyCriterionMinShare
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        label = try c.decode(String.self, forKey: .label)
        min = try c.decodePoints(forKey: .min)
        everyCriterionMinShare = try c.decodePointsIfPresent(forKey: .everyCriterionMinShare)
    }
}
