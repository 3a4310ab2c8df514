import CCHCDomain

/// The reporting's part of the OpenAPI document: forms, regimes and their office assignments, reports and their
/// workflow, the report's files (ReportingAPI, SectionAssignmentAPI, ExportAPI), the timeliness table.
extension OpenAPIDocument {
    enum Reporting: OpenAPIPart {
        static var paths: [String: Any] {
            [
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
                "/api/v1/units/{unitID}/timeliness": [
                    "parameters": [idParam("unitID", "Đơn vị hành chính (cơ quan thường trực theo dõi)")],
                    "get": ["summary": "Bảng theo dõi nộp báo cáo: đơn vị × kỳ, tổng số theo tình trạng",
                            "parameters": [query("year", "Năm (mặc định: năm nay)", yearSchema), query("sort", "late | p<periodID> | (trống: theo tên)")],
                            "responses": ok(ref("Timeliness"), errors: ["400", "401", "404"])],
                ],
            ]
        }

        static var schemas: [String: Any] {
            let computedSource: [String: Any] = ["type": "string", "enum": ComputedSource.allCases.map(\.rawValue)]
            let indicator = object(["code": string, "parent": nullableString, "name": string, "unit": nullableString,
                                    "kind": ["type": "string", "enum": ["group", "count", "number", "percent", "choice", "text"]],
                                    "choices": nullable(array(object(["value": integer, "label": string], required: ["value", "label"]))),
                                    "partOf": nullable(boolean),
                                    "measure": ["type": "string", "enum": ["period", "cumulative", "snapshot"], "nullable": true],
                                    "office": nullableString,
                                    "fraction": nullable(boolean), "numeratorLabel": nullableString,
                                    "denominatorLabel": nullableString, "note": nullableString,
                                    "min": nullableNumber, "max": nullableNumber,
                                    "consolidate": ["type": "string", "nullable": true,
                                                    "enum": ["sum", "ratio", "common", "own", "areaWide", "choice", "max", "min"]],
                                    "required": nullable(boolean),
                                    "source": nullable(computedSource)],
                                   required: ["code", "name", "kind"])
            let cell = object(["periodID": integer, "status": string, "label": string, "state": nullableString,
                               "reportID": nullableInteger, "submittedAt": nullable(dateTime), "daysLate": nullableInteger],
                              required: ["periodID", "status", "label"])
            return [
                "FormSummary": object(["id": integer, "code": string, "title": string, "year": integer,
                                       "ownerID": described(nullableInteger, "Đơn vị hành chính ban hành (null: biểu mẫu chung của hệ thống)"),
                                       "revision": revision],
                                      required: ["id", "code", "title", "year", "revision"]),
                "Form": object(["code": nonEmpty, "title": nonEmpty, "year": integer.merging(["minimum": 2000, "maximum": 2100]) { _, new in new },
                                "source": nullableString,
                                "indicators": ["type": "array", "minItems": 1, "items": indicator],
                                "rules": array(object(["expr": string, "message": string], required: ["expr", "message"]))],
                               required: ["code", "title", "year", "indicators", "rules"]),
                "Regime": regime(year: integer.merging(["minimum": 2000, "maximum": 2100]) { _, new in new }),
                "RegimeInput": regime(year: described(integer, "Không dùng: lấy năm và đơn vị ban hành theo đường dẫn")),
                "RegimeDetail": object(["regime": ref("Regime"), "formID": nullableInteger, "document": nullableString,
                                       "warnings": array(string), "notes": array(string),
                                        "revision": revision],
                                       required: ["regime", "warnings", "notes", "revision"]),
                "ReportListRow": object(["periodID": integer, "kind": string, "title": string, "window": string, "deadline": described(string, "dd/MM/yyyy"),
                                         "state": ["type": "string", "enum": ["none", "draft", "awaitingLeader", "submitted", "returned", "accepted"]],
                                         "stateLabel": string,
                                         "status": ["type": "string", "enum": ["not_due", "due_soon", "overdue", "on_time", "late", "returned"]],
                                         "timelinessLabel": string, "reportID": nullableInteger, "version": nullableInteger],
                                        required: ["periodID", "kind", "title", "window", "deadline", "state", "stateLabel", "status", "timelinessLabel"]),
                "RuleWarning": object(["codes": array(string), "message": string], required: ["codes", "message"]),
                "ReportValue": object(["code": string, "number": nullableNumber, "numerator": nullableNumber,
                                       "denominator": nullableNumber, "text": nullableString, "display": string], required: ["code", "display"]),
                "Document": object(["numberSymbol": string, "issuedOn": described(string, "dd/MM/yyyy hoặc yyyy-MM-dd"), "summary": string, "issuer": string],
                                   required: ["numberSymbol", "issuedOn", "summary", "issuer"]),
                "Report": object(["unitID": integer, "periodID": integer, "period": string, "year": integer, "window": string, "deadline": day,
                                  "formCode": string, "reportID": nullableInteger, "version": nullableInteger, "revision": revision,
                                  "officeRevision": described(nullableInteger,
                                                              "Cán bộ cơ quan chuyên môn: lần sửa phần của cơ quan mình (gửi lại khi lưu)"),
                                  "state": ["type": "string", "enum": ["none", "draft", "awaitingLeader", "submitted", "returned", "accepted"]],
                                  "timeliness": ["type": "string",
                                                 "enum": ["not_due", "due_soon", "overdue", "on_time", "late", "returned", "on_request"]],
                                  "timelinessLabel": string, "docNumber": nullableString, "docDate": nullableString, "returnComment": nullableString,
                                  "values": array(ref("ReportValue")), "previousValues": array(ref("ReportValue")),
                                  "narrative": map(string), "documents": array(ref("Document")),
                                  "warnings": array(ref("RuleWarning")),
                                  "availableActions": array(["type": "string",
                                                             "enum": ["save", "sendToLeader", "backToDrafter", "submit", "accept", "return", "newVersion"]]),
                                  "editableCodes": array(string),
                                  "computed": described(array(object(["code": string, "source": computedSource, "value": number,
                                                                      "explanation": string, "link": nullableString],
                                                                     required: ["code", "source", "value", "explanation"])),
                                                        "Dòng hệ thống tính từ kế hoạch, sổ văn bản, nhiệm vụ cấp trên giao (nguồn ghi trong biểu mẫu)"),
                                  "sources": described(map(object(["source": ["type": "string", "enum": ["computed", "override", "entered"]],
                                                                   "note": nullableString], required: ["source"])),
                                                       "Số liệu không gõ tay: computed (giữ số hệ thống tính), override (sửa, kèm lý do)")],
                                 required: ["unitID", "periodID", "period", "year", "window", "deadline", "formCode", "revision", "state", "timeliness",
                                            "timelinessLabel", "values", "previousValues", "narrative", "documents", "warnings", "availableActions",
                                            "editableCodes", "computed", "sources"]),
                "ReportSave": object(["values": ["type": "object",
                                                 "description": """
                                                 mã chỉ tiêu → \"12\" | 12 | {\"numerator\": \"45\", \"denominator\": \"50\"}; \"\": xóa số liệu
                                                 """,
                                                 "additionalProperties": ["anyOf": [string, number,
                                                                                    object(["numerator": scalar, "denominator": scalar, "value": scalar])
                                                                                        .merging(["minProperties": 1]) { _, new in new }]]],
                                      "narrative": map(string),
                                      "documents": array(ref("Document")),
                                      "topicReport": string, "officeDone": boolean,
                                      "revision": described(revision,
                                                            "Lần sửa của báo cáo đã đọc (bắt buộc, trừ cán bộ cơ quan chuyên môn)"),
                                      "officeRevision": described(integer, "Cán bộ cơ quan chuyên môn: officeRevision đã đọc (bắt buộc)"),
                                      "reasons": nullable(described(map(string), "Mã chỉ tiêu → lý do sửa số hệ thống tính (dòng có computed)"))]),
                "OfficeAssignments": object(["assignments": map(integer), "suggested": map(integer), "unmatched": array(string),
                                             "offices": array(object(["id": integer, "name": string], required: ["id", "name"]))],
                                            required: ["assignments", "suggested", "unmatched", "offices"]),
                "Timeliness": object(["jurisdictionID": integer, "jurisdictionName": string, "year": integer, "regimeIssuer": string,
                                      "periods": array(object(["id": integer, "kind": string, "label": string, "deadline": string, "window": string],
                                                              required: ["id", "kind", "label", "deadline", "window"])),
                                      "rows": array(object(["unitID": integer, "unitName": string, "unitKind": string, "lateOrMissing": integer,
                                                            "cells": array(cell)],
                                                           required: ["unitID", "unitName", "unitKind", "lateOrMissing", "cells"])),
                                      "totals": array(object(["periodID": integer, "counts": map(integer)], required: ["periodID", "counts"])),
                                      "ranking": array(object(["unitID": integer, "unitName": string, "onTime": integer, "late": integer,
                                                               "daysLate": integer, "missing": integer, "returned": integer, "rank": integer],
                                                              required: ["unitID", "unitName", "onTime", "late", "daysLate", "missing", "returned", "rank"])),
                                      "emulationRule": string],
                                     required: ["jurisdictionID", "jurisdictionName", "year", "regimeIssuer", "periods", "rows", "totals",
                                                "ranking", "emulationRule"]),
            ]
        }

        /// A regime as sent and as read back: `year` differs (checked when sent alone, taken from the path when saved).
        static func regime(year: [String: Any]) -> [String: Any] {
            // `from` and `to` are left out when the regime gives a deadline only (the window is then assumed, and said).
            let period = object(["kind": periodKind, "from": day, "to": day, "deadline": day,
                                 "estimateFrom": nullable(day), "estimateTo": nullable(day),
                                 "deadlineStrict": nullable(described(boolean, "true: hạn viết “trước ngày X” (ngày cuối là X − 1); "
                                                                        + "không có: “chậm nhất là ngày X”")),
                                 "onRequest": nullable(described(boolean, "true: chỉ nộp khi được yêu cầu (báo cáo bổ sung)"))],
                                required: ["kind", "deadline"])
            return object(["issuer": string, "year": year,
                           "deadlineDay": nullable(integer.merging(["minimum": 1, "maximum": 31,
                                                                    "description": "Ngày hạn nộp trong tháng (1–31)"]) { _, new in new }),
                           "periods": array(period),
                           "officePeriods": nullable(described(array(period),
                                                               "Kỳ riêng của các cơ quan chuyên môn của đơn vị ban hành, nếu khác"))],
                          required: ["issuer", "year", "periods"])
        }
    }
}
