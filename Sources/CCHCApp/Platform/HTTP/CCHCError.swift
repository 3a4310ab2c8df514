import Vapor
import CCHCDomain

/// The one error type of the app: an HTTP status and a message the user reads (Vietnamese).
public struct CCHCError: Error, AbortError, Sendable {
    public var status: HTTPResponseStatus
    public var message: String
    public var fieldErrors: [FieldError]
    /// The error page's heading when the status alone would mislead ("Báo cáo đã khóa", not "Không có quyền truy cập").
    public var title: String?

    public var reason: String { message }

    public init(_ status: HTTPResponseStatus, _ message: String, fieldErrors: [FieldError] = [], title: String? = nil) {
        self.status = status
        self.message = message
        self.fieldErrors = fieldErrors
        self.title = title
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

/// Lost-update protection for records edited on a page or through the API: each carries an edit
/// counter; a write that names an older one than stored is refused (409), nothing overwritten.
enum Revisions {
    static func check(_ current: Int, expected: Int?, what: String, saved: String = "") throws {
        guard let expected, expected != current else { return }
        throw CCHCError(.conflict, "\(what) đã được người khác sửa (lần sửa \(current)) sau khi bạn mở trang (lần sửa \(expected)); "
            + "không ghi đè.\(saved.isEmpty ? "" : " Bản đang lưu: \(saved).") "
            + "Những gì bạn nhập vẫn còn trên trang: xem lại rồi bấm Lưu.",
            fieldErrors: [FieldError(field: "revision", message: "Lần sửa hiện tại: \(current).")])
    }

    static func field(_ revision: Int) -> HTML { "<input type=\"hidden\" name=\"revision\" value=\"\(revision)\">" }
}
