/// The consolidation's part of the OpenAPI document: the figures over a jurisdiction's tree (ConsolidationAPI) and
/// their files (.xlsx, .docx: served by ExportAPI in Reporting/Exports, described here with the figures).
extension OpenAPIDocument {
    enum Consolidation: OpenAPIPart {
        static var paths: [String: Any] {
            let parameters: [[String: Any]] = [idParam("unitID", "Đơn vị hành chính"), yearParam("Năm (2000–2100)"),
                                               ["name": "kind", "in": "path", "required": true, "schema": periodKind]]
            return [
                "/api/v1/units/{unitID}/consolidation/{year}/{kind}": [
                    "parameters": parameters,
                    "get": ["summary": """
                            Số liệu tổng hợp của đơn vị và mọi đơn vị trực thuộc cho kỳ, \
                            kèm cơ sở tính của từng số liệu và so sánh với kỳ trước, cùng kỳ năm trước
                            """,
                            "parameters": [query("accepted", "1: chỉ tính báo cáo đã tiếp nhận (mặc định: mọi báo cáo đã gửi)")],
                            "responses": ok(ref("Consolidated"))],
                ],
                "/api/v1/units/{unitID}/consolidation/{year}/{kind}/xlsx": [
                    "parameters": parameters,
                    "get": ["summary": "Số liệu tổng hợp (.xlsx): trang tổng hợp và trang đơn vị × chỉ tiêu",
                            "responses": file(Exports.xlsxType, "Tệp .xlsx", errors: reads)],
                ],
                "/api/v1/units/{unitID}/consolidation/{year}/{kind}/docx": [
                    "parameters": parameters,
                    "get": ["summary": "Báo cáo tổng hợp dạng Word (.docx), phụ lục số liệu tổng hợp",
                            "responses": file(Exports.docxType, "Tệp .docx", errors: reads)],
                ],
            ]
        }

        static var schemas: [String: Any] {
            let unit = object(["id": integer, "name": string, "kind": string], required: ["id", "name", "kind"])
            return [
                "Consolidated": object([
                    "jurisdiction": unit,
                    "year": integer, "period": string, "periodTitle": string,
                    "formCode": string, "formTitle": string,
                    "included": described(array(unit), "Các đơn vị có báo cáo được tính, nêu tên khi không quá 300; quá số đó chỉ có includedCount"),
                    "includedCount": described(integer, "Số báo cáo được tính, kể cả báo cáo của chính đơn vị"),
                    "includedBelow": described(integer, "Số báo cáo được tính của các đơn vị trực thuộc"),
                    "missing": array(unit),
                    "figures": array(object(["code": string, "value": nullableNumber,
                                             "numerator": nullableNumber, "denominator": nullableNumber,
                                             "simpleAverage": nullableNumber,
                                             "distribution": map(integer, nullable: true),
                                             "reports": integer, "display": string, "note": nullableString,
                                             "rule": ["type": "string", "nullable": true,
                                                      "enum": ["sum", "ratio", "common", "own", "areaWide", "choice", "max", "min"]],
                                             "differing": nullable(array(string))],
                                            required: ["code", "reports", "display"])),
                    "acceptedOnly": described(boolean, "Chỉ tính báo cáo đã tiếp nhận"),
                    "previousPeriod": described(nullableString, "Kỳ trước trong năm (Q1, H1, …), nếu có"),
                    "previous": described(map(number, nullable: true), "Số liệu tổng hợp kỳ trước: mã chỉ tiêu → số"),
                    "lastYear": described(map(number, nullable: true), "Số liệu tổng hợp cùng kỳ năm trước: mã chỉ tiêu → số")],
                    required: ["jurisdiction", "year", "period", "periodTitle", "formCode", "formTitle", "included", "missing",
                               "figures", "acceptedOnly", "includedCount", "includedBelow"]),
            ]
        }
    }
}
