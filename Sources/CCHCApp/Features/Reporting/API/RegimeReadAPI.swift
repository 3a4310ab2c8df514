import Vapor
import CCHCDomain

/// `POST /api/v1/regimes/read` {"text", "year"?} → {"regime"?, "notes"}: the regime a guidance text states, as a
/// draft for review (nothing saved), and what could not be read, one note each.
extension ReportingAPI {
    struct RegimeReadInput: Content {
        var text: String
        var year: Int?
    }

    struct RegimeReadResult: Content {
        /// Absent when no period or no year could be read.
        var regime: Regime?
        var notes: [String]
    }

    func readRegime(req: Request) async throws -> RegimeReadResult {
        _ = try req.actor
        let input = try req.content.decode(RegimeReadInput.self)
        var errors: [FieldError] = []
        if input.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            errors.append(FieldError(field: "text", message: "Văn bản hướng dẫn: không được để trống."))
        } else if input.text.count > RegimePages.maxGuidanceLength {
            let limit = NumberFormat.vietnamese(Double(RegimePages.maxGuidanceLength))
            errors.append(FieldError(field: "text", message: "Văn bản hướng dẫn: dài quá \(limit) ký tự; hãy gửi riêng đoạn về chế độ báo cáo."))
        }
        if let year = input.year, !(2000...2100).contains(year) {
            errors.append(FieldError(field: "year", message: "Năm: \(year) không hợp lệ (2000–2100)."))
        }
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        let (regime, notes) = RegimeReader.read(input.text, year: input.year)
        return RegimeReadResult(regime: regime, notes: notes)
    }
}
