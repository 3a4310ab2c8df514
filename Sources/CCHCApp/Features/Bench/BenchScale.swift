import Foundation
import CCHCDomain

/// The sizes `cchc bench generate` builds (issue 14 §4): one district, one two-tier province, the country in its
/// two-tier shape of 2025 (34 provinces) and in its three-tier shape of 2020 (63 provinces, 705 districts).
enum BenchScale: String, CaseIterable, Sendable {
    case district
    case province
    case nation2025 = "nation-2025"
    case nation2020 = "nation-2020"

    /// What it builds, as the command prints it.
    var label: String {
        switch self {
        case .district: "1 huyện, 6 phòng, 20 xã"
        case .province: "1 tỉnh (hai cấp), 20 sở, 100 xã"
        case .nation2025: "cả nước hai cấp: 34 tỉnh, 3.321 xã, 20 sở mỗi tỉnh"
        case .nation2020: "cả nước ba cấp: 63 tỉnh, 705 huyện, 10.599 xã, các sở và phòng"
        }
    }

    var hasNation: Bool { self == .nation2025 || self == .nation2020 }

    static func parse(_ text: String?) throws -> BenchScale {
        let all = allCases.map(\.rawValue).joined(separator: ", ")
        guard let text, !text.isEmpty else { throw CCHCError(.badRequest, "--scale: chưa chọn quy mô (một trong: \(all)).") }
        guard let scale = BenchScale(rawValue: text.lowercased()) else {
            throw CCHCError(.badRequest, "--scale \(text): không có quy mô này (một trong: \(all)).")
        }
        return scale
    }
}

/// One unit the generator will insert, with its id, path and depth fixed beforehand exactly as
/// `OrganisationService.place` writes them ("/1/5/23/", depth 3).
struct BenchUnit: Sendable {
    var id: Int
    var code: String
    var name: String
    var kind: UnitKind
    var parentID: Int?
    var path: String
    var depth: Int
    var standing = false
    /// How big the unit is (1 ≈ an average commune): scales its figures.
    var size = 1.0
    /// The unit whose regime it reports under (nil: it reports to nobody, the national root).
    var issuerID: Int?
    /// It issues a regime for the jurisdictions under it.
    var issues = false
    /// Its position among its siblings of the same tier (0-based), for names and seeds.
    var index = 0
}

/// The tree of a scale, built in memory with ids from `firstID` on, parents before children.
struct BenchTree: Sendable {
    private(set) var units: [BenchUnit] = []
    private var nextID: Int
    private var random: DemoReporting.Seeded

    /// The unit the load test and the per-page measurements use: the root, or the first province of the country.
    var loadJurisdiction: BenchUnit { units.first { $0.kind.tier == .province } ?? units[0] }
    var root: BenchUnit { units[0] }
    var reporting: [BenchUnit] { units.filter { $0.issuerID != nil } }
    var issuers: [BenchUnit] { units.filter(\.issues) }

    init(scale: BenchScale, firstID: Int) {
        nextID = firstID
        random = DemoReporting.Seeded("bench-" + scale.rawValue)
        switch scale {
        case .district:
            let d = add(code: "H01", name: "Huyện " + BenchNames.place(7), kind: .district, parent: nil)
            addOffices(of: d, count: 6)
            addCommunes(under: d, count: 20, twoTier: false)
        case .province:
            let p = add(code: "T01", name: "Tỉnh " + BenchNames.place(3), kind: .province, parent: nil)
            addDepartments(of: p)
            addCommunes(under: p, count: 100, twoTier: true)
        case .nation2025, .nation2020:
            let nation = add(code: "VN", name: "Cả nước", kind: .nation, parent: nil)
            _ = add(code: "VN-BNV", name: "Bộ Nội vụ", kind: .ministry, parent: nation, standing: true)
            let twoTier = scale == .nation2025
            let provinces = twoTier ? 34 : 63
            let communes = BenchNames.split(twoTier ? 3_321 : 10_599, into: provinces, random: &random)
            let districts = twoTier ? [] : BenchNames.split(705, into: provinces, random: &random)
            var districtCommunes = twoTier ? [] : BenchNames.split(10_599, into: 705, random: &random)
            for i in 0..<provinces {
                let city = i % 13 == 5
                let code = String(format: "T%02d", i + 1)
                let p = add(code: code, name: (city ? "Thành phố " : "Tỉnh ") + BenchNames.place(i * 7 + 3), kind: city ? .centralCity : .province,
                            parent: nation, index: i)
                addDepartments(of: p)
                if twoTier {
                    addCommunes(under: p, count: communes[i], twoTier: true)
                    continue
                }
                for j in 0..<districts[i] {
                    let kind: UnitKind = j % 9 == 4 ? .districtTown : j % 11 == 7 ? .provincialCity : .district
                    let prefix = kind == .district ? "Huyện " : kind == .districtTown ? "Thị xã " : "Thành phố "
                    let d = add(code: code + String(format: "-H%02d", j + 1), name: prefix + BenchNames.place(i * 31 + j * 5 + 11), kind: kind,
                                parent: p, index: j)
                    addOffices(of: d, count: 6 + (i + j) % 7)
                    addCommunes(under: d, count: districtCommunes.removeFirst(), twoTier: false)
                }
            }
        }
        assignRegimes()
        sizeJurisdictions()
    }

    @discardableResult
    private mutating func add(code: String, name: String, kind: UnitKind, parent: BenchUnit?, standing: Bool = false, index: Int = 0) -> BenchUnit {
        let id = nextID
        nextID += 1
        let path = (parent?.path ?? "/") + "\(id)/"
        let unit = BenchUnit(id: id, code: code, name: name, kind: kind, parentID: parent?.id, path: path, depth: (parent?.depth ?? 0) + 1,
                             standing: standing, size: 0.4 + Double(random.next(0...210)) / 100, index: index)
        units.append(unit)
        return unit
    }

    private mutating func addDepartments(of province: BenchUnit) {
        for (n, (name, kind)) in BenchNames.departments.enumerated() {
            add(code: province.code + (n == 0 ? "-SNV" : String(format: "-S%02d", n)), name: name, kind: kind, parent: province, standing: n == 0)
        }
    }

    private mutating func addOffices(of district: BenchUnit, count: Int) {
        for (n, (name, kind)) in BenchNames.districtOffices.prefix(count).enumerated() {
            add(code: district.code + (n == 0 ? "-PNV" : String(format: "-P%02d", n)), name: name, kind: kind, parent: district, standing: n == 0)
        }
    }

    private mutating func addCommunes(under parent: BenchUnit, count: Int, twoTier: Bool) {
        for k in 0..<count {
            let roll = random.next(0...99)
            let kind: UnitKind = twoTier ? (roll < 24 ? .ward : roll == 99 ? .specialZone : .commune)
                : (roll < 15 ? .ward : roll < 20 ? .township : .commune)
            let prefix = [UnitKind.ward: "Phường ", .township: "Thị trấn ", .specialZone: "Đặc khu "][kind] ?? "Xã "
            add(code: parent.code + String(format: "-X%03d", k + 1), name: prefix + BenchNames.place(parent.id * 17 + k * 3), kind: kind,
                parent: parent, index: k)
        }
    }

    /// Every jurisdiction with jurisdictions under it issues a regime; each jurisdiction reports under its parent's
    /// (the root under its own, except the national root, which reports to nobody).
    private mutating func assignRegimes() {
        let parents = Set(units.filter(\.kind.isJurisdiction).compactMap(\.parentID))
        for i in units.indices where units[i].kind.isJurisdiction {
            units[i].issues = parents.contains(units[i].id)
            if units[i].parentID == nil {
                units[i].issuerID = units[i].kind == .nation ? nil : units[i].id
            } else {
                units[i].issuerID = units[i].parentID
            }
        }
    }

    /// A district or province is as big as the communes under it, so its own figures are of its size.
    private mutating func sizeJurisdictions() {
        var total: [Int: Double] = [:]
        for u in units.reversed() where u.kind.isJurisdiction {
            let own = u.kind.tier == .commune ? u.size : total[u.id, default: u.size]
            if let p = u.parentID { total[p, default: 0] += own }
        }
        for i in units.indices where units[i].kind.isJurisdiction && units[i].kind.tier != .commune {
            units[i].size = Swift.max(1, (total[units[i].id] ?? 1) / 4)
        }
    }
}
