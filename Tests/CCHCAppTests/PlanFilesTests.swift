import Foundation
import Testing
import CCHCDomain
import CCHCOffice
import ZIPFoundation
@testable import CCHCApp

@Suite("Kế hoạch: bảng nhiệm vụ vào và ra Word, Excel")
struct PlanFilesTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static let soctrang = PlanFiles.Issuer(body: IssuingBody(kind: .province, name: "Tỉnh Sóc Trăng"),
                                           recipients: ["- Bộ Nội vụ;", "- Các sở, ban ngành tỉnh;"])

    /// A plan with what seed 004 lacks: general tasks (merged down), results, resources, an area coming back later.
    static let richer = PlanDocument(unit: "HT-THA", year: 2021, kind: .communications,
                                     document: PlanIssuance(number: "34/KH-UBND", date: Day(2021, 1, 22), signer: "Trần Việt Hà"), tasks: [
        PlanTaskEntry(area: "Cải cách thể chế", task: "Rà soát văn bản", detail: "1. Rà soát\nvăn bản quy phạm pháp luật",
                      product: "- Kế hoạch\n- Báo cáo", lead: ["Phòng Tư pháp"], coordinators: ["Các phòng, ban", "UBND cấp xã"],
                      timeFrame: "- Tháng 02/2021\n- Ngày 15/11/2021", result: "100% văn bản được rà soát", resources: "Ngân sách huyện"),
        PlanTaskEntry(area: "Cải cách thể chế", task: "Rà soát văn bản", detail: "2. Tự kiểm tra", lead: ["Phòng Tư pháp"],
                      timeFrame: "Quý 3/2021"),
        PlanTaskEntry(area: "Cải cách thể chế", task: "Theo dõi thi hành", detail: "3. Theo dõi thi hành pháp luật",
                      lead: ["Phòng Tư pháp", "Phòng Nội vụ"], timeFrame: "Trước ngày 15/12/2021"),
        PlanTaskEntry(area: "Cải cách tài chính công", task: "", detail: "1. Tự chủ tài chính", lead: ["Phòng Tài chính - Kế hoạch"],
                      timeFrame: "Thường xuyên", resources: "Không phát sinh"),
        PlanTaskEntry(area: "Cải cách thể chế", task: "Rà soát văn bản", detail: "4. Rà soát cuối năm", timeFrame: "Tháng 12/2021"),
    ])

    // MARK: The demo file

    /// Seed 004's appendix, counted by hand: 4 tasks in Cải cách thể chế, 4 in TTHC, 3 in tổ chức bộ máy, 4 in công vụ,
    /// 3 in tài chính công, 3 in Chính phủ điện tử, 8 in chỉ đạo điều hành — 29.
    static let seedAreas = [("Cải cách thể chế", 4), ("Cải cách thủ tục hành chính", 4), ("Cải cách tổ chức bộ máy", 3),
                            ("Cải cách công vụ", 4), ("Cải cách tài chính công", 3), ("Xây dựng và phát triển Chính phủ điện tử", 3),
                            ("Công tác chỉ đạo điều hành", 8)]

    static func areaCounts(_ tasks: [PlanTaskEntry]) -> [String] {
        var counts: [(String, Int)] = []
        for task in tasks {
            if counts.last?.0 == task.area { counts[counts.count - 1].1 += 1 } else { counts.append((task.area, 1)) }
        }
        return counts.map { "\($0.0): \($0.1)" }
    }

    @Test func theDemoWordFileGivesBackTheTranscribedPlanRowForRow() throws {
        let plan = try PlanFiles.demoPlan()
        #expect(plan.unit == "Tỉnh Sóc Trăng")
        #expect(plan.year == 2021)
        #expect(plan.kind == .cchc)
        #expect(plan.document == PlanIssuance(number: "142/KH-UBND", date: Day(2020, 12, 24), signer: "Trần Văn Lâu"))
        #expect(plan.tasks.count == 29)
        #expect(Self.areaCounts(plan.tasks) == Self.seedAreas.map { "\($0.0): \($0.1)" })

        let data = try #require(PlanFiles.resource(PlanFiles.demoPlanDOCX))
        let read = try PlanTableFiles.tasks(fromDOCX: data)
        #expect(read.problems == [])
        #expect(read.headerRow == 1)
        #expect(read.columns == [.task, .detail, .product, .lead, .coordinators, .timeFrame])
        #expect(read.tasks.count == 29)
        for (index, (imported, written)) in zip(read.tasks, plan.tasks).enumerated() {
            #expect(imported == written, "nhiệm vụ \(index + 1)")
        }
        #expect(read.tasks == plan.tasks)
        // One table row per task, under the header, no area rows: the area stands in «Nhiệm vụ chung».
        #expect(read.taskRows == Array(2...30))

        // Spot checks against seed 004 as written, its slips kept.
        #expect(read.tasks[17].lead == ["Sở Y tế", "Sở Giáo dục và Đào tạo"])
        #expect(read.tasks[3].timeFrame == "- Tháng 02/2021\n- Ngày 15/11/2021")
        #expect(read.tasks[8].lead == ["Sở, ban ngành", "UBND cấp huyện", "các cơ quan liên quan"])
        #expect(read.tasks[18].detail.contains("ứng dụng công nghệ công nghệ trong hoạt động"))
        #expect(read.tasks[15].detail.hasPrefix("1. Tiếp tục thực hiện Nghị định 130/2005/NĐ-CP ngày 17/10/2005"))
        #expect(read.tasks[28].timeFrame == "Theo văn bản triển khai của Bộ Nội vụ")

        let loaded = try PlanFiles.demoPlanFromDOCX()
        #expect(loaded.plan == plan)
        #expect(loaded.problems == [])
    }

    @Test func theOtherLayoutAreasAsRowsAcrossGivesTheSamePlan() throws {
        let data = try Data(contentsOf: Self.fixtures.appendingPathComponent("soc-trang-2021-plan-area-rows.docx"))
        let read = try PlanTableFiles.tasks(fromDOCX: data)
        #expect(read.problems == [])
        #expect(read.tasks == (try PlanFiles.demoPlan()).tasks)
        // Rows 2, 7, 12, 16, 21, 25, 29 are the seven areas.
        #expect(read.taskRows.count == 29)
        #expect(read.taskRows.first == 3)
        #expect(read.taskRows.last == 37)
    }

    // MARK: Round trips

    @Test func anXLSXExportReadsBackAsTheSameTasksAndPlan() throws {
        for plan in [try PlanFiles.demoPlan(), Self.richer] {
            let data = try PlanFiles.xlsx(plan)
            let read = try PlanFiles.importTable(data, format: .xlsx)
            #expect(read.problems == [])
            #expect(read.tasks == plan.tasks)
            // The table starts on row 3, under the title.
            #expect(read.headerRow == 3)
            var identity = try #require(try PlanTableFiles.identity(fromXLSX: data))
            identity.tasks = read.tasks
            #expect(identity == plan)
        }
        let sheets = try XLSXReader.read(PlanFiles.xlsx(Self.richer))
        #expect(sheets.map(\.name) == ["Bảng nhiệm vụ", "Thông tin tệp"])
        #expect(sheets[0].cells["A1"] == "Kế hoạch tuyên truyền cải cách hành chính năm 2021 — HT-THA (34/KH-UBND)")
        #expect(sheets[0].cells["A4"] == "Cải cách thể chế")
        #expect(sheets[0].cells["B4"] == nil)
        #expect(sheets[0].cells["F5"] == "- Tháng 02/2021\n- Ngày 15/11/2021")
        #expect(sheets[0].cells["E5"] == "Các phòng, ban\nUBND cấp xã")
        #expect(sheets[0].cells["H5"] == "Ngân sách huyện")
    }

    @Test func aDOCXExportInTheStateLayoutReadsBackAsTheSameTasks() throws {
        for plan in [try PlanFiles.demoPlan(), Self.richer] {
            let data = try PlanFiles.docx(plan, issuer: Self.soctrang)
            let read = try PlanFiles.importTable(data, format: .docx)
            #expect(read.problems == [])
            #expect(read.tasks == plan.tasks)
        }
    }

    @Test func theDOCXExportIsLaidOutAsTheStateFormatWithALandscapeAppendix() throws {
        let plan = try PlanFiles.demoPlan()
        let data = try PlanFiles.docx(plan, issuer: Self.soctrang)
        let blocks = try DOCXReader.read(data)
        var texts: [String] = []
        for block in blocks {
            switch block {
            case .paragraph(let text): texts.append(text)
            case .table(let table): texts += table.rows.flatMap { $0.cells.flatMap(\.paragraphs) }
            }
        }
        for expected in ["ỦY BAN NHÂN DÂN", "TỈNH SÓC TRĂNG", "Số: 142/KH-UBND", "Sóc Trăng, ngày 24 tháng 12 năm 2020", "KẾ HOẠCH",
                         "Thực hiện cải cách hành chính năm 2021", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Trần Văn Lâu", "- Bộ Nội vụ;",
                         "- Lưu: VT.", "PHỤ LỤC",
                         "PHÂN CÔNG CỤ THỂ CÁC NHIỆM VỤ VÀ TRIỂN KHAI THỰC HIỆN CẢI CÁCH HÀNH CHÍNH NĂM 2021",
                         "(Kèm theo Kế hoạch số 142/KH-UBND ngày 24 tháng 12 năm 2020 của UBND tỉnh Sóc Trăng)"] {
            #expect(texts.contains(expected), "\(expected)")
        }
        let intro = "UBND tỉnh Sóc Trăng ban hành kế hoạch cải cách hành chính năm 2021 gồm 29 nhiệm vụ thuộc 7 lĩnh vực"
        #expect(texts.contains { $0.hasPrefix(intro) })

        let tables = try DOCXReader.tables(data)
        // Heading, the count of tasks per area, signature, the appendix.
        #expect(tables.count == 4)
        #expect(tables[1].rows.map { $0.cells.map(\.text) }.dropFirst().map { $0[1] + ": " + $0[2] }
                == Self.seedAreas.map { "\($0.0): \($0.1)" })
        let appendix = try #require(tables.last)
        // Seed 004 has no general tasks: the column is left out, the areas are rows across the table.
        #expect(appendix.columnCount == 5)
        #expect(appendix.rows[0].cells.map(\.text) == ["Nhiệm vụ cụ thể", "Sản phẩm", "Cơ quan chủ trì", "Cơ quan phối hợp",
                                                        "Thời gian thực hiện"])
        #expect(appendix.rows[1].cells == [DOCXReader.Cell(column: 0, span: 5, paragraphs: ["Cải cách thể chế"])])
        #expect(appendix.rows.count == 1 + 7 + 29)
        let xml = try #require(String(data: unzipped(data, "word/document.xml"), encoding: .utf8))
        #expect(xml.contains("w:orient=\"landscape\""))

        // A plan with general tasks: the column, merged down over equal tasks, never across an area row.
        let richer = try DOCXReader.tables(PlanFiles.docx(Self.richer, issuer: Self.soctrang)).last
        let column = try #require(richer).rows.map { $0.cells.first.map { ($0.text, $0.verticalMerge) } }
        #expect(column.count == 9)
        #expect(column[2]?.0 == "Rà soát văn bản")
        #expect(column[2]?.1 == .restart)
        #expect(column[3]?.1 == .continuation)
        #expect(column[4]?.0 == "Theo dõi thi hành")
        #expect(column[4]?.1 == nil)
        #expect(column[8]?.1 == nil)
    }

    // MARK: Users' files

    @Test func aSheetKeptByAnOfficeIsReadWithItsMergesAndItsBadRowListed() throws {
        let data = try Data(contentsOf: Self.fixtures.appendingPathComponent("plan-table-openpyxl.xlsx"))
        let read = try PlanFiles.importTable(data, format: .xlsx)
        #expect(read.headerRow == 3)
        #expect(read.columns == [.number, .task, .detail, .product, .lead, .coordinators, .timeFrame])
        #expect(read.ignoredHeaders == ["Ghi chú"])
        let excerpt = "1 | Tự chủ tài chính | Báo cáo | Phòng Tài chính - Kế hoạch | Trong năm 2021"
        #expect(read.problems == [PlanTableProblem(row: 8, reason: "không có nội dung ở cột «Nhiệm vụ cụ thể»", excerpt: excerpt)])
        #expect(read.taskRows == [5, 6, 9])
        #expect(read.tasks == [
            PlanTaskEntry(area: "CẢI CÁCH THỂ CHẾ", task: "Rà soát văn bản",
                          detail: "Rà soát văn bản quy phạm pháp luật do HĐND, UBND huyện ban hành",
                          product: "- Kế hoạch\n- Báo cáo kết quả",
                          lead: ["Phòng Tư pháp"], coordinators: ["Các phòng, ban", "UBND các xã, thị trấn"], timeFrame: "Quý 2/2021"),
            PlanTaskEntry(area: "CẢI CÁCH THỂ CHẾ", task: "Rà soát văn bản", detail: "Tự kiểm tra văn bản quy phạm pháp luật",
                          product: "Báo cáo", lead: ["Phòng Tư pháp"], coordinators: ["UBND các xã, thị trấn"],
                          timeFrame: "Trước ngày 15/12/2021"),
            PlanTaskEntry(area: "CẢI CÁCH TÀI CHÍNH CÔNG", task: "Tự chủ tài chính",
                          detail: "Thực hiện cơ chế tự chủ tại các đơn vị sự nghiệp công lập", product: "Báo cáo",
                          lead: ["Phòng Tài chính - Kế hoạch", "Phòng Nội vụ"], coordinators: ["Các đơn vị sự nghiệp công lập"],
                          timeFrame: "Thường xuyên"),
        ])
        #expect(try PlanTableFiles.identity(fromXLSX: data) == nil)
    }

    /// A minimal .docx of the given body XML (prefix `w`).
    static func document(body: String) throws -> Data {
        let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
        let parts = [
            ("_rels/.rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\""
                + " Target=\"word/document.xml\"/></Relationships>"),
            ("word/document.xml", "<?xml version=\"1.0\"?><w:document xmlns:w=\"\(w)\"><w:body>\(body)</w:body></w:document>"),
        ]
        let archive = try Archive(data: Data(), accessMode: .create, pathEncoding: nil)
        for (path, text) in parts {
            let bytes = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count)) { position, size in
                bytes.subdata(in: Int(position)..<min(Int(position) + size, bytes.count))
            }
        }
        return try #require(archive.data)
    }

    /// A table of plain cells; a row of one cell is one cell across the table, as Word writes a merged row.
    static func table(_ rows: [[String]]) -> String {
        let body = rows.map { row in
            let span = row.count == 1 ? "<w:tcPr><w:gridSpan w:val=\"3\"/></w:tcPr>" : ""
            return "<w:tr>" + row.map { "<w:tc>\(span)<w:p><w:r><w:t>\($0)</w:t></w:r></w:p></w:tc>" }.joined() + "</w:tr>"
        }.joined()
        return "<w:tbl>\(body)</w:tbl>"
    }

    @Test func aTableSplitInTwoIsReadWholeAndAnotherTableIsNot() throws {
        let header = ["Nhiệm vụ cụ thể", "Cơ quan chủ trì", "Thời gian thực hiện"]
        let first = Self.table([["Lĩnh vực"], header, ["Cải cách công vụ"], ["1. Tuyển dụng", "Phòng Nội vụ", "Quý 3/2021"]])
        let second = Self.table([["2. Đánh giá", "Phòng Nội vụ", "Tháng 12/2021"], ["3.", "", ""]])
        let other = Self.table([header, ["Cải cách tài chính công"], ["1. Tự chủ", "Phòng Tài chính", "Thường xuyên"]])
        let narrow = Self.table([["Ghi chú", "x"]])
        let data = try Self.document(body: "<w:p/>\(first)<w:p><w:r><w:t>tiếp</w:t></w:r></w:p>\(second)\(other)\(narrow)")
        let read = try PlanFiles.importTable(data, format: .docx)
        #expect(read.headerRow == 2)
        #expect(read.tasks.map(\.detail) == ["1. Tuyển dụng", "2. Đánh giá", "3."])
        #expect(read.tasks.map(\.area) == ["Cải cách công vụ", "Cải cách công vụ", "Cải cách công vụ"])
        #expect(read.taskRows == [4, 5, 6])
        #expect(read.problems == [])
    }

    @Test func unreadableFilesAreRefusedWithTheReason() throws {
        func refusal(_ data: Data, _ format: PlanFiles.Format) -> String? {
            do {
                _ = try PlanFiles.importTable(data, format: format)
                return nil
            } catch let error as CCHCError {
                #expect(error.status == .unprocessableEntity)
                return error.message
            } catch {
                return "\(error)"
            }
        }
        #expect(refusal(Data("<html>".utf8), .docx) == "Tệp không phải là văn bản Word (.docx) hợp lệ.")
        #expect(refusal(Data("<html>".utf8), .xlsx) == "Tệp không phải là bảng tính Excel (.xlsx) hợp lệ.")
        // A document without a task table: the report's own .docx.
        let letter = OfficialDocument(parentBody: "", issuingBody: "ỦY BAN NHÂN DÂN\nXÃ THẠCH ĐÀI", number: "Số: 1/BC-UBND",
                                      placeAndDate: "Thạch Đài, ngày 05 tháng 3 năm 2021", typeName: "BÁO CÁO", summary: "Thử",
                                      body: [.table(title: nil, header: ["Mã", "Chỉ tiêu"], rows: [["1.1.1", "Nhiệm vụ"]], widths: nil)],
                                      recipients: [], signerAuthority: ["CHỦ TỊCH"], signerName: "A")
        #expect(refusal(try letter.docxData(), .docx)?.hasPrefix("Văn bản không có bảng nhiệm vụ") == true)
        // A workbook whose sheet has no header: read, with the reason as its one problem.
        let blank = try XLSXWorkbook(sheets: [XLSXSheet(name: "A", rows: [[.text("Danh sách")], [.text("x")]])]).data()
        let read = try PlanFiles.importTable(blank, format: .xlsx)
        #expect(read.tasks == [])
        #expect(read.problems.map(\.row) == [1])
    }

    func unzipped(_ data: Data, _ path: String) throws -> Data {
        let archive = try Archive(data: data, accessMode: .read, pathEncoding: nil)
        var content = Data()
        _ = try archive.extract(try #require(archive[path])) { content.append($0) }
        return content
    }
}
