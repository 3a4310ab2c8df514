/// The plans' part of the OpenAPI document (PlanningAPI): plans, their tasks and progress, the tasks assigned down the tree.
extension OpenAPIDocument {
    enum Planning: OpenAPIPart {
        nonisolated(unsafe) static let kind: [String: Any] = ["name": "kind", "in": "path", "required": true,
                                                             "description": "cchc (kế hoạch CCHC), communications (tuyên truyền), inspection (kiểm tra), "
                                                                 + "parImprovement (nâng cao chỉ số CCHC)",
                                                             "schema": ["type": "string", "enum": ["cchc", "communications", "inspection", "parImprovement"]]]
        static var plan: [[String: Any]] { [idParam("unitID", "Đơn vị ban hành kế hoạch"), yearParam("Năm (2000–2100)"), kind] }

        static var paths: [String: Any] {
            [
                "/api/v1/units/{unitID}/plans": [
                    "parameters": [idParam("unitID", "Đơn vị")],
                    "get": ["summary": "Kế hoạch của đơn vị trong năm và (đơn vị hành chính) kế hoạch của các đơn vị trực thuộc: thời hạn ban hành, "
                                + "nhiệm vụ, kiểm tra",
                            "parameters": [query("year", "Năm (mặc định: năm nay)", yearSchema),
                                           query("kind", "Loại kế hoạch của các đơn vị trực thuộc (mặc định cchc)",
                                                 ["type": "string", "enum": ["cchc", "communications", "inspection", "parImprovement"]])],
                            "responses": ok(ref("PlanList"), errors: ["400", "401", "404"])],
                ],
                "/api/v1/units/{unitID}/plans/{year}/{kind}": [
                    "parameters": plan,
                    "get": ["summary": "Kế hoạch: văn bản, trạng thái, nhiệm vụ (thời gian đọc thành hạn), tiến độ, đơn vị được giao, kiểm tra",
                            "responses": ok(ref("Plan"), errors: ["400", "401", "404"])],
                    "put": ["summary": "Lưu kế hoạch (JSON của kế hoạch: thay bảng nhiệm vụ; nhiệm vụ không đổi giữ tiến độ)",
                            "requestBody": jsonBody(object(["plan": ref("PlanDocument"), "revision": revision,
                                                            "deadlineForBelow": nullable(ref("DueDate"))], required: ["plan"])),
                            "responses": ok(ref("Plan"), errors: writes)],
                ],
                "/api/v1/units/{unitID}/plans/{year}/{kind}/actions/{action}": [
                    "parameters": plan + [["name": "action", "in": "path", "required": true, "description": "Bước ký duyệt",
                                           "schema": ["type": "string", "enum": ["sendToLeader", "backToDrafter", "submit", "accept", "return"]]]],
                    "post": ["summary": "Trình ký, ký ban hành và gửi, tiếp nhận, trả lại kế hoạch",
                             "requestBody": ["required": false, "content": ["application/json": ["schema": object([
                                 "comment": nullableString, "docNumber": nullableString, "docDate": nullable(day), "signer": nullableString,
                                 "revision": revision])]]],
                             "responses": ok(ref("Plan"), errors: writes)],
                ],
                "/api/v1/units/{unitID}/plans/{year}/{kind}/tasks/{taskID}": [
                    "parameters": plan + [idParam("taskID", "Nhiệm vụ")],
                    "put": ["summary": "Ghi tiến độ một nhiệm vụ của kế hoạch", "requestBody": jsonBody(ref("ProgressInput")),
                            "responses": ok(ref("Plan"), errors: writes)],
                ],
                "/api/v1/units/{unitID}/plans/{year}/{kind}/assigned/{assignmentID}": [
                    "parameters": plan + [idParam("assignmentID", "Nhiệm vụ cấp trên giao cho đơn vị")],
                    "put": ["summary": "Ghi tiến độ một nhiệm vụ cấp trên giao", "requestBody": jsonBody(ref("ProgressInput")),
                            "responses": ok(ref("Plan"), errors: writes)],
                ],
            ]
        }

        static var schemas: [String: Any] {
            let status: [String: Any] = ["type": "string", "enum": ["notStarted", "inProgress", "done", "doneLate", "cancelled"]]
            let evidence = array(object(["documentID": integer, "number": string, "date": day, "summary": string, "link": string],
                                        required: ["documentID", "number", "date", "summary", "link"]))
            let state = object(["status": status, "overdueDays": nullableInteger, "lateDays": nullableInteger, "daysLeft": nullableInteger,
                                "nextDue": nullable(ref("DueDate")), "onTime": nullable(boolean), "label": string],
                               required: ["status", "label"])
            let area: [String: Any] = ["type": "string", "nullable": true,
                                       "enum": ["institutions", "procedures", "organisation", "civilService", "publicFinance", "eGovernment", "direction"]]
            let warning = object(["kind": string, "message": string, "row": nullableInteger, "area": area, "assignedID": nullableString],
                                 required: ["kind", "message"])
            let issuance = object(["number": nullableString, "date": nullable(day), "signer": nullableString])
            let row = object(["unitID": integer, "unitName": string, "state": nullableString, "stateLabel": string,
                              "document": nullable(issuance), "timeliness": nullableString, "late": boolean, "tasks": integer, "done": integer,
                              "overdue": integer, "warnings": array(warning)],
                             required: ["unitID", "unitName", "stateLabel", "late", "tasks", "done", "overdue", "warnings"])
            let timeFrame = object(["text": string, "kind": string, "dues": array(ref("DueDate")), "start": nullable(day),
                                    "conditional": boolean, "unread": nullableString, "notes": array(string)],
                                   required: ["text", "kind", "dues", "conditional", "notes"])
            let assignee = object(["assignmentID": integer, "unitID": integer, "unitName": string, "isOffice": boolean, "role": string, "status": status,
                                   "completedOn": nullable(day), "note": nullableString, "state": state, "evidence": evidence],
                                  required: ["assignmentID", "unitID", "unitName", "isOffice", "role", "status", "state", "evidence"])
            let task = object(["id": integer, "position": integer, "revision": revision, "entry": ref("PlanTask"), "area": area,
                               "timeFrame": timeFrame, "status": status, "completedOn": nullable(day), "note": nullableString, "state": state,
                               "evidence": evidence,
                               "assignedFrom": nullableInteger, "unmatched": array(string), "assignees": array(assignee)],
                              required: ["id", "position", "revision", "entry", "timeFrame", "status", "state", "evidence", "unmatched",
                                         "assignees"])
            let assigned = object(["assignmentID": integer, "taskID": integer, "plan": string, "issuer": string, "role": string, "title": string,
                                   "area": area, "timeFrame": string, "dues": array(ref("DueDate")), "status": status,
                                   "completedOn": nullable(day), "note": nullableString, "state": state, "evidence": evidence,
                                   "revision": revision, "carriedBy": nullableInteger],
                                  required: ["assignmentID", "taskID", "plan", "issuer", "role", "title", "timeFrame", "dues", "status",
                                             "state", "evidence", "revision"])
            return [
                "DueDate": object(["day": day, "strict": nullable(described(boolean, "true: “trước ngày X”"))], required: ["day"]),
                "PlanTask": object(["area": string, "task": string, "detail": string, "product": string, "lead": array(string),
                                    "coordinators": array(string), "timeFrame": string, "due": nullable(array(ref("DueDate"))),
                                    "result": nullableString, "resources": nullableString],
                                   required: ["area", "task", "detail", "product", "lead", "coordinators", "timeFrame"]),
                "PlanDocument": object(["unit": string, "year": integer.merging(["minimum": 2000, "maximum": 2100]) { _, new in new },
                                        "kind": ["type": "string", "enum": ["cchc", "communications", "inspection", "parImprovement"]],
                                        "document": nullable(issuance), "tasks": array(ref("PlanTask"))],
                                       required: ["unit", "year", "kind", "tasks"]),
                "ProgressInput": object(["status": status, "completedOn": nullable(day), "note": nullableString,
                                         "evidence": nullable(described(string, "Minh chứng: số văn bản trong sổ của đơn vị, cách nhau bởi “;”")),
                                         "revision": revision],
                                        required: ["status"]),
                "Plan": object(["id": nullableInteger, "unitID": integer, "unitName": string, "year": integer,
                                "kind": string, "title": string, "state": nullableString, "stateLabel": string, "revision": revision,
                                "document": nullable(issuance), "returnComment": nullableString, "submittedAt": nullable(dateTime),
                                "deadline": nullable(ref("DueDate")), "deadlineSetBy": nullableString, "deadlineForBelow": nullable(ref("DueDate")),
                                "tasks": array(task), "warnings": array(warning), "assigned": array(assigned)],
                               required: ["unitID", "unitName", "year", "kind", "title", "stateLabel", "revision", "tasks", "warnings", "assigned"]),
                "PlanList": object(["unitID": integer, "unitName": string, "year": integer, "years": array(integer), "kind": string,
                                    "own": array(row), "ownKinds": array(string), "below": array(row), "deadline": nullable(ref("DueDate"))],
                                   required: ["unitID", "unitName", "year", "years", "kind", "own", "ownKinds", "below"]),
            ]
        }
    }
}
