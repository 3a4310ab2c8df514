import Foundation
import CCHCDomain

/// Form JSON in and out, with Vietnamese messages for what cannot be read.
enum FormCodec {
    static func encode(_ form: FormDefinition) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(form), as: UTF8.self)
    }

    static func decode(_ data: Data) throws -> FormDefinition {
        do {
            return try JSONDecoder().decode(FormDefinition.self, from: data)
        } catch let error as DecodingError {
            throw ValidationFailure(field: "form", "Tệp biểu mẫu không đọc được: " + CCHCErrorMiddleware.decodingMessage(error))
        } catch {
            throw ValidationFailure(field: "form", "Tệp biểu mẫu không phải là JSON hợp lệ.")
        }
    }

    /// Reads and checks a form; every problem is listed.
    static func decodeChecked(_ data: Data) throws -> FormDefinition {
        let form = try decode(data)
        let problems = form.problems()
        guard problems.isEmpty else { throw ValidationFailure(problems.map { FieldError(field: "form", message: $0) }) }
        return form
    }
}
