import Foundation

/// One row of Phụ lục 3A: a directing document on CCHC the unit issued in the period
/// (số, ký hiệu; ngày ban hành; trích yếu; cơ quan ban hành).
public struct DirectingDocumentRow: Sendable, Equatable, Codable {
    public var numberSymbol: String
    /// ISO `yyyy-MM-dd` once parsed; as typed (`dd/MM/yyyy` or ISO) before.
    public var issuedOn: String
    public var summary: String
    public var issuer: String

    public init(numberSymbol: String, issuedOn: String, summary: String, issuer: String) {
        self.numberSymbol = numberSymbol
        self.issuedOn = issuedOn
        self.summary = summary
        self.issuer = issuer
    }

    /// A row with nothing typed in it: dropped, not refused.
    public var isBlank: Bool {
        [numberSymbol, issuedOn, summary, issuer].allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty }
    }

    /// The issue date as the page shows it (dd/MM/yyyy), or the stored text when it is not a date.
    public var issuedOnForDisplay: String { Day(iso: issuedOn)?.vietnamese ?? issuedOn }

    /// The typed rows of the table, checked: blank rows are dropped, text trimmed, the date read as
    /// dd/MM/yyyy (or ISO) and stored as ISO. Every error names its row and the field that is wrong.
    public static func parse(_ typed: [DirectingDocumentRow], field: String = "documents")
        -> (rows: [DirectingDocumentRow], errors: [FieldError]) {
        var rows: [DirectingDocumentRow] = []
        var errors: [FieldError] = []
        for (i, d) in typed.enumerated() where !d.isBlank {
            let row = "Phụ lục 3A, dòng \(i + 1)"
            let trimmed = DirectingDocumentRow(numberSymbol: d.numberSymbol.trimmingCharacters(in: .whitespaces),
                                               issuedOn: d.issuedOn.trimmingCharacters(in: .whitespaces),
                                               summary: d.summary.trimmingCharacters(in: .whitespaces),
                                               issuer: d.issuer.trimmingCharacters(in: .whitespaces))
            if trimmed.numberSymbol.isEmpty {
                errors.append(FieldError(field: field, message: "\(row): thiếu số, ký hiệu văn bản."))
            }
            let day = Day(vietnamese: trimmed.issuedOn) ?? Day(iso: trimmed.issuedOn)
            if day == nil {
                let why = trimmed.issuedOn.isEmpty ? "chưa nhập (dd/MM/yyyy)." : VNDate.problem(trimmed.issuedOn)
                errors.append(FieldError(field: field, message: "\(row): ngày ban hành \(why)"))
            }
            if trimmed.summary.isEmpty {
                errors.append(FieldError(field: field, message: "\(row): thiếu trích yếu nội dung."))
            }
            var parsed = trimmed
            parsed.issuedOn = day?.iso ?? ""
            rows.append(parsed)
        }
        return (rows, errors)
    }
}
