import Testing
@testable import CCHCDomain

@Suite("Cơ quan ban hành, ngày tháng, chữ hoa trong văn bản (Nghị định 30/2020)")
struct IssuingBodyTests {
    static let commune = IssuingBody(kind: .commune, name: "Xã Thạch Đài", parentKind: .district, parentName: "Huyện Thạch Hà")
    static let district = IssuingBody(kind: .district, name: "Huyện Thạch Hà", parentKind: .province, parentName: "Tỉnh Hà Tĩnh")
    static let town = IssuingBody(kind: .districtTown, name: "Thị xã An Khê", parentKind: .province, parentName: "Tỉnh Gia Lai")
    static let province = IssuingBody(kind: .province, name: "Tỉnh Sóc Trăng")
    static let office = IssuingBody(kind: .office, name: "Phòng Tư pháp", parentKind: .district, parentName: "Huyện Thạch Hà")
    static let department = IssuingBody(kind: .department, name: "Sở Nội vụ", parentKind: .province, parentName: "Tỉnh Sóc Trăng")
    static let bureau = IssuingBody(kind: .bureau, name: "Văn phòng HĐND và UBND", parentKind: .district, parentName: "Huyện Thạch Hà")

    @Test func aPeoplesCommitteeHeadsWithItsOwnNameOnly() {
        // Seeds 002 and 004: no superior line above a People's Committee.
        #expect(Self.district.superiorLines.isEmpty)
        #expect(Self.district.bodyLines == ["ỦY BAN NHÂN DÂN", "HUYỆN THẠCH HÀ"])
        #expect(Self.town.bodyLines == ["ỦY BAN NHÂN DÂN", "THỊ XÃ AN KHÊ"])
        #expect(Self.province.bodyLines == ["ỦY BAN NHÂN DÂN", "TỈNH SÓC TRĂNG"])
        #expect(Self.commune.superiorLines.isEmpty)
        #expect(Self.commune.bodyLines == ["ỦY BAN NHÂN DÂN", "XÃ THẠCH ĐÀI"])
        // A name registered without its kind word gets it.
        #expect(IssuingBody(kind: .township, name: "Thạch Hà").bodyLines == ["ỦY BAN NHÂN DÂN", "THỊ TRẤN THẠCH HÀ"])
    }

    @Test func anOfficeOrDepartmentHeadsUnderItsParentCommittee() {
        #expect(Self.office.superiorLines == ["UBND HUYỆN THẠCH HÀ"])
        #expect(Self.office.bodyLines == ["PHÒNG TƯ PHÁP"])
        #expect(Self.department.superiorLines == ["UBND TỈNH SÓC TRĂNG"])
        #expect(Self.department.bodyLines == ["SỞ NỘI VỤ"])
        #expect(Self.bureau.bodyLines == ["VĂN PHÒNG HĐND VÀ UBND"])
    }

    @Test func theSymbolFollowsTheBody() {
        #expect(Self.commune.symbol() == "BC-UBND")
        #expect(Self.district.symbol(type: "KH") == "KH-UBND")
        #expect(Self.office.symbol() == "BC-PTP")
        #expect(Self.department.symbol() == "BC-SNV")
        #expect(Self.bureau.symbol() == "BC-VP")
        #expect(OfficialText.numberLine(nil, symbol: Self.office.symbol()) == "Số:      /BC-PTP")
        #expect(OfficialText.numberLine("7", symbol: Self.department.symbol()) == "Số: 7/BC-SNV")
    }

    @Test(arguments: [
        ("Phòng Tư pháp", "PTP"),
        ("Phòng Nội vụ", "PNV"),
        ("Văn phòng HĐND và UBND", "VP"),
        ("Văn phòng UBND tỉnh", "VP"),
        ("Sở Nội vụ", "SNV"),
        ("Sở Tư pháp", "STP"),
        ("Sở Kế hoạch và Đầu tư", "SKHĐT"),
        ("Sở Giáo dục và Đào tạo", "SGDĐT"),
        ("Phòng Tài chính - Kế hoạch", "PTCKH"),
        ("Phòng Văn hóa và Thông tin", "PVHTT"),
        ("Sở GTVT", "SGTVT"),
    ])
    func anOfficesAbbreviationComesFromItsName(_ name: String, _ abbreviation: String) {
        #expect(IssuingBody.abbreviation(of: name) == abbreviation)
    }

    @Test func theSignerBlockFollowsTheBodyAndWhoSigns() {
        #expect(Self.commune.signerLines(deputy: false) == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"])
        #expect(Self.district.signerLines(deputy: true) == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"])
        #expect(Self.office.signerLines(deputy: false) == ["TRƯỞNG PHÒNG"])
        #expect(Self.office.signerLines(deputy: true) == ["KT. TRƯỞNG PHÒNG", "PHÓ TRƯỞNG PHÒNG"])
        #expect(Self.department.signerLines(deputy: false) == ["GIÁM ĐỐC"])
        #expect(Self.department.signerLines(deputy: true) == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"])
        #expect(Self.bureau.signerLines(deputy: false) == ["CHÁNH VĂN PHÒNG"])
    }

    @Test func theSignersNameIsTheirsNeverTheUnits() {
        #expect(Signatory(fullName: "Trần Việt Hà") == Signatory(name: "Trần Việt Hà", isDeputy: false))
        #expect(Signatory(fullName: "Phó Chủ tịch  Nguyễn Văn Bình") == Signatory(name: "Nguyễn Văn Bình", isDeputy: true))
        #expect(Signatory(fullName: "Giám đốc Lâm Văn Mẫn") == Signatory(name: "Lâm Văn Mẫn", isDeputy: false))
        #expect(Signatory(fullName: "phó trưởng phòng Lê Thị Hoa") == Signatory(name: "Lê Thị Hoa", isDeputy: true))
        // A title followed by a body is an account named after its post: the whole name stays.
        #expect(Signatory(fullName: "Chủ tịch UBND xã Thạch Đài").name == "Chủ tịch UBND xã Thạch Đài")
        // "Phó" alone is a family name, not a deputy.
        #expect(Signatory(fullName: "Phó Đức Phương") == Signatory(name: "Phó Đức Phương", isDeputy: false))
    }

    @Test func placesAndHowASentenceNamesTheBody() {
        #expect(Self.commune.place == "Thạch Đài")
        #expect(Self.office.place == "Thạch Hà")
        #expect(Self.department.place == "Sóc Trăng")
        #expect(Self.commune.inSentence == "UBND xã Thạch Đài")
        #expect(Self.office.inSentence == "Phòng Tư pháp huyện Thạch Hà")
        #expect(Self.department.inSentence == "Sở Nội vụ tỉnh Sóc Trăng")
        #expect(IssuingBody(kind: .bureau, name: "Văn phòng UBND tỉnh", parentKind: .province, parentName: "Tỉnh Sóc Trăng").inSentence
                == "Văn phòng UBND tỉnh Sóc Trăng")
    }

    @Test(arguments: [
        (Day(2021, 3, 5)!, "ngày 05 tháng 3 năm 2021"),
        (Day(2021, 2, 12)!, "ngày 12 tháng 02 năm 2021"),
        (Day(2021, 1, 25)!, "ngày 25 tháng 01 năm 2021"),
        (Day(2020, 4, 21)!, "ngày 21 tháng 4 năm 2020"),
        (Day(2020, 12, 24)!, "ngày 24 tháng 12 năm 2020"),
        (Day(2021, 10, 8)!, "ngày 08 tháng 10 năm 2021"),
    ])
    func datesAsTheDecreeWritesThem(_ day: Day, _ text: String) {
        #expect(day.longVietnamese == text)
    }

    @Test func aPhraseInsideASentenceKeepsItsCapitals() {
        #expect(OfficialText.lowerFirst(OfficialText.reportSummary(.q1, year: 2021))
                == "kết quả thực hiện công tác cải cách hành chính Quý I năm 2021")
        #expect(OfficialText.lowerFirst("Quý I năm 2021") == "Quý I năm 2021")
        #expect(OfficialText.lowerFirst("Quý III/2021") == "Quý III/2021")
        #expect(OfficialText.lowerFirst("UBND cấp xã") == "UBND cấp xã")
        #expect(OfficialText.lowerFirst("TTHC") == "TTHC")
        #expect(OfficialText.lowerFirst("HĐND và UBND") == "HĐND và UBND")
        #expect(OfficialText.lowerFirst("Huyện Thạch Hà") == "huyện Thạch Hà")
        #expect(OfficialText.lowerFirst("") == "")
    }

    @Test func theAppendixLineNamesTheBodyAndItsSymbol() {
        #expect(OfficialText.appendixSubtitle(number: nil, day: Day(2021, 3, 5)!, body: Self.office)
                == "(Kèm theo Báo cáo số       /BC-PTP ngày 05 tháng 3 năm 2021 của Phòng Tư pháp huyện Thạch Hà)")
    }
}
