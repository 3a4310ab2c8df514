/// Rules for shaping the organisation tree: placing, moving, merging units.
public enum OrgRules {
    public enum Violation: Error, Equatable, Sendable, CustomStringConvertible {
        case codeRequired
        case codeInvalid(String)
        case nameRequired
        case parentNotAllowed(child: UnitKind, parent: UnitKind)
        case topLevelMustBeProvince(UnitKind)
        case cycle
        case retiredUnit(String)
        case standingAgencyMustBeOffice
        case mergeNeedsTwo
        case mergeMixedTiers
        case mergeDateInvalid(String)
        case mergeTargetIsPredecessor

        public var description: String {
            switch self {
            case .codeRequired: "Mã đơn vị: không được để trống."
            case .codeInvalid(let code):
                "Mã đơn vị “\(code)”: chỉ dùng chữ cái không dấu, chữ số, dấu gạch ngang (tối đa 40 ký tự)."
            case .nameRequired: "Tên đơn vị: không được để trống."
            case .parentNotAllowed(let child, let parent): "Đơn vị cấp trên: một \(child.label) không thể trực thuộc một \(parent.label)."
            case .topLevelMustBeProvince(let kind):
                "Đơn vị cấp trên: một \(kind.label) phải có đơn vị cấp trên; chỉ cấp tỉnh hoặc cả nước mới đứng đầu cây."
            case .cycle: "Đơn vị cấp trên: không thể chuyển một đơn vị vào chính nó hoặc vào đơn vị cấp dưới của nó."
            case .retiredUnit(let name): "\(name) đã ngừng hoạt động (sáp nhập hoặc giải thể): chỉ xem, không sửa được."
            case .standingAgencyMustBeOffice: "Cơ quan thường trực CCHC phải là một cơ quan chuyên môn (sở, phòng, ban, văn phòng)."
            case .mergeNeedsTwo: "Sáp nhập: cần chọn ít nhất hai đơn vị cũ."
            case .mergeMixedTiers: "Sáp nhập: các đơn vị cũ và đơn vị mới phải cùng cấp."
            case .mergeDateInvalid(let text): text.trimmingCharacters(in: .whitespaces).isEmpty
                ? "Ngày sáp nhập: chưa nhập (dd/MM/yyyy)." : "Ngày sáp nhập " + VNDate.problem(text)
            case .mergeTargetIsPredecessor: "Sáp nhập: đơn vị mới không thể là một trong các đơn vị cũ."
            }
        }
    }

    public static func validateCode(_ code: String) -> Violation? {
        if code.isEmpty { return .codeRequired }
        let ok = code.count <= 40 && code.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ".") }
        return ok ? nil : .codeInvalid(code)
    }

    /// Checks a unit's own fields and its place under `parent`.
    public static func validatePlacement(kind: UnitKind, code: String, name: String,
                                         isStandingAgency: Bool, parent: OrgNode?) -> [Violation] {
        var found: [Violation] = []
        if let v = validateCode(code) { found.append(v) }
        if name.trimmingCharacters(in: .whitespaces).isEmpty { found.append(.nameRequired) }
        if isStandingAgency && !kind.isOffice { found.append(.standingAgencyMustBeOffice) }
        if let parent {
            if parent.isRetired { found.append(.retiredUnit(parent.name)) }
            if !parent.kind.mayContain(kind) { found.append(.parentNotAllowed(child: kind, parent: parent.kind)) }
        } else if kind.tier != .province && kind.tier != .nation {
            found.append(.topLevelMustBeProvince(kind))
        }
        return found
    }

    /// Moving `unitPath` under `newParentPath` must not create a cycle.
    public static func validateMove(unitPath: UnitPath, newParentPath: UnitPath) -> Violation? {
        unitPath.contains(newParentPath) ? .cycle : nil
    }

    /// Checks a merge of `predecessors` into a new unit of `kind` under `parent`.
    public static func validateMerge(predecessors: [OrgNode], kind: UnitKind) -> [Violation] {
        var found: [Violation] = []
        if Set(predecessors.map(\.id)).count < 2 { found.append(.mergeNeedsTwo) }
        for p in predecessors where p.isRetired { found.append(.retiredUnit(p.name)) }
        if predecessors.contains(where: { $0.kind.tier != kind.tier }) { found.append(.mergeMixedTiers) }
        return found
    }

    /// Every unit whose history flows into `unitID` through merges, nearest first
    /// (breadth-first), so a merged unit's history stays reachable.
    public static func lineage(of unitID: Int, predecessors: [Int: [Int]]) -> [Int] {
        var seen: Set<Int> = [unitID]
        var order: [Int] = []
        var queue = predecessors[unitID] ?? []
        while !queue.isEmpty {
            let next = queue.removeFirst()
            guard seen.insert(next).inserted else { continue }
            order.append(next)
            queue.append(contentsOf: predecessors[next] ?? [])
        }
        return order
    }
}
