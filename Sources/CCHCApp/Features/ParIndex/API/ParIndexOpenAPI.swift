/// The PAR index's part of the OpenAPI document (ParIndexAPI): frameworks, rounds, assessments.
extension OpenAPIDocument {
    enum ParIndex: OpenAPIPart {
        static var round: [[String: Any]] { [idParam("roundID", "Đợt đánh giá")] }
        static var unit: [[String: Any]] { round + [idParam("unitID", "Đơn vị được đánh giá")] }

        static var paths: [String: Any] {
            [
                "/api/v1/par/frameworks": [
                    "get": ["summary": "Các bộ tiêu chí chỉ số CCHC", "responses": ok(array(ref("ParFrameworkSummary")), errors: ["401"])],
                    "post": ["summary": "Nhập (hoặc thay) bộ tiêu chí theo mã và năm: JSON của bộ tiêu chí (docs/PAR-INDEX.md)",
                             "requestBody": jsonBody(ref("ParFrameworkBody")),
                             "responses": ok(ref("ParFramework"), status: "201", errors: writes)],
                ],
                "/api/v1/par/frameworks/{frameworkID}": [
                    "parameters": [idParam("frameworkID", "Bộ tiêu chí")],
                    "get": ["summary": "Bộ tiêu chí: JSON và kết quả kiểm tra", "responses": ok(ref("ParFramework"), errors: ["400", "401", "404"])],
                    "put": ["summary": "Sửa bộ tiêu chí (JSON là thân yêu cầu)",
                            "parameters": [query("revision", "Lần sửa đã đọc", integer)],
                            "requestBody": jsonBody(ref("ParFrameworkBody")), "responses": ok(ref("ParFramework"), errors: writes)],
                ],
                "/api/v1/par/rounds": [
                    "get": ["summary": "Các đợt đánh giá tài khoản được xem", "responses": ok(array(ref("ParRoundSummary")), errors: ["401"])],
                    "post": ["summary": "Mở đợt đánh giá cho các đơn vị của một đơn vị hành chính",
                             "requestBody": jsonBody(object(["frameworkID": integer, "unitID": nullableInteger, "opensOn": day, "selfDue": day,
                                                             "answerDue": day, "mergeRule": nullable(["type": "string", "enum": ["average", "weighted"]])],
                                                            required: ["frameworkID", "opensOn", "selfDue", "answerDue"])),
                             // unitID: the jurisdiction (default: the account's own)
                             "responses": ok(ref("ParRound"), status: "201", errors: writes)],
                ],
                "/api/v1/par/rounds/{roundID}": [
                    "parameters": round,
                    "get": ["summary": "Đợt đánh giá: các đơn vị, trạng thái, điểm, xếp hạng, xếp loại, so với năm trước",
                            "responses": ok(ref("ParRound"), errors: ["400", "401", "404"])],
                ],
                "/api/v1/par/rounds/{roundID}/state": [
                    "parameters": round,
                    "post": ["summary": "Chuyển đợt: bắt đầu thẩm định, kết thúc thẩm định, công bố kết quả",
                             "requestBody": jsonBody(object(["state": ["type": "string", "enum": ["appraisal", "closed", "published"]],
                                                             "revision": revision], required: ["state"])),
                             "responses": ok(ref("ParRound"), errors: writes)],
                ],
                "/api/v1/par/rounds/{roundID}/units/{unitID}": [
                    "parameters": unit,
                    "get": ["summary": "Bản đánh giá của đơn vị: tự chấm, dữ liệu hệ thống, kiểm chứng, giải trình, thẩm định",
                            "responses": ok(ref("ParAssessment"), errors: ["400", "401", "404"])],
                    "put": ["summary": "Lưu tự chấm: theo mã tiêu chí, nội dung chấm (value), giải trình, tài liệu kiểm chứng",
                            "requestBody": jsonBody(object(["revision": revision, "criteria": map(ref("ParSelfEntry"))], required: ["criteria"])),
                            "responses": ok(ref("ParAssessment"), errors: writes)],
                ],
                "/api/v1/par/rounds/{roundID}/units/{unitID}/actions/{action}": [
                    "parameters": unit + [["name": "action", "in": "path", "required": true, "description": "Thao tác",
                                           "schema": ["type": "string", "enum": ["submit", "withdraw", "appraise", "send", "answer", "plan"]]]],
                    "post": ["summary": "Gửi, rút lại, chấm thẩm định, gửi kết quả thẩm định, giải trình, lập kế hoạch nâng cao chỉ số (trả về kế hoạch)",
                             "requestBody": ["required": false, "content": ["application/json": ["schema": object([
                                 "revision": revision, "appraisal": map(ref("ParAppraisal"), nullable: true),
                                 "answers": map(string, nullable: true)])]]],
                             "responses": ok(ref("ParAssessment"), errors: writes).merging(
                                ["201": ["description": "Kế hoạch nâng cao chỉ số đã lập",
                                         "content": ["application/json": ["schema": ref("Plan")]]]]) { _, new in new }],
                ],
                "/api/v1/par/rounds/{roundID}/units/{unitID}/files": [
                    "parameters": unit,
                    "put": ["summary": "Đính kèm tệp kiểm chứng cho một tiêu chí (thân yêu cầu là tệp)",
                            "parameters": [query("code", "Mã tiêu chí"), query("name", "Tên tệp, có phần mở rộng")],
                            "requestBody": ["required": true, "content": ["application/octet-stream": ["schema": ["type": "string", "format": "binary"]]]],
                            "responses": ok(ref("ParAssessment"), errors: writes)],
                ],
                "/api/v1/par/rounds/{roundID}/units/{unitID}/files/{fileID}": [
                    "parameters": unit + [idParam("fileID", "Tệp kiểm chứng")],
                    "get": ["summary": "Tải tệp kiểm chứng", "responses": file("application/octet-stream", "Tệp", errors: ["400", "401", "404"])],
                ],
            ]
        }

        static var schemas: [String: Any] {
            let band = object(["min": nullableNumber, "minInclusive": nullable(boolean), "max": nullableNumber, "maxInclusive": nullable(boolean),
                               "points": number], required: ["points"])
            let method = object(["type": ["type": "string", "enum": ["manual", "boolean", "levels", "bands", "deduction", "deadline", "indicator",
                                                                    "bonus", "penalty"]],
                                 "step": nullableNumber, "levels": array(object(["label": string, "points": number], required: ["label", "points"])),
                                 "input": nullableString, "bands": array(band), "per": ["type": "string", "enum": ["month", "quarter", "year"]],
                                 "required": integer, "penalty": number, "floor": nullableNumber, "duties": array(string),
                                 "onTime": number, "late": number, "missing": number, "indicator": string, "cap": number],
                                required: ["type"])
            let criterion = object(["code": string, "parent": nullableString, "name": string, "max": number, "evidence": nullableString,
                                    "office": nullableString, "notApplicableFull": nullable(boolean), "method": nullable(method),
                                    "noCap": nullable(boolean)], required: ["code", "name", "max"])
            let klass = object(["label": string, "min": number, "everyCriterionMinShare": nullableNumber], required: ["label", "min"])
            let problem = object(["severity": ["type": "string", "enum": ["error", "warning"]], "criterion": nullableString, "message": string],
                                 required: ["severity", "message"])
            let fieldError = object(["field": string, "message": string], required: ["field", "message"])
            let file = object(["id": integer, "code": string, "stage": string, "fileName": string, "size": integer, "uploadedBy": string,
                               "uploadedAt": dateTime, "url": string], required: ["id", "code", "stage", "fileName", "size", "uploadedBy", "uploadedAt", "url"])
            let row = object(["code": string, "parent": nullableString, "name": string, "depth": integer, "max": number, "isLeaf": boolean,
                              "isAdjustment": boolean, "method": string, "methodLabel": string, "hint": nullableString,
                              "evidenceExpected": nullableString, "office": nullableString, "notApplicableFull": boolean, "value": nullableString,
                              "system": described(nullableString, "Dữ liệu hệ thống dùng để chấm"), "selfPoints": number, "selfReason": string,
                              "explanation": nullableString, "evidence": array(string), "files": array(file), "appraised": nullableString,
                              "points": number, "comment": nullableString, "answer": nullableString, "differs": boolean, "lost": number],
                             required: ["code", "name", "depth", "max", "isLeaf", "isAdjustment", "method", "methodLabel", "notApplicableFull",
                                        "selfPoints", "selfReason", "evidence", "files", "points", "differs", "lost"])
            let area = object(["code": string, "name": string, "max": number, "selfPoints": number, "points": number],
                              required: ["code", "name", "max", "selfPoints", "points"])
            let weak = object(["code": string, "name": string, "office": nullableString, "points": number, "max": number, "lost": number],
                              required: ["code", "name", "points", "max", "lost"])
            let roundUnit = object(["unitID": integer, "unitName": string, "state": string, "stateLabel": string, "submittedAt": nullable(dateTime),
                                    "late": boolean, "withdrawals": integer, "selfTotal": nullableNumber, "total": nullableNumber,
                                    "rank": nullableInteger, "rankText": nullableString, "tied": boolean, "classLabel": nullableString,
                                    "change": nullableString, "changeBasis": nullableString, "areaPoints": array(number), "url": string],
                                   required: ["unitID", "unitName", "state", "stateLabel", "late", "withdrawals", "tied", "areaPoints", "url"])
            return [
                "ParFrameworkBody": object(["code": string, "title": string, "year": integer, "group": string, "criteria": array(criterion),
                                            "classes": array(klass)], required: ["code", "title", "year", "group", "criteria"]),
                "ParFramework": object(["id": integer, "revision": revision, "framework": ref("ParFrameworkBody"), "problems": array(problem)],
                                       required: ["id", "revision", "framework", "problems"]),
                "ParFrameworkSummary": object(["id": integer, "code": string, "year": integer, "group": string, "title": string, "revision": revision],
                                              required: ["id", "code", "year", "group", "title", "revision"]),
                "ParRoundSummary": object(["id": integer, "year": integer, "jurisdictionID": integer, "jurisdictionName": string,
                                           "frameworkID": integer, "frameworkCode": string, "state": string, "stateLabel": string, "selfDue": string],
                                          required: ["id", "year", "jurisdictionID", "jurisdictionName", "frameworkID", "frameworkCode", "state",
                                                     "stateLabel", "selfDue"]),
                "ParRound": object(["roundID": integer, "year": integer, "frameworkID": integer, "frameworkCode": string, "frameworkTitle": string,
                                    "group": string, "jurisdictionID": integer, "jurisdictionName": string, "state": string, "stateLabel": string,
                                    "opensOn": string, "selfDue": string, "answerDue": string, "publishedAt": nullable(dateTime),
                                    "areas": array(object(["code": string, "name": string, "max": number], required: ["code", "name", "max"])),
                                    "units": array(roundUnit), "council": boolean, "revision": revision],
                                   required: ["roundID", "year", "frameworkID", "frameworkCode", "frameworkTitle", "group", "jurisdictionID",
                                              "jurisdictionName", "state", "stateLabel", "opensOn", "selfDue", "answerDue", "areas", "units",
                                              "council", "revision"]),
                "ParSelfEntry": object(["value": described(nullableString, "Nội dung chấm theo phương pháp: điểm (1,5), đạt/không đạt, tên mức, "
                                            + "số đo, số lượng từng tháng (4 4 3 …), đúng hạn/chậm hạn, “không phát sinh”"),
                                        "explanation": nullableString, "evidence": nullable(array(string))]),
                "ParAppraisal": object(["points": described(nullableString, "Điểm thẩm định (trống: giữ điểm tự chấm)"), "comment": nullableString]),
                "ParAssessment": object(["roundID": integer, "year": integer, "frameworkID": integer, "frameworkCode": string, "frameworkTitle": string,
                                         "jurisdictionName": string, "unitID": integer, "unitName": string, "state": string, "stateLabel": string,
                                         "roundState": string, "roundStateLabel": string, "opensOn": string, "selfDue": string, "answerDue": string,
                                         "submittedAt": nullable(dateTime), "submittedBy": nullableString, "late": boolean, "withdrawals": integer,
                                         "selfTotal": number, "total": number, "maxTotal": number, "areas": array(area), "rows": array(row),
                                         "classLabel": string, "classMissed": array(string), "standing": nullableString, "change": nullableString,
                                         "changeSentence": nullableString, "weakest": array(weak), "problems": array(fieldError), "revision": revision,
                                         "appraisedYet": boolean, "pastSelfDue": boolean,
                                         "can": array(string)],
                                        required: ["roundID", "year", "frameworkID", "frameworkCode", "frameworkTitle", "jurisdictionName", "unitID",
                                                   "unitName", "state", "stateLabel", "roundState", "roundStateLabel", "opensOn", "selfDue",
                                                   "answerDue", "late", "withdrawals", "selfTotal", "total", "maxTotal", "areas", "rows", "classLabel",
                                                   "classMissed", "weakest", "problems", "revision", "appraisedYet", "pastSelfDue", "can"]),
            ]
        }
    }
}
