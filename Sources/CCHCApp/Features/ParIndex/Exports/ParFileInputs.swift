import Foundation
import CCHCDomain

/// What the files are made of: the score sheet from an assessment's view, the results table from a round's.
enum ParFileInputs {
    static func sheet(_ v: ParAssessmentView) -> ParFiles.Sheet {
        let appraised = v.rows.contains { $0.appraised != nil } || ["appraised", "answered"].contains(v.state)
        let rows = v.rows.map { r in
            ParFiles.SheetRow(code: r.code, name: r.name, depth: r.depth, max: r.max, selfPoints: r.selfPoints,
                              appraisedPoints: appraised ? r.points : nil, explanation: r.explanation ?? r.system,
                              comment: r.comment, evidence: r.evidence + r.files.map(\.fileName), adjustment: r.isAdjustment)
        }
        return ParFiles.Sheet(frameworkTitle: v.frameworkTitle, year: v.year, unitName: v.unitName, rows: rows, selfTotal: v.selfTotal,
                              appraisedTotal: appraised ? v.total : nil, classLabel: appraised ? v.classLabel : nil,
                              standing: v.standing, change: v.change)
    }

    static func results(_ v: ParRoundView) -> ParFiles.Results {
        let rows = v.units.map { u in
            ParFiles.ResultRow(rank: u.rank ?? 0, tied: u.tied, unitName: u.unitName, selfTotal: u.selfTotal, total: u.total,
                               classLabel: u.classLabel, change: u.change, areaPoints: u.areaPoints)
        }
        return ParFiles.Results(title: "Kết quả đánh giá, xếp loại công tác cải cách hành chính năm \(v.year) — \(v.jurisdictionName)",
                                year: v.year, group: ParService.groupLabel(v.group),
                                areas: v.areas.map { (code: $0.code, name: $0.name, max: $0.max) }, rows: rows)
    }
}
