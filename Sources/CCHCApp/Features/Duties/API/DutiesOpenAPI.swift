import CCHCDomain

/// The duties' part of the OpenAPI document (DutiesAPI): the work list, a unit's duties, the calendar feeds.
extension OpenAPIDocument {
    enum Duties: OpenAPIPart {
        static var paths: [String: Any] {
            [
                "/api/v1/my-work": [
                    "get": ["summary": "Việc của tôi: việc đơn vị phải làm (quá hạn, gần hạn trước), bị trả lại, chờ ký, chờ xem xét, thay đổi",
                            "responses": ok(ref("MyWork"), errors: ["401"])],
                ],
                "/api/v1/units/{unitID}/duties": [
                    "parameters": [idParam("unitID", "Đơn vị")],
                    "get": ["summary": "Mọi việc có hạn của đơn vị trong năm, với tình trạng từng việc",
                            "parameters": [query("year", "Năm (mặc định: năm nay)", yearSchema)],
                            "responses": ok(ref("UnitDuties"), errors: ["400", "401", "404"])],
                ],
                "/api/v1/calendar/feeds": [
                    "get": ["summary": "Các đường dẫn lịch (.ics) tài khoản đã tạo", "responses": ok(array(ref("CalendarFeed")), errors: ["401"])],
                    "post": ["summary": "Tạo đường dẫn lịch (.ics): của tài khoản, hoặc của một đơn vị (unitID); đường dẫn chỉ trả về một lần",
                             "requestBody": ["required": false, "content": ["application/json": ["schema": object(["unitID": nullableInteger])]]],
                             "responses": ok(ref("CalendarFeed"), status: "201", errors: ["400", "401", "404", "422"])],
                ],
                "/api/v1/calendar/feeds/{feedID}/revoke": [
                    "parameters": [idParam("feedID", "Đường dẫn lịch")],
                    "post": ["summary": "Thu hồi đường dẫn lịch: địa chỉ trả 404 từ đó",
                             "responses": ok(ref("CalendarFeed"), errors: ["400", "401", "404"])],
                ],
            ]
        }

        static var schemas: [String: Any] {
            let kind: [String: Any] = ["type": "string", "enum": DutyKind.allCases.map(\.rawValue)]
            let status: [String: Any] = ["type": "string", "enum": DutyStatus.allCases.map(\.rawValue)]
            let duty = object(["id": string, "kind": kind, "unitID": integer, "unitName": string, "title": string, "due": dateTime, "dueDay": day,
                               "dueTime": nullableString, "doneAt": nullable(dateTime), "waived": nullableString, "note": nullableString, "url": string],
                              required: ["id", "kind", "unitID", "unitName", "title", "due", "dueDay", "url"])
            let dutyLine = object(["duty": duty, "status": status, "statusLabel": string, "dueText": string],
                                  required: ["duty", "status", "statusLabel", "dueText"])
            let line = object(["title": string, "unitName": string, "detail": nullableString, "at": nullable(dateTime), "url": string],
                              required: ["title", "unitName", "url"])
            return [
                "MyWork": object(["fullName": string, "roleLabel": string, "unitID": integer, "unitName": string, "owed": array(dutyLine),
                                  "returned": array(dutyLine), "recentlyDone": array(dutyLine), "toSign": array(line), "toReview": array(line),
                                  "changes": array(line), "lastVisit": nullable(dateTime), "reminders": array(line)],
                                 required: ["fullName", "roleLabel", "unitID", "unitName", "owed", "returned", "recentlyDone", "toSign", "toReview",
                                            "changes", "reminders"]),
                "UnitDuties": object(["unitID": integer, "unitName": string, "year": integer, "duties": array(dutyLine), "counts": map(integer)],
                                     required: ["unitID", "unitName", "year", "duties", "counts"]),
                "CalendarFeed": object(["id": integer, "kind": ["type": "string", "enum": ["user", "unit"]], "title": string, "createdAt": dateTime,
                                        "revokedAt": nullable(dateTime), "url": nullableString],
                                       required: ["id", "kind", "title", "createdAt"]),
            ]
        }
    }
}
