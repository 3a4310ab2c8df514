import CCHCDomain

/// The register's part of the OpenAPI document: a unit's register of outgoing documents, one document, its file (RegisterAPI).
extension OpenAPIDocument {
    enum Register: OpenAPIPart {
        static var paths: [String: Any] {
            let unit = idParam("unitID", "Đơn vị ban hành (chủ sổ đăng ký)")
            let document = idParam("documentID", "Văn bản trong sổ đăng ký")
            let anyFile: [String: Any] = ["schema": ["type": "string", "format": "binary"]]
            let fileTypes = Dictionary(AttachmentRules.types.map { ($0.type, anyFile) }, uniquingKeysWith: { a, _ in a })
            return [
                "/api/v1/units/{unitID}/documents": [
                    "parameters": [unit],
                    "get": ["summary": """
                            Sổ đăng ký văn bản đi của đơn vị trong một năm: văn bản (theo ngày rồi theo số), số tiếp theo của từng loại, \
                            dẫn chiếu chưa khớp sổ đăng ký
                            """,
                            "parameters": [query("year", "Năm (mặc định: năm nay, hoặc năm gần nhất có văn bản)", yearSchema),
                                           query("q", "Tìm theo số, ký hiệu, trích yếu, không phân biệt dấu"),
                                           query("type", "Loại văn bản: KH, BC, CV, QĐ, TB, HD, KL, TTr … (loại không có: 422)"),
                                           query("directing", "Chỉ văn bản chỉ đạo CCHC", boolean)],
                            "responses": ok(ref("RegisterList"), errors: ["400", "401", "404", "422"])],
                    "post": ["summary": """
                             Vào sổ một văn bản (người soạn thảo, lãnh đạo của đơn vị; cơ quan thường trực cho \
                             đơn vị hành chính của mình). \
                             Số đã cấp cho văn bản khác trong năm: 422, nêu văn bản đó
                             """,
                             "requestBody": jsonBody(ref("RegisterInput")),
                             "responses": ok(ref("RegisterDocument"), status: "201", description: "Văn bản đã vào sổ", errors: writes)],
                ],
                "/api/v1/units/{unitID}/documents/{documentID}": [
                    "parameters": [unit, document],
                    "get": ["summary": "Một văn bản trong sổ: thông tin, tệp đính kèm, các văn bản được dẫn chiếu đối chiếu với sổ đăng ký",
                            "responses": ok(ref("RegisterDocument"))],
                    "put": ["summary": "Sửa văn bản (cần revision; đã có người sửa sau khi đọc: 409)",
                            "requestBody": jsonBody(ref("RegisterInput")),
                            "responses": ok(ref("RegisterDocument"), errors: writes)],
                    "delete": ["summary": "Xóa văn bản khỏi sổ (cần ?revision=)",
                               "parameters": [query("revision", "Lần sửa đã đọc (bắt buộc)", integer)],
                               "responses": errors(["400", "401", "403", "404", "409", "422"])
                                   .merging(["204": ["description": "Đã xóa"]]) { _, new in new }],
                ],
                "/api/v1/units/{unitID}/documents/{documentID}/attachment": [
                    "parameters": [unit, document],
                    "get": ["summary": "Tải tệp đính kèm (chưa có: 404)",
                            "responses": errors(["401", "404"])
                                .merging(["200": ["description": "Tệp", "content": fileTypes]]) { _, new in new }],
                    "put": ["summary": """
                            Đính kèm (hoặc thay) tệp: nội dung là tệp, tên tệp ở ?name= (loại tệp theo đuôi: \
                            \(AttachmentRules.types.map(\.ext).joined(separator: ", "))). Tối đa 10 MB
                            """,
                            "parameters": [["name": "name", "in": "query", "required": true, "description": "Tên tệp, vd: 164-UBND-NV.pdf",
                                            "schema": nonEmpty]],
                            "requestBody": ["required": true,
                                            "content": ["application/octet-stream": anyFile].merging(fileTypes) { a, _ in a }],
                            "responses": ok(ref("RegisterDocument"), errors: ["400", "401", "403", "404", "409", "413", "422"])],
                ],
            ]
        }

        static var schemas: [String: Any] {
            let kinds = DocumentType.all.map { "\($0.code) \($0.name.lowercased())" }.joined(separator: ", ")
            let type = described(string, "Loại văn bản: " + kinds)
            let area: [String: Any] = ["type": "string", "nullable": true, "enum": ReformArea.allCases.map(\.rawValue),
                                       "description": "Lĩnh vực cải cách (mã)"]
            return [
                "RegisterDocument": object([
                    "id": integer, "unitID": integer, "year": integer, "number": integer, "symbol": string,
                    "numberText": described(string, "Số, ký hiệu như ghi trên văn bản"), "type": type, "typeName": string,
                    "issuedOn": day, "summary": string, "signer": nullableString, "directsCCHC": boolean, "area": area,
                    "areaName": nullableString, "citedText": nullableString,
                    "source": nullable(object(["kind": string, "id": integer], required: ["kind", "id"])),
                    "attachment": nullable(object(["fileName": string, "size": integer], required: ["fileName", "size"])),
                    "findings": array(ref("RegisterFinding")), "warnings": array(string),
                    "createdBy": string, "createdAt": dateTime, "updatedBy": nullableString, "updatedAt": nullable(dateTime),
                    "revision": revision,
                ], required: ["id", "unitID", "year", "number", "symbol", "numberText", "type", "typeName", "issuedOn", "summary",
                              "directsCCHC", "findings", "warnings", "createdBy", "createdAt", "revision"]),
                "RegisterFinding": object([
                    "documentID": integer, "passage": string, "cited": string, "citedDate": nullable(day),
                    "verdict": ["type": "string", "enum": ["matches", "dateDiffers", "symbolDiffers", "probableSlip", "notRegistered"]],
                    "flagged": boolean, "registeredID": nullableInteger, "message": string,
                ], required: ["documentID", "passage", "cited", "verdict", "flagged", "message"]),
                "RegisterList": object([
                    "unitID": integer, "unitName": string, "year": integer, "years": array(integer),
                    "nextNumbers": described(map(integer), "Số tiếp theo của từng loại văn bản trong năm (KH, BC, CV …)"),
                    "proposed": described(map(string), "Số, ký hiệu đề xuất cho văn bản tiếp theo của từng loại (vd: KH → 11/KH-UBND-NV)"),
                    "gaps": described(map(array(integer)), "Số bỏ trống dưới số lớn nhất, theo loại (20 số đầu)"),
                    "gapCounts": described(map(integer), "Có bao nhiêu số bỏ trống, theo loại"),
                    "documents": array(ref("RegisterDocument")), "flagged": array(ref("RegisterFinding")),
                ], required: ["unitID", "unitName", "year", "years", "nextNumbers", "proposed", "gaps", "gapCounts", "documents",
                              "flagged"]),
                "RegisterInput": object([
                    "number": described(nonEmpty, "Số, ký hiệu: 164/UBND-NV, 10/KH-UBND, 01/2021/QĐ-UBND"),
                    "issuedOn": described(nonEmpty, "dd/MM/yyyy hoặc yyyy-MM-dd"),
                    "type": nullable(described(string, "Không bắt buộc: đọc từ ký hiệu; nếu gửi phải khớp ký hiệu")),
                    "summary": nonEmpty, "signer": nullableString, "directsCCHC": nullable(boolean),
                    "area": nullable(described(string,
                                               "Mã lĩnh vực (\(ReformArea.allCases.map(\.rawValue).joined(separator: ", "))) hoặc tên")),
                    "citedText": nullable(described(string, "Đoạn văn bản dẫn chiếu các văn bản khác")),
                    "revision": nullable(described(revision, "Bắt buộc khi sửa (PUT)")),
                ], required: ["number", "issuedOn", "summary"]),
            ]
        }
    }
}
