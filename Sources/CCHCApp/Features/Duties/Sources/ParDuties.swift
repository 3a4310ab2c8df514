import Fluent
import Foundation
import CCHCDomain

/// A unit's PAR-index self-assessment by the round's submission deadline, and its answer to the council's appraisal by the
/// answer deadline once the result was sent (optional: not answering is done when the deadline passes).
enum ParDuties: DutySource {
    static func duties(_ scope: DutyScope, on db: any Database) async throws -> [Duty] {
        let assessments = try await ParAssessmentRecord.query(on: db).filter(\.$unit.$id ~~ scope.unitIDs).with(\.$round).all()
        var out: [Duty] = []
        for a in assessments {
            guard let unit = scope.unit(a.$unit.id), let selfDue = Day(iso: a.round.selfDue) else { continue }
            let (roundID, unitID) = (try a.round.requireID(), a.$unit.id)
            let url = SiteURL.Par.assessment(.value(roundID), .value(unitID)).path
            out.append(Duty(id: "par-self:\(try a.requireID())", kind: .parSelfAssessment, unitID: unitID, unitName: unit.name,
                            title: "Tự đánh giá chỉ số CCHC năm \(a.round.year)", dueDay: selfDue, doneAt: a.firstSubmittedAt,
                            note: a.state == .draft && a.withdrawals > 0 ? "Đã rút lại để sửa" : nil, url: url))
            if let appraised = a.appraisedAt, let answerDue = Day(iso: a.round.answerDue) {
                // Answering is the unit's right: an answer closes it; so does the deadline passing without one.
                let closed = a.answeredAt ?? (scope.now > Duty.moment(answerDue, time: nil) ? appraised : nil)
                out.append(Duty(id: "par-answer:\(try a.requireID())", kind: .parExplanation, unitID: unitID, unitName: unit.name,
                                title: "Giải trình kết quả thẩm định chỉ số CCHC năm \(a.round.year)", dueDay: answerDue, doneAt: closed,
                                note: a.answeredAt == nil ? "Không bắt buộc: chỉ khi đơn vị không đồng ý với điểm thẩm định" : nil, url: url))
            }
        }
        return out
    }
}
