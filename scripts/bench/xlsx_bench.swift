// The national units × indicators sheet written by CCHCOffice: `xlsx_bench <stream|workbook> <out.xlsx> [rows] [indicators]`.
// Built and run by scripts/bench/xlsx_writers.sh (which also runs the same cells through openpyxl and libxlsxwriter).
// The cells: row 1 bold headers ("Đơn vị", "CT01"…); then per unit a name and, for indicator j, v = (i·7919 + j·104729) mod 10007
// written as a percentage (v/100 points) when j mod 5 = 0, an amount (v/8) when j mod 5 = 1, a count (v) otherwise.
import CCHCOffice
import Foundation

let arguments = CommandLine.arguments
guard arguments.count >= 3, ["stream", "workbook"].contains(arguments[1]) else {
    FileHandle.standardError.write(Data("usage: xlsx_bench <stream|workbook> <out.xlsx> [rows] [indicators]\n".utf8))
    exit(2)
}
let mode = arguments[1]
let output = URL(fileURLWithPath: arguments[2])
let rows = arguments.count > 3 ? Int(arguments[3]) ?? 10_600 : 10_600
let indicators = arguments.count > 4 ? Int(arguments[4]) ?? 80 : 80

let header: [XLSXCell] = [.bold("Đơn vị")] + (1...indicators).map { .bold(String(format: "CT%02d", $0)) }
func row(_ i: Int) -> [XLSXCell] {
    var cells: [XLSXCell] = [.text(String(format: "Xã số %05d — huyện %d", i, i % 705))]
    cells.reserveCapacity(indicators + 1)
    for j in 1...indicators {
        let v = (i * 7919 + j * 104_729) % 10_007
        switch j % 5 {
        case 0: cells.append(.percent(Double(v) / 100))
        case 1: cells.append(.decimal(Double(v) / 8))
        default: cells.append(.whole(Double(v)))
        }
    }
    return cells
}
let widths = [30.0] + Array(repeating: 10.0, count: indicators)

let start = Date()
try? FileManager.default.removeItem(at: output)
if mode == "stream" {
    #if OLD_WRITER
    FileHandle.standardError.write(Data("the old writer has no streaming mode\n".utf8))
    exit(2)
    #else
    let writer = try XLSXStreamWriter(url: output)
    try writer.addSheet(name: "Đơn vị × chỉ tiêu", columnWidths: widths, frozenRows: 1, frozenColumns: 1)
    try writer.append(row: header)
    for i in 1...rows {
        try writer.append(row: row(i))
    }
    try writer.finish()
    #endif
} else {
    var grid = [header]
    for i in 1...rows {
        grid.append(row(i))
    }
    let sheet = XLSXSheet(name: "Đơn vị × chỉ tiêu", rows: grid, columnWidths: widths, frozenRows: 1, frozenColumns: 1)
    try XLSXWorkbook(sheets: [sheet]).data().write(to: output)
}
let seconds = Date().timeIntervalSince(start)
let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
let peak = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") }.map(String.init) ?? "VmHWM: ?"
print(String(format: "swift-%@ rows=%d cells=%d seconds=%.3f %@", mode, rows, rows * (indicators + 1), seconds,
             peak.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "  ", with: " ")))
