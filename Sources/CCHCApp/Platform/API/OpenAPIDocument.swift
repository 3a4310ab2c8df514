import Foundation
import Vapor

/// One area's share of the OpenAPI document: the paths its handlers serve and the schemas they refer to (a schema may
/// refer to another part's: `ref("Unit")`). Each is an `extension OpenAPIDocument { enum <Area>: OpenAPIPart }` in the
/// area's folder, so it builds with the helpers below unqualified; listed in `OpenAPIDocument.parts`.
protocol OpenAPIPart {
    static var paths: [String: Any] { get }
    static var schemas: [String: Any] { get }
}

/// The OpenAPI 3 description of /api/v1, served at /api/v1/openapi.json: this shell (info, security, the error
/// answers) and the parts, one per feature, each next to the handlers it describes.
/// PlatformTests checks that every API route is described and that no two parts describe the same path or schema;
/// scripts/schemathesis/run.sh checks the document against the server: every status, every field.
enum OpenAPIDocument {
    /// Each feature's part. A new feature adds its own here.
    static var parts: [any OpenAPIPart.Type] {
        [Platform.self, Organisation.self, Accounts.self, Reporting.self, Consolidation.self, Register.self, Planning.self, ParIndex.self,
         Inspection.self, Duties.self]
    }

    static func response() -> Response {
        Response(status: .ok, headers: ["Content-Type": "application/json; charset=utf-8"], body: .init(data: json))
    }

    static let json: Data = {
        (try? JSONSerialization.data(withJSONObject: document, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
    }()

    /// The tables of several parts in one. A key two parts both define is a programming error: it is listed in
    /// `clashes` (as "key: FirstPart, SecondPart"), the first part's entry is kept, and PlatformTests fails.
    static func merge(_ tables: [(part: String, table: [String: Any])]) -> (merged: [String: Any], clashes: [String]) {
        var merged: [String: Any] = [:]
        var owner: [String: String] = [:]
        var clashes: [String] = []
        for (part, table) in tables {
            for (key, value) in table {
                if let first = owner[key] { clashes.append("\(key): \(first), \(part)"); continue }
                owner[key] = part
                merged[key] = value
            }
        }
        return (merged, clashes.sorted())
    }

    nonisolated(unsafe) static let mergedPaths = merge(parts.map { (part: "\($0)", table: $0.paths) })
    nonisolated(unsafe) static let mergedSchemas = merge(parts.map { (part: "\($0)", table: $0.schemas) })
    /// Paths and schema names described by more than one part: empty (a test).
    static var clashes: [String] { mergedPaths.clashes + mergedSchemas.clashes }

    nonisolated(unsafe) static let document: [String: Any] = [
        "openapi": "3.0.3",
        "info": [
            "title": "CCHC API",
            "version": "1.0.0",
            "description": """
                API của hệ thống quản lý cải cách hành chính. Mọi dữ liệu chỉ trong phạm vi của tài khoản gọi. \
                Lỗi trả về {\"error\": {\"status\", \"message\", \"fields\"}} bằng tiếng Việt. \
                Nội dung gửi lên tối đa 4 MB (tệp .xlsx: 10 MB). \
                Bản ghi có trường revision (lần sửa): gửi lại khi sửa, để không ghi đè thay đổi của người khác (409).
                """,
        ],
        "servers": [["url": "/"]],
        "security": [["bearer": [String]()]],
        "paths": mergedPaths.merged,
        "components": [
            "securitySchemes": ["bearer": ["type": "http", "scheme": "bearer"]],
            "responses": errorAnswers,
            "schemas": mergedSchemas.merged,
        ] as [String: Any],
    ]

    /// The error answers (components/responses), all {"error": {"status", "message", "fields"}}: their schema is Error (Platform).
    nonisolated(unsafe) private static let errorAnswers: [String: Any] = [
        "Malformed": ["description": "Nội dung gửi lên không đọc được (không phải JSON, sai kiểu, thiếu trường bắt buộc)",
                      "content": ["application/json": ["schema": ref("Error")]]],
        "Unauthorized": ["description": "Chưa đăng nhập, mã truy cập sai, hết hạn hoặc đã thu hồi (WWW-Authenticate: Bearer)",
                         "content": ["application/json": ["schema": ref("Error")]]],
        "Forbidden": ["description": "Không có quyền", "content": ["application/json": ["schema": ref("Error")]]],
        "NotFound": ["description": "Không tìm thấy hoặc ngoài phạm vi", "content": ["application/json": ["schema": ref("Error")]]],
        "Conflict": ["description": """
                     Không thực hiện được ở trạng thái hiện tại, hoặc bản ghi đã được người khác sửa \
                     (fields: revision hiện tại); không có gì được lưu
                     """,
                     "content": ["application/json": ["schema": ref("Error")]]],
        "TooLarge": ["description": "Nội dung gửi lên quá lớn", "content": ["application/json": ["schema": ref("Error")]]],
        "UnsupportedMediaType": ["description": "Thiếu hoặc sai Content-Type (cần application/json)",
                                 "content": ["application/json": ["schema": ref("Error")]]],
        "Invalid": ["description": "Dữ liệu chưa hợp lệ; không có gì được lưu", "content": ["application/json": ["schema": ref("Error")]]],
        "TooManyRequests": ["description": "Đăng nhập tạm dừng do nhập sai nhiều lần",
                            "headers": ["Retry-After": ["description": "Số giây phải chờ", "schema": integer]],
                            "content": ["application/json": ["schema": ref("Error")]]],
    ]
    /// Status → the error answer in components/responses.
    private static let errorResponses: [String: String] = [
        "400": "Malformed", "401": "Unauthorized", "403": "Forbidden", "404": "NotFound", "409": "Conflict",
        "413": "TooLarge", "415": "UnsupportedMediaType", "422": "Invalid", "429": "TooManyRequests",
    ]

    // MARK: helpers the parts build with

    static func ref(_ name: String) -> [String: Any] { ["$ref": "#/components/schemas/\(name)"] }
    static func array(_ item: [String: Any]) -> [String: Any] { ["type": "array", "items": item] }
    static func object(_ props: [String: [String: Any]], required: [String] = []) -> [String: Any] {
        var o: [String: Any] = ["type": "object", "properties": props]
        if !required.isEmpty { o["required"] = required }
        return o
    }
    static func map(_ value: [String: Any], nullable: Bool = false) -> [String: Any] {
        var o: [String: Any] = ["type": "object", "additionalProperties": value]
        if nullable { o["nullable"] = true }
        return o
    }
    static func nullable(_ schema: [String: Any]) -> [String: Any] { schema.merging(["nullable": true]) { _, new in new } }
    static func described(_ schema: [String: Any], _ description: String) -> [String: Any] {
        schema.merging(["description": description]) { _, new in new }
    }
    nonisolated(unsafe) static let string: [String: Any] = ["type": "string"]
    /// Swift's Int: a JSON number outside 64 bits is refused with 400.
    nonisolated(unsafe) static let integer: [String: Any] = ["type": "integer", "format": "int64"]
    nonisolated(unsafe) static let number: [String: Any] = ["type": "number"]
    nonisolated(unsafe) static let boolean: [String: Any] = ["type": "boolean"]
    nonisolated(unsafe) static let nullableString: [String: Any] = ["type": "string", "nullable": true]
    nonisolated(unsafe) static let nullableInteger: [String: Any] = ["type": "integer", "format": "int64", "nullable": true]
    nonisolated(unsafe) static let nullableNumber: [String: Any] = ["type": "number", "nullable": true]
    nonisolated(unsafe) static let dateTime: [String: Any] = ["type": "string", "format": "date-time"]
    /// A day as the server writes it (yyyy-MM-dd); on input dd/MM/yyyy is read too.
    nonisolated(unsafe) static let day: [String: Any] = ["type": "string", "format": "date",
                                                         "description": "yyyy-MM-dd (hoặc dd/MM/yyyy khi gửi lên)"]
    nonisolated(unsafe) static let nonEmpty: [String: Any] = ["type": "string", "minLength": 1]
    /// Edit counter of a record: read it, send it back with the change; an older one gets 409.
    nonisolated(unsafe) static let revision: [String: Any] = [
        "type": "integer", "format": "int64",
        "description": "Lần sửa đã đọc (trường revision của GET); đã có người khác sửa sau đó: 409, không ghi đè",
    ]
    /// Q1, H1, Q3, Y, YE (the estimate), YS (the supplement), M01…M12 (case does not matter).
    nonisolated(unsafe) static let periodKind: [String: Any] = ["type": "string",
                                                              "pattern": "^([QqHh]1|[Qq]3|[Yy]|[Yy][EeSs]|[Mm](0[1-9]|1[0-2]))$",
                                                              "description": "Q1, H1, Q3, Y, YE (ước đạt cuối năm), YS (bổ sung năm), M01…M12"]
    /// A figure as text or number; null leaves that part out.
    nonisolated(unsafe) static let scalar: [String: Any] = ["anyOf": [["type": "string"], ["type": "number"]], "nullable": true]

    /// What a read in the caller's scope may answer besides success.
    static let reads = ["401", "404"]
    /// What a change sent as JSON may answer besides success.
    static let writes = ["400", "401", "403", "404", "409", "413", "415", "422"]

    static func jsonBody(_ schema: [String: Any]) -> [String: Any] {
        ["required": true, "content": ["application/json": ["schema": schema]]]
    }
    static func errors(_ statuses: [String]) -> [String: Any] {
        var out: [String: Any] = [:]
        for status in statuses { out[status] = ["$ref": "#/components/responses/\(errorResponses[status] ?? "Invalid")"] }
        return out
    }
    static func ok(_ schema: [String: Any], status: String = "200", description: String = "Thành công",
                   errors codes: [String] = reads) -> [String: Any] {
        var responses = errors(codes)
        responses[status] = ["description": description, "content": ["application/json": ["schema": schema]]]
        return responses
    }
    static func file(_ type: String, _ description: String, errors codes: [String]) -> [String: Any] {
        var responses = errors(codes)
        responses["200"] = ["description": description, "content": [type: ["schema": ["type": "string", "format": "binary"]]]]
        return responses
    }
    static func idParam(_ name: String, _ description: String) -> [String: Any] {
        ["name": name, "in": "path", "required": true, "description": description, "schema": integer.merging(["minimum": 1]) { _, new in new }]
    }
    /// A year in a path: 2000–2100, otherwise 404.
    static func yearParam(_ description: String) -> [String: Any] {
        ["name": "year", "in": "path", "required": true, "description": description,
         "schema": integer.merging(["minimum": 2000, "maximum": 2100]) { _, new in new }]
    }
    /// A year in a query: 2000–2100, otherwise 400.
    nonisolated(unsafe) static let yearSchema: [String: Any] = ["type": "integer", "minimum": 2000, "maximum": 2100]
    static func query(_ name: String, _ description: String, _ schema: [String: Any] = string) -> [String: Any] {
        ["name": name, "in": "query", "required": false, "description": description, "schema": schema]
    }
}
