/// The platform's part of the OpenAPI document: sign-in and tokens, the caller, the audit log, the document itself,
/// and the Error schema every error answer carries.
extension OpenAPIDocument {
    enum Platform: OpenAPIPart {
        static var paths: [String: Any] {
            [
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
                "/api/v1/audit": [
                    "get": ["summary": "Nhật ký thao tác trong phạm vi, mới nhất trước",
                            "parameters": [query("limit", "Số sự kiện (mặc định 100; ngoài 1–1000 thì lấy giới hạn gần nhất)", integer),
                                           query("user", "Tên đăng nhập"),
                                           query("kind", "Loại thao tác: report, plan, par, inspection, register, organisation, accounts, "
                                                 + "signin, system. Không có loại và thao tác thì không gồm đăng nhập, đăng xuất"),
                                           query("action", "Thao tác, hoặc phần đầu (vd: report.)"), query("q", "Nội dung có chứa"),
                                           query("entity", "Loại bản ghi (report, unit, user, form, regime)"),
                                           query("entityID", "Mã số bản ghi", integer),
                                           query("unitID", "Đơn vị (và các đơn vị cấp dưới)", integer), query("from", "Từ ngày (dd/MM/yyyy)"),
                                           query("to", "Đến ngày (dd/MM/yyyy)")],
                            "responses": ok(array(ref("AuditEvent")), errors: ["400", "401"])],
                ],
                "/api/v1/openapi.json": [
                    "get": ["summary": "Tài liệu OpenAPI này", "security": [[String: Any]](),
                            "responses": ["200": ["description": "Tài liệu OpenAPI 3",
                                                  "content": ["application/json": ["schema": ["type": "object"]]]]]],
                ],
            ]
        }

        static var schemas: [String: Any] {
            [
                "Error": object(["error": object(["status": integer, "message": string,
                                                  "fields": array(object(["field": string, "message": string], required: ["field", "message"]))],
                                                 required: ["status", "message"])], required: ["error"]),
                "Me": object(["user": ref("User"), "unit": ref("Unit"), "scopeRootID": nullableInteger, "canManage": boolean],
                             required: ["user", "unit", "canManage"]),
                "AuditEvent": object(["id": integer, "at": dateTime, "username": string, "action": string,
                                      "actionLabel": described(string, "Thao tác bằng lời (vd: Ký, gửi báo cáo)"),
                                      "entity": string, "entityID": nullableInteger, "unitID": nullableInteger, "summary": string,
                                      "detail": nullableString,
                                      "changes": map(string)],
                                     required: ["id", "at", "username", "action", "actionLabel", "entity", "summary", "changes"]),
            ]
        }
    }
}
