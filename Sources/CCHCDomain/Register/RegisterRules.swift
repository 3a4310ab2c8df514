import Foundation

/// A register document as typed on the page or sent to the API, before it is checked.
public struct RegisterDraft: Sendable, Equatable, Codable {
    /// Số, ký hiệu: "164/UBND-NV".
    public var number: String
    /// dd/MM/yyyy or yyyy-MM-dd.
    public var issuedOn: String
    /// The kind ("KH", "CV" …): optional, read from the number; when sent it must agree with it.
    public var type: String?
    public var summary: String
    public var signer: String?
    public var directsCCHC: Bool
    /// The reform area: its code ("procedures") or a name `ReformArea.match` reads ("Cải cách TTHC").
    public var area: String?
    public var citedText: String?

    public init(number: String, issuedOn: String, type: String? = nil, summary: String, signer: String? = nil,
                directsCCHC: Bool = false, area: String? = nil, citedText: String? = nil) {
        self.number = number
        self.issuedOn = issuedOn
        self.type = type
        self.summary = summary
        self.signer = signer
        self.directsCCHC = directsCCHC
        self.area = area
        self.citedText = citedText
    }
}

/// The checks a register document passes before it is stored: every problem names its field, in Vietnamese.
public enum RegisterRules {
    public static let summaryLimit = 2_000
    public static let signerLimit = 200
    public static let citedTextLimit = 20_000

    /// The draft read into an entry of `unit`, or every problem with it.
    public static func check(_ draft: RegisterDraft, unitID: Int, unitName: String, unitKind: UnitKind) throws(ValidationFailure)
        -> RegisterEntry {
        var errors: [FieldError] = []
        let numberText = draft.number.trimmingCharacters(in: .whitespacesAndNewlines)
        var number: DocumentNumber?
        switch Result(catching: { () throws(DocumentNumber.Problem) in try DocumentNumber.parse(numberText) }) {
        case .success(let parsed): number = parsed
        case .failure(let problem): errors.append(FieldError(field: "number", message: "Số, ký hiệu: \(problem.description)"))
        }
        if let n = number, !n.suffix.isEmpty {
            errors.append(FieldError(field: "number",
                                     message: "Số, ký hiệu: “\(numberText)” — số văn bản chỉ gồm chữ số (“\(n.number)\(n.suffix)”)."))
            number = nil
        }
        if let n = number, numberText.count > 60 {
            errors.append(FieldError(field: "number", message: "Số, ký hiệu: “\(n.text)” dài quá 60 ký tự."))
        }
        let dateText = draft.issuedOn.trimmingCharacters(in: .whitespaces)
        let day = Day(vietnamese: dateText) ?? Day(iso: dateText)
        if dateText.isEmpty {
            errors.append(FieldError(field: "issuedOn", message: "Ngày ban hành: chưa nhập (dd/MM/yyyy)."))
        } else if day == nil {
            errors.append(FieldError(field: "issuedOn",
                                     message: "Ngày ban hành: “\(dateText.prefix(30))” không phải là ngày hợp lệ (dd/MM/yyyy)."))
        } else if let day, !(2000...2100).contains(day.year) {
            errors.append(FieldError(field: "issuedOn", message: "Ngày ban hành: năm \(day.year) nằm ngoài 2000–2100."))
        }
        if let typed = draft.type?.trimmingCharacters(in: .whitespaces), !typed.isEmpty {
            if let type = DocumentType.code(typed) {
                if let n = number, n.type != type {
                    let how = n.type.inSymbol ? "là \(n.type.name.lowercased()) (\(n.type.code))"
                        : "không có chữ viết tắt loại văn bản nên là công văn"
                    errors.append(FieldError(field: "type",
                                             message: "Loại văn bản: đã chọn \(type.name.lowercased()) nhưng số “\(n.text)” \(how)."))
                }
            } else {
                errors.append(FieldError(field: "type",
                                         message: "Loại văn bản: “\(typed.prefix(20))” không có trong danh mục (KH, BC, CV, QĐ …)."))
            }
        }
        let summary = draft.summary.trimmingCharacters(in: .whitespacesAndNewlines)
        if summary.isEmpty {
            errors.append(FieldError(field: "summary", message: "Trích yếu: chưa nhập nội dung văn bản."))
        } else if summary.count > summaryLimit {
            errors.append(FieldError(field: "summary", message: "Trích yếu: dài \(summary.count) ký tự, tối đa \(summaryLimit)."))
        }
        let signer = draft.signer?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if signer.count > signerLimit {
            errors.append(FieldError(field: "signer", message: "Người ký: dài \(signer.count) ký tự, tối đa \(signerLimit)."))
        }
        let cited = draft.citedText?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if cited.count > citedTextLimit {
            errors.append(FieldError(field: "citedText", message: "Văn bản dẫn chiếu: dài \(cited.count) ký tự, tối đa \(citedTextLimit)."))
        }
        var area: ReformArea?
        if let typed = draft.area?.trimmingCharacters(in: .whitespacesAndNewlines), !typed.isEmpty {
            area = ReformArea(rawValue: typed) ?? ReformArea.match(typed)
            if area == nil {
                errors.append(FieldError(field: "area",
                                         message: "Lĩnh vực: “\(typed.prefix(40))” không phải là lĩnh vực cải cách hành chính "
                                             + "(\(ReformArea.allCases.map(\.rawValue).joined(separator: ", ")))."))
            }
        }
        guard errors.isEmpty, let number, let day else { throw ValidationFailure(errors) }
        return RegisterEntry(unitID: unitID, unitName: unitName, unitKind: unitKind, number: number, numberText: numberText, issuedOn: day,
                             summary: summary, signer: signer.isEmpty ? nil : signer, directsCCHC: draft.directsCCHC,
                             area: area?.rawValue, citedText: cited.isEmpty ? nil : cited)
    }

    /// The message when the number is already in the register: "Số 164/UBND-NV năm 2021 đã được cấp cho văn bản …".
    public static func taken(_ number: DocumentNumber, year: Int, by other: RegisterEntry) -> String {
        "Số \(number.text) năm \(year) đã được cấp cho văn bản \(other.numberText) ngày \(other.issuedOn.vietnamese) "
            + "“\(other.summary.prefix(120))”. Số tiếp theo chưa dùng: xem đề xuất trên trang."
    }
}
