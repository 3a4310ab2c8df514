import CCHCDomain

/// The organisation's part of the OpenAPI document: units, their detail, merges (UnitAPI).
extension OpenAPIDocument {
    enum Organisation: OpenAPIPart {
        static var paths: [String: Any] {
            [
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
            ]
        }

        static var schemas: [String: Any] {
            let kind: [String: Any] = ["type": "string", "enum": UnitKind.allCases.map(\.rawValue)]
            return [
                "Unit": object(["id": integer, "code": string, "name": string, "kind": kind,
                                "kindLabel": string, "parentID": nullableInteger, "path": string, "depth": integer,
                                "isStandingAgency": boolean, "retiredOn": nullable(day), "successorID": nullableInteger, "revision": revision],
                               required: ["id", "code", "name", "kind", "kindLabel", "path", "depth", "isStandingAgency", "revision"]),
                "UnitDetail": object(["unit": ref("Unit"), "ancestors": array(ref("Unit")), "offices": array(ref("Unit")),
                                      "subordinates": array(ref("Unit")),
                                      "predecessors": array(object(["unit": ref("Unit"), "mergedOn": day], required: ["unit", "mergedOn"])),
                                      "lineage": array(ref("Unit")), "successor": ["allOf": [ref("Unit")], "nullable": true]],
                                     required: ["unit", "ancestors", "offices", "subordinates", "predecessors", "lineage"]),
                "UnitInput": object(["code": string, "name": string, "kind": kind,
                                     "parentID": nullableInteger, "isStandingAgency": nullable(boolean), "revision": nullable(revision)],
                                    required: ["code", "name", "kind"]),
                "MergeInput": object(["predecessorIDs": array(integer), "code": string, "name": string, "kind": kind,
                                      "parentID": nullableInteger, "mergedOn": ["type": "string", "description": "yyyy-MM-dd hoặc dd/MM/yyyy"]],
                                     required: ["predecessorIDs", "code", "name", "kind", "mergedOn"]),
            ]
        }
    }
}
