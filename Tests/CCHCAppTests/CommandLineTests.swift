import Foundation
import Testing
import VaporTesting
@testable import CCHCApp

/// A slip on the command line ends in the usage (exit code 2 in the executable), never a crash; help touches no database.
@Suite("Dòng lệnh: lệnh sai, thiếu lệnh con, trợ giúp")
struct CommandLineTests {
    @Test func slipsAreAnsweredWithTheUsage() async throws {
        try await withTestApp(demo: false) { app in
            func problem(_ words: String...) -> String? {
                app.environment.arguments = ["cchc"] + words
                return CommandLineCheck.problem(app)
            }
            let unknown = try #require(problem("frobnicate"))
            #expect(unknown.hasPrefix("cchc: không có lệnh “frobnicate”."))
            #expect(unknown.contains("  regime"))
            #expect(unknown.contains("Sao lưu"))
            let group = try #require(problem("regime"))
            #expect(group.contains("cần một lệnh con"))
            #expect(group.contains("check") && group.contains("read"))
            #expect(problem("regime", "nope")?.contains("không có lệnh con “nope”") == true)
            #expect(problem() == nil)
            #expect(problem("serve", "--port", "8081") == nil)
            #expect(problem("regime", "--help") == nil)
            #expect(problem("form", "export", "CCHC-TK-2021") == nil)
            #expect(problem("--help") == nil)
        }
    }

    @Test func helpIsInVietnameseAndEnglish() async throws {
        try await withTestApp(demo: false) { app in
            func help(_ words: String...) -> String? {
                app.environment.arguments = ["cchc"] + words
                return CommandHelp.text(app)
            }
            let top = try #require(help("--help"))
            #expect(top.contains("Sao lưu toàn bộ cơ sở dữ liệu"))
            #expect(top.contains("Back up the whole database"))
            #expect(top.contains("Chạy máy chủ web") && top.contains("Begins serving the app over HTTP"))
            let group = try #require(help("bench", "-h"))
            #expect(group.contains("generate") && group.contains("Generate benchmark data"))
            #expect(help("form", "export", "--help") == nil)   // a command's own options: Vapor's help
            #expect(help("serve") == nil)
        }
    }

    @Test func helpDoesNotStartTheServerOrItsJobs() async throws {
        try await withTestApp(demo: false) { app in
            app.environment.arguments = ["cchc", "--help"]
            #expect(!StartupTasks.serving(app))
            app.environment.arguments = ["cchc", "serve", "-h"]
            #expect(!StartupTasks.serving(app))
            app.environment.arguments = ["cchc", "serve"]
            #expect(StartupTasks.serving(app))
            app.environment.arguments = ["cchc"]
            #expect(StartupTasks.serving(app))
        }
    }
}
