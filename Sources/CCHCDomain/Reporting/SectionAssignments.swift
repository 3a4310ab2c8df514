import Foundation

/// Which office of the issuing jurisdiction answers for which rows of the form (seed 000 §II.2:
/// "Phòng Nội vụ: cung cấp số liệu tại mục 1.1; 1.2 …; mục 4 …; mục 5"). An assignment names a
/// section or a row; a row belongs to the office of its nearest assigned ancestor (or itself), so a
/// row-level assignment overrides its section's.
public enum SectionAssignments {
    /// The office answering for `code`: the assignment of the code itself, else of its nearest ancestor.
    public static func owner(of code: String, form: FormDefinition, assignments: [String: Int]) -> Int? {
        var current: String? = code
        var guardCount = 0
        while let c = current, guardCount < 64 {
            if let office = assignments[c] { return office }
            current = form.indicator(c)?.parent
            guardCount += 1
        }
        return nil
    }

    /// The assignments the form's own "Cơ quan" column suggests, matching each named office to one of
    /// `offices` by its name (accents, case, "và"/"-" and word order ignored). Names that match no office
    /// are returned, so the page can say so rather than guess.
    public static func suggested(form: FormDefinition, offices: [(id: Int, name: String)]) -> (assignments: [String: Int], unmatched: [String]) {
        func words(_ name: String) -> Set<String> {
            Set(Folding.fold(name).split { !$0.isLetter && !$0.isNumber }.map(String.init).filter { $0 != "va" && $0 != "phong" })
        }
        let known = offices.map { ($0.id, words($0.name)) }
        var out: [String: Int] = [:]
        var unmatched: [String] = []
        for ind in form.indicators {
            guard let name = ind.office?.trimmingCharacters(in: .whitespaces), !name.isEmpty else { continue }
            let wanted = words(name)
            if let match = known.first(where: { $0.1 == wanted }) ?? known.first(where: { !$0.1.isEmpty && $0.1.isSubset(of: wanted) }) {
                out[ind.code] = match.0
            } else if !unmatched.contains(name) {
                unmatched.append(name)
            }
        }
        return (out, unmatched)
    }

    /// The outline section an office's topic report belongs in: the reform area holding most of its rows
    /// (the Văn phòng answers for 1.3, 1.4 and 3 — its report is about procedures, section 3).
    public static func narrativeKey(for sections: [String], form: FormDefinition) -> String {
        var rows: [String: Int] = [:]
        for section in sections {
            let count = form.indicators.filter { $0.isInput && ReportOutline.code($0.code, isIn: section) }.count
            rows[ReportOutline.narrativeKey(forSection: section), default: 0] += max(count, 1)
        }
        return rows.max { a, b in a.value != b.value ? a.value < b.value : a.key > b.key }?.key ?? "toChuc"
    }
}
