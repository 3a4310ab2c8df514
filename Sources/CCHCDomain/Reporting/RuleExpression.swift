import Foundation

/// The small expression language of consistency rules:
/// `[1.1.2] <= [1.1.1]`, `[1.3.2] + [1.3.3] <= [1.3.1]`, `([A1] - [A2]) * 2 == [B]`.
///
/// Grammar: rule := sum cmp sum; sum := term (('+'|'-') term)*; term := factor (('*'|'/') factor)*;
/// factor := number | '[' code ']' | '(' sum ')' | '-' factor; cmp := <= | < | >= | > | == | = | !=.
public indirect enum RuleExpression: Sendable, Equatable {
    case number(Double)
    case ref(String)
    case binary(Character, RuleExpression, RuleExpression)
    case negate(RuleExpression)
    case compare(String, RuleExpression, RuleExpression)

    public struct ParseError: Error, Equatable, Sendable {
        public var message: String
    }

    public static let comparisons = ["<=", ">=", "==", "!=", "<", ">", "="]
    /// Longest rule accepted, in characters: real rules are a line long.
    public static let maxLength = 500
    /// Deepest nesting of parentheses and signs: the parser is recursive, so this bounds its stack.
    public static let maxDepth = 24

    public static func parse(_ text: String) throws -> RuleExpression {
        guard text.count <= maxLength else {
            throw ParseError(message: "quy tắc dài \(text.count) ký tự, vượt giới hạn \(maxLength) ký tự.")
        }
        var parser = Parser(chars: Array(text))
        let lhs = try parser.sum()
        parser.skip()
        guard let op = parser.comparison() else {
            throw ParseError(message: parser.atEnd
                ? "thiếu phép so sánh (<=, <, >=, >, ==, !=)."
                : "ký tự “\(parser.chars[parser.pos])” không hợp lệ ở vị trí \(parser.pos + 1).")
        }
        let rhs = try parser.sum()
        parser.skip()
        guard parser.atEnd else { throw ParseError(message: "thừa ký tự “\(String(parser.chars[parser.pos...]))” ở cuối.") }
        return .compare(op == "=" ? "==" : op, lhs, rhs)
    }

    /// Indicator codes the expression reads.
    public var references: [String] {
        switch self {
        case .number: []
        case .ref(let c): [c]
        case .binary(_, let a, let b), .compare(_, let a, let b): a.references + b.references
        case .negate(let a): a.references
        }
    }

    /// nil when a referenced value is missing (the rule does not apply), or on division by zero.
    public func value(_ lookup: (String) -> Double?) -> Double? {
        switch self {
        case .number(let n): return n
        case .ref(let c): return lookup(c)
        case .negate(let a): return a.value(lookup).map { -$0 }
        case .binary(let op, let a, let b):
            guard let x = a.value(lookup), let y = b.value(lookup) else { return nil }
            switch op {
            case "+": return x + y
            case "-": return x - y
            case "*": return x * y
            default: return y == 0 ? nil : x / y
            }
        case .compare: return nil
        }
    }

    /// true / false, or nil when the rule does not apply (a value is blank).
    public func holds(_ lookup: (String) -> Double?) -> Bool? {
        guard case .compare(let op, let a, let b) = self, let x = a.value(lookup), let y = b.value(lookup) else { return nil }
        let eps = 1e-9
        switch op {
        case "<=": return x <= y + eps
        case "<": return x < y - eps
        case ">=": return x + eps >= y
        case ">": return x > y + eps
        case "==": return abs(x - y) <= eps
        case "!=": return abs(x - y) > eps
        default: return nil
        }
    }

    struct Parser {
        let chars: [Character]
        var pos = 0
        var depth = 0

        mutating func enter() throws {
            depth += 1
            guard depth <= RuleExpression.maxDepth else {
                throw ParseError(message: "biểu thức lồng quá \(RuleExpression.maxDepth) cấp ngoặc hoặc dấu.")
            }
        }
        var atEnd: Bool { pos >= chars.count }

        mutating func skip() { while !atEnd && chars[pos].isWhitespace { pos += 1 } }

        mutating func comparison() -> String? {
            skip()
            for op in RuleExpression.comparisons {
                let n = op.count
                if pos + n <= chars.count && String(chars[pos..<pos + n]) == op {
                    pos += n
                    return op
                }
            }
            return nil
        }

        mutating func sum() throws -> RuleExpression {
            var lhs = try term()
            while true {
                skip()
                guard !atEnd, chars[pos] == "+" || chars[pos] == "-" else { return lhs }
                let op = chars[pos]
                pos += 1
                lhs = .binary(op, lhs, try term())
            }
        }

        mutating func term() throws -> RuleExpression {
            var lhs = try factor()
            while true {
                skip()
                guard !atEnd, chars[pos] == "*" || chars[pos] == "/" else { return lhs }
                let op = chars[pos]
                pos += 1
                lhs = .binary(op, lhs, try factor())
            }
        }

        mutating func factor() throws -> RuleExpression {
            skip()
            guard !atEnd else { throw ParseError(message: "biểu thức bị thiếu ở cuối.") }
            let c = chars[pos]
            if c == "[" {
                pos += 1
                let start = pos
                while !atEnd && chars[pos] != "]" { pos += 1 }
                guard !atEnd else { throw ParseError(message: "thiếu dấu “]” đóng mã chỉ tiêu.") }
                let code = String(chars[start..<pos]).trimmingCharacters(in: .whitespaces)
                pos += 1
                guard !code.isEmpty else { throw ParseError(message: "mã chỉ tiêu trong “[]” bị trống.") }
                return .ref(code)
            }
            if c == "(" {
                pos += 1
                try enter()
                defer { depth -= 1 }
                let inner = try sum()
                skip()
                guard !atEnd, chars[pos] == ")" else { throw ParseError(message: "thiếu dấu “)”.") }
                pos += 1
                return inner
            }
            if c == "-" {
                pos += 1
                try enter()
                defer { depth -= 1 }
                return .negate(try factor())
            }
            if c.isNumber || c == "." {
                let start = pos
                while !atEnd && (chars[pos].isNumber || chars[pos] == "." || chars[pos] == ",") { pos += 1 }
                let text = String(chars[start..<pos]).replacingOccurrences(of: ",", with: ".")
                guard let n = Double(text), n.isFinite else { throw ParseError(message: "số “\(text)” không hợp lệ.") }
                return .number(n)
            }
            throw ParseError(message: "ký tự “\(c)” không hợp lệ ở vị trí \(pos + 1).")
        }
    }
}
