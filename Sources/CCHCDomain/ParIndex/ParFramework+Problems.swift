import Foundation

/// What is wrong with a framework, in Vietnamese, naming the criterion.
public struct ParProblem: Sendable, Equatable, Codable, CustomStringConvertible {
    public enum Severity: String, Sendable, Codable { case error, warning }

    public var severity: Severity
    /// The criterion's code, or nil for the framework itself or its classes.
    public var criterion: String?
    public var message: String

    public init(_ severity: Severity, _ criterion: String?, _ message: String) {
        self.severity = severity
        self.criterion = criterion
        self.message = message
    }

    public var description: String { message }

    /// For the form: field "criteria.1.3.3", "classes" or "framework".
    public var fieldError: FieldError { FieldError(field: criterion.map { "criteria." + $0 } ?? "framework", message: message) }
}

extension ParFramework {
    /// Errors (the framework cannot be used) and warnings (it can, but check it), framework order.
    public func problems() -> [ParProblem] {
        var out: [ParProblem] = []
        func error(_ code: String?, _ m: String) { out.append(ParProblem(.error, code, m)) }
        func warn(_ code: String?, _ m: String) { out.append(ParProblem(.warning, code, m)) }

        if code.trimmingCharacters(in: .whitespaces).isEmpty { error(nil, "Bộ tiêu chí chưa có mã") }
        if title.trimmingCharacters(in: .whitespaces).isEmpty { error(nil, "Bộ tiêu chí chưa có tên") }
        if !(2000...2100).contains(year) { error(nil, "Năm áp dụng \(year) không hợp lệ") }
        if criteria.isEmpty { error(nil, "Bộ tiêu chí chưa có tiêu chí nào") }

        var seen: Set<String> = []
        var reported: Set<String> = []
        let codes = Set(criteria.map(\.code))
        let withChildren = Set(criteria.compactMap(\.parent))
        for c in criteria {
            let label = c.code.isEmpty ? "(chưa có mã)" : c.code
            if c.code.trimmingCharacters(in: .whitespaces).isEmpty { error(nil, "Có tiêu chí chưa có mã (\"\(c.name)\")") }
            if !seen.insert(c.code).inserted, reported.insert(c.code).inserted { error(c.code, "Mã tiêu chí \(label) bị trùng") }
            if c.name.trimmingCharacters(in: .whitespaces).isEmpty { error(c.code, "Tiêu chí \(label) chưa có tên") }
            if let p = c.parent {
                if p == c.code { error(c.code, "Tiêu chí \(label) là cha của chính nó") }
                else if !codes.contains(p) { error(c.code, "Tiêu chí \(label): tiêu chí cha \(p) không có trong bộ tiêu chí") }
            }
            if !c.max.isFinite || c.max < 0 {
                error(c.code, "Tiêu chí \(label): điểm tối đa \(ParPoints.text(c.max)) không được âm")
            }
            if withChildren.contains(c.code) {
                if c.method != nil {
                    warn(c.code, "Tiêu chí \(label) có tiêu chí thành phần: điểm là tổng các tiêu chí thành phần, "
                         + "phương pháp chấm \"\(c.effectiveMethod.type)\" không được dùng")
                }
            } else {
                out += methodProblems(c)
            }
        }
        out += cycleProblems()
        out += classProblems()
        return out
    }

    public var errors: [ParProblem] { problems().filter { $0.severity == .error } }

    private func cycleProblems() -> [ParProblem] {
        var out: [ParProblem] = []
        var parentOf: [String: String] = [:]
        for c in criteria where c.parent != nil && c.parent != c.code && parentOf[c.code] == nil { parentOf[c.code] = c.parent }
        var inCycle: Set<String> = []
        for c in criteria where !inCycle.contains(c.code) {
            var path: [String] = [c.code]
            var current = c.code
            while let p = parentOf[current] {
                if let i = path.firstIndex(of: p) {
                    let cycle = Array(path[i...])
                    if cycle.allSatisfy({ !inCycle.contains($0) }) {
                        inCycle.formUnion(cycle)
                        out.append(ParProblem(.error, cycle.min(), "Các tiêu chí " + (cycle + [p]).joined(separator: " → ") + " làm thành vòng lặp cha – con"))
                    }
                    break
                }
                path.append(p)
                current = p
            }
        }
        return out
    }

    private func methodProblems(_ c: ParCriterion) -> [ParProblem] {
        var out: [ParProblem] = []
        let code = c.code
        func error(_ m: String) { out.append(ParProblem(.error, code, "Tiêu chí \(code): " + m)) }
        func warn(_ m: String) { out.append(ParProblem(.warning, code, "Tiêu chí \(code): " + m)) }
        func checkPoints(_ p: Double, _ what: String) {
            if !p.isFinite || p < 0 { error("\(what) \(ParPoints.text(p)) điểm không được âm") }
            else if ParPoints.above(p, c.max) { error("\(what) \(ParPoints.text(p)) điểm vượt điểm tối đa \(ParPoints.text(c.max))") }
        }
        switch c.effectiveMethod {
        case .manual(let step):
            if let step {
                if !(step > 0) { error("bước chấm phải lớn hơn 0") }
                else if !ParPoints.isMultiple(c.max, of: step) {
                    warn("điểm tối đa \(ParPoints.text(c.max)) không chia hết cho bước chấm \(ParPoints.text(step))")
                }
            }
        case .boolean: break
        case .levels(let levels):
            if levels.isEmpty { error("chưa có mức nào") }
            var labels: Set<String> = []
            for l in levels {
                if l.label.trimmingCharacters(in: .whitespaces).isEmpty { error("có mức chưa có tên") }
                if !labels.insert(Folding.fold(l.label)).inserted { error("mức \"\(l.label)\" bị trùng") }
                checkPoints(l.points, "mức \"\(l.label)\"")
            }
        case .bands(_, let bands), .indicator(_, let bands):
            if case .indicator(let ind, _) = c.effectiveMethod, ind.trimmingCharacters(in: .whitespaces).isEmpty { error("chưa ghi mã chỉ tiêu báo cáo") }
            bandProblems(bands, error: error, warn: warn, checkPoints: checkPoints)
        case .deduction(let d):
            if d.required <= 0 { error("số lượng yêu cầu mỗi \(d.per.label) phải lớn hơn 0") }
            if !(d.penalty > 0) { error("số điểm trừ cho mỗi mục thiếu phải lớn hơn 0") }
            if let f = d.floor, !(f.isFinite) || ParPoints.above(f, c.max) { error("mức sàn \(ParPoints.text(f)) vượt điểm tối đa") }
        case .deadline(let d):
            if d.duties.isEmpty { error("chưa ghi nhiệm vụ nào để tính thời hạn") }
            if Set(d.duties).count != d.duties.count { error("nhiệm vụ bị ghi trùng") }
            checkPoints(d.onTime, "điểm đúng hạn")
            checkPoints(d.late, "điểm chậm hạn")
            checkPoints(d.missing, "điểm không thực hiện")
            if ParPoints.above(d.late, d.onTime) || ParPoints.above(d.missing, d.late) {
                error("điểm phải giảm dần: đúng hạn ≥ chậm hạn ≥ không thực hiện")
            }
        case .bonus(let cap), .penalty(let cap):
            if !(cap > 0) || !cap.isFinite { error("mức tối đa của điểm \(c.effectiveMethod == .bonus(cap: cap) ? "thưởng" : "trừ") phải lớn hơn 0") }
        }
        return out
    }

    private func bandProblems(_ bands: [ParBand], error: (String) -> Void, warn: (String) -> Void, checkPoints: (Double, String) -> Void) {
        if bands.isEmpty { error("chưa có khoảng giá trị nào") }
        for b in bands {
            checkPoints(b.points, "khoảng \"\(b.text)\"")
            if let lo = b.min, let hi = b.max {
                if lo > hi + ParPoints.epsilon { error("khoảng \"\(b.text)\": cận dưới lớn hơn cận trên") }
                else if ParPoints.same(lo, hi) && !(b.includesMin && b.includesMax) { error("khoảng \"\(b.text)\" không chứa giá trị nào") }
            }
        }
        // Sorted by lower edge (open lower first; at an equal edge, the one that includes it first).
        let sorted = bands.sorted { a, b in
            switch (a.min, b.min) {
            case (nil, nil): return false
            case (nil, _): return true
            case (_, nil): return false
            case let (x?, y?): return ParPoints.same(x, y) ? (a.includesMin && !b.includesMin) : x < y
            }
        }
        for (a, b) in zip(sorted, sorted.dropFirst()) {
            guard let hi = a.max else { error("khoảng \"\(a.text)\" và \"\(b.text)\" chồng lên nhau"); continue }
            guard let lo = b.min else { error("khoảng \"\(a.text)\" và \"\(b.text)\" chồng lên nhau"); continue }
            if ParPoints.same(hi, lo) {
                if a.includesMax && b.includesMin {
                    error("khoảng \"\(a.text)\" và \"\(b.text)\" cùng chứa giá trị \(NumberFormat.vietnamese(hi, maxFractionDigits: 4)) "
                          + "(ghi \"minInclusive\": false hoặc \"maxInclusive\": false)")
                } else if !a.includesMax && !b.includesMin {
                    warn("giá trị \(NumberFormat.vietnamese(hi, maxFractionDigits: 4)) không thuộc khoảng nào")
                }
            } else if hi > lo {
                error("khoảng \"\(a.text)\" và \"\(b.text)\" chồng lên nhau")
            } else {
                let (from, to) = (NumberFormat.vietnamese(hi, maxFractionDigits: 4), NumberFormat.vietnamese(lo, maxFractionDigits: 4))
                warn("các giá trị giữa \(from) và \(to) không thuộc khoảng nào")
            }
        }
    }

    private func classProblems() -> [ParProblem] {
        var out: [ParProblem] = []
        var labels: Set<String> = []
        for (i, k) in classes.enumerated() {
            if k.label.trimmingCharacters(in: .whitespaces).isEmpty { out.append(ParProblem(.error, nil, "Có loại xếp loại chưa có tên")) }
            if !labels.insert(Folding.fold(k.label)).inserted { out.append(ParProblem(.error, nil, "Loại \"\(k.label)\" bị trùng")) }
            if !k.min.isFinite || k.min < 0 { out.append(ParProblem(.error, nil, "Loại \"\(k.label)\": ngưỡng điểm không được âm")) }
            if let s = k.everyCriterionMinShare, !(s > 0 && s <= 1) {
                out.append(ParProblem(.error, nil, "Loại \"\(k.label)\": tỷ lệ điểm tối thiểu của mọi tiêu chí phải trong khoảng (0; 1], ví dụ 0,5 cho 50 %"))
            }
            if i > 0, !(k.min < classes[i - 1].min) {
                let before = classes[i - 1]
                out.append(ParProblem(.error, nil, "Các loại phải ghi từ cao xuống thấp: \"\(k.label)\" (từ \(ParPoints.text(k.min)) điểm) "
                                      + "đứng sau \"\(before.label)\" (từ \(ParPoints.text(before.min)) điểm)"))
            }
        }
        return out
    }
}
