import Foundation

/// Whether a report has enough in it to go to the leader and be sent: the rows its form marks
/// `required`, or — where the form marks none — at least one figure or one narrative section.
/// An empty report is never signed, sent and counted as received.
public enum ReportCompleteness {
    public static func missing(form: FormDefinition, values: [String: IndicatorValue], narrative: [String: String]) -> [FieldError] {
        let required = form.indicators.filter { $0.required == true && $0.isInput }
        if !required.isEmpty {
            return required.filter { values[$0.code]?.isEmpty ?? true }.map {
                FieldError(field: "v.\($0.code)", message: "Dòng \($0.code) (\($0.name)) là dòng bắt buộc: chưa có số liệu.")
            }
        }
        let anyFigure = values.contains { code, value in !value.isEmpty && form.indicator(code)?.isInput == true }
        let anyText = narrative.values.contains { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        guard !anyFigure && !anyText else { return [] }
        return [FieldError(field: "report", message: "Báo cáo chưa có số liệu hay nội dung nào: "
                           + "hãy nhập ít nhất một số liệu hoặc một phần nội dung rồi mới trình ký, gửi.")]
    }
}
