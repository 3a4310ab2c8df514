import Foundation
import Vapor

/// The OpenAPI 3 description of /api/v1, served at /api/v1/openapi.json.
/// A test checks that every API route in the route table is described here.
/// scripts/schemathesis/run.sh checks it against the server: every status, every field.
/// The shared error answers and schemas (components/…) are in OpenAPIDocument+Components.swift.
enum OpenAPIDocument {
    static func response() -> Response {
        Response(status: .ok, headers: ["Content-Type": "application/json; charset=utf-8"], body: .init(data: json))
    }

    static let json: Data = {
        (try? JSONSerialization.data(withJSONObject: document, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
    }()

    // MARK: helpers (the internal ones are shared with OpenAPIDocument+Components.swift)

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
    /// Q1, H1, Q3, Y, M01…M12 (case does not matter).
    nonisolated(unsafe) private static let periodKind: [String: Any] = ["type": "string", "pattern": "^([QqHh]1|[Qq]3|[Yy]|[Mm](0[1-9]|1[0-2]))$",
                                                                      "description": "Q1, H1, Q3, Y, M01…M12"]

    /// The error answers, all {"error": {"status", "message", "fields"}}: status → components/responses.
    private static let errorResponses: [String: String] = [
        "400": "Malformed", "401": "Unauthorized", "403": "Forbidden", "404": "NotFound", "409": "Conflict",
        "413": "TooLarge", "415": "UnsupportedMediaType", "422": "Invalid", "429": "TooManyRequests",
    ]
    /// What a read in the caller's scope may answer besides success.
    private static let reads = ["401", "404"]
    /// What a change sent as JSON may answer besides success.
    private static let writes = ["400", "401", "403", "404", "409", "413", "415", "422"]

    private static func jsonBody(_ schema: [String: Any]) -> [String: Any] {
        ["required": true, "content": ["application/json": ["schema": schema]]]
    }
    private static func errors(_ statuses: [String]) -> [String: Any] {
        var out: [String: Any] = [:]
        for status in statuses { out[status] = ["$ref": "#/components/responses/\(errorResponses[status] ?? "Invalid")"] }
        return out
    }
    private static func ok(_ schema: [String: Any], status: String = "200", description: String = "Thành công",
                           errors codes: [String] = reads) -> [String: Any] {
        var responses = errors(codes)
        responses[status] = ["description": description, "content": ["application/json": ["schema": schema]]]
        return responses
    }
    private static func file(_ type: String, _ description: String, errors codes: [String]) -> [String: Any] {
        var responses = errors(codes)
        responses["200"] = ["description": description, "content": [type: ["schema": ["type": "string", "format": "binary"]]]]
        return responses
    }
    private static func idParam(_ name: String, _ description: String) -> [String: Any] {
        ["name": name, "in": "path", "required": true, "description": description, "schema": integer.merging(["minimum": 1]) { _, new in new }]
    }
    /// A year in a path: 2000–2100, otherwise 404.
    private static func yearParam(_ description: String) -> [String: Any] {
        ["name": "year", "in": "path", "required": true, "description": description,
         "schema": integer.merging(["minimum": 2000, "maximum": 2100]) { _, new in new }]
    }
    /// A year in a query: 2000–2100, otherwise 400.
    nonisolated(unsafe) private static let yearSchema: [String: Any] = ["type": "integer", "minimum": 2000, "maximum": 2100]
    /// A figure as text or number; null leaves that part out.
    nonisolated(unsafe) static let scalar: [String: Any] = ["anyOf": [["type": "string"], ["type": "number"]], "nullable": true]
    private static func query(_ name: String, _ description: String, _ schema: [String: Any] = string) -> [String: Any] {
        ["name": name, "in": "query", "required": false, "description": description, "schema": schema]
    }
    static func regime(year: [String: Any]) -> [String: Any] {
        object(["issuer": string, "year": year,
                "deadlineDay": nullable(integer.merging(["minimum": 1, "maximum": 31,
                                                         "description": "Ngày hạn nộp trong tháng (1–31)"]) { _, new in new }),
                "periods": array(period),
                "officePeriods": nullable(described(array(period), "Kỳ riêng của các cơ quan chuyên môn của đơn vị ban hành, nếu khác"))],
               required: ["issuer", "year", "periods"])
    }

    nonisolated(unsafe) static let period: [String: Any] = object(["kind": periodKind, "from": day, "to": day, "deadline": day,
                                                                   "estimateFrom": nullable(day), "estimateTo": nullable(day)],
                                                                  required: ["kind", "from", "to", "deadline"])

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
        "paths": [
            "/api/v1/auth/token": [
                "post": [
                    "summary": """
                        Đăng nhập, nhận mã truy cập (Bearer). Nhập sai nhiều lần: 429 với Retry-After, \
                        rồi tài khoản bị khóa (403)
                        """,
                    "security": [[String: Any]](),
                    "requestBody": jsonBody(object(["username": string, "password": string], required: ["username", "password"])),
                    "responses": ok(object(["token": string, "expiresAt": dateTime], required: ["token", "expiresAt"]), status: "201",
                                    errors: ["400", "401", "403", "413", "415", "429"]),
                ],
                "delete": ["summary": "Thu hồi mã truy cập đang dùng",
                           "responses": errors(["401"]).merging(["204": ["description": "Đã thu hồi"]]) { _, new in new }],
            ],
            "/api/v1/me": ["get": ["summary": "Tài khoản đang đăng nhập, đơn vị và phạm vi", "responses": ok(ref("Me"), errors: ["401"])]],
            "/api/v1/units": [
                "get": ["summary": "Danh sách đơn vị trong phạm vi; tìm không dấu",
                        "parameters": [query("q", "Từ khóa (tên hoặc mã), không phân biệt dấu"),
                                       query("includeRetired", "Gồm cả đơn vị đã sáp nhập", boolean)],
                        "responses": ok(array(ref("Unit")), errors: ["400", "401"])],
                "post": ["summary": "Thêm đơn vị (quản trị, cơ quan thường trực)", "requestBody": jsonBody(ref("UnitInput")),
                         "responses": ok(ref("Unit"), status: "201", errors: ["400", "401", "403", "413", "415", "422"])],
            ],
            "/api/v1/units/merge": [
                "post": ["summary": "Sáp nhập các đơn vị cũ thành đơn vị mới", "requestBody": jsonBody(ref("MergeInput")),
                         "responses": ok(ref("Unit"), status: "201", errors: ["400", "401", "403", "413", "415", "422"])],
            ],
            "/api/v1/units/{unitID}": [
                "parameters": [idParam("unitID", "Mã số đơn vị")],
                "get": ["summary": "Một đơn vị: cấp trên, cơ quan chuyên môn, đơn vị trực thuộc, tiền thân",
                        "responses": ok(ref("UnitDetail"))],
                "put": ["summary": "Sửa đơn vị (đơn vị đã sáp nhập: 409)", "requestBody": jsonBody(ref("UnitInput")),
                        "responses": ok(ref("Unit"), errors: writes)],
            ],
            "/api/v1/users": [
                "get": ["summary": "Tài khoản trong phạm vi", "parameters": [query("q", "Từ khóa, không phân biệt dấu")],
                        "responses": ok(array(ref("User")), errors: ["401"])],
                "post": ["summary": "Thêm tài khoản", "requestBody": jsonBody(ref("UserCreate")),
                         "responses": ok(ref("User"), status: "201", errors: ["400", "401", "403", "413", "415", "422"])],
            ],
            "/api/v1/users/{userID}": [
                "parameters": [idParam("userID", "Mã số tài khoản")],
                "get": ["summary": "Một tài khoản", "responses": ok(ref("User"))],
                "put": ["summary": "Sửa tài khoản (đổi mật khẩu hoặc khóa: mọi mã truy cập của tài khoản bị thu hồi)",
                        "requestBody": jsonBody(ref("UserUpdate")),
                        "responses": ok(ref("User"), errors: writes)],
            ],
            "/api/v1/users/{userID}/unlock": [
                "parameters": [idParam("userID", "Mã số tài khoản")],
                "post": ["summary": "Mở khóa tài khoản bị khóa do nhập sai mật khẩu nhiều lần",
                         "responses": ok(ref("User"), errors: ["401", "403", "404"])],
            ],
            "/api/v1/audit": [
                "get": ["summary": "Nhật ký thao tác trong phạm vi, mới nhất trước",
                        "parameters": [query("limit", "Số sự kiện (mặc định 100; ngoài 1–1000 thì lấy giới hạn gần nhất)", integer),
                                       query("user", "Tên đăng nhập"),
                                       query("action", "Thao tác, hoặc phần đầu (vd: report.)"), query("q", "Nội dung có chứa"),
                                       query("entity", "Loại bản ghi (report, unit, user, form, regime)"),
                                       query("entityID", "Mã số bản ghi", integer),
                                       query("unitID", "Đơn vị (và các đơn vị cấp dưới)", integer), query("from", "Từ ngày (dd/MM/yyyy)"),
                                       query("to", "Đến ngày (dd/MM/yyyy)")],
                        "responses": ok(array(ref("AuditEvent")), errors: ["400", "401"])],
            ],
            "/api/v1/forms": [
                "get": ["summary": "Danh sách biểu mẫu thống kê", "responses": ok(array(ref("FormSummary")), errors: ["401"])],
                "post": ["summary": """
                         Nhập biểu mẫu (JSON của biểu mẫu). Cùng mã và năm: phiên bản mới của biểu mẫu (200), \
                         chỉ cơ quan thường trực của đơn vị ban hành hoặc quản trị viên; JSON không đọc được: 422
                         """,
                         "parameters": [query(
                             "revision", "Lần sửa của biểu mẫu đã đọc (GET /api/v1/forms); đã có phiên bản mới hơn: 409", integer)],
                         "requestBody": jsonBody(ref("Form")),
                         "responses": ok(ref("FormSummary"), status: "201", description: "Biểu mẫu mới",
                                         errors: ["400", "401", "403", "409", "413", "422"])
                             .merging(["200": ["description": "Đã thay biểu mẫu cùng mã và năm (phiên bản mới)",
                                               "content": ["application/json": ["schema": ref("FormSummary")]]]]) { _, new in new }],
            ],
            "/api/v1/forms/{formID}": [
                "parameters": [idParam("formID", "Mã số biểu mẫu")],
                "get": ["summary": "Xuất biểu mẫu (JSON)", "responses": ok(ref("Form"))],
            ],
            "/api/v1/regimes/check": [
                "post": ["summary": "Kiểm tra một chế độ báo cáo (không lưu): các điểm chưa khớp", "requestBody": jsonBody(ref("Regime")),
                         "responses": ok(object(["warnings": array(string), "notes": array(string)], required: ["warnings", "notes"]),
                                         errors: ["400", "401", "413", "415", "422"])],
            ],
            "/api/v1/regimes/read": [
                "post": ["summary": "Đọc chế độ báo cáo từ văn bản hướng dẫn (không lưu): bản dự thảo và những chỗ chưa đọc được",
                         "requestBody": jsonBody(object(["text": described(nonEmpty.merging(["maxLength": 200_000]) { _, new in new },
                                                                           "Đoạn văn bản hướng dẫn (tiếng Việt)"),
                                                         "year": nullable(described(integer.merging(["minimum": 2000, "maximum": 2100]) { _, new in new },
                                                                                    "Năm của chế độ, khi văn bản không ghi năm"))],
                                                        required: ["text"])),
                         "responses": ok(object(["regime": described(ref("Regime"), "Không có khi chưa đọc được kỳ nào hoặc chưa rõ năm"),
                                                 "notes": array(string)], required: ["notes"]),
                                         errors: ["400", "401", "413", "415", "422"])],
            ],
            "/api/v1/units/{unitID}/regimes/{year}": [
                "parameters": [idParam("unitID", "Đơn vị ban hành"), yearParam("Năm (2000–2100)")],
                "get": ["summary": "Chế độ báo cáo của đơn vị trong năm, kèm cảnh báo", "responses": ok(ref("RegimeDetail"))],
                "put": ["summary": "Ban hành/sửa chế độ báo cáo (cảnh báo, không từ chối)",
                        "requestBody": jsonBody(object(["regime": ref("RegimeInput"), "formID": nullableInteger, "document": nullableString,
                                                        "revision": revision], required: ["regime"])),
                        "responses": ok(ref("RegimeDetail"), errors: writes)],
            ],
            "/api/v1/units/{unitID}/regimes/{year}/offices": [
                "parameters": [idParam("unitID", "Đơn vị ban hành"), yearParam("Năm (2000–2100)")],
                "get": ["summary": "Cơ quan chuyên môn trả lời từng mục, dòng của biểu (và đề xuất theo cột Cơ quan của biểu mẫu)",
                        "responses": ok(ref("OfficeAssignments"))],
                "put": ["summary": "Phân công mục, dòng của biểu cho các cơ quan chuyên môn (thay toàn bộ)",
                        "requestBody": jsonBody(object(["assignments": map(integer)], required: ["assignments"])),
                        "responses": ok(ref("OfficeAssignments"), errors: writes)],
            ],
            "/api/v1/units/{unitID}/reports": [
                "parameters": [idParam("unitID", "Đơn vị báo cáo")],
                "get": ["summary": "Các kỳ báo cáo của đơn vị trong năm và trạng thái",
                        "parameters": [query("year", "Năm (mặc định: năm gần nhất có chế độ báo cáo)", yearSchema)],
                        "responses": ok(array(ref("ReportListRow")), errors: ["400", "401", "404"])],
            ],
            "/api/v1/units/{unitID}/reports/{periodID}": [
                "parameters": [idParam("unitID", "Đơn vị báo cáo"), idParam("periodID", "Kỳ báo cáo")],
                "get": ["summary": """
                        Báo cáo của đơn vị cho kỳ: số liệu, kỳ trước, nội dung, Phụ lục 3A, cảnh báo, \
                        thao tác được phép (chế độ báo cáo chưa chọn biểu mẫu: 409)
                        """,
                        "responses": ok(ref("Report"), errors: ["401", "404", "409"])],
                "put": ["summary": """
                        Lưu số liệu (chỉ các chỉ tiêu gửi lên), nội dung, Phụ lục 3A. \
                        Cần revision (cán bộ cơ quan chuyên môn: officeRevision), thiếu: 422. Sai kiểu/phạm vi: 422, không lưu gì
                        """,
                        "requestBody": jsonBody(ref("ReportSave")),
                        "responses": ok(object(["report": ref("Report"), "warnings": array(ref("RuleWarning"))], required: ["report", "warnings"]),
                                        errors: writes)],
            ],
            "/api/v1/units/{unitID}/reports/{periodID}/{action}": [
                "parameters": [idParam("unitID", "Đơn vị báo cáo"), idParam("periodID", "Kỳ báo cáo"),
                               ["name": "action", "in": "path", "required": true,
                                "schema": ["type": "string", "enum": ["sendToLeader", "backToDrafter", "submit", "accept", "return", "newVersion"]]]],
                "post": ["summary": """
                         Thao tác quy trình: trình ký, ký gửi (số, ngày văn bản), tiếp nhận, trả lại (ý kiến), \
                         phiên bản đính chính. Thao tác không hợp với trạng thái hoặc vai trò: 409 (người chỉ xem: 403)
                         """,
                         "requestBody": ["required": false, "content": ["application/json": ["schema": object([
                             "comment": nullableString, "docNumber": nullableString,
                             "docDate": nullable(described(string, "dd/MM/yyyy hoặc yyyy-MM-dd")), "revision": nullable(revision)])]]],
                         "responses": ok(ref("Report"), errors: ["400", "401", "403", "404", "409", "413", "415", "422"])],
            ],
            "/api/v1/units/{unitID}/reports/{periodID}/assemble": [
                "parameters": [idParam("unitID", "Đơn vị hành chính"), idParam("periodID", "Kỳ báo cáo")],
                "post": ["summary": """
                         Lập dự thảo báo cáo của đơn vị hành chính: báo cáo chuyên đề của các cơ quan vào đề cương, \
                         ghi đơn vị chưa báo cáo; phụ lục là số liệu tổng hợp
                         """,
                         "responses": ok(ref("Report"), errors: ["401", "403", "404", "409"])],
            ],
            "/api/v1/units/{unitID}/timeliness": [
                "parameters": [idParam("unitID", "Đơn vị hành chính (cơ quan thường trực theo dõi)")],
                "get": ["summary": "Bảng theo dõi nộp báo cáo: đơn vị × kỳ, tổng số theo tình trạng",
                        "parameters": [query("year", "Năm (mặc định: năm nay)", yearSchema), query("sort", "late | p<periodID> | (trống: theo tên)")],
                        "responses": ok(ref("Timeliness"), errors: ["400", "401", "404"])],
            ],
            "/api/v1/units/{unitID}/consolidation/{year}/{kind}": [
                "parameters": [idParam("unitID", "Đơn vị hành chính"), yearParam("Năm (2000–2100)"),
                               ["name": "kind", "in": "path", "required": true, "schema": periodKind]],
                "get": ["summary": """
                        Số liệu tổng hợp của đơn vị và mọi đơn vị trực thuộc cho kỳ, \
                        kèm cơ sở tính của từng số liệu và so sánh với kỳ trước, cùng kỳ năm trước
                        """,
                        "parameters": [query("accepted", "1: chỉ tính báo cáo đã tiếp nhận (mặc định: mọi báo cáo đã gửi)")],
                        "responses": ok(ref("Consolidated"))],
            ],
            "/api/v1/units/{unitID}/reports/{periodID}/xlsx": [
                "parameters": [idParam("unitID", "Đơn vị báo cáo"), idParam("periodID", "Kỳ báo cáo")],
                "get": ["summary": "Tải biểu báo cáo (.xlsx) để điền ngoại tuyến",
                        "responses": file(Exports.xlsxType, "Tệp .xlsx", errors: ["401", "404", "409"])],
                "put": ["summary": """
                        Tải lên biểu đã điền: nhận toàn bộ hoặc từ chối với danh sách mọi lỗi (không lưu gì). \
                        Tối đa 10 MB
                        """,
                        "requestBody": ["required": true, "content": [Exports.xlsxType: ["schema": ["type": "string", "format": "binary"]]]],
                        "responses": ok(object(["changed": boolean, "changes": array(string), "warnings": array(ref("RuleWarning"))],
                                                  required: ["changed", "changes", "warnings"]),
                                        errors: ["401", "403", "404", "409", "413", "422"])],
            ],
            "/api/v1/units/{unitID}/reports/{periodID}/docx": [
                "parameters": [idParam("unitID", "Đơn vị báo cáo"), idParam("periodID", "Kỳ báo cáo")],
                "get": ["summary": "Báo cáo dạng Word (.docx) theo thể thức Nghị định 30/2020",
                        "responses": file(Exports.docxType, "Tệp .docx", errors: ["401", "404", "409"])],
            ],
            "/api/v1/units/{unitID}/consolidation/{year}/{kind}/xlsx": [
                "parameters": [idParam("unitID", "Đơn vị hành chính"), yearParam("Năm (2000–2100)"),
                               ["name": "kind", "in": "path", "required": true, "schema": periodKind]],
                "get": ["summary": "Số liệu tổng hợp (.xlsx): trang tổng hợp và trang đơn vị × chỉ tiêu",
                        "responses": file(Exports.xlsxType, "Tệp .xlsx", errors: reads)],
            ],
            "/api/v1/units/{unitID}/consolidation/{year}/{kind}/docx": [
                "parameters": [idParam("unitID", "Đơn vị hành chính"), yearParam("Năm (2000–2100)"),
                               ["name": "kind", "in": "path", "required": true, "schema": periodKind]],
                "get": ["summary": "Báo cáo tổng hợp dạng Word (.docx), phụ lục số liệu tổng hợp",
                        "responses": file(Exports.docxType, "Tệp .docx", errors: reads)],
            ],
            "/api/v1/openapi.json": [
                "get": ["summary": "Tài liệu OpenAPI này", "security": [[String: Any]](),
                        "responses": ["200": ["description": "Tài liệu OpenAPI 3", "content": ["application/json": ["schema": ["type": "object"]]]]]],
            ],
        ],
        "components": components,
    ]
}

import CCHCDomain
enum UnitKindNames { static let all = UnitKind.allCases.map(\.rawValue) }
enum RoleNames { static let all = Role.allCases.map(\.rawValue) }
