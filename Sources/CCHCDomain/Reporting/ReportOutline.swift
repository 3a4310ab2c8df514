/// The outline of a periodic CCHC report (seed 002's "đề cương"): its narrative sections, in order,
/// and which of them an office's topic report goes into.
public enum ReportOutline {
    public struct Section: Sendable, Equatable {
        public let key: String
        /// As the report page labels it on its own: "II.1. Kết quả cải cách thể chế".
        public let title: String
        /// As the document numbers it under its part: "1. Cải cách thể chế".
        public let heading: String
        /// The Roman-numbered part it sits in, when the heading is numbered inside one: "II. Kết quả …".
        public let part: String?

        init(key: String, title: String, heading: String? = nil, part: String? = nil) {
            self.key = key
            self.title = title
            self.heading = heading ?? title
            self.part = part
        }
    }

    static let results = "II. Kết quả thực hiện các nhiệm vụ cải cách hành chính"

    public static let sections: [Section] = [
        .init(key: "toChuc", title: "I. Công tác chỉ đạo, điều hành: tổ chức thực hiện, kiểm tra, tuyên truyền CCHC"),
        .init(key: "ketQua1", title: "II.1. Kết quả cải cách thể chế", heading: "1. Cải cách thể chế", part: results),
        .init(key: "ketQua2", title: "II.2. Kết quả cải cách thủ tục hành chính", heading: "2. Cải cách thủ tục hành chính",
              part: results),
        .init(key: "ketQua3", title: "II.3. Kết quả cải cách tổ chức bộ máy", heading: "3. Cải cách tổ chức bộ máy", part: results),
        .init(key: "ketQua4", title: "II.4. Kết quả cải cách chế độ công vụ", heading: "4. Cải cách chế độ công vụ", part: results),
        .init(key: "ketQua5", title: "II.5. Kết quả cải cách tài chính công", heading: "5. Cải cách tài chính công", part: results),
        .init(key: "ketQua6", title: "II.6. Kết quả xây dựng và phát triển Chính quyền điện tử, Chính quyền số",
              heading: "6. Xây dựng và phát triển Chính quyền điện tử, Chính quyền số", part: results),
        .init(key: "khoKhan", title: "III. Khó khăn, vướng mắc"),
        .init(key: "kienNghi", title: "IV. Kiến nghị, đề xuất"),
    ]

    /// The headings of the document in order, as documents number them — "I.", "II." then "1." … "6." under it,
    /// "III.", "IV." — each with the section whose text follows it (nil for a part heading with none of its own).
    public static var documentOutline: [(heading: String, key: String?)] {
        var out: [(heading: String, key: String?)] = []
        var part: String?
        for section in sections {
            if let sectionPart = section.part, sectionPart != part { out.append((sectionPart, nil)) }
            part = section.part
            out.append((section.heading, section.key))
        }
        return out
    }

    /// The narrative section an office's topic report belongs in, by the form section it answers for:
    /// form sections 2–7 are the six reform areas (II.1–II.6); anything else is direction (I).
    public static func narrativeKey(forSection section: String) -> String {
        switch section.split(separator: ".").first.map(String.init) ?? section {
        case "2": "ketQua1"
        case "3": "ketQua2"
        case "4": "ketQua3"
        case "5": "ketQua4"
        case "6": "ketQua5"
        case "7": "ketQua6"
        default: "toChuc"
        }
    }

    /// Is indicator `code` inside form section `section` ("1.3.2" is in "1.3" and in "1")?
    public static func code(_ code: String, isIn section: String) -> Bool { code == section || code.hasPrefix(section + ".") }
}

public extension PeriodKind {
    /// Can a report of this kind be set beside one of `other`? Monthly reports compare with months,
    /// the quarterly cycle (Q1, H1, Q3, Y) with its own kinds.
    func isComparable(with other: PeriodKind) -> Bool {
        switch (self, other) {
        case (.month, .month): true
        case (.month, _), (_, .month): false
        default: true
        }
    }

    /// The earlier period of the year a report of this kind is set beside. Q1, H1 and the year run
    /// cumulatively from 15/12 (seed 000 §II.1b), so H1 stands beside Q1 (its increment is the second
    /// quarter) and the year beside H1; Q3 is a quarter of its own, comparable only with Q3 a year
    /// earlier — never with H1. Months follow each other.
    var previousInYear: PeriodKind? {
        switch self {
        case .q1: nil
        case .h1: .q1
        case .q3: nil
        case .year: .h1
        case .estimate, .supplement: nil
        case .month(let m): m > 1 ? .month(m - 1) : nil
        }
    }
}
