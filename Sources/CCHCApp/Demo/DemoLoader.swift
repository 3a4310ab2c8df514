import Fluent
import Vapor
import CCHCDomain

/// Loads the demo organisation and accounts (password `cchc-demo`) into an empty database.
struct DemoLoader {
    static let password = "cchc-demo"
    let app: Application

    struct Summary { var units = 0; var accounts = 0 }

    @discardableResult
    func load() async throws -> Summary {
        if try await Unit.query(on: app.db).count() > 0 {
            throw CCHCError(.conflict, "Cơ sở dữ liệu đã có dữ liệu: dữ liệu mẫu chỉ nạp vào cơ sở dữ liệu trống.")
        }
        // One Bcrypt hash for every demo account: they share the password, and hashing
        // a hundred accounts one by one would slow every start-up and test.
        let hash = try await app.password.async.hash(Self.password)
        return try await app.db.writeTransaction { tx in
            var summary = Summary()
            let admin = try await insert(DemoUnit(code: SystemUnit.code, name: SystemUnit.name, kind: .bureau), parent: nil, on: tx, summary: &summary)
            try await addUser("admin", "Quản trị hệ thống", admin, .admin, hash, on: tx, summary: &summary)
            for province in try DemoOrganisation.provinces {
                try await insertTree(province, parent: nil, hash: hash, on: tx, summary: &summary)
            }
            try await DemoReporting(db: tx).load(now: app.clock.now())
            try await DemoRegister.load(on: tx)
            try await DemoPlanning(db: tx).load()
            try await DemoParIndex(db: tx, now: app.clock.now()).load()
            try await DemoInspection(db: tx).load()
            try await DemoPresent(db: tx, now: app.clock.now()).load()
            // The demo writes its reports directly: the consolidation's partial sums are built once, from them.
            try await ConsolidationPartials.rebuildAll(on: tx)
            try await Audit.record(on: tx, at: app.clock.now(), actor: nil, action: "demo.load", entity: "system", entityID: nil, unit: nil,
                                   summary: "Nạp dữ liệu mẫu: \(summary.units) đơn vị, \(summary.accounts) tài khoản")
            return summary
        }
    }

    @discardableResult
    private func insertTree(_ demo: DemoUnit, parent: Unit?, parentLeader: String? = nil, hash: String, on db: any Database,
                            summary: inout Summary) async throws -> Unit {
        let unit = try await insert(demo, parent: parent, on: db, summary: &summary)
        if let slug = demo.accountSlug {
            if demo.isStandingAgency {
                let place = parent.map { Self.shortName($0.name) } ?? ""
                try await addUser("\(slug).noivu", "Cán bộ \(demo.name) \(place)", unit, .standingOfficer, hash, on: db, summary: &summary)
                if let parent {
                    // The jurisdiction's leader signs its own report.
                    try await addUser("\(slug).ld", parentLeader ?? "Chủ tịch UBND \(place)", parent, .leader, hash, on: db, summary: &summary)
                }
            } else if demo.kind.tier == .commune {
                let short = "UBND " + demo.name.prefix(1).lowercased() + demo.name.dropFirst()
                try await addUser("\(slug).cv", "Chuyên viên \(short)", unit, .specialist, hash, on: db, summary: &summary)
                try await addUser("\(slug).ld", demo.leader ?? "Chủ tịch \(short)", unit, .leader, hash, on: db, summary: &summary)
            }
        }
        let standingSlug = demo.offices.first { $0.isStandingAgency }?.accountSlug
        for office in demo.offices {
            let officeUnit = try await insertTree(office, parent: unit, parentLeader: demo.leader, hash: hash, on: db, summary: &summary)
            // Each other office of a jurisdiction with a demo standing agency gets a specialist who
            // fills its sections of the jurisdiction's report: thachha.tp.cv (Phòng Tư pháp) …
            if let standingSlug, !office.isStandingAgency, let suffix = office.code.split(separator: "-").last {
                try await addUser("\(standingSlug).\(suffix.lowercased()).cv", "Chuyên viên \(office.name) \(Self.shortName(demo.name))",
                                  officeUnit, .specialist, hash, on: db, summary: &summary)
                // …and its head, who confirms the office's part is done: thachha.tp.ld.
                let head = office.kind == .department ? "Giám đốc " : office.kind == .bureau ? "Chánh " : "Trưởng "
                try await addUser("\(standingSlug).\(suffix.lowercased()).ld", head + "\(office.name) \(Self.shortName(demo.name))",
                                  officeUnit, .leader, hash, on: db, summary: &summary)
            }
        }
        for child in demo.units {
            try await insertTree(child, parent: unit, hash: hash, on: db, summary: &summary)
        }
        if !demo.mergedFrom.isEmpty, let mergedOn = demo.mergedOn {
            let newID = try unit.requireID()
            for old in demo.mergedFrom {
                let predecessor = try await insert(old, parent: parent, on: db, summary: &summary)
                predecessor.retiredOn = mergedOn
                predecessor.successorID = newID
                try await predecessor.save(on: db)
                try await UnitPredecessor(unitID: newID, predecessorID: try predecessor.requireID(), mergedOn: mergedOn).create(on: db)
            }
        }
        return unit
    }

    private func insert(_ demo: DemoUnit, parent: Unit?, on db: any Database, summary: inout Summary) async throws -> Unit {
        let unit = Unit(code: demo.code, name: demo.name, kind: demo.kind, parentID: parent?.id, isStandingAgency: demo.isStandingAgency)
        try await unit.create(on: db)
        try await OrganisationService.place(unit, under: parent, on: db)
        summary.units += 1
        return unit
    }

    private func addUser(_ username: String, _ fullName: String, _ unit: Unit, _ role: Role, _ hash: String,
                         on db: any Database, summary: inout Summary) async throws {
        try await User(username: username, fullName: fullName, passwordHash: hash, unitID: try unit.requireID(), role: role).create(on: db)
        summary.accounts += 1
    }

    /// "Huyện Thạch Hà" → "huyện Thạch Hà" for use inside a sentence.
    static func shortName(_ name: String) -> String {
        guard let first = name.first else { return name }
        return first.lowercased() + name.dropFirst()
    }
}
