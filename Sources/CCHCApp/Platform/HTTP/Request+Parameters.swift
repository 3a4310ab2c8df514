import Foundation
import Vapor

extension Request {
    /// An optional whole-number query parameter: nil when absent or empty; 400 naming it when it is
    /// not a number (a malformed filter is never silently dropped).
    func queryInt(_ name: String, in range: ClosedRange<Int>? = nil) throws -> Int? {
        guard let text = query[String.self, at: name]?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        guard let value = Int(text), range.map({ $0.contains(value) }) ?? true else {
            let bounds = range.map { " từ \($0.lowerBound) đến \($0.upperBound)" } ?? ""
            throw CCHCError(.badRequest, "Tham số \(name): “\(text.prefix(40))” không phải là số nguyên\(bounds).")
        }
        return value
    }

    /// An optional yes/no query parameter (true/false, 1/0).
    func queryBool(_ name: String) throws -> Bool? {
        guard let text = query[String.self, at: name]?.lowercased() else { return nil }
        switch text {
        case "true", "1": return true
        case "false", "0": return false
        default: throw CCHCError(.badRequest, "Tham số \(name): “\(text.prefix(40))” phải là true hoặc false.")
        }
    }

    /// A numeric id from the path; anything else is simply "not found".
    func idParameter(_ name: String) throws -> Int {
        guard let text = parameters.get(name), let id = Int(text), id > 0 else {
            throw CCHCError.notFound()
        }
        return id
    }
}
