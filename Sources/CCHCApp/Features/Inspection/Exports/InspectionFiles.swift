import Foundation
import CCHCDomain
import CCHCOffice

/// Inspections out as files: the findings across the jurisdiction with their status and days overdue (.xlsx).
enum InspectionFiles {
    static func findingsXLSX(_ v: InspectionView) throws -> Data {
        let head: [XLSXCell] = ["STT", "Đơn vị", "Ngày kết luận", "Lĩnh vực", "Vấn đề", "Mức độ", "Bộ phận chịu trách nhiệm", "Người chịu trách nhiệm",
                                "Hạn khắc phục", "Tình trạng", "Số ngày quá hạn", "Ngày khắc phục", "Ngày xác minh"].map { .bold($0) }
        var rows: [[XLSXCell]] = [[.bold("Các vấn đề phát hiện qua kiểm tra CCHC năm \(v.year) — \(v.planOwner ?? v.unitName)")], [], head]
        for (i, f) in v.findings.enumerated() {
            rows.append([.integer(i + 1), .text(f.unitName), .text(f.foundOn.vietnamese), .text(f.areaTitle), .text(f.description),
                         .text(f.severity == "major" ? "Nghiêm trọng" : "Thông thường"), .text(f.responsible), .text(f.person ?? ""),
                         .text(f.due.vietnamese), .text(f.state.label), .integer(f.state.overdueDays), .text(f.fixedOn?.vietnamese ?? ""),
                         .text(f.verifiedOn?.vietnamese ?? "")])
        }
        let sheet = XLSXSheet(name: "Vấn đề phát hiện", rows: rows, columnWidths: [5, 22, 12, 24, 50, 12, 24, 20, 12, 28, 10, 12, 12], frozenRows: 3)
        return try XLSXWorkbook(sheets: [sheet]).data()
    }
}
