import Foundation
import Testing
@testable import CCHCDomain

@Suite("Bảng nhiệm vụ của kế hoạch: đọc và viết")
struct PlanTableTests {
    typealias Cell = PlanTable.Cell

    /// A row of plain cells, one per column.
    static func row(_ texts: String...) -> [Cell] { texts.map { Cell($0) } }

    static let header = row("Nhiệm vụ chung", "Nhiệm vụ cụ thể", "Sản phẩm", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện")

    @Test func headersAreFoundByAnyOfTheirNamesWithoutDiacriticsCaseOrPunctuation() {
        let expected: [(String, PlanTable.Column?)] = [
            ("Nhiệm vụ chung", .task), ("NHIEM VU CHUNG", .task), ("Nhiệm\nvụ chung", .task),
            ("Nhiệm vụ cụ thể", .detail), ("Nội dung nhiệm vụ", .detail), ("Nhiệm vụ", .detail), ("Nhiệm vụ trọng tâm", .detail),
            ("Sản phẩm", .product), ("Kết quả/sản phẩm", .product), ("Kết quả, sản phẩm", .product),
            ("Cơ quan chủ trì", .lead), ("Đơn vị chủ trì", .lead), ("don vi chu tri", .lead), ("Chủ trì", .lead),
            ("Cơ quan phối hợp", .coordinators), ("Đơn vị phối hợp", .coordinators),
            ("Thời gian thực hiện", .timeFrame), ("Thời gian hoàn thành", .timeFrame), ("Thời gian thực hiện (tháng, quý)", .timeFrame),
            ("Kết quả dự kiến", .result), ("Nguồn lực", .resources), ("Kinh phí", .resources), ("Kinh phí thực hiện", .resources),
            ("TT", .number), ("STT", .number), ("Lĩnh vực", .area),
            ("Ghi chú", nil), ("Kết quả", nil), ("", nil), ("Cơ quan thực hiện", nil),
        ]
        for (header, column) in expected {
            #expect(PlanTable.column(named: header.replacingOccurrences(of: "\n", with: " ")) == column, "\(header)")
        }
    }

    @Test func leadAndCoordinatorCellsSplitByLineAndSemicolon() {
        #expect(PlanTable.entries(["- Sở Y tế;", "- Sở Giáo dục và Đào tạo"]) == ["Sở Y tế", "Sở Giáo dục và Đào tạo"])
        #expect(PlanTable.entries(["Sở, ban, ngành; UBND cấp huyện và các cơ quan có liên quan"])
                == ["Sở, ban, ngành", "UBND cấp huyện và các cơ quan có liên quan"])
        #expect(PlanTable.entries(["Sở, ban ngành; UBND cấp huyện; các cơ quan liên quan"])
                == ["Sở, ban ngành", "UBND cấp huyện", "các cơ quan liên quan"])
        #expect(PlanTable.entries(["- Các sở, ban ngành và các cơ quan có liên quan", "", "  "])
                == ["Các sở, ban ngành và các cơ quan có liên quan"])
        #expect(PlanTable.entries(["Sở Tư pháp."]) == ["Sở Tư pháp"])
        #expect(PlanTable.entries(["-", "+ Sở Nội vụ"]) == ["Sở Nội vụ"])
    }

    /// Area rows across the table, the general task merged down, cells of several lines (seed 004's shapes).
    @Test func areaRowsMergedGeneralTasksAndMultiLineCellsAreRead() {
        let rows: [[Cell]] = [
            Self.header,
            [Cell("Cải cách thể chế", span: 6)],
            Self.row("Rà soát văn bản", "1. Xây dựng Kế hoạch rà soát", "- Kế hoạch của UBND tỉnh\n- Báo cáo kết quả thực hiện",
                     "Sở Tư pháp", "Sở, ban, ngành; UBND cấp huyện và các cơ quan có liên quan", "Theo quy định của Trung ương"),
            [Cell("", continuesAbove: true), Cell("2. Tự kiểm tra"), Cell("Báo cáo"),
             Cell(lines: ["- Sở Y tế;", "- Sở Giáo dục và Đào tạo"]),
             Cell(""), Cell("- Tháng 02/2021\n- Ngày 15/11/2021")],
            // An empty general task carries the one above down too.
            Self.row("", "3. Theo dõi thi hành", "", "Sở Tư pháp", "", "Trong năm 2021"),
            [Cell("Cải cách công vụ", span: 6)],
            // Not carried over an area row.
            Self.row("", "1. Tuyển dụng", "Kế hoạch", "Sở Nội vụ", "Các sở, ban, ngành tỉnh; UBND cấp huyện", "Quý 3/2021"),
        ]
        let read = PlanTable.read(rows: rows)
        #expect(read.problems == [])
        #expect(read.headerRow == 1)
        #expect(read.columns == [.task, .detail, .product, .lead, .coordinators, .timeFrame])
        #expect(read.taskRows == [3, 4, 5, 7])
        #expect(read.tasks == [
            PlanTaskEntry(area: "Cải cách thể chế", task: "Rà soát văn bản", detail: "1. Xây dựng Kế hoạch rà soát",
                          product: "- Kế hoạch của UBND tỉnh\n- Báo cáo kết quả thực hiện", lead: ["Sở Tư pháp"],
                          coordinators: ["Sở, ban, ngành", "UBND cấp huyện và các cơ quan có liên quan"],
                          timeFrame: "Theo quy định của Trung ương"),
            PlanTaskEntry(area: "Cải cách thể chế", task: "Rà soát văn bản", detail: "2. Tự kiểm tra", product: "Báo cáo",
                          lead: ["Sở Y tế", "Sở Giáo dục và Đào tạo"], timeFrame: "- Tháng 02/2021\n- Ngày 15/11/2021"),
            PlanTaskEntry(area: "Cải cách thể chế", task: "Rà soát văn bản", detail: "3. Theo dõi thi hành", lead: ["Sở Tư pháp"],
                          timeFrame: "Trong năm 2021"),
            PlanTaskEntry(area: "Cải cách công vụ", task: "", detail: "1. Tuyển dụng", product: "Kế hoạch", lead: ["Sở Nội vụ"],
                          coordinators: ["Các sở, ban, ngành tỉnh", "UBND cấp huyện"], timeFrame: "Quý 3/2021"),
        ])
    }

    /// Seed 004's appendix as laid out: no area rows, the area written in «Nhiệm vụ chung» and merged down its tasks.
    @Test func anAreaWrittenInTheGeneralTaskColumnIsTheArea() {
        let rows: [[Cell]] = [
            Self.header,
            [Cell("Cải cách thể chế", continuesAbove: false), Cell("1. Xây dựng Kế hoạch"), Cell("- Kế hoạch"), Cell("Sở Tư pháp"),
             Cell("Sở, ban, ngành"), Cell("Trong năm 2021")],
            [Cell("", continuesAbove: true), Cell("2. Xây dựng và ban hành"), Cell(""), Cell("- Các sở, ban ngành"), Cell("Sở Tư pháp"),
             Cell("Trong năm 2021")],
            Self.row("Cải cách thủ tục hành chính", "1. Kiểm soát TTHC", "- Kế hoạch", "Văn phòng UBND tỉnh", "", "Tháng 01/2021"),
            // Blank first cell, as a sheet without merges leaves it.
            Self.row("", "2. Công bố TTHC", "Quyết định", "Các sở, ban, ngành tỉnh", "Văn phòng UBND tỉnh", "Trong năm 2021 (nếu có)"),
        ]
        let read = PlanTable.read(rows: rows)
        #expect(read.problems == [])
        #expect(read.tasks.map(\.area) == ["Cải cách thể chế", "Cải cách thể chế", "Cải cách thủ tục hành chính",
                                           "Cải cách thủ tục hành chính"])
        #expect(read.tasks.map(\.task) == ["", "", "", ""])
        #expect(read.tasks[1].lead == ["Các sở, ban ngành"])
        #expect(read.tasks[1].coordinators == ["Sở Tư pháp"])
    }

    @Test func everyRowThatCannotBeReadIsListedWithItsNumberAndReason() {
        let rows: [[Cell]] = [
            Self.row("KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2021"),
            Self.row(""),
            Self.header,
            Self.row("", "Việc trước mọi lĩnh vực", "", "Sở Nội vụ", "", ""),
            [Cell("Cải cách thể chế", span: 6)],
            Self.row("", "", "", "", "", ""),
            Self.row("Chung", "", "Báo cáo", "Sở Tư pháp", "", "Quý 1/2021"),
            Self.row("", "1. Việc có thừa ô", "", "Sở Tư pháp", "", "Quý 1/2021", "ô thừa"),
            Self.row("", "2. Việc đọc được", "", "Sở Tư pháp", "", "Quý 2/2021"),
        ]
        let read = PlanTable.read(rows: rows)
        #expect(read.headerRow == 3)
        #expect(read.problems.map(\.row) == [4, 7, 8])
        #expect(read.problems[0].reason == "nằm trước dòng lĩnh vực cải cách đầu tiên")
        #expect(read.problems[1].reason == "không có nội dung ở cột «Nhiệm vụ cụ thể»")
        #expect(read.problems[1].message
                == "Dòng 7: không có nội dung ở cột «Nhiệm vụ cụ thể» («Chung | Báo cáo | Sở Tư pháp | Quý 1/2021»).")
        #expect(read.problems[2].reason == "có 1 ô nằm ngoài 6 cột của bảng")
        // The unreadable row's general task still carries down to the row below it.
        #expect(read.tasks == [PlanTaskEntry(area: "Cải cách thể chế", task: "Chung", detail: "2. Việc đọc được", lead: ["Sở Tư pháp"],
                                             timeFrame: "Quý 2/2021")])
        #expect(read.taskRows == [9])
        // Numbers count from where the caller's rows start (a sheet's row numbers).
        #expect(PlanTable.read(rows: rows, firstRowNumber: 5).problems.map(\.row) == [8, 11, 12])
    }

    @Test func aTableWithoutItsHeaderOrWithoutAreasIsSaidSo() {
        let none = PlanTable.read(rows: [Self.row("Nội dung", "Ghi chú"), Self.row("1. Việc", "x")])
        #expect(none.tasks == [])
        #expect(none.problems.count == 1)
        #expect(none.problems[0].reason.contains("không tìm thấy dòng tiêu đề"))
        #expect(PlanTable.read(rows: []).problems.count == 1)

        let noArea = PlanTable.read(rows: [Self.row("Nhiệm vụ cụ thể", "Thời gian"), Self.row("1. Việc", "Quý 1"),
                                           Self.row("2. Việc", "Quý 2")])
        #expect(noArea.tasks == [])
        #expect(noArea.problems.map(\.row) == [2, 3])
        #expect(noArea.problems[0].reason.hasPrefix("không rõ thuộc lĩnh vực cải cách nào"))
    }

    /// Other localities' tables: columns in another order, some missing, row numbers, a second header row, a row numbering
    /// the columns, an area column, extra columns read past.
    @Test func otherLocalitiesTablesAreReadByTheirHeaders() {
        let numbered: [[Cell]] = [
            Self.row("STT", "Nội dung nhiệm vụ", "Thời gian hoàn thành", "Đơn vị chủ trì", "Ghi chú"),
            Self.row("(1)", "(2)", "(3)", "(4)", "(5)"),
            Self.row("I", "CẢI CÁCH THỂ CHẾ", "", "", ""),
            Self.row("1", "Rà soát văn bản", "Quý 2/2021", "Phòng Tư pháp", "mới"),
            Self.row("II", "CẢI CÁCH TÀI CHÍNH CÔNG", "", "", ""),
            Self.row("1", "Tự chủ tài chính", "", "", ""),
        ]
        let read = PlanTable.read(rows: numbered)
        #expect(read.problems == [])
        #expect(read.columns == [.number, .detail, .timeFrame, .lead])
        #expect(read.ignoredHeaders == ["Ghi chú"])
        #expect(read.tasks == [
            PlanTaskEntry(area: "CẢI CÁCH THỂ CHẾ", detail: "Rà soát văn bản", lead: ["Phòng Tư pháp"], timeFrame: "Quý 2/2021"),
            PlanTaskEntry(area: "CẢI CÁCH TÀI CHÍNH CÔNG", detail: "Tự chủ tài chính"),
        ])

        let twoRows: [[Cell]] = [
            [Cell("Lĩnh vực"), Cell("Nhiệm vụ"), Cell("Cơ quan thực hiện", span: 2), Cell("Kết quả dự kiến"), Cell("Kinh phí")],
            [Cell("", continuesAbove: true), Cell("", continuesAbove: true), Cell("Chủ trì"), Cell("Phối hợp"),
             Cell("", continuesAbove: true), Cell("", continuesAbove: true)],
            Self.row("Cải cách công vụ", "Đánh giá công chức", "Phòng Nội vụ", "Các phòng", "100% được đánh giá", "Ngân sách xã"),
            Self.row("", "Tuyển dụng", "Phòng Nội vụ", "", "", ""),
        ]
        let grouped = PlanTable.read(rows: twoRows)
        #expect(grouped.problems == [])
        #expect(grouped.columns == [.area, .detail, .lead, .coordinators, .result, .resources])
        #expect(grouped.ignoredHeaders == [])
        #expect(grouped.tasks == [
            PlanTaskEntry(area: "Cải cách công vụ", detail: "Đánh giá công chức", lead: ["Phòng Nội vụ"], coordinators: ["Các phòng"],
                          result: "100% được đánh giá", resources: "Ngân sách xã"),
            PlanTaskEntry(area: "Cải cách công vụ", detail: "Tuyển dụng", lead: ["Phòng Nội vụ"]),
        ])
    }

    @Test func aPlanWrittenAsRowsReadsBackAsTheSameTasks() {
        let plan = PlanDocument(unit: "ST", year: 2021, tasks: [
            PlanTaskEntry(area: "Cải cách thể chế", task: "Rà soát", detail: "1. Kế hoạch rà soát", product: "- Kế hoạch\n- Báo cáo",
                          lead: ["Sở Tư pháp"], coordinators: ["Sở, ban, ngành", "UBND cấp huyện"],
                          timeFrame: "- Tháng 02/2021\n- Ngày 15/11/2021",
                          result: "Văn bản được rà soát", resources: "Ngân sách tỉnh"),
            PlanTaskEntry(area: "Cải cách thể chế", task: "Rà soát", detail: "2. Tự kiểm tra", lead: ["Sở Y tế", "Sở Giáo dục và Đào tạo"],
                          timeFrame: "Thường xuyên"),
            PlanTaskEntry(area: "Cải cách thể chế", task: "Theo dõi", detail: "3. Theo dõi\nthi hành pháp luật"),
            PlanTaskEntry(area: "Công tác chỉ đạo điều hành", task: "", detail: "1. Kiểm tra CCHC", lead: ["Sở Nội vụ"]),
            // The same area again later: its own area row.
            PlanTaskEntry(area: "Cải cách thể chế", task: "Rà soát", detail: "4. Sau cùng", timeFrame: "Quý 4/2021"),
        ])
        let rows = PlanTable.rows(of: plan)
        #expect(rows.map(\.kind) == [.header, .area, .task, .task, .task, .area, .task, .area, .task])
        #expect(rows[0].cells == ["Nhiệm vụ chung", "Nhiệm vụ cụ thể", "Sản phẩm", "Cơ quan chủ trì", "Cơ quan phối hợp",
                                  "Thời gian thực hiện", "Kết quả dự kiến", "Nguồn lực"])
        #expect(rows[1].cells == ["Cải cách thể chế", "", "", "", "", "", "", ""])
        #expect(rows[3].cells[3] == "Sở Y tế\nSở Giáo dục và Đào tạo")
        let read = PlanTable.read(rows: rows.map { $0.cells.map { Cell($0) } })
        #expect(read.problems == [])
        #expect(read.tasks == plan.tasks)

        // Without results or resources their columns are left out; «Nhiệm vụ chung» stays, empty, so that a task with
        // only its detail is not read as an area row.
        let bare = PlanDocument(unit: "ST", year: 2021, tasks: [PlanTaskEntry(area: "Cải cách công vụ", detail: "1. Tuyển dụng")])
        #expect(PlanTable.exportColumns(of: bare) == [.task, .detail, .product, .lead, .coordinators, .timeFrame])
        #expect(PlanTable.read(rows: PlanTable.rows(of: bare).map { $0.cells.map { Cell($0) } }).tasks == bare.tasks)
    }
}
