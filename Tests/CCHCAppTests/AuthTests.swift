import Foundation
import Fluent
import Testing
import VaporTesting
@testable import CCHCApp

@Suite("Đăng nhập, đăng xuất, mã truy cập API")
struct AuthTests {
    @Test func loginPageIsVietnamese() async throws {
        try await withTestApp(demo: false) { app in
            let res = try await TestClient(app).get("/login")
            #expect(res.status == .ok)
            #expect(res.text.contains("<html lang=\"vi\">"))
            #expect(res.text.contains("Tên đăng nhập"))
            #expect(res.text.contains("Mật khẩu"))
        }
    }

    @Test func pagesRedirectToLoginWhenSignedOut() async throws {
        try await withTestApp(demo: false) { app in
            let res = try await TestClient(app).get("/units?q=x")
            #expect(res.status == .seeOther)
            #expect(res.headers.first(name: .location) == "/login?next=/units%3Fq%3Dx")
        }
    }

    @Test func wrongPasswordKeepsUsernameAndSaysWhy() async throws {
        try await withTestApp { app in
            let res = try await TestClient.login(app, "thachdai.cv", password: "sai-mat-khau")
            #expect(res.status == .unauthorized)
            #expect(res.text.contains("Tên đăng nhập hoặc mật khẩu không đúng."))
            #expect(res.text.contains("value=\"thachdai.cv\""))
            #expect(res.headers[.setCookie].allSatisfy { !$0.contains("cchc-session") } || !res.text.isEmpty)
        }
    }

    @Test func loginShowsHomeThenLogoutEndsTheSession() async throws {
        try await withTestApp { app in
            let client = try await TestClient.session(app, "thachdai.cv")
            let home = try await client.get("/")
            #expect(home.status == .ok)
            #expect(home.text.contains("Xã Thạch Đài"))
            #expect(home.text.contains("Chuyên viên"))
            // the session lives in the database
            #expect(try await SessionRecord.query(on: app.db).count() == 1)
            let out = try await client.send(.POST, "/logout")
            #expect(out.status == .seeOther)
            let after = try await client.get("/")
            #expect(after.status == .seeOther)
            #expect(after.headers.first(name: .location)?.hasPrefix("/login") == true)
            #expect(try await AuditEvent.query(on: app.db).filter(\.$action == "auth.login").count() == 1)
        }
    }

    @Test func tokenAuthentication() async throws {
        try await withTestApp { app in
            let anonymous = try await TestClient(app).get("/api/v1/me")
            #expect(anonymous.status == .unauthorized)
            #expect(anonymous.text.contains("Bạn cần đăng nhập"))

            let bad = try await TestClient(app).send(.POST, "/api/v1/auth/token", json: ["username": "quangtho.ld", "password": "x"])
            #expect(bad.status == .unauthorized)
            #expect(bad.text.contains("Tên đăng nhập hoặc mật khẩu không đúng."))

            let missing = try await TestClient(app).send(.POST, "/api/v1/auth/token", json: ["username": "quangtho.ld"])
            #expect(missing.status == .badRequest)
            #expect(missing.text.contains("password"))

            let client = try await TestClient.api(app, "quangtho.ld")
            let me = try await client.get("/api/v1/me")
            #expect(me.status == .ok)
            let dto = try me.json(MeDTO.self)
            #expect(dto.user.username == "quangtho.ld")
            #expect(dto.user.role == "leader")
            #expect(dto.unit.name == "Xã Quảng Thọ")
            // the token is stored only as a hash
            let stored = try await UserToken.query(on: app.db).all()
            #expect(stored.count == 1 && stored[0].tokenHash != client.token && stored[0].tokenHash == UserToken.hash(client.token!))

            let revoke = try await client.send(.DELETE, "/api/v1/auth/token")
            #expect(revoke.status == .noContent)
            #expect(try await client.get("/api/v1/me").status == .unauthorized)
        }
    }

    @Test func expiredTokenIsRefused() async throws {
        let start = Date(timeIntervalSince1970: 1_700_000_000)
        try await withTestApp(now: start) { app in
            let client = try await TestClient.api(app, "ankhe.noivu")
            #expect(try await client.get("/api/v1/me").status == .ok)
            (app.clock as! FixedClock).advance(by: 31 * 86_400)
            #expect(try await client.get("/api/v1/me").status == .unauthorized)
        }
    }

    @Test func lockedAccountCannotSignIn() async throws {
        try await withTestApp { app in
            let user = try await app.user("thachkenh.cv")
            user.isActive = false
            try await user.save(on: app.db)
            let res = try await TestClient.login(app, "thachkenh.cv", password: DemoLoader.password)
            #expect(res.status == .unauthorized)
        }
    }

    @Test func everyDemoAccountSignsIn() async throws {
        try await withTestApp { app in
            let users = try await User.query(on: app.db).all()
            #expect(users.count > 100)
            for name in ["admin", "thachha.noivu", "thachdai.cv", "thachdai.ld", "quangtho.cv", "quangtho.ld",
                         "quangdien.noivu", "ankhe.noivu", "soctrang.noivu"] {
                #expect(users.contains { $0.username == name }, "thiếu tài khoản \(name)")
            }
            for user in users {
                let res = try await TestClient(app).send(.POST, "/api/v1/auth/token", json: ["username": user.username, "password": DemoLoader.password])
                #expect(res.status == .created, "\(user.username) không đăng nhập được")
            }
        }
    }

    @Test func nextParameterOnlyFollowsLocalPaths() {
        #expect(SiteURL.safeNext("/units/3") == "/units/3")
        #expect(SiteURL.safeNext("https://evil.example") == "/")
        #expect(SiteURL.safeNext("//evil.example") == "/")
        #expect(SiteURL.safeNext(nil) == "/")
    }

    /// Two server processes behind one proxy: a session made by one is honoured by the other.
    @Test func sessionsAreSharedThroughTheDatabase() async throws {
        guard !TestDatabase.isPostgres else { return try await sharedSessionPostgres() }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("cchc-shared-\(UUID().uuidString).sqlite").path
        defer { for s in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + s) } }
        var cookie: String?
        try await withTestApp(file: path) { first in
            cookie = try await TestClient.session(first, "thachha.noivu").cookie
        }
        let app2 = try await Application.make(.testing)
        var config = try AppConfig.load([:], environment: .testing)
        config.database = .sqlite(path: path)
        config.demo = false
        try await configure(app2, config: config)
        var second = TestClient(app2)
        second.cookie = cookie
        let res = try await second.get("/")
        #expect(res.status == .ok)
        #expect(res.text.contains("Phòng Nội vụ"))
        try await app2.asyncShutdown()
    }

    private func sharedSessionPostgres() async throws {
        try await withTestApp { first in
            let cookie = try await TestClient.session(first, "thachha.noivu").cookie
            // A second application on the same schema stands for the second process.
            let app2 = try await Application.make(.testing)
            var config = first.config
            config.demo = false
            try await configure(app2, config: config)
            var second = TestClient(app2)
            second.cookie = cookie
            let res = try await second.get("/")
            #expect(res.status == .ok)
            #expect(res.text.contains("Phòng Nội vụ"))
            try await app2.asyncShutdown()
        }
    }
}
