import Fluent
import Foundation
import SQLKit
import CCHCDomain

/// What `cchc bench run` measures on, read back from a database `cchc bench generate` wrote: the scale and year (from
/// the audit event the generator left), the root, the jurisdiction the pages are loaded for (the first province of the
/// country, or the root), the accounts, and the commune whose annual report is saved.
struct BenchDataset: Sendable {
    let scale: String
    let year: Int
    let database: String
    let root: Unit
    /// The jurisdiction whose pages are loaded under load: the root of a district or province, the first province of the country.
    let load: Unit
    /// A province to consolidate beside the root (nil at district scale).
    let province: Unit?
    /// The standing officer of the root (Bộ Nội vụ for the country) and of `load`.
    let topOfficer: User
    let loadOfficer: User
    /// The commune whose annual report stays a draft, and its specialist.
    let saveUnit: Unit
    let saveUser: User

    /// The first commune under the load jurisdiction: the one whose annual report is left a draft.
    static func saveUnit(of tree: BenchTree) -> BenchUnit? {
        let prefix = tree.loadJurisdiction.path
        return tree.units.first { $0.kind.tier == .commune && $0.path.hasPrefix(prefix) }
    }

    static let notBench = "Cơ sở dữ liệu này không do `cchc bench generate` tạo ra: hãy tạo dữ liệu trước, ví dụ "
        + "`DATABASE_URL=bench.sqlite cchc bench generate --scale district`, rồi chạy `cchc bench run` trên cùng cơ sở dữ liệu."

    static func load(on db: any Database) async throws -> BenchDataset {
        guard try await Unit.query(on: db).count() > 0 else {
            throw CCHCError(.conflict, "Cơ sở dữ liệu trống. " + notBench)
        }
        guard let marker = try await AuditEvent.query(on: db).filter(\.$action == BenchGenerator.marker).sort(\.$at, .descending).first(),
              let detail = marker.detail.flatMap({ try? JSONDecoder().decode([String: String].self, from: Data($0.utf8)) }),
              let scale = detail["scale"], let year = detail["year"].flatMap(Int.init), let rootID = detail["root"].flatMap(Int.init),
              let root = try await Unit.find(rootID, on: db) else {
            throw CCHCError(.conflict, notBench)
        }
        let under = try await Unit.query(on: db).filter(\.$path, .custom("LIKE"), root.unitPath.subtreePattern).sort(\.$id).all()
        let provinces = under.filter { $0.kind.tier == .province }
        let load = provinces.first ?? root
        let province = root.kind.tier == .province ? root : provinces.first
        guard let commune = under.first(where: { $0.kind.tier == .commune && $0.path.hasPrefix(load.path) }) else {
            throw CCHCError(.conflict, "Không tìm thấy xã nào dưới \(load.name). " + notBench)
        }
        func officer(of jurisdiction: Unit) async throws -> User {
            let agencies = under.filter { $0.$parent.id == jurisdiction.id && $0.isStandingAgency }.compactMap(\.id)
            guard let user = try await User.query(on: db).filter(\.$unit.$id ~~ agencies).filter(\.$role == .standingOfficer).first() else {
                throw CCHCError(.conflict, "Không tìm thấy tài khoản cơ quan thường trực của \(jurisdiction.name). " + notBench)
            }
            return user
        }
        guard let specialist = try await User.query(on: db).filter(\.$unit.$id == (try commune.requireID())).filter(\.$role == .specialist).first() else {
            throw CCHCError(.conflict, "Không tìm thấy tài khoản chuyên viên của \(commune.name). " + notBench)
        }
        return BenchDataset(scale: scale, year: year, database: BenchSQL.name(db), root: root, load: load, province: province,
                            topOfficer: try await officer(of: root), loadOfficer: try await officer(of: load), saveUnit: commune,
                            saveUser: specialist)
    }

    /// The period of `unit`'s regime of this year with `kind`.
    func period(_ kind: PeriodKind, for unit: Unit, on db: any Database) async throws -> PeriodRecord {
        guard let regime = try await RegimeService.applicable(for: unit, year: year, on: db),
              let period = try await RegimeService.periods(of: regime, on: db).first(where: { $0.periodKind == kind }) else {
            throw CCHCError(.conflict, "Không tìm thấy kỳ \(kind.label) năm \(year) của \(unit.name). " + Self.notBench)
        }
        return period
    }
}
