import Foundation
import Fluent
import Testing
import VaporTesting
@testable import CCHCApp

@Suite("Nền tảng: migration, cấu hình, OpenAPI")
struct PlatformTests {
    /// The built-in form is a data file, byte for byte what `cchc form export` writes for it; the
    /// migration that installed it keeps its own frozen copy.
    @Test func builtInFormsAreTheFilesFormExportProduces() async throws {
        try await withTestApp(demo: false) { app in
            for path in BuiltInForms.files {
                let file = try Resources.text(path)
                let form = try FormCodec.decodeChecked(Data(file.utf8))
                let record = try #require(try await FormService.find(code: form.code, year: form.year, on: app.db))
                #expect(try FormCodec.encode(try record.definition()) + "\n" == file)
            }
            // The newest migration that installs the form holds today's file; the one before stays as it landed.
            #expect(try Resources.text(CreateInspections.pairs[0].1) == (try Resources.text(BuiltInForms.files[0])))
            #expect(try Resources.text(AddComputedSources.pairs[0].1) != (try Resources.text(BuiltInForms.files[0])))
            #expect(try Resources.text(InstallBuiltInForms.files[0]) != (try Resources.text(BuiltInForms.files[0])))
            #expect(!Assets.css.isEmpty && Assets.js.contains("function fold"))
        }
    }

    /// The shape rules of the code itself: no source file over 400 lines, no line over 160 characters.
    @Test func sourceFilesStayReadable() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources")
        let files = try #require(FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil))
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
        #expect(files.count > 50)
        for file in files {
            let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines.count <= 401, "\(file.lastPathComponent): \(lines.count) dòng")
            for (n, line) in lines.enumerated() where line.count > 160 {
                Issue.record("\(file.lastPathComponent):\(n + 1): \(line.count) ký tự")
            }
        }
    }

    @Test func migrationsGoUpDownAndUpAgain() async throws {
        try await withTestApp(demo: false) { app in
            try await DemoLoader(app: app).load()
            try await app.autoRevert()
            try await app.autoMigrate()
            #expect(try await Unit.query(on: app.db).count() == 0)
            try await DemoLoader(app: app).load()
            #expect(try await Unit.query(on: app.db).count() > 100)
        }
    }

    @Test func demoRefusesANonEmptyDatabase() async throws {
        try await withTestApp { app in
            await #expect(throws: CCHCError.self) { try await DemoLoader(app: app).load() }
        }
    }

    @Test func configurationReadsTheEnvironment() throws {
        #expect(try AppConfig.parseDatabase(nil) == .sqlite(path: "cchc.sqlite"))
        #expect(try AppConfig.parseDatabase("sqlite:///var/lib/cchc/db.sqlite") == .sqlite(path: "/var/lib/cchc/db.sqlite"))
        #expect(try AppConfig.parseDatabase("data/cchc.sqlite") == .sqlite(path: "data/cchc.sqlite"))
        #expect(try AppConfig.parseDatabase("postgres://u:p@localhost/cchc") == .postgres(url: "postgres://u:p@localhost/cchc"))
        #expect(throws: ConfigError.self) { try AppConfig.parseDatabase("mysql://x") }
        #expect(throws: ConfigError.self) { try AppConfig.load(["CCHC_PORT": "tám"], environment: .testing) }
        let prod = try AppConfig.load([:], environment: .production)
        #expect(prod.demo == false)
        #expect(try AppConfig.load([:], environment: .development).demo == true)
        #expect(try AppConfig.load(["CCHC_DEMO": "off"], environment: .development).demo == false)
    }

    @Test func openAPIDescribesEveryAPIRoute() async throws {
        try await withTestApp(demo: false) { app in
            let res = try await TestClient(app).get("/api/v1/openapi.json")
            #expect(res.status == .ok)
            let doc = try #require(try JSONSerialization.jsonObject(with: Data(res.text.utf8)) as? [String: Any])
            #expect(doc["openapi"] as? String == "3.0.3")
            let paths = try #require(doc["paths"] as? [String: [String: Any]])
            var served: Set<String> = []
            for route in app.routes.all {
                let parts = route.path.map { c -> String in
                    if case .parameter(let name) = c { return "{\(name)}" }
                    return c.description
                }
                guard parts.first == "api" else { continue }
                let path = "/" + parts.joined(separator: "/")
                let entry = paths[path]
                #expect(entry != nil, "\(path) chưa có trong OpenAPI")
                #expect(entry?[route.method.rawValue.lowercased()] != nil, "\(route.method) \(path) chưa có trong OpenAPI")
                served.insert("\(route.method.rawValue.lowercased()) \(path)")
            }
            // … and describes nothing the server does not serve.
            for (path, item) in paths {
                for method in item.keys where ["get", "put", "post", "delete", "patch"].contains(method) {
                    #expect(served.contains("\(method) \(path)"), "OpenAPI mô tả \(method) \(path), máy chủ không có")
                }
            }
        }
    }

    /// The document is merged from one part per feature (OpenAPIDocument.parts): no path and no schema may be
    /// described by two parts, and every $ref must name a schema or an error answer some part defines.
    @Test func openAPIPartsNeitherOverlapNorDangle() throws {
        #expect(OpenAPIDocument.clashes.isEmpty, "mô tả trùng giữa các phần: \(OpenAPIDocument.clashes)")
        let sample = OpenAPIDocument.merge([(part: "A", table: ["/x": 1, "/y": 2]), (part: "B", table: ["/x": 3, "/z": 4])])
        #expect(sample.clashes == ["/x: A, B"] && sample.merged.count == 3 && sample.merged["/x"] as? Int == 1)

        let doc = try #require(try JSONSerialization.jsonObject(with: OpenAPIDocument.json) as? [String: Any])
        let components = try #require(doc["components"] as? [String: Any])
        let schemas = try #require(components["schemas"] as? [String: Any])
        let responses = try #require(components["responses"] as? [String: Any])
        #expect(schemas.count == OpenAPIDocument.parts.map { $0.schemas.count }.reduce(0, +))
        #expect((doc["paths"] as? [String: Any])?.count == OpenAPIDocument.parts.map { $0.paths.count }.reduce(0, +))
        var refs: [String] = []
        func collect(_ value: Any) {
            if let object = value as? [String: Any] {
                if let ref = object["$ref"] as? String { refs.append(ref) }
                object.values.forEach(collect)
            } else if let list = value as? [Any] { list.forEach(collect) }
        }
        collect(doc)
        #expect(refs.count > 50)
        for ref in Set(refs) {
            let name = String(ref.split(separator: "/").last ?? "")
            let known = ref.hasPrefix("#/components/schemas/") ? schemas[name] != nil
                : ref.hasPrefix("#/components/responses/") && responses[name] != nil
            #expect(known, "\(ref): không có trong components")
        }
    }

    @Test func unknownPagesAndBadIDsAreCleanVietnameseErrors() async throws {
        try await withTestApp { app in
            let page = try await TestClient.session(app, "admin")
            let missing = try await page.get("/units/999999")
            #expect(missing.status == .notFound)
            #expect(missing.text.contains("Không tìm thấy"))
            let bad = try await page.get("/units/abc")
            #expect(bad.status == .badRequest || bad.status == .notFound)
            let api = try await TestClient.api(app, "admin")
            let nope = try await api.get("/api/v1/khong-co")
            #expect(nope.status == .notFound)
            #expect(nope.text.contains("\"message\""))
            let garbage = try await api.send(.POST, "/api/v1/units", json: ["code": 5])
            #expect(garbage.status == .badRequest)
            #expect(garbage.text.contains("Dữ liệu gửi lên không đúng định dạng"))
        }
    }
}
