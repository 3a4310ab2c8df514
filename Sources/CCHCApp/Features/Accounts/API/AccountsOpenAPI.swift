import CCHCDomain

/// The accounts' part of the OpenAPI document: users, their changes, unlocking (UserAPI).
extension OpenAPIDocument {
    enum Accounts: OpenAPIPart {
        static var paths: [String: Any] {
            [
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
            ]
        }

        static var schemas: [String: Any] {
            let role: [String: Any] = ["type": "string", "enum": Role.allCases.map(\.rawValue)]
            return [
                "User": object(["id": integer, "username": string, "fullName": string, "unitID": integer,
                                "role": role, "roleLabel": string, "isActive": boolean, "email": nullableString,
                                "lockedAt": nullable(described(dateTime,
                                                               "Bị khóa do nhập sai mật khẩu nhiều lần từ lúc này (mở khóa: POST …/unlock)")),
                                "revision": revision],
                               required: ["id", "username", "fullName", "unitID", "role", "roleLabel", "isActive", "revision"]),
                "UserCreate": object(["username": described(string, "3–64 ký tự: chữ thường không dấu, chữ số, . _ -"),
                                      "fullName": string, "unitID": integer, "role": role, "email": described(nullableString, "Thư nhận nhắc hạn"),
                                      "password": ["type": "string", "minLength": 10, "maxLength": 128]],
                                     required: ["username", "fullName", "unitID", "role", "password"]),
                "UserUpdate": object(["fullName": string, "unitID": integer, "role": role, "email": described(nullableString, "Thư nhận nhắc hạn"),
                                      "isActive": boolean,
                                      "password": described(nullableString, "Mật khẩu mới, 10–128 ký tự; trống hoặc null: giữ mật khẩu cũ"),
                                      "revision": nullable(revision)], required: ["fullName", "unitID", "role", "isActive"]),
            ]
        }
    }
}
