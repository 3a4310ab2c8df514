import Foundation
import CCHCDomain

/// Names for the generated tree: Vietnamese place names made of two common syllables ("Phú Thạnh", "Đông Hưng"), the
/// departments of a province and the offices of a district as they are really called.
enum BenchNames {
    static let syllables = ["An", "Bình", "Hòa", "Phú", "Thạnh", "Long", "Tân", "Đông", "Tây", "Nam", "Bắc", "Hưng", "Phước", "Thuận",
                            "Quang", "Minh", "Hải", "Sơn", "Đức", "Vĩnh", "Thịnh", "Lộc", "Xuân", "Hà", "Trung", "Thành", "Mỹ",
                            "Lạc", "Hồng", "Kim", "Cẩm", "Thạch", "Nghĩa", "Tiến", "Hiệp", "Khánh", "Phong", "Lâm", "Gia", "Định"]

    /// The n-th name: two different syllables; 1,560 names before one repeats.
    static func place(_ n: Int) -> String {
        let count = syllables.count
        let i = ((n % (count * (count - 1))) + count * (count - 1)) % (count * (count - 1))
        let first = i / (count - 1)
        var second = i % (count - 1)
        if second >= first { second += 1 }
        return syllables[first] + " " + syllables[second]
    }

    /// A province's departments; the first (Sở Nội vụ) is its CCHC standing agency.
    static let departments: [(String, UnitKind)] = [
        ("Sở Nội vụ", .department), ("Văn phòng UBND tỉnh", .bureau), ("Sở Tư pháp", .department), ("Sở Tài chính", .department),
        ("Sở Kế hoạch và Đầu tư", .department), ("Sở Xây dựng", .department), ("Sở Công Thương", .department),
        ("Sở Nông nghiệp và Phát triển nông thôn", .department), ("Sở Tài nguyên và Môi trường", .department),
        ("Sở Giao thông vận tải", .department), ("Sở Giáo dục và Đào tạo", .department), ("Sở Y tế", .department),
        ("Sở Lao động - Thương binh và Xã hội", .department), ("Sở Văn hóa, Thể thao và Du lịch", .department),
        ("Sở Khoa học và Công nghệ", .department), ("Sở Thông tin và Truyền thông", .department), ("Thanh tra tỉnh", .department),
        ("Ban Dân tộc", .board), ("Sở Ngoại vụ", .department), ("Ban Quản lý các khu công nghiệp", .board),
    ]

    /// A district's offices, as many as it has (6 to 12); the first (Phòng Nội vụ) is its CCHC standing agency.
    static let districtOffices: [(String, UnitKind)] = [
        ("Phòng Nội vụ", .office), ("Văn phòng HĐND và UBND", .bureau), ("Phòng Tư pháp", .office), ("Phòng Tài chính - Kế hoạch", .office),
        ("Phòng Văn hóa và Thông tin", .office), ("Phòng Kinh tế - Hạ tầng", .office), ("Phòng Tài nguyên và Môi trường", .office),
        ("Phòng Lao động - Thương binh và Xã hội", .office), ("Phòng Giáo dục và Đào tạo", .office), ("Phòng Y tế", .office),
        ("Thanh tra huyện", .office), ("Phòng Nông nghiệp và Phát triển nông thôn", .office),
    ]

    /// `total` split into `parts` uneven shares (each at least 1) that add up exactly, as real provinces differ in size.
    static func split(_ total: Int, into parts: Int, random: inout DemoReporting.Seeded) -> [Int] {
        guard parts > 0 else { return [] }
        let weights = (0..<parts).map { _ in Double(random.next(50...150)) }
        let sum = weights.reduce(0, +)
        var shares = weights.map { Swift.max(1, Int(Double(total) * $0 / sum)) }
        var left = total - shares.reduce(0, +)
        var i = 0
        while left != 0 {
            let k = i % parts
            if left > 0 { shares[k] += 1; left -= 1 } else if shares[k] > 1 { shares[k] -= 1; left += 1 }
            i += 1
        }
        return shares
    }
}
