import Foundation

extension PlanTable {
    /// Reads a task table: the header row found among the first rows (title rows above it are read past), then every row
    /// below it —
    /// - a row whose single filled cell spans the table (or, in a sheet, sits alone in its first column) names the reform
    ///   area of the rows below it, as written;
    /// - a table without such rows takes the area from its «Lĩnh vực» column, or else from its «Nhiệm vụ chung» column
    ///   (seed 004's appendix writes "Cải cách thể chế" there, merged down over the area's tasks): the general task is
    ///   then left empty;
    /// - a cell continuing a merge holds the text of the cell above; an empty «Nhiệm vụ chung» (or «Lĩnh vực») carries the
    ///   one above down, until the next area row;
    /// - lead and coordinator cells become one entry per line and per ";"; other cells keep their lines joined by "\n";
    /// - `due` is left out (read from the time frame by whoever imports).
    /// Every row that cannot be read is listed with its number (`firstRowNumber` for the first row given) and the reason;
    /// only blank rows are passed over.
    public static func read(rows: [[Cell]], firstRowNumber: Int = 1) -> PlanTableImport {
        var result = PlanTableImport()
        var found: (index: Int, layout: Layout)?
        for index in rows.indices.prefix(headerSearch) {
            if let layout = layout(header: rows[index], next: index + 1 < rows.count ? rows[index + 1] : nil) {
                found = (index, layout)
                break
            }
        }
        guard let found else {
            result.problems = [PlanTableProblem(
                row: firstRowNumber,
                reason: "không tìm thấy dòng tiêu đề của bảng nhiệm vụ: cần cột «Nhiệm vụ cụ thể» (hoặc «Nội dung nhiệm vụ») và ít nhất "
                    + "một trong các cột «Sản phẩm», «Cơ quan chủ trì», «Cơ quan phối hợp», «Thời gian thực hiện»")]
            return result
        }
        let (headerIndex, layout) = found
        result.headerRow = firstRowNumber + headerIndex
        result.columns = layout.columns
        result.ignoredHeaders = layout.ignored
        var start = headerIndex + layout.rowsUsed
        if start < rows.count, numbersColumns(rows[start]) { start += 1 }

        let body = Array(rows.indices.dropFirst(start))
        let hasAreaRows = body.contains { areaText(rows[$0], layout) != nil }
        let areaColumn = layout.position(of: .area) != nil
        let areaFromTask = !hasAreaRows && !areaColumn && layout.position(of: .task) != nil

        var area: String?
        var previous: [Column: [String]] = [:]
        for index in body {
            let row = rows[index]
            let number = firstRowNumber + index
            if let text = areaText(row, layout) {
                area = text
                previous = [:]
                continue
            }
            let cells = positioned(row)
            if cells.allSatisfy({ $0.cell.isBlank }) { continue }

            var values: [Column: [String]] = [:]
            for (position, cell) in cells {
                guard let column = layout.positions[position], column != .number else { continue }
                values[column] = cell.continuesAbove ? previous[column] ?? [] : cell.textLines
            }
            for column in [Column.task, .area] where (values[column] ?? []).isEmpty {
                values[column] = previous[column] ?? []
            }
            previous = values

            func problem(_ reason: String) {
                result.problems.append(PlanTableProblem(row: number, reason: reason, excerpt: excerpt(row)))
            }
            let outside = cells.filter { $0.position >= layout.width && !$0.cell.isBlank && !$0.cell.continuesAbove }
            if !outside.isEmpty {
                problem("có \(outside.count) ô nằm ngoài \(layout.width) cột của bảng")
                continue
            }
            let joined = { (column: Column, separator: String) in (values[column] ?? []).joined(separator: separator) }
            var rowArea = area
            if areaFromTask {
                rowArea = joined(.task, " ")
            } else if areaColumn, !joined(.area, " ").isEmpty {
                rowArea = joined(.area, " ")
            }
            guard let rowArea, !rowArea.isEmpty else {
                problem(hasAreaRows ? "nằm trước dòng lĩnh vực cải cách đầu tiên"
                        : "không rõ thuộc lĩnh vực cải cách nào: bảng không có dòng lĩnh vực, cột «Lĩnh vực» hay cột «Nhiệm vụ chung»")
                continue
            }
            let detail = joined(.detail, "\n")
            guard !detail.isEmpty else {
                problem("không có nội dung ở cột «\(title(.detail))»")
                continue
            }
            let resultText = joined(.result, "\n"), resources = joined(.resources, "\n")
            result.tasks.append(PlanTaskEntry(
                area: rowArea, task: areaFromTask ? "" : joined(.task, "\n"), detail: detail, product: joined(.product, "\n"),
                lead: entries(values[.lead] ?? []), coordinators: entries(values[.coordinators] ?? []),
                timeFrame: joined(.timeFrame, "\n"),
                result: resultText.isEmpty ? nil : resultText, resources: resources.isEmpty ? nil : resources))
            result.taskRows.append(number)
        }
        return result
    }

    /// The area a row names, when it is an area row: one filled cell (besides a row number that is not a plain number),
    /// spanning columns, alone in its row, or in the table's first column with the others empty — when that column is the
    /// task's own («Nhiệm vụ cụ thể»), only under a number like "I" (a sheet does not say which cells are merged).
    static func areaText(_ row: [Cell], _ layout: Layout) -> String? {
        let filled = positioned(row).filter { !$0.cell.continuesAbove && !$0.cell.isBlank }
        let numberPosition = layout.position(of: .number)
        let isNumberCell = { (item: (position: Int, cell: Cell)) in item.position == numberPosition && item.cell.span == 1 }
        let content = filled.filter { !isNumberCell($0) }
        guard content.count == 1, let only = content.first else { return nil }
        let text = only.cell.textLines.joined(separator: " ")
        guard text.contains(where: \.isLetter) else { return nil }
        let numberCell = filled.first(where: isNumberCell)
        if let numberCell {
            let digits = numberCell.cell.textLines.joined().trimmingCharacters(in: CharacterSet(charactersIn: ". "))
            if !digits.isEmpty, digits.allSatisfy(\.isNumber) { return nil }
        }
        if only.cell.span >= 2 || (row.count == 1 && layout.width > 1) { return text }
        guard only.position == layout.firstContent else { return nil }
        // Alone in the task's own column, a row is an area only under a number that is not a task's ("I", "A").
        return layout.positions[only.position] != .detail || numberCell != nil ? text : nil
    }
}
