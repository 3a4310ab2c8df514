import Foundation
import Vapor

/// The OpenAPI 3 description of /api/v1, served at /api/v1/openapi.json.
/// A test checks that every API route in the route table is described here.
enum OpenAPIDocument {
    static func response() -> Response {
        Response(status: .ok, headers: ["Content-Type": "application/json; charset=utf-8"], body: .init(data: json))
    }

    static let json: Data = {
        (try? JSONSerialization.data(withJSONObject: document, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
    }()

    // MARK: helpers

    private static func ref(_ name: String) -> [String: Any] { ["$ref": "#/components/schemas/\(name)"] }
    private static func array(_ item: [String: Any]) -> [String: Any] { ["type": "array", "items": item] }
    private static func object(_ props: [String: [String: Any]], required: [String] = []) -> [String: Any] {
        var o: [String: Any] = ["type": "object", "properties": props]
        if !required.isEmpty { o["required"] = required }
        return o
    }
    nonisolated(unsafe) private static let string: [String: Any] = ["type": "string"]
    nonisolated(unsafe) private static let integer: [String: Any] = ["type": "integer"]
    nonisolated(unsafe) private static let boolean: [String: Any] = ["type": "boolean"]
    nonisolated(unsafe) private static let nullableString: [String: Any] = ["type": "string", "nullable": true]
    nonisolated(unsafe) private static let nullableInteger: [String: Any] = ["type": "integer", "nullable": true]

    private static func jsonBody(_ schema: [String: Any]) -> [String: Any] {
        ["required": true, "content": ["application/json": ["schema": schema]]]
    }
    private static func ok(_ schema: [String: Any], status: String = "200", description: String = "Thành công") -> [String: Any] {
        [status: ["description": description, "content": ["application/json": ["schema": schema]]],
         "401": ["$ref": "#/components/responses/Unauthorized"],
         "403": ["$ref": "#/components/responses/Forbidden"],
         "404": ["$ref": "#/components/responses/NotFound"],
         "422": ["$ref": "#/components/responses/Invalid"]]
    }
    private static func idParam(_ name: String, _ description: String) -> [String: Any] {
        ["name": name, "in": "path", "required": true, "description": description, "schema": integer]
    }
    private static func query(_ name: String, _ description: String, _ schema: [String: Any] = string) -> [String: Any] {
        ["name": name, "in": "query", "required": false, "description": description, "schema": schema]
    }

    nonisolated(unsafe) static let document: [String: Any] = [
        "openapi": "3.0.3",
        "info": [
            "title": "CCHC API",
            "version": "1.0.0",
            "description": "API của hệ thống quản lý cải cách hành chính. Mọi dữ liệu chỉ trong phạm vi của tài khoản gọi. Lỗi trả về {\"error\": {\"status\", \"message\", \"fields\"}} bằng tiếng Việt.",
        ],
        "servers": [["url": "/"]],
        "security": [["bearer": [String]()]],
        "paths": [
            "/api/v1/auth/token": [
                "post": [
                    "summary": "Đăng nhập, nhận mã truy cập (Bearer)",
                    "security": [[String: Any]](),
                    "requestBody": jsonBody(object(["username": string, "password": string], required: ["username", "password"])),
                    "responses": ok(object(["token": string, "expiresAt": ["type": "string", "format": "date-time"]], required: ["token"]), status: "201"),
                ],
                "delete": ["summary": "Thu hồi mã truy cập đang dùng", "responses": ["204": ["description": "Đã thu hồi"]]],
            ],
            "/api/v1/me": ["get": ["summary": "Tài khoản đang đăng nhập, đơn vị và phạm vi", "responses": ok(ref("Me"))]],
            "/api/v1/units": [
                "get": ["summary": "Danh sách đơn vị trong phạm vi; tìm không dấu",
                        "parameters": [query("q", "Từ khóa (tên hoặc mã), không phân biệt dấu"), query("includeRetired", "Gồm cả đơn vị đã sáp nhập", boolean)],
                        "responses": ok(array(ref("Unit")))],
                "post": ["summary": "Thêm đơn vị (quản trị, cơ quan thường trực)", "requestBody": jsonBody(ref("UnitInput")), "responses": ok(ref("Unit"), status: "201")],
            ],
            "/api/v1/units/merge": [
                "post": ["summary": "Sáp nhập các đơn vị cũ thành đơn vị mới", "requestBody": jsonBody(ref("MergeInput")), "responses": ok(ref("Unit"), status: "201")],
            ],
            "/api/v1/units/{unitID}": [
                "parameters": [idParam("unitID", "Mã số đơn vị")],
                "get": ["summary": "Một đơn vị: cấp trên, cơ quan chuyên môn, đơn vị trực thuộc, tiền thân", "responses": ok(ref("UnitDetail"))],
                "put": ["summary": "Sửa đơn vị (không sửa được đơn vị đã sáp nhập)", "requestBody": jsonBody(ref("UnitInput")), "responses": ok(ref("Unit"))],
            ],
            "/api/v1/users": [
                "get": ["summary": "Tài khoản trong phạm vi", "parameters": [query("q", "Từ khóa, không phân biệt dấu")], "responses": ok(array(ref("User")))],
                "post": ["summary": "Thêm tài khoản", "requestBody": jsonBody(ref("UserCreate")), "responses": ok(ref("User"), status: "201")],
            ],
            "/api/v1/users/{userID}": [
                "parameters": [idParam("userID", "Mã số tài khoản")],
                "get": ["summary": "Một tài khoản", "responses": ok(ref("User"))],
                "put": ["summary": "Sửa tài khoản", "requestBody": jsonBody(ref("UserUpdate")), "responses": ok(ref("User"))],
            ],
            "/api/v1/users/{userID}/unlock": [
                "parameters": [idParam("userID", "Mã số tài khoản")],
                "post": ["summary": "Mở khóa tài khoản bị khóa do nhập sai mật khẩu nhiều lần", "responses": ok(ref("User"))],
            ],
            "/api/v1/audit": [
                "get": ["summary": "Nhật ký thao tác trong phạm vi", "parameters": [query("limit", "Số sự kiện (1–1000)", integer), query("user", "Tên đăng nhập"),
                                                                                 query("action", "Thao tác, hoặc phần đầu (vd: report.)"), query("q", "Nội dung có chứa"),
                                                                                 query("entity", "Loại bản ghi (report, unit, user, form, regime)"), query("entityID", "Mã số bản ghi", integer),
                                                                                 query("unitID", "Đơn vị (và các đơn vị cấp dưới)", integer), query("from", "Từ ngày (dd/MM/yyyy)"),
                                                                                 query("to", "Đến ngày (dd/MM/yyyy)")], "responses": ok(array(ref("AuditEvent")))],
            ],
            "/api/v1/forms": [
                "get": ["summary": "Danh sách biểu mẫu thống kê", "responses": ok(array(ref("FormSummary")))],
                "post": ["summary": "Nhập biểu mẫu (JSON của biểu mẫu; cùng mã và năm thì thay thế)", "requestBody": jsonBody(ref("Form")),
                         "responses": ok(ref("FormSummary"), status: "201")],
            ],
            "/api/v1/forms/{formID}": [
                "parameters": [idParam("formID", "Mã số biểu mẫu")],
                "get": ["summary": "Xuất biểu mẫu (JSON)", "responses": ok(ref("Form"))],
            ],
            "/api/v1/regimes/check": [
                "post": ["summary": "Kiểm tra một chế độ báo cáo (không lưu): các điểm chưa khớp", "requestBody": jsonBody(ref("Regime")),
                         "responses": ok(object(["warnings": array(string)]))],
            ],
            "/api/v1/units/{unitID}/regimes/{year}": [
                "parameters": [idParam("unitID", "Đơn vị ban hành"), ["name": "year", "in": "path", "required": true, "schema": integer]],
                "get": ["summary": "Chế độ báo cáo của đơn vị trong năm, kèm cảnh báo", "responses": ok(ref("RegimeDetail"))],
                "put": ["summary": "Ban hành/sửa chế độ báo cáo (cảnh báo, không từ chối)", "requestBody": jsonBody(object(["regime": ref("Regime"), "formID": nullableInteger, "document": nullableString], required: ["regime"])),
                        "responses": ok(ref("RegimeDetail"))],
            ],
            "/api/v1/units/{unitID}/reports": [
                "parameters": [idParam("unitID", "Đơn vị báo cáo")],
                "get": ["summary": "Các kỳ báo cáo của đơn vị trong năm và trạng thái", "parameters": [query("year", "Năm", integer)],
                        "responses": ok(array(ref("ReportListRow")))],
            ],
            "/api/v1/units/{unitID}/reports/{periodID}": [
                "parameters": [idParam("unitID", "Đơn vị báo cáo"), idParam("periodID", "Kỳ báo cáo")],
                "get": ["summary": "Báo cáo của đơn vị cho kỳ: số liệu, kỳ trước, nội dung, Phụ lục 3A, cảnh báo, thao tác được phép", "responses": ok(ref("Report"))],
                "put": ["summary": "Lưu số liệu (chỉ các chỉ tiêu gửi lên), nội dung, Phụ lục 3A. Sai kiểu/phạm vi: 422, không lưu gì",
                        "requestBody": jsonBody(ref("ReportSave")), "responses": ok(object(["report": ref("Report"), "warnings": array(ref("RuleWarning"))]))],
            ],
            "/api/v1/units/{unitID}/reports/{periodID}/{action}": [
                "parameters": [idParam("unitID", "Đơn vị báo cáo"), idParam("periodID", "Kỳ báo cáo"),
                               ["name": "action", "in": "path", "required": true, "schema": ["type": "string", "enum": ["sendToLeader", "backToDrafter", "submit", "accept", "return", "newVersion"]]]],
                "post": ["summary": "Thao tác quy trình: trình ký, ký gửi (số, ngày văn bản), tiếp nhận, trả lại (ý kiến), phiên bản đính chính",
                         "requestBody": ["required": false, "content": ["application/json": ["schema": object(["comment": string, "docNumber": string, "docDate": string])]]],
                         "responses": ok(ref("Report"))],
            ],
            "/api/v1/units/{unitID}/reports/{periodID}/assemble": [
                "parameters": [idParam("unitID", "Đơn vị hành chính"), idParam("periodID", "Kỳ báo cáo")],
                "post": ["summary": "Lập dự thảo báo cáo của đơn vị hành chính: báo cáo chuyên đề của các cơ quan vào đề cương, ghi đơn vị chưa báo cáo; phụ lục là số liệu tổng hợp",
                         "responses": ok(ref("Report"))],
            ],
            "/api/v1/units/{unitID}/timeliness": [
                "parameters": [idParam("unitID", "Đơn vị hành chính (cơ quan thường trực theo dõi)")],
                "get": ["summary": "Bảng theo dõi nộp báo cáo: đơn vị × kỳ, tổng số theo tình trạng",
                        "parameters": [query("year", "Năm", integer), query("sort", "late | p<periodID> | (trống: theo tên)")],
                        "responses": ok(ref("Timeliness"))],
            ],
            "/api/v1/units/{unitID}/consolidation/{year}/{kind}": [
                "parameters": [idParam("unitID", "Đơn vị hành chính"), ["name": "year", "in": "path", "required": true, "schema": integer],
                               ["name": "kind", "in": "path", "required": true, "schema": ["type": "string", "description": "Q1, H1, Q3, Y, M01…M12"]]],
                "get": ["summary": "Số liệu tổng hợp của đơn vị và mọi đơn vị trực thuộc cho kỳ, kèm cơ sở tính của từng số liệu",
                        "responses": ok(ref("Consolidated"))],
            ],
            "/api/v1/units/{unitID}/reports/{periodID}/xlsx": [
                "parameters": [idParam("unitID", "Đơn vị báo cáo"), idParam("periodID", "Kỳ báo cáo")],
                "get": ["summary": "Tải biểu báo cáo (.xlsx) để điền ngoại tuyến", "responses": ["200": ["description": "Tệp .xlsx", "content": [Exports.xlsxType: ["schema": ["type": "string", "format": "binary"]]]]]],
                "put": ["summary": "Tải lên biểu đã điền: nhận toàn bộ hoặc từ chối với danh sách mọi lỗi (không lưu gì)",
                        "requestBody": ["required": true, "content": [Exports.xlsxType: ["schema": ["type": "string", "format": "binary"]]]],
                        "responses": ok(object(["changed": boolean, "warnings": array(ref("RuleWarning"))]))],
            ],
            "/api/v1/units/{unitID}/reports/{periodID}/docx": [
                "parameters": [idParam("unitID", "Đơn vị báo cáo"), idParam("periodID", "Kỳ báo cáo")],
                "get": ["summary": "Báo cáo dạng Word (.docx) theo thể thức Nghị định 30/2020", "responses": ["200": ["description": "Tệp .docx", "content": [Exports.docxType: ["schema": ["type": "string", "format": "binary"]]]]]],
            ],
            "/api/v1/units/{unitID}/consolidation/{year}/{kind}/xlsx": [
                "parameters": [idParam("unitID", "Đơn vị hành chính"), ["name": "year", "in": "path", "required": true, "schema": integer],
                               ["name": "kind", "in": "path", "required": true, "schema": string]],
                "get": ["summary": "Số liệu tổng hợp (.xlsx): trang tổng hợp và trang đơn vị × chỉ tiêu", "responses": ["200": ["description": "Tệp .xlsx", "content": [Exports.xlsxType: ["schema": ["type": "string", "format": "binary"]]]]]],
            ],
            "/api/v1/units/{unitID}/consolidation/{year}/{kind}/docx": [
                "parameters": [idParam("unitID", "Đơn vị hành chính"), ["name": "year", "in": "path", "required": true, "schema": integer],
                               ["name": "kind", "in": "path", "required": true, "schema": string]],
                "get": ["summary": "Báo cáo tổng hợp dạng Word (.docx), phụ lục số liệu tổng hợp", "responses": ["200": ["description": "Tệp .docx", "content": [Exports.docxType: ["schema": ["type": "string", "format": "binary"]]]]]],
            ],
            "/api/v1/openapi.json": [
                "get": ["summary": "Tài liệu OpenAPI này", "security": [[String: Any]](), "responses": ["200": ["description": "Tài liệu OpenAPI 3"]]],
            ],
        ],
        "components": [
            "securitySchemes": ["bearer": ["type": "http", "scheme": "bearer"]],
            "responses": [
                "Unauthorized": ["description": "Chưa đăng nhập", "content": ["application/json": ["schema": ref("Error")]]],
                "Forbidden": ["description": "Không có quyền", "content": ["application/json": ["schema": ref("Error")]]],
                "NotFound": ["description": "Không tìm thấy hoặc ngoài phạm vi", "content": ["application/json": ["schema": ref("Error")]]],
                "Invalid": ["description": "Dữ liệu chưa hợp lệ; không có gì được lưu", "content": ["application/json": ["schema": ref("Error")]]],
            ],
            "schemas": [
                "Error": object(["error": object(["status": integer, "message": string,
                                                  "fields": array(object(["field": string, "message": string]))], required: ["status", "message"])], required: ["error"]),
                "Unit": object(["id": integer, "code": string, "name": string, "kind": ["type": "string", "enum": UnitKindNames.all],
                                "kindLabel": string, "parentID": nullableInteger, "path": string, "depth": integer,
                                "isStandingAgency": boolean, "retiredOn": nullableString, "successorID": nullableInteger],
                               required: ["id", "code", "name", "kind", "path", "depth", "isStandingAgency"]),
                "UnitDetail": object(["unit": ref("Unit"), "ancestors": array(ref("Unit")), "offices": array(ref("Unit")),
                                      "subordinates": array(ref("Unit")),
                                      "predecessors": array(object(["unit": ref("Unit"), "mergedOn": ["type": "string", "format": "date"]])),
                                      "lineage": array(ref("Unit")), "successor": ["allOf": [ref("Unit")], "nullable": true]],
                                     required: ["unit", "ancestors", "offices", "subordinates", "predecessors", "lineage"]),
                "UnitInput": object(["code": string, "name": string, "kind": ["type": "string", "enum": UnitKindNames.all],
                                     "parentID": nullableInteger, "isStandingAgency": boolean], required: ["code", "name", "kind"]),
                "MergeInput": object(["predecessorIDs": array(integer), "code": string, "name": string, "kind": string,
                                      "parentID": nullableInteger, "mergedOn": ["type": "string", "description": "yyyy-MM-dd hoặc dd/MM/yyyy"]],
                                     required: ["predecessorIDs", "code", "name", "kind", "mergedOn"]),
                "User": object(["id": integer, "username": string, "fullName": string, "unitID": integer,
                                "role": ["type": "string", "enum": RoleNames.all], "roleLabel": string, "isActive": boolean],
                               required: ["id", "username", "fullName", "unitID", "role", "isActive"]),
                "UserCreate": object(["username": string, "fullName": string, "unitID": integer, "role": ["type": "string", "enum": RoleNames.all],
                                      "password": ["type": "string", "minLength": 8]], required: ["username", "fullName", "unitID", "role", "password"]),
                "UserUpdate": object(["fullName": string, "unitID": integer, "role": ["type": "string", "enum": RoleNames.all],
                                      "isActive": boolean, "password": nullableString], required: ["fullName", "unitID", "role", "isActive"]),
                "Me": object(["user": ref("User"), "unit": ref("Unit"), "scopeRootID": nullableInteger, "canManage": boolean]),
                "FormSummary": object(["id": integer, "code": string, "title": string, "year": integer]),
                "Form": object(["code": string, "title": string, "year": integer, "source": nullableString,
                                "indicators": array(object(["code": string, "parent": nullableString, "name": string, "unit": nullableString,
                                                            "kind": ["type": "string", "enum": ["group", "count", "number", "percent", "choice", "text"]],
                                                            "choices": array(object(["value": integer, "label": string])), "partOf": boolean,
                                                            "measure": ["type": "string", "enum": ["period", "cumulative", "snapshot"]], "office": string,
                                                            "fraction": boolean, "numeratorLabel": string, "denominatorLabel": string, "note": string],
                                                           required: ["code", "name", "kind"])),
                                "rules": array(object(["expr": string, "message": string], required: ["expr", "message"]))],
                               required: ["code", "title", "year", "indicators"]),
                "Regime": object(["issuer": string, "year": integer, "deadlineDay": nullableInteger,
                                  "periods": array(object(["kind": ["type": "string", "description": "Q1, H1, Q3, Y, M01…M12"],
                                                           "from": ["type": "string", "format": "date"], "to": ["type": "string", "format": "date"],
                                                           "deadline": ["type": "string", "format": "date"],
                                                           "estimateFrom": ["type": "string", "format": "date"], "estimateTo": ["type": "string", "format": "date"]],
                                                          required: ["kind", "from", "to", "deadline"]))],
                                 required: ["issuer", "year", "periods"]),
                "RegimeDetail": object(["regime": ref("Regime"), "formID": nullableInteger, "document": nullableString, "warnings": array(string)]),
                "ReportListRow": object(["periodID": integer, "kind": string, "title": string, "window": string, "deadline": string, "state": string,
                                         "stateLabel": string, "status": string, "timelinessLabel": string, "reportID": nullableInteger, "version": nullableInteger]),
                "RuleWarning": object(["codes": array(string), "message": string]),
                "ReportValue": object(["code": string, "number": ["type": "number", "nullable": true], "numerator": ["type": "number", "nullable": true],
                                       "denominator": ["type": "number", "nullable": true], "text": nullableString, "display": string]),
                "Report": object(["unitID": integer, "periodID": integer, "period": string, "year": integer, "window": string, "deadline": string,
                                  "formCode": string, "reportID": nullableInteger, "version": nullableInteger,
                                  "state": ["type": "string", "enum": ["none", "draft", "awaitingLeader", "submitted", "returned", "accepted"]],
                                  "timeliness": ["type": "string", "enum": ["not_due", "due_soon", "overdue", "on_time", "late", "returned"]],
                                  "timelinessLabel": string, "docNumber": nullableString, "docDate": nullableString, "returnComment": nullableString,
                                  "values": array(ref("ReportValue")), "previousValues": array(ref("ReportValue")),
                                  "narrative": ["type": "object", "additionalProperties": string],
                                  "documents": array(object(["numberSymbol": string, "issuedOn": string, "summary": string, "issuer": string])),
                                  "warnings": array(ref("RuleWarning")), "availableActions": array(string), "editableCodes": array(string)]),
                "ReportSave": object(["values": ["type": "object", "description": "mã chỉ tiêu → \"12\" | 12 | {\"numerator\": \"45\", \"denominator\": \"50\"}",
                                                 "additionalProperties": [String: Any]()],
                                      "narrative": ["type": "object", "additionalProperties": string],
                                      "documents": array(object(["numberSymbol": string, "issuedOn": string, "summary": string, "issuer": string])),
                                      "topicReport": string, "officeDone": boolean]),
                "Timeliness": object(["jurisdictionID": integer, "jurisdictionName": string, "year": integer, "regimeIssuer": string,
                                      "periods": array(object(["id": integer, "kind": string, "label": string, "deadline": string, "window": string])),
                                      "rows": array(object(["unitID": integer, "unitName": string, "unitKind": string, "lateOrMissing": integer,
                                                            "cells": array(object(["periodID": integer, "status": string, "label": string, "state": nullableString,
                                                                                   "reportID": nullableInteger, "submittedAt": ["type": "string", "format": "date-time", "nullable": true],
                                                                                   "daysLate": nullableInteger]))])),
                                      "totals": array(object(["periodID": integer, "counts": ["type": "object", "additionalProperties": integer]]))]),
                "Consolidated": object([
                    "jurisdiction": object(["id": integer, "name": string, "kind": string]), "year": integer, "period": string, "periodTitle": string,
                    "formCode": string, "formTitle": string,
                    "included": array(object(["id": integer, "name": string, "kind": string])),
                    "missing": array(object(["id": integer, "name": string, "kind": string])),
                    "figures": array(object(["code": string, "value": ["type": "number", "nullable": true],
                                             "numerator": ["type": "number", "nullable": true], "denominator": ["type": "number", "nullable": true],
                                             "simpleAverage": ["type": "number", "nullable": true],
                                             "distribution": ["type": "object", "additionalProperties": integer, "nullable": true],
                                             "reports": integer, "display": string, "note": nullableString]))]),
                "AuditEvent": object(["id": integer, "at": ["type": "string", "format": "date-time"], "username": string, "action": string,
                                      "entity": string, "entityID": nullableInteger, "unitID": nullableInteger, "summary": string, "detail": nullableString,
                                      "changes": ["type": "object", "additionalProperties": string]]),
            ],
        ],
    ]
}

import CCHCDomain
enum UnitKindNames { static let all = UnitKind.allCases.map(\.rawValue) }
enum RoleNames { static let all = Role.allCases.map(\.rawValue) }
