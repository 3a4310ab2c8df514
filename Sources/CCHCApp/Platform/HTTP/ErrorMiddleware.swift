import Vapor
import FluentPostgresDriver
import CCHCDomain

/// Turns every error into a Vietnamese message: JSON under /api, an HTML page elsewhere.
struct CCHCErrorMiddleware: AsyncMiddleware {
    struct Body: Content {
        struct Detail: Content {
            var status: Int
            var message: String
            var fields: [FieldError]?
        }
        var error: Detail
    }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            let (status, message, fields) = Self.describe(error)
            if status == .internalServerError {
                request.logger.report(error: error)
            }
            if request.url.path.hasPrefix("/api/") {
                let response = Response(status: status)
                try response.content.encode(Body(error: .init(status: Int(status.code), message: message, fields: fields.isEmpty ? nil : fields)))
                if status == .unauthorized { response.headers.replaceOrAdd(name: .wwwAuthenticate, value: "Bearer") }
                return response
            }
            if status == .unauthorized {
                // A form sent after the session ended goes back, after signing in, to the page it came from
                // (the typing is kept in the browser and offered back there), never to a POST-only address.
                var next = request.url.path + (request.url.query.map { "?" + $0 } ?? "")
                if request.method != .GET, let page = Self.refererPath(request) { next = page }
                return request.redirect(to: SiteURL.login.relativeURL(parameters: [QueryParameter("next", next)]))
            }
            // A refused form (too large, expired CSRF token) reaches no page that could keep the typing:
            // the browser's Back button still has it.
            let back: HTML = request.method == .POST && [.payloadTooLarge, .forbidden].contains(status) && !message.contains("Quay lại")
                ? "<p>Bấm Quay lại trên trình duyệt để lấy lại phần đã nhập.</p>" : .empty
            let heading = (error as? CCHCError)?.title ?? Self.heading(status)
            let page = Layout.page(request: request, title: heading, body: """
            <section class="error"><h1>\(heading)</h1><p>\(message)</p>\(back)
            <p><a href="\(SiteURL.home.path)">Về trang chủ</a></p></section>
            """)
            var headers = HTTPHeaders()
            headers.contentType = .html
            return Response(status: status, headers: headers, body: .init(string: page.raw))
        }
    }

    static func heading(_ status: HTTPResponseStatus) -> String {
        switch status.code {
        case 403: "Không có quyền truy cập"
        case 404: "Không tìm thấy"
        case 400, 422: "Dữ liệu chưa hợp lệ"
        case 409: "Không thực hiện được"
        case 500...: "Lỗi hệ thống"
        default: "Không thực hiện được"
        }
    }

    static func describe(_ error: any Error) -> (HTTPResponseStatus, String, [FieldError]) {
        switch error {
        case let e as CCHCError:
            return (e.status, e.message, e.fieldErrors)
        case let e as StaleWrite:
            return (.conflict, e.fullMessage, [FieldError(field: "revision", message: "Lần sửa hiện tại: \(e.report.revision).")])
        case let e as ValidationFailure:
            return (.unprocessableEntity, e.errors.map(\.message).joined(separator: " "), e.errors)
        case let e as PSQLError where ["22021", "22P05"].contains(e.serverInfo?[.sqlState] ?? ""):
            // PostgreSQL stores no NUL character: say so instead of failing.
            return (.badRequest, "Dữ liệu gửi lên chứa ký tự không hợp lệ (NUL, mã 0); hãy xóa ký tự đó rồi gửi lại.", [])
        case let e as DecodingError:
            return (.badRequest, "Dữ liệu gửi lên không đúng định dạng: " + decodingMessage(e), [])
        case let e as any AbortError:
            return (e.status, vietnamese(e.status), [])
        default:
            return (.internalServerError,
                    "Đã có lỗi hệ thống; thao tác chưa được thực hiện. "
                        + "Bấm Quay lại trên trình duyệt để lấy lại phần đã nhập, rồi thử lại hoặc báo quản trị viên.",
                    [])
        }
    }

    static func vietnamese(_ status: HTTPResponseStatus) -> String {
        switch status.code {
        case 400: "Yêu cầu không hợp lệ."
        case 401: "Bạn cần đăng nhập để tiếp tục."
        case 403: "Bạn không có quyền thực hiện thao tác này."
        case 404: "Không tìm thấy trang hoặc dữ liệu yêu cầu."
        case 405: "Phương thức không được hỗ trợ cho địa chỉ này."
        case 413: "Tệp hoặc dữ liệu gửi lên quá lớn (tối đa 4 MB; tệp Excel tối đa 10 MB)."
        case 415: "Định dạng dữ liệu gửi lên không được hỗ trợ."
        case 429: "Quá nhiều yêu cầu; vui lòng thử lại sau."
        default: "Không thực hiện được yêu cầu (mã \(status.code))."
        }
    }

    static func decodingMessage(_ error: DecodingError) -> String {
        func path(_ ctx: DecodingError.Context) -> String {
            let p = ctx.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
            return p.isEmpty ? "nội dung" : "trường “\(p)”"
        }
        switch error {
        case .keyNotFound(let key, let ctx):
            let prefix = ctx.codingPath.map(\.stringValue) + [key.stringValue]
            return "thiếu trường \"\(prefix.joined(separator: "."))\"."
        case .typeMismatch(_, let ctx): return "\(path(ctx)) sai kiểu dữ liệu."
        case .valueNotFound(_, let ctx): return "\(path(ctx)) không được để trống."
        case .dataCorrupted(let ctx): return "\(path(ctx)) không đọc được."
        @unknown default: return "không đọc được."
        }
    }
}

extension CCHCErrorMiddleware {
    /// The path of the page a form was sent from, when it is a page of this site.
    static func refererPath(_ request: Request) -> String? {
        guard let referer = request.headers.first(name: .referer), let url = URL(string: referer), CSRFMiddleware.sameOrigin(request)
        else { return nil }
        let path = url.path + (url.query.map { "?" + $0 } ?? "")
        return SiteURL.isSafeNext(path) && url.path != SiteURL.login.path ? path : nil
    }
}
