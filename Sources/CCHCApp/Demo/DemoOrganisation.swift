import CCHCDomain

/// One unit of the demo organisation tree (built from the seed documents).
struct DemoUnit: Sendable {
    var code: String            // unique short code, e.g. "HT", "HT-THA", "HT-THA-THACHDAI"; uppercase ASCII letters, digits, dashes
    var name: String            // full official Vietnamese name with diacritics
    var kind: UnitKind
    var accountSlug: String? = nil   // login slug of the unit's demo account(s); nil = no account
    var isStandingAgency: Bool = false // true for the Phòng Nội vụ / Sở Nội vụ office that is the CCHC standing agency
    var offices: [DemoUnit] = []      // offices (sở/phòng/ban/văn phòng) of this jurisdiction
    var units: [DemoUnit] = []        // subordinate jurisdictions
    var mergedFrom: [DemoUnit] = []   // predecessor units (retired) that were merged into this one
    var mergedOn: String? = nil       // "YYYY-MM-DD" date of the merge, when mergedFrom is not empty
}

/// The demo organisation: real units named in (or around) the five seed documents.
///
/// Three-tier provinces (tỉnh → huyện/thị xã → xã/phường/thị trấn) are shown as they
/// stood when the seed documents were written (2020–2022); Lai Châu shows the two-tier
/// structure in force since 01/07/2025.
///
/// Account slugs: commune-level units use their name without the kind prefix, folded to
/// lower-case ASCII ("Xã Thạch Đài" → "thachdai"); thị trấn take a "tt" prefix; a standing
/// agency uses its jurisdiction's name ("Phòng Nội vụ" of Thạch Hà → "thachha").
/// Codes and slugs are unique across the whole file.
enum DemoOrganisation {
    static let provinces: [DemoUnit] = [haTinh, giaLai, thuaThienHue, socTrang, laiChau]

    private static let haTinh = DemoUnit(
        code: "HT",
        name: "Tỉnh Hà Tĩnh",
        kind: .province,
        offices: [
            DemoUnit(code: "HT-SNV", name: "Sở Nội vụ", kind: .department, isStandingAgency: true),
        ],
        units: [
            // Seed 000 (164/UBND-NV, 25/01/2021). 1 thị trấn + 21 xã since 01/01/2020
            // (Nghị quyết 819/NQ-UBTVQH14 of 21/11/2019).
            DemoUnit(
                code: "HT-THA",
                name: "Huyện Thạch Hà",
                kind: .district,
                offices: [
                    DemoUnit(code: "HT-THA-VP", name: "Văn phòng HĐND và UBND", kind: .bureau),
                    DemoUnit(code: "HT-THA-NV", name: "Phòng Nội vụ", kind: .office, accountSlug: "thachha", isStandingAgency: true),
                    DemoUnit(code: "HT-THA-KTHT", name: "Phòng Kinh tế - Hạ tầng", kind: .office),
                    DemoUnit(code: "HT-THA-TP", name: "Phòng Tư pháp", kind: .office),
                    DemoUnit(code: "HT-THA-TCKH", name: "Phòng Tài chính - Kế hoạch", kind: .office),
                    DemoUnit(code: "HT-THA-VHTT", name: "Phòng Văn hóa - Thông tin", kind: .office),
                ],
                units: [
                    // "thachha" is the district standing agency's slug, so the town takes "ttthachha".
                    DemoUnit(code: "HT-THA-TTTHACHHA", name: "Thị trấn Thạch Hà", kind: .township, accountSlug: "ttthachha"),
                    DemoUnit(code: "HT-THA-DINHBAN", name: "Xã Đỉnh Bàn", kind: .commune, accountSlug: "dinhban"),
                    DemoUnit(code: "HT-THA-LUUVINHSON", name: "Xã Lưu Vĩnh Sơn", kind: .commune, accountSlug: "luuvinhson"),
                    DemoUnit(code: "HT-THA-NAMDIEN", name: "Xã Nam Điền", kind: .commune, accountSlug: "namdien"),
                    DemoUnit(code: "HT-THA-NGOCSON", name: "Xã Ngọc Sơn", kind: .commune, accountSlug: "ngocson"),
                    DemoUnit(code: "HT-THA-TANLAMHUONG", name: "Xã Tân Lâm Hương", kind: .commune, accountSlug: "tanlamhuong"),
                    DemoUnit(code: "HT-THA-THACHDAI", name: "Xã Thạch Đài", kind: .commune, accountSlug: "thachdai"),
                    DemoUnit(code: "HT-THA-THACHHAI", name: "Xã Thạch Hải", kind: .commune, accountSlug: "thachhai"),
                    DemoUnit(code: "HT-THA-THACHHOI", name: "Xã Thạch Hội", kind: .commune, accountSlug: "thachhoi"),
                    DemoUnit(code: "HT-THA-THACHKENH", name: "Xã Thạch Kênh", kind: .commune, accountSlug: "thachkenh"),
                    DemoUnit(code: "HT-THA-THACHKHE", name: "Xã Thạch Khê", kind: .commune, accountSlug: "thachkhe"),
                    DemoUnit(code: "HT-THA-THACHLAC", name: "Xã Thạch Lạc", kind: .commune, accountSlug: "thachlac"),
                    DemoUnit(code: "HT-THA-THACHLIEN", name: "Xã Thạch Liên", kind: .commune, accountSlug: "thachlien"),
                    DemoUnit(code: "HT-THA-THACHLONG", name: "Xã Thạch Long", kind: .commune, accountSlug: "thachlong"),
                    DemoUnit(code: "HT-THA-THACHNGOC", name: "Xã Thạch Ngọc", kind: .commune, accountSlug: "thachngoc"),
                    DemoUnit(code: "HT-THA-THACHSON", name: "Xã Thạch Sơn", kind: .commune, accountSlug: "thachson"),
                    DemoUnit(code: "HT-THA-THACHTHANG", name: "Xã Thạch Thắng", kind: .commune, accountSlug: "thachthang"),
                    DemoUnit(code: "HT-THA-THACHTRI", name: "Xã Thạch Trị", kind: .commune, accountSlug: "thachtri"),
                    DemoUnit(code: "HT-THA-THACHVAN", name: "Xã Thạch Văn", kind: .commune, accountSlug: "thachvan"),
                    DemoUnit(code: "HT-THA-THACHXUAN", name: "Xã Thạch Xuân", kind: .commune, accountSlug: "thachxuan"),
                    DemoUnit(code: "HT-THA-TUONGSON", name: "Xã Tượng Sơn", kind: .commune, accountSlug: "tuongson"),
                    DemoUnit(code: "HT-THA-VIETTIEN", name: "Xã Việt Tiến", kind: .commune, accountSlug: "viettien"),
                ]
            ),
            // Seed 003 (inspection plan, 03/2022): 17 xã, thị trấn = 2 thị trấn + 15 xã since 01/01/2020
            // (NQ 819/NQ-UBTVQH14: TT Nghi Xuân + xã Tiên Điền → TT Tiên Điền; Xuân Đan + Xuân Trường → Đan Trường).
            DemoUnit(
                code: "HT-NXU",
                name: "Huyện Nghi Xuân",
                kind: .district,
                offices: [
                    DemoUnit(code: "HT-NXU-VP", name: "Văn phòng HĐND và UBND", kind: .bureau),
                    DemoUnit(code: "HT-NXU-NV", name: "Phòng Nội vụ", kind: .office, accountSlug: "nghixuan", isStandingAgency: true),
                ],
                units: [
                    DemoUnit(code: "HT-NXU-TTTIENDIEN", name: "Thị trấn Tiên Điền", kind: .township, accountSlug: "tttiendien"),
                    DemoUnit(code: "HT-NXU-TTXUANAN", name: "Thị trấn Xuân An", kind: .township, accountSlug: "ttxuanan"),
                    DemoUnit(code: "HT-NXU-CODAM", name: "Xã Cổ Đạm", kind: .commune, accountSlug: "codam"),
                    DemoUnit(code: "HT-NXU-CUONGGIAN", name: "Xã Cương Gián", kind: .commune, accountSlug: "cuonggian"),
                    DemoUnit(code: "HT-NXU-DANTRUONG", name: "Xã Đan Trường", kind: .commune, accountSlug: "dantruong"),
                    DemoUnit(code: "HT-NXU-XUANGIANG", name: "Xã Xuân Giang", kind: .commune, accountSlug: "xuangiang"),
                    DemoUnit(code: "HT-NXU-XUANHAI", name: "Xã Xuân Hải", kind: .commune, accountSlug: "xuanhai"),
                    DemoUnit(code: "HT-NXU-XUANHONG", name: "Xã Xuân Hồng", kind: .commune, accountSlug: "xuanhong"),
                    DemoUnit(code: "HT-NXU-XUANHOI", name: "Xã Xuân Hội", kind: .commune, accountSlug: "xuanhoi"),
                    DemoUnit(code: "HT-NXU-XUANLAM", name: "Xã Xuân Lam", kind: .commune, accountSlug: "xuanlam"),
                    DemoUnit(code: "HT-NXU-XUANLIEN", name: "Xã Xuân Liên", kind: .commune, accountSlug: "xuanlien"),
                    DemoUnit(code: "HT-NXU-XUANLINH", name: "Xã Xuân Lĩnh", kind: .commune, accountSlug: "xuanlinh"),
                    DemoUnit(code: "HT-NXU-XUANMY", name: "Xã Xuân Mỹ", kind: .commune, accountSlug: "xuanmy"),
                    DemoUnit(code: "HT-NXU-XUANPHO", name: "Xã Xuân Phổ", kind: .commune, accountSlug: "xuanpho"),
                    DemoUnit(code: "HT-NXU-XUANTHANH", name: "Xã Xuân Thành", kind: .commune, accountSlug: "xuanthanh"),
                    DemoUnit(code: "HT-NXU-XUANVIEN", name: "Xã Xuân Viên", kind: .commune, accountSlug: "xuanvien"),
                    DemoUnit(code: "HT-NXU-XUANYEN", name: "Xã Xuân Yên", kind: .commune, accountSlug: "xuanyen"),
                ]
            ),
        ]
    )

    private static let giaLai = DemoUnit(
        code: "GL",
        name: "Tỉnh Gia Lai",
        kind: .province,
        offices: [
            DemoUnit(code: "GL-SNV", name: "Sở Nội vụ", kind: .department, isStandingAgency: true),
        ],
        units: [
            // Seed 002 (158/UBND-NV, 08/02/2021). 6 phường + 5 xã.
            DemoUnit(
                code: "GL-AKH",
                name: "Thị xã An Khê",
                kind: .districtTown,
                offices: [
                    DemoUnit(code: "GL-AKH-NV", name: "Phòng Nội vụ", kind: .office, accountSlug: "ankhe", isStandingAgency: true),
                    DemoUnit(code: "GL-AKH-VP", name: "Văn phòng HĐND và UBND", kind: .bureau),
                    DemoUnit(code: "GL-AKH-TP", name: "Phòng Tư pháp", kind: .office),
                    DemoUnit(code: "GL-AKH-TCKH", name: "Phòng Tài chính - Kế hoạch", kind: .office),
                    DemoUnit(code: "GL-AKH-VHTT", name: "Phòng Văn hóa và Thông tin", kind: .office),
                    DemoUnit(code: "GL-AKH-KT", name: "Phòng Kinh tế", kind: .office),
                ],
                units: [
                    DemoUnit(code: "GL-AKH-ANBINH", name: "Phường An Bình", kind: .ward, accountSlug: "anbinh"),
                    DemoUnit(code: "GL-AKH-ANPHU", name: "Phường An Phú", kind: .ward, accountSlug: "anphu"),
                    DemoUnit(code: "GL-AKH-ANPHUOC", name: "Phường An Phước", kind: .ward, accountSlug: "anphuoc"),
                    DemoUnit(code: "GL-AKH-ANTAN", name: "Phường An Tân", kind: .ward, accountSlug: "antan"),
                    DemoUnit(code: "GL-AKH-NGOMAY", name: "Phường Ngô Mây", kind: .ward, accountSlug: "ngomay"),
                    DemoUnit(code: "GL-AKH-TAYSON", name: "Phường Tây Sơn", kind: .ward, accountSlug: "tayson"),
                    DemoUnit(code: "GL-AKH-CUUAN", name: "Xã Cửu An", kind: .commune, accountSlug: "cuuan"),
                    DemoUnit(code: "GL-AKH-SONGAN", name: "Xã Song An", kind: .commune, accountSlug: "songan"),
                    DemoUnit(code: "GL-AKH-THANHAN", name: "Xã Thành An", kind: .commune, accountSlug: "thanhan"),
                    DemoUnit(code: "GL-AKH-TUAN", name: "Xã Tú An", kind: .commune, accountSlug: "tuan"),
                    // Not to be confused with Thị trấn Xuân An (Nghi Xuân, Hà Tĩnh), whose slug is "ttxuanan".
                    DemoUnit(code: "GL-AKH-XUANAN", name: "Xã Xuân An", kind: .commune, accountSlug: "xuanan"),
                ]
            ),
        ]
    )

    private static let thuaThienHue = DemoUnit(
        code: "TTH",
        name: "Tỉnh Thừa Thiên Huế",
        kind: .province,
        offices: [
            DemoUnit(code: "TTH-SNV", name: "Sở Nội vụ", kind: .department, isStandingAgency: true),
        ],
        units: [
            // Seed 001 (Quảng Thọ, 34/KH-UBND, 21/04/2020): 11 xã, thị trấn ("01/11").
            DemoUnit(
                code: "TTH-QDI",
                name: "Huyện Quảng Điền",
                kind: .district,
                offices: [
                    DemoUnit(code: "TTH-QDI-NV", name: "Phòng Nội vụ", kind: .office, accountSlug: "quangdien", isStandingAgency: true),
                    DemoUnit(code: "TTH-QDI-VP", name: "Văn phòng HĐND và UBND", kind: .bureau),
                ],
                units: [
                    DemoUnit(code: "TTH-QDI-TTSIA", name: "Thị trấn Sịa", kind: .township, accountSlug: "ttsia"),
                    DemoUnit(code: "TTH-QDI-QUANGAN", name: "Xã Quảng An", kind: .commune, accountSlug: "quangan"),
                    DemoUnit(code: "TTH-QDI-QUANGCONG", name: "Xã Quảng Công", kind: .commune, accountSlug: "quangcong"),
                    DemoUnit(code: "TTH-QDI-QUANGLOI", name: "Xã Quảng Lợi", kind: .commune, accountSlug: "quangloi"),
                    DemoUnit(code: "TTH-QDI-QUANGNGAN", name: "Xã Quảng Ngạn", kind: .commune, accountSlug: "quangngan"),
                    DemoUnit(code: "TTH-QDI-QUANGPHU", name: "Xã Quảng Phú", kind: .commune, accountSlug: "quangphu"),
                    DemoUnit(code: "TTH-QDI-QUANGPHUOC", name: "Xã Quảng Phước", kind: .commune, accountSlug: "quangphuoc"),
                    DemoUnit(code: "TTH-QDI-QUANGTHAI", name: "Xã Quảng Thái", kind: .commune, accountSlug: "quangthai"),
                    DemoUnit(code: "TTH-QDI-QUANGTHANH", name: "Xã Quảng Thành", kind: .commune, accountSlug: "quangthanh"),
                    DemoUnit(code: "TTH-QDI-QUANGTHO", name: "Xã Quảng Thọ", kind: .commune, accountSlug: "quangtho"),
                    DemoUnit(code: "TTH-QDI-QUANGVINH", name: "Xã Quảng Vinh", kind: .commune, accountSlug: "quangvinh"),
                ]
            ),
        ]
    )

    // Seed 004 (142/KH-UBND, 24/12/2020). Lead agencies of the 2021 plan; Sở Y tế and
    // Sở Giáo dục và Đào tạo lead the satisfaction survey for public health and education.
    private static let socTrang = DemoUnit(
        code: "ST",
        name: "Tỉnh Sóc Trăng",
        kind: .province,
        offices: [
            DemoUnit(code: "ST-SNV", name: "Sở Nội vụ", kind: .department, accountSlug: "soctrang", isStandingAgency: true),
            DemoUnit(code: "ST-VP", name: "Văn phòng UBND tỉnh", kind: .bureau),
            DemoUnit(code: "ST-STP", name: "Sở Tư pháp", kind: .department),
            DemoUnit(code: "ST-STC", name: "Sở Tài chính", kind: .department),
            DemoUnit(code: "ST-SKHDT", name: "Sở Kế hoạch và Đầu tư", kind: .department),
            DemoUnit(code: "ST-STTTT", name: "Sở Thông tin và Truyền thông", kind: .department),
            DemoUnit(code: "ST-SKHCN", name: "Sở Khoa học và Công nghệ", kind: .department),
            DemoUnit(code: "ST-SYT", name: "Sở Y tế", kind: .department),
            DemoUnit(code: "ST-SGDDT", name: "Sở Giáo dục và Đào tạo", kind: .department),
        ],
        units: [
            DemoUnit(code: "ST-TPST", name: "Thành phố Sóc Trăng", kind: .provincialCity),
            DemoUnit(code: "ST-TXVC", name: "Thị xã Vĩnh Châu", kind: .districtTown),
        ]
    )

    // Two-tier example (chính quyền địa phương 2 cấp, since 01/07/2025): no district level,
    // communes and wards sit directly under the province. Lai Châu was not merged with another
    // province in 2025; NQ 1670/NQ-UBTVQH15 gives it 36 xã + 2 phường (a few shown here).
    private static let laiChau = DemoUnit(
        code: "LC",
        name: "Tỉnh Lai Châu",
        kind: .province,
        offices: [
            DemoUnit(code: "LC-SNV", name: "Sở Nội vụ", kind: .department, accountSlug: "laichau", isStandingAgency: true),
            DemoUnit(code: "LC-VP", name: "Văn phòng UBND tỉnh", kind: .bureau),
        ],
        units: [
            // Wards formed in 2025; their predecessor wards are not recorded in this demo.
            DemoUnit(code: "LC-TANPHONG", name: "Phường Tân Phong", kind: .ward, accountSlug: "tanphong"),
            DemoUnit(code: "LC-DOANKET", name: "Phường Đoàn Kết", kind: .ward, accountSlug: "doanket"),
            // Real 2025 merger (Nghị quyết 1670/NQ-UBTVQH15, 16/06/2025; in operation from 01/07/2025):
            // the whole of xã Ka Lăng and xã Thu Lũm (both formerly of huyện Mường Tè) form the new xã Thu Lũm.
            DemoUnit(
                code: "LC-THULUM",
                name: "Xã Thu Lũm",
                kind: .commune,
                accountSlug: "thulum",
                mergedFrom: [
                    DemoUnit(code: "LC-KALANG", name: "Xã Ka Lăng", kind: .commune),
                    DemoUnit(code: "LC-THULUM-CU", name: "Xã Thu Lũm", kind: .commune),
                ],
                mergedOn: "2025-07-01"
            ),
            // Mù Cả and Tà Tổng were left unchanged by the 2025 arrangement.
            DemoUnit(code: "LC-MUCA", name: "Xã Mù Cả", kind: .commune, accountSlug: "muca"),
            DemoUnit(code: "LC-TATONG", name: "Xã Tà Tổng", kind: .commune, accountSlug: "tatong"),
        ]
    )
}
