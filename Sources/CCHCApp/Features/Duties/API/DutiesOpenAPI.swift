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
                "/api/v1/units/{unitID}/dashboard": [
                    "parameters": [idParam("unitID", "UBND (huyện, tỉnh …)")],
                    "get": ["summary": "Theo dõi thực hiện nhiệm vụ: đơn vị trực thuộc × loại việc (đúng hạn, muộn, quá hạn, bị trả lại), xếp hạng thi đua",
                            "parameters": [query("year", "Năm (mặc định: năm nay)", yearSchema)],
                            "responses": ok(ref("DutyDashboard"), errors: ["400", "401", "403", "404"])],
                ],
                "/api/v1/units/{unitID}/overview": [
                    "parameters": [idParam("unitID", "UBND (huyện, tỉnh …)")],
                    "get": ["summary": "Tổng quan cho lãnh đạo: báo cáo kỳ gần nhất, kế hoạch, chỉ số CCHC, vấn đề kiểm tra, nhiệm vụ quá hạn",
                            "parameters": [query("year", "Năm (mặc định: năm nay)", yearSchema),
                                           query("code", "Mã chỉ tiêu của biểu để xem diễn biến qua các kỳ (mặc định: chỉ tiêu số đầu tiên)", string)],
                            "responses": ok(ref("LeaderOverview"), errors: ["400", "401", "403", "404"])],
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
            let tally = object(["onTime": integer, "late": integer, "overdue": integer, "returned": integer, "notDue": integer, "waived": integer],
                               required: ["onTime", "late", "overdue", "returned", "notDue", "waived"])
            let figure = object(["label": string, "value": string, "detail": nullableString, "url": string], required: ["label", "value", "url"])
            return [
                "DutyDashboard": object(["jurisdictionID": integer, "jurisdictionName": string, "year": integer, "kinds": array(kind),
                                         "rows": array(object(["unitID": integer, "unitName": string, "kinds": map(tally), "total": tally, "url": string],
                                                              required: ["unitID", "unitName", "kinds", "total", "url"])),
                                         "byKind": map(tally), "total": tally,
                                         "ranking": array(object(["unitID": integer, "unitName": string, "tally": tally, "rank": integer, "tied": boolean],
                                                                 required: ["unitID", "unitName", "tally", "rank", "tied"])), "rule": string,
                                         "regimeYears": array(integer), "issuesRegimes": boolean],
                                        required: ["jurisdictionID", "jurisdictionName", "year", "kinds", "rows", "byKind", "total", "ranking", "rule"]),
                "LeaderOverview": object(["jurisdictionID": integer, "jurisdictionName": string, "year": integer, "period": nullableString,
                                          "figures": array(figure),
                                          "periods": array(object(["label": string, "onTime": integer, "late": integer, "missing": integer,
                                                                   "returned": integer], required: ["label", "onTime", "late", "missing", "returned"])),
                                          "par": nullable(object(["title": string, "published": boolean, "totals": array(number),
                                                                  "movers": array(object(["unitName": string, "rank": string, "total": number,
                                                                                          "delta": nullableNumber], required: ["unitName", "rank", "total"])),
                                                                  "areas": array(object(["code": string, "name": string, "max": number,
                                                                                         "average": nullableNumber], required: ["code", "name", "max"])),
                                                                  "url": string], required: ["title", "published", "totals", "movers", "areas", "url"])),
                                          "trend": nullable(object(["code": string, "name": string, "periods": array(string),
                                                                    "series": array(object(["year": integer, "values": array(nullableNumber)],
                                                                                           required: ["year", "values"])),
                                                                    "options": array(object(["code": string, "name": string], required: ["code", "name"]))],
                                                                   required: ["code", "name", "periods", "series", "options"])),
                                          "regimeYears": array(integer), "issuesRegimes": boolean],
                                         required: ["jurisdictionID", "jurisdictionName", "year", "figures", "periods"]),
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
