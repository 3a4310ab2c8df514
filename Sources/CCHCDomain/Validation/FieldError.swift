/// One problem with one field of the user's input, in Vietnamese.
public struct FieldError: Error, Sendable, Equatable, Codable {
    /// The form or JSON field name ("code", "parentID" …).
    public var field: String
    /// What is wrong, naming the field as the user sees it.
    public var message: String

    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }
}

/// A write refused because of the user's input; nothing was saved.
public struct ValidationFailure: Error, Sendable {
    public var errors: [FieldError]
    public init(_ errors: [FieldError]) { self.errors = errors }
    public init(field: String, _ message: String) { self.errors = [FieldError(field: field, message: message)] }

    public func messages(for field: String) -> [String] { errors.filter { $0.field == field }.map(\.message) }
}
