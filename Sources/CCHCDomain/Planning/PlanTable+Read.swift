import Foundation

extension PlanTable {
    /// Rows searched for the header (a sheet may have a title above its table).
    static let headerSearch = 30

    /// Where the columns are: grid position → column, and how wide the header is.
    struct Layout {
        var positions: [Int: Column] = [:]
        var width = 0
        var ignored: [String] = []
        /// Rows taken by the header (its own, a second header row, a row numbering the columns).
        var rowsUsed = 1

        var columns: [Column] { positions.keys.sorted().compactMap { positions[$0] } }
        /// The leftmost position holding something other than the row number.
        var firstContent: Int? { positions.filter { $0.value != .number }.keys.min() }
        func position(of column: Column) -> Int? { positions.first { $0.value == column }?.key }
    }

    /// A row's cells at their grid positions.
    static func positioned(_ row: [Cell]) -> [(position: Int, cell: Cell)] {
        var out: [(position: Int, cell: Cell)] = []
        var next = 0
        for cell in row {
            let position = max(cell.column ?? next, 0)
            out.append((position, cell))
            next = position + cell.span
        }
        return out
    }

    /// The header's layout when the row names the task's detail and at least one other column.
    static func layout(header: [Cell], next: [Cell]?) -> Layout? {
        var layout = Layout()
        var unnamed: [(position: Int, span: Int)] = []
        for (position, cell) in positioned(header) {
            layout.width = max(layout.width, position + cell.span)
            let text = cell.textLines.joined(separator: " ")
            guard !text.isEmpty, !cell.continuesAbove else { continue }
            if let column = column(named: text), !layout.positions.values.contains(column) {
                layout.positions[position] = column
            } else {
                layout.ignored.append(text)
                unnamed.append((position, cell.span))
            }
        }
        // A second header row naming what a spanning cell above groups ("Cơ quan thực hiện" over "Chủ trì", "Phối hợp").
        if let next, !unnamed.isEmpty {
            var found: [Int: Column] = [:]
            var other = false
            for (position, cell) in positioned(next) where !cell.continuesAbove && !cell.isBlank {
                let inGroup = unnamed.contains { position >= $0.position && position < $0.position + $0.span }
                if inGroup, let column = column(named: cell.textLines.joined(separator: " ")),
                   !layout.positions.values.contains(column), !found.values.contains(column) {
                    found[position] = column
                } else {
                    other = true
                }
            }
            if !found.isEmpty, !other {
                layout.positions.merge(found) { old, _ in old }
                layout.rowsUsed = 2
                let groups = unnamed.filter { group in found.keys.contains { $0 >= group.position && $0 < group.position + group.span } }
                for group in groups {
                    if let index = positioned(header).firstIndex(where: { $0.position == group.position }) {
                        let text = header[index].textLines.joined(separator: " ")
                        layout.ignored.removeAll { $0 == text }
                    }
                }
            }
        }
        let named = Set(layout.positions.values)
        guard named.contains(.detail), !named.subtracting([.detail, .number]).isEmpty else { return nil }
        return layout
    }

    /// "1", "(2)", "3" in every filled cell: the row numbering the columns under a header.
    static func numbersColumns(_ row: [Cell]) -> Bool {
        let texts = row.filter { !$0.isBlank && !$0.continuesAbove }.map { $0.textLines.joined() }
        guard texts.count >= 2 else { return false }
        return texts.allSatisfy { text in
            let digits = text.trimmingCharacters(in: CharacterSet(charactersIn: "()[] "))
            return !digits.isEmpty && digits.allSatisfy(\.isNumber)
        }
    }

    /// The lines of a lead or coordinators cell as entries: one per line, a line split at ";", the bullet ("- ", "+ ",
    /// "• ") and the closing punctuation left out — "- Sở Y tế;" → "Sở Y tế".
    public static func entries(_ lines: [String]) -> [String] {
        var out: [String] = []
        for line in lines {
            for part in bulletless(line).split(separator: ";") {
                var entry = part.trimmingCharacters(in: .whitespacesAndNewlines)
                while let last = entry.last, ".,;:".contains(last) { entry.removeLast() }
                entry = entry.trimmingCharacters(in: .whitespaces)
                if !entry.isEmpty { out.append(entry) }
            }
        }
        return out
    }

    /// The line without its bullet.
    static func bulletless(_ line: String) -> String {
        let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
        for bullet in ["- ", "– ", "+ ", "• ", "* "] where trimmed.hasPrefix(bullet) {
            return String(trimmed.dropFirst(bullet.count)).trimmingCharacters(in: .whitespaces)
        }
        if trimmed == "-" || trimmed == "+" || trimmed == "•" { return "" }
        return trimmed
    }

    /// A row's text for the problem list: its cells' first words, at most 80 characters.
    static func excerpt(_ row: [Cell]) -> String {
        let text = row.map { $0.textLines.joined(separator: " ") }.filter { !$0.isEmpty }.joined(separator: " | ")
        return text.count > 80 ? String(text.prefix(79)) + "…" : text
    }
}
