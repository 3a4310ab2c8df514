// A report .docx written by CCHCOffice: `docx_bench <file|data> <report|table|full> <out.docx> [rows]`.
// Built and run by scripts/bench/docx_writers.sh, which writes the same content with python-docx (docx_python.py).
//   file    OfficialDocument.write(to:): the body streamed to a temporary file, zipped into the target
//   data    OfficialDocument.docxData(): the package in memory, then saved (the only way before streaming)
//   report  the state-layout heading, 15 paragraphs of narrative under 3 headings, a figures table of [rows] (80) × 4
//   table   the same heading, one paragraph and a table of [rows] (5,000) × 4
//   full    every feature of the writer (appendix with spans and merges, breaks, tabs, <&>): only to compare writers' XML
// Row i of a table: [i, "Chỉ tiêu số i: …" (every 7th with <&>), a unit, a figure with a decimal comma].
import CCHCOffice
import Foundation

let arguments = CommandLine.arguments
guard arguments.count >= 4, ["file", "data"].contains(arguments[1]), ["report", "table", "full"].contains(arguments[2]) else {
    FileHandle.standardError.write(Data("usage: docx_bench <file|data> <report|table|full> <out.docx> [rows]\n".utf8))
    exit(2)
}
let mode = arguments[1]
let kind = arguments[2]
let output = URL(fileURLWithPath: arguments[3])
let rows = arguments.count > 4 ? Int(arguments[4]) ?? 80 : (kind == "table" ? 5_000 : 80)

let sentences = [
    "Ủy ban nhân dân huyện đã ban hành Kế hoạch cải cách hành chính năm 2021 và triển khai đến các cơ quan, đơn vị, địa phương.",
    "Công tác kiểm soát thủ tục hành chính được thực hiện thường xuyên; 100% thủ tục được công khai đúng quy định.",
    "Tỷ lệ hồ sơ giải quyết đúng hạn đạt 98,7%, tăng 1,2 điểm phần trăm so với cùng kỳ năm trước.",
    "Việc tiếp nhận, trả kết quả qua dịch vụ bưu chính công ích được đẩy mạnh ở tất cả các xã, thị trấn.",
    "Đội ngũ cán bộ, công chức cấp xã được bồi dưỡng kỹ năng ứng dụng công nghệ thông tin trong giải quyết công việc.",
    "Một số chỉ tiêu chưa đạt yêu cầu do điều kiện cơ sở vật chất của bộ phận một cửa cấp xã còn hạn chế.",
]

func paragraph(_ n: Int) -> String {
    (0..<4).map { sentences[(n + $0) % sentences.count] }.joined(separator: " ")
}

func tableRow(_ i: Int) -> [String] {
    let note = i % 7 == 0 ? " <thủ tục & hồ sơ>" : ""
    let units = ["hồ sơ", "%", "văn bản", "cuộc"]
    let value = (i * 7_919) % 10_007
    return [String(i), "Chỉ tiêu số \(i): kết quả giải quyết thủ tục hành chính\(note)", units[i % 4], "\(value / 10),\(value % 10)"]
}

let header = ["STT", "Chỉ tiêu", "Đơn vị tính", "Số liệu"]
var body: [OfficialDocument.Block] = []
var appendix: OfficialDocument.Appendix?
switch kind {
case "report":
    let headings = ["I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH", "II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ",
                    "III. ĐÁNH GIÁ CHUNG VÀ PHƯƠNG HƯỚNG, NHIỆM VỤ QUÝ TIẾP THEO"]
    for (h, heading) in headings.enumerated() {
        body.append(.heading(heading))
        for p in 0..<5 {
            body.append(.paragraph(paragraph(h * 5 + p)))
        }
        if h == 1 {
            body.append(.table(title: "Số liệu cải cách hành chính quý I năm 2021", header: header,
                               rows: (1...max(1, rows)).map(tableRow), widths: [0.6, 6, 1.4, 1.4]))
        }
    }
case "table":
    body = [.heading("DANH SÁCH CHỈ TIÊU"), .paragraph(paragraph(0)),
            .table(title: "Số liệu các đơn vị", header: header, rows: (1...max(1, rows)).map(tableRow), widths: [0.6, 6, 1.4, 1.4])]
default:
    body = [.heading("I. KẾT QUẢ\nII. Dòng thứ hai"), .paragraph("Đoạn một <&> \"trích\" 'dẫn'.\nĐoạn\thai\u{1}."),
            .table(title: nil, header: ["A"], rows: [["1", "hai\ndòng", ""], []], widths: nil),
            .table(title: " ", header: [], rows: (1...12).map(tableRow), widths: [1, 2]),
            .paragraph("Trên đây là báo cáo./.")]
    appendix = .init(label: "Phụ lục", title: "Phân công", subtitle: "(Kèm theo Báo cáo số 12/BC-UBND)", header: ["Chung", "Cụ thể", "Thời gian"],
                     rows: [["Cải cách thể chế", "", ""], ["A", "1. Một", "Quý 1/2021\nQuý 3/2021"], ["A", "2. Hai", "Thường xuyên"],
                            ["B", "3. Ba", ""], ["Cải cách công vụ", "", ""], ["B", "1. Bốn", "45%"]],
                     boldRows: [0, 3], spanningRows: [0, 4], mergedColumns: [0])
}
let document = OfficialDocument(parentBody: kind == "full" ? "UBND tỉnh Hà Tĩnh" : "", issuingBody: "ỦY BAN NHÂN DÂN\nHUYỆN THẠCH HÀ",
                                number: "Số: 12/BC-UBND", placeAndDate: "Thạch Hà, ngày 05 tháng 01 năm 2021", typeName: "BÁO CÁO",
                                summary: "Kết quả thực hiện công tác cải cách hành chính quý I năm 2021", body: body,
                                recipients: ["- UBND tỉnh Hà Tĩnh (qua Sở Nội vụ);", "- Thường trực Huyện ủy;", "- Lưu: VT, NV."],
                                signerAuthority: ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], signerName: "Nguyễn Văn An", appendix: appendix)

let start = Date()
try? FileManager.default.removeItem(at: output)
if mode == "file" {
    #if OLD_WRITER
    FileHandle.standardError.write(Data("the old writer has no file mode\n".utf8))
    exit(2)
    #else
    try document.write(to: output)
    #endif
} else {
    try document.docxData().write(to: output)
}
let seconds = Date().timeIntervalSince(start)
let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
let peak = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") }.map(String.init) ?? "VmHWM: ?"
print(String(format: "swift-%@ %@ rows=%d seconds=%.3f %@", mode, kind, rows, seconds,
             peak.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "  ", with: " ")))
