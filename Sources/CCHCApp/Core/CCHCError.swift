import Vapor
import CCHCDomain

/// The one error type of the app: an HTTP status and a message the user reads (Vietnamese).
public struct CCHCError: Error, AbortError, Sendable {
    public var status: HTTPResponseStatus
    public var message: String
    public var fieldErrors: [FieldError]

    public var reason: String { message }

    public init(_ status: HTTPResponseStatus, _ message: String, fieldErrors: [FieldError] = []) {
        self.status = status
        self.message = message
        self.fieldErrors = fieldErrors
    }

    public static let unauthenticated = CCHCError(.unauthorized, "Bạn cần đăng nhập để tiếp tục.")
    public static let forbidden = CCHCError(.forbidden, "Bạn không có quyền thực hiện thao tác này.")
    public static func notFound(_ what: String = "Không tìm thấy trang hoặc dữ liệu yêu cầu.") -> CCHCError {
        CCHCError(.notFound, what)
    }
    public static func validation(_ failure: ValidationFailure) -> CCHCError {
        CCHCError(.unprocessableEntity, "Dữ liệu chưa hợp lệ: " + failure.errors.map(\.message).joined(separator: " "), fieldErrors: failure.errors)
    }
}
