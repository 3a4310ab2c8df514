/// The inspections' part of the OpenAPI document (InspectionAPI).
extension OpenAPIDocument {
    enum Inspection: OpenAPIPart {
        static var unit: [[String: Any]] { [idParam("unitID", "Đơn vị")] }
        static var visit: [[String: Any]] { unit + [idParam("visitID", "Cuộc kiểm tra")] }

        static var paths: [String: Any] {
            [
                "/api/v1/units/{unitID}/inspections": [
                    "parameters": unit,
                    "get": ["summary": "Kiểm tra CCHC của năm: kế hoạch, báo cáo tự kiểm tra, lịch kiểm tra, vấn đề phát hiện",
                            "parameters": [query("year", "Năm (mặc định: năm nay)", yearSchema)],
                            "responses": ok(ref("Inspections"), errors: ["400", "401", "404"])],
                ],
                "/api/v1/units/{unitID}/inspections/plan": [
                    "parameters": unit,
                    "put": ["summary": "Lập hoặc sửa kế hoạch kiểm tra của năm (JSON của kế hoạch)",
                            "requestBody": jsonBody(object(["plan": ref("InspectionPlan"), "revision": revision], required: ["plan"])),
                            "responses": ok(ref("Inspections"), errors: writes)],
                ],
                "/api/v1/units/{unitID}/inspections/self": [
                    "parameters": unit,
                    "post": ["summary": "Lưu hoặc (send: true, lãnh đạo) gửi báo cáo tự kiểm tra của một đợt",
                             "requestBody": jsonBody(object(["year": integer, "round": integer, "answers": map(string), "narrative": nullableString,
                                                             "send": nullable(boolean)], required: ["year", "round", "answers"])),
                             "responses": ok(ref("Inspections"), errors: writes)],
                ],
                "/api/v1/units/{unitID}/inspections/visits": [
                    "parameters": unit,
                    "post": ["summary": "Lập lịch kiểm tra (theo đợt, hoặc đột xuất từ phản ánh, kiến nghị)",
                             "requestBody": jsonBody(object(["year": integer, "visit": ref("VisitInput")], required: ["year", "visit"])),
                             "responses": ok(ref("InspectionVisit"), status: "201", errors: writes)],
                ],
                "/api/v1/units/{unitID}/inspections/visits/{visitID}": [
                    "parameters": visit,
                    "get": ["summary": "Cuộc kiểm tra: lịch, báo cáo trước kiểm tra, kết luận, vấn đề",
                            "responses": ok(ref("InspectionVisit"), errors: ["400", "401", "404"])],
                ],
                "/api/v1/units/{unitID}/inspections/visits/{visitID}/{action}": [
                    "parameters": visit + [["name": "action", "in": "path", "required": true, "description": "Thao tác",
                                            "schema": ["type": "string", "enum": ["move", "prereport", "conclude"]]]],
                    "post": ["summary": "Dời lịch, gửi báo cáo trước kiểm tra, ghi kết luận với các vấn đề phát hiện",
                             "requestBody": jsonBody(ref("VisitActionInput")), "responses": ok(ref("InspectionVisit"), errors: writes)],
                ],
                "/api/v1/units/{unitID}/inspections/visits/{visitID}/findings/{findingID}/{action}": [
                    "parameters": visit + [idParam("findingID", "Vấn đề phát hiện"),
                                           ["name": "action", "in": "path", "required": true, "description": "Thao tác",
                                            "schema": ["type": "string", "enum": ["remediate", "verify", "reopen"]]]],
                    "post": ["summary": "Đơn vị báo cáo khắc phục; Đoàn kiểm tra xác minh hoặc mở lại",
                             "requestBody": jsonBody(ref("VisitActionInput")), "responses": ok(ref("InspectionVisit"), errors: writes)],
                ],
            ]
        }

        static var schemas: [String: Any] {
            let area: [String: Any] = ["type": "string", "enum": ["institutions", "procedures", "organisation", "civilService", "publicFinance",
                                                                  "eGovernment", "direction"]]
            let due = object(["day": day, "strict": nullable(boolean)], required: ["day"])
            let round = object(["number": integer, "label": string, "from": day, "to": day, "selfDue": nullable(due), "selfDueNote": nullableString,
                                "scope": object(["units": nullable(array(string)), "share": nullableNumber, "minimumPerGroup": map(integer, nullable: true),
                                                 "text": nullableString])],
                               required: ["number", "label", "from", "to", "scope"])
            let issuance = object(["number": nullableString, "date": nullable(day), "signer": nullableString])
            let team = object(["leader": string, "members": array(string)], required: ["leader", "members"])
            let move = object(["from": day, "to": day, "reason": nullableString, "by": string, "at": dateTime], required: ["from", "to", "by", "at"])
            let state = object(["status": string, "overdueDays": integer, "lateDays": integer], required: ["status", "overdueDays", "lateDays"])
            let selfRow = object(["round": integer, "roundLabel": string, "unitID": integer, "unitName": string, "lastDay": nullable(day),
                                  "sentAt": nullable(dateTime), "status": string, "late": boolean, "answers": map(string), "narrative": nullableString],
                                 required: ["round", "roundLabel", "unitID", "unitName", "status", "late", "answers"])
            let visitRow = object(["id": integer, "unitID": integer, "unitName": string, "round": nullableInteger, "date": day, "unannounced": boolean,
                                   "origin": nullableString, "complaintSummary": nullableString,
                                   "complaintRef": nullableString, "complaintOn": nullable(day), "team": team, "moves": array(move),
                                   "preReportDue": nullable(day), "preReportAt": nullable(dateTime), "preReportStatus": string,
                                   "concludedOn": nullable(day), "conclusionNumber": nullableString, "findings": integer, "open": integer, "url": string],
                                  required: ["id", "unitID", "unitName", "date", "unannounced", "team", "moves", "preReportStatus", "findings", "open", "url"])
            let finding = object(["id": integer, "visitID": integer, "unitID": integer, "unitName": string, "area": string, "areaTitle": string,
                                  "description": string, "severity": string, "responsible": string, "person": nullableString, "foundOn": day,
                                  "due": day, "status": ["type": "string", "enum": ["open", "fixed", "verified"]], "state": state,
                                  "fixedOn": nullable(day), "remediation": nullableString, "verifiedOn": nullable(day), "revision": revision],
                                 required: ["id", "visitID", "unitID", "unitName", "area", "areaTitle", "description", "severity", "responsible",
                                            "foundOn", "due", "status", "state", "revision"])
            let findingInput = object(["area": area, "description": string, "severity": nullable(["type": "string", "enum": ["major", "minor"]]),
                                       "responsible": string, "person": nullableString], required: ["area", "description", "responsible"])
            return [
                "InspectionPlan": object(["unit": string, "year": integer, "purpose": array(string), "requirements": array(string),
                                          "rounds": array(round), "checklist": array(object(["area": area, "item": string], required: ["area", "item"])),
                                          "budget": nullableString, "preVisitDays": integer, "remediationDays": integer, "document": nullable(issuance)],
                                         required: ["unit", "year"]),
                "Inspections": object(["unitID": integer, "unitName": string, "year": integer, "planID": nullableInteger, "planRevision": nullableInteger,
                                       "signOff": nullable(object(["state": string, "stateLabel": string, "number": nullableString, "date": nullable(day),
                                                                   "tasks": integer, "url": string],
                                                                  required: ["state", "stateLabel", "tasks", "url"])),
                                       "planOwner": nullableString, "plan": nullable(ref("InspectionPlan")), "team": boolean, "ownsPlan": boolean,
                                       "scope": array(object(["id": integer, "name": string], required: ["id", "name"])),
                                       "selfReports": array(selfRow), "visits": array(visitRow), "findings": array(finding)],
                                      required: ["unitID", "unitName", "year", "team", "ownsPlan", "scope", "selfReports", "visits", "findings"]),
                "InspectionVisit": object(["visit": visitRow, "preReport": nullableString, "conclusion": nullableString, "revision": revision,
                                           "findings": array(finding)], required: ["visit", "revision", "findings"]),
                "VisitInput": object(["unitID": integer, "round": nullableInteger, "date": day, "leader": string, "members": array(string),
                                      "unannounced": nullable(boolean), "origin": nullable(["type": "string", "enum": ["complaint", "request"]]),
                                      "complaintRef": nullableString, "complaintOn": nullable(day), "complaintSummary": nullableString],
                                     required: ["unitID", "date", "leader", "members"]),
                "VisitActionInput": object(["revision": revision, "date": nullable(day), "reason": nullableString, "preReport": nullableString,
                                            "concludedOn": nullable(day), "number": nullableString, "conclusion": nullableString,
                                            "findings": nullable(array(findingInput)), "remediation": nullableString, "fixedOn": nullable(day)]),
            ]
        }
    }
}
