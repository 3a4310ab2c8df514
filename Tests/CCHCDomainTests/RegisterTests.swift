import Testing
@testable import CCHCDomain

@Suite("Sổ đăng ký văn bản: số, ký hiệu, trích dẫn, đối chiếu")
struct RegisterTests {
    // MARK: Numbers and symbols

    @Test func theSeedsNumbersReadIntoTheirParts() throws {
        let cv = try DocumentNumber.parse("164/UBND-NV")
        #expect(cv.number == 164 && cv.year == nil && cv.symbol == "UBND-NV")
        #expect(cv.type == .congVan && cv.issuer == "UBND" && cv.drafter == "NV")
        let plan = try DocumentNumber.parse("142/KH-UBND")
        #expect(plan.number == 142 && plan.type.code == "KH" && plan.type.name == "Kế hoạch")
        #expect(plan.issuer == "UBND" && plan.drafter == nil)
        let district = try DocumentNumber.parse("10/KH-UBND-NV")
        #expect(district.number == 10 && district.type.code == "KH" && district.issuer == "UBND" && district.drafter == "NV")
        let commune = try DocumentNumber.parse("34/KH-UBND")
        #expect(commune.number == 34 && commune.type.code == "KH")
        let decision = try DocumentNumber.parse("01/2021/QĐ-UBND")
        #expect(decision.number == 1 && decision.year == 2021 && decision.type.code == "QĐ" && decision.issuer == "UBND")
        #expect(decision.text == "01/2021/QĐ-UBND")
        // The seed's own heading writes a space before the slash.
        let heading = try DocumentNumber.parse("Số: 164 /UBND-NV")
        #expect(heading.text == "164/UBND-NV" && heading.type == .congVan)
        // Other bodies' numbers the seeds cite.
        #expect(try DocumentNumber.parse("2127/SNV-CCHC").issuer == "SNV")
        #expect(try DocumentNumber.parse("1847/QĐ-TTg").issuer == "TTg")
        #expect(try DocumentNumber.parse("130/2005/NĐ-CP").type.name == "Nghị định")
        #expect(try DocumentNumber.parse("02/2017/TT-VPCP").type.name == "Thông tư")
        #expect(try DocumentNumber.parse("1367/UBND").type == .congVan)
        let old = try DocumentNumber.parse("30c/NQ-CP")
        #expect(old.number == 30 && old.suffix == "c" && old.type.code == "NQ")
        let party = try DocumentNumber.parse("39-NQ/TW")
        #expect(party.number == 39 && party.type.code == "NQ" && party.issuer == "TW" && party.partyForm && party.text == "39-NQ/TW")
        #expect(try DocumentNumber.parse("5/ttr-ubnd").type.code == "TTr")
        #expect(try DocumentNumber.parse("7/QD-UBND").type.code == "QĐ")
        #expect(try DocumentNumber.parse("7/HD-UBND").type.code == "HD")
    }

    @Test func everyKindIsInTheTable() {
        for (code, name) in [("KH", "Kế hoạch"), ("BC", "Báo cáo"), ("CV", "Công văn"), ("QĐ", "Quyết định"), ("TB", "Thông báo"),
                             ("HD", "Hướng dẫn"), ("KL", "Kết luận"), ("TTr", "Tờ trình"), ("CT", "Chỉ thị"), ("NQ", "Nghị quyết")] {
            #expect(DocumentType.code(code)?.name == name, "\(code)")
        }
        #expect(Set(DocumentType.all.map(\.code)).count == DocumentType.all.count)
        #expect(DocumentType.inSymbol("CV") == nil)
        #expect(DocumentType.named("Văn bản") == .congVan && DocumentType.named("kế hoạch")?.code == "KH")
    }

    @Test func aWrongNumberSaysWhatIsWrong() {
        func problem(_ text: String) -> String {
            do throws(DocumentNumber.Problem) { _ = try DocumentNumber.parse(text); return "" } catch { return error.description }
        }
        #expect(problem("") == "Chưa nhập số, ký hiệu văn bản (vd: 164/UBND-NV).")
        #expect(problem("164 UBND-NV") == "“164 UBND-NV”: thiếu dấu “/” giữa số và ký hiệu (vd: 164/UBND-NV).")
        #expect(problem("A12/KH-UBND") == "“A12/KH-UBND”: số văn bản “A12” phải là chữ số (vd: 12/KH-UBND).")
        #expect(problem("0/KH-UBND") == "“0/KH-UBND”: số văn bản bắt đầu từ 01.")
        #expect(problem("01/21/QĐ-UBND") == "“01/21/QĐ-UBND”: năm “21” phải có 4 chữ số (vd: 01/2021/QĐ-UBND).")
        #expect(problem("12/") == "“12/”: thiếu ký hiệu sau dấu “/” (vd: 142/KH-UBND).")
        #expect(problem("12/KH--UBND") == "“12/KH--UBND”: ký hiệu “KH--UBND” có phần trống giữa hai dấu “-”.")
        #expect(problem("12/KH_UBND").contains("chỉ gồm chữ cái, chữ số và dấu “-”"))
        #expect(problem("12/KH") == "“12/KH”: ký hiệu “KH” (Kế hoạch) thiếu chữ viết tắt tên cơ quan ban hành (vd: KH-UBND).")
        #expect(problem("1/2/2021/KH-UBND").contains("nhiều dấu “/” quá"))
    }

    // MARK: Citations

    /// Seed 000's opening and its "Lưu ý", verbatim.
    static let seed000 = """
        Thực hiện Văn bản số 8444/UBND-PC ngày 15/12/2020 của UBND tỉnh về việc xây dựng kế hoạch và báo cáo cải cách hành chính \
        năm 2021; Kế hoạch số 513/KH-UBND ngày 31/12/2020 của UBND tỉnh về cải cách hành chính năm 2021; Kế hoạch số 10/KH-UBND-NV \
        ngày 22/1/2021 của UBND huyện Kế hoạch CCHC năm 2021, UBND huyện yêu cầu các phòng, ban, ngành;
        Lưu ý: Các đơn vị phải căn cứ vào các nhiệm vụ trọng tâm được UBND huyện giao tại Kế hoạch số 10/KH-UBND ngày 22/01/2020 \
        của UBND huyện và thực tiễn của đơn vị), để cụ thể và đưa vào trong kế hoạch của đơn vị.
        """

    @Test func everyCitationOfSeed000IsRead() {
        let found = CitationReader.read(Self.seed000)
        #expect(found.map(\.number.text) == ["8444/UBND-PC", "513/KH-UBND", "10/KH-UBND-NV", "10/KH-UBND"])
        #expect(found.map(\.date) == [Day(2020, 12, 15), Day(2020, 12, 31), Day(2021, 1, 22), Day(2020, 1, 22)])
        #expect(found.map(\.dateWritten) == ["15/12/2020", "31/12/2020", "22/1/2021", "22/01/2020"])
        #expect(found.map { $0.namedType?.code } == ["CV", "KH", "KH", "KH"])
        #expect(found.map(\.issuer) == ["UBND tỉnh", "UBND tỉnh", "UBND huyện Kế hoạch CCHC năm 2021", "UBND huyện"])
        #expect(found[2].passage == "Kế hoạch số 10/KH-UBND-NV ngày 22/1/2021")
        #expect(found[3].passage == "Kế hoạch số 10/KH-UBND ngày 22/01/2020")
    }

    @Test func citationsAreReadInTheWaysDocumentsWriteThem() {
        let text = """
            Công văn 164/UBND-NV ngày 25/01/2021; số 158 / UBND - NV, ngày 8/2/2021 của UBND thị xã; Quyết định số 2614/QĐ-UBND \
            ngày 05 tháng 12 năm 2017 của Ủy ban nhân dân huyện; Nghị quyết 76/NQ-CP ngày 13/6/2013 của Chính phủ; Nghị quyết số \
            39-NQ/TW ngày 17/4/2015 của Bộ Chính trị; Nghị định 130/2005/NĐ-CP; Quý 3/2021, ngày 15/12/2020, tỷ lệ 1/2; \
            Kế hoạch số 12/KH-UBND ngày 31/02/2021.
            """
        let found = CitationReader.read(text)
        #expect(found.map(\.number.text) == ["164/UBND-NV", "158/UBND-NV", "2614/QĐ-UBND", "76/NQ-CP", "39-NQ/TW", "130/2005/NĐ-CP",
                                             "12/KH-UBND"])
        #expect(found[0].passage == "Công văn 164/UBND-NV ngày 25/01/2021" && found[0].date == Day(2021, 1, 25))
        #expect(found[1].written == "158 / UBND - NV" && found[1].date == Day(2021, 2, 8) && found[1].issuer == "UBND thị xã")
        #expect(found[2].date == Day(2017, 12, 5) && found[2].dateWritten == "05 tháng 12 năm 2017")
        #expect(found[2].issuer == "Ủy ban nhân dân huyện")
        #expect(found[3].namedType?.code == "NQ" && found[3].issuer == "Chính phủ")
        #expect(found[4].date == Day(2015, 4, 17))
        #expect(found[5].date == nil && found[5].number.year == 2005)
        // A date that does not exist is kept as written, not guessed.
        #expect(found[6].date == nil && found[6].dateWritten == "31/02/2021")
        // Across a line break, as a PDF's text wraps it.
        let wrapped = CitationReader.read("Căn cứ Kế hoạch số 142/KH-UBND ngày\n24/12/2020 của Ủy ban nhân dân tỉnh")
        #expect(wrapped.count == 1 && wrapped[0].date == Day(2020, 12, 24) && wrapped[0].issuer == "Ủy ban nhân dân tỉnh")
    }

    // MARK: Cross-references

    static let thachHa = RegisterEntry(id: 1, unitID: 2, unitName: "Huyện Thạch Hà", unitKind: .district,
                                       number: DocumentNumber("10/KH-UBND-NV")!, issuedOn: Day(2021, 1, 22)!,
                                       summary: "Kế hoạch cải cách hành chính năm 2021", directsCCHC: true)
    static let guidance = RegisterEntry(id: 2, unitID: 2, unitName: "Huyện Thạch Hà", unitKind: .district,
                                        number: DocumentNumber("164/UBND-NV")!, issuedOn: Day(2021, 1, 25)!,
                                        summary: "V/v hướng dẫn xây dựng Kế hoạch CCHC và Báo cáo CCHC định kỳ năm 2021",
                                        citedText: seed000)

    @Test func seed000sSlipIsFlaggedNamingBoth() {
        let findings = CrossReference.check(Self.guidance.citations, against: [Self.thachHa, Self.guidance])
        #expect(findings.map(\.verdict) == [.notRegistered, .notRegistered, .matches, .probableSlip])
        let slip = findings[3]
        #expect(slip.isFlagged && slip.registered?.id == 1)
        #expect(slip.message == """
            “Kế hoạch số 10/KH-UBND ngày 22/01/2020”: có lẽ là nhầm — sổ đăng ký của Huyện Thạch Hà có văn bản 10/KH-UBND-NV \
            ngày 22/01/2021 (Kế hoạch cải cách hành chính năm 2021); khác ký hiệu (10/KH-UBND so với 10/KH-UBND-NV) \
            và ngày (22/01/2020 so với 22/01/2021).
            """)
    }

    @Test func aCitationUnderAnotherDateOrSymbolIsFlagged() {
        let entries = [Self.thachHa]
        func verdict(_ text: String) -> CrossReference.Verdict? { CrossReference.check(text: text, against: entries).first?.verdict }
        #expect(verdict("Kế hoạch số 10/KH-UBND-NV ngày 22/01/2021") == .matches)
        // Case and diacritics do not tell two spellings of a symbol apart.
        var typed = Self.thachHa
        typed.number = DocumentNumber("10/kh-ubnd-nv")!
        #expect(CrossReference.check(text: "Kế hoạch số 10/KH-UBND-NV ngày 22/1/2021", against: [typed]).first?.verdict == .matches)
        let late = CrossReference.check(text: "Kế hoạch số 10/KH-UBND-NV ngày 23/01/2021", against: entries)[0]
        #expect(late.verdict == .dateDiffers)
        #expect(late.message == "“Kế hoạch số 10/KH-UBND-NV ngày 23/01/2021”: sổ đăng ký của Huyện Thạch Hà ghi văn bản 10/KH-UBND-NV "
                + "ngày 22/01/2021 (Kế hoạch cải cách hành chính năm 2021), không phải ngày 23/01/2021.")
        #expect(verdict("Kế hoạch số 10/KH-UBND ngày 22/01/2021") == .symbolDiffers)
        #expect(verdict("số 10/KH-UBDN-NV ngày 02/03/2021") == .probableSlip)
        // Another kind with the same number is another document; so is one of another year that shares nothing else.
        #expect(verdict("Báo cáo số 10/BC-UBND ngày 02/03/2021") == .notRegistered)
        #expect(verdict("Kế hoạch số 10/KH-UBND-NV ngày 15/03/2019") == .notRegistered)
        // "của UBND tỉnh" is not the district's register; "của UBND huyện" is.
        #expect(verdict("Kế hoạch số 10/KH-UBND-NV ngày 23/01/2021 của UBND tỉnh") == .notRegistered)
        #expect(verdict("Kế hoạch số 10/KH-UBND-NV ngày 23/01/2021 của UBND huyện") == .dateDiffers)
        #expect(verdict("Kế hoạch số 10/KH-UBND-NV ngày 23/01/2021 của Sở Nội vụ") == .notRegistered)
    }

    @Test func issuersAreMatchedByKindAndName() {
        let town = RegisterEntry(unitID: 5, unitName: "Thị xã An Khê", unitKind: .districtTown, number: DocumentNumber("123/KH-UBND")!,
                                 issuedOn: Day(2020, 12, 29)!, summary: "Kế hoạch tuyên truyền CCHC năm 2021")
        let commune = RegisterEntry(unitID: 6, unitName: "Xã Song An", unitKind: .commune, number: DocumentNumber("123/KH-UBND")!,
                                    issuedOn: Day(2020, 12, 20)!, summary: "Kế hoạch của xã")
        let office = RegisterEntry(unitID: 7, unitName: "Phòng Nội vụ", unitKind: .office, number: DocumentNumber("12/PNV")!,
                                   issuedOn: Day(2021, 1, 4)!, summary: "Công văn của phòng")
        let citing = "Kế hoạch số 123/KH-UBND ngày 29/12/2020 của UBND thị xã; Công văn 12/PNV ngày 4/1/2021 của Phòng Nội vụ"
        let findings = CrossReference.check(text: citing, against: [commune, town, office])
        #expect(findings.map(\.verdict) == [.matches, .matches])
        #expect(findings.map { $0.registered?.unitID } == [5, 7])
    }

    // MARK: Numbering and entries

    @Test func theNextNumberFollowsTheHighest() {
        #expect(RegisterNumbering.next(used: []) == 1)
        #expect(RegisterNumbering.next(used: [3, 1, 2]) == 4)
        #expect(RegisterNumbering.next(used: [1, 2, 4, 7]) == 8)
        #expect(RegisterNumbering.gaps(used: [1, 2, 4, 7]) == [3, 5, 6] && RegisterNumbering.gapCount(used: [1, 2, 4, 7, 7]) == 3)
        #expect(RegisterNumbering.gaps(used: [8444], limit: 3) == [1, 2, 3] && RegisterNumbering.gapCount(used: [8444]) == 8443)
        let kh = DocumentType.code("KH")!, bc = DocumentType.code("BC")!
        let next = RegisterNumbering.proposals([(kh, 10), (kh, 9), (.congVan, 164), (bc, 2)])
        #expect(next["KH"] == 11 && next["CV"] == 165 && next["BC"] == 3 && next["QĐ"] == 1)
    }

    @Test func aDraftIsCheckedFieldByField() throws {
        let ok = try RegisterRules.check(RegisterDraft(number: " 164 /UBND-NV ", issuedOn: "25/01/2021", summary: " Hướng dẫn ",
                                                       signer: "Trần Việt Hà", directsCCHC: true),
                                         unitID: 2, unitName: "Huyện Thạch Hà", unitKind: .district)
        #expect(ok.number.text == "164/UBND-NV" && ok.numberText == "164 /UBND-NV" && ok.year == 2021 && ok.summary == "Hướng dẫn")
        #expect(ok.type == .congVan && ok.directsCCHC && ok.signer == "Trần Việt Hà" && ok.citedText == nil)
        do throws(ValidationFailure) {
            _ = try RegisterRules.check(RegisterDraft(number: "30c/KH-UBND", issuedOn: "31/02/2021", type: "BC", summary: ""),
                                        unitID: 2, unitName: "Huyện Thạch Hà", unitKind: .district)
            Issue.record("phải từ chối")
        } catch {
            #expect(error.errors.map(\.field) == ["number", "issuedOn", "summary"])
            #expect(error.errors[1].message == "Ngày ban hành: “31/02/2021” không phải là ngày hợp lệ (dd/MM/yyyy).")
        }
        do throws(ValidationFailure) {
            _ = try RegisterRules.check(RegisterDraft(number: "12/KH-UBND", issuedOn: "2021-02-01", type: "BC", summary: "x"),
                                        unitID: 2, unitName: "Huyện Thạch Hà", unitKind: .district)
            Issue.record("phải từ chối")
        } catch {
            #expect(error.errors.map(\.message) == ["Loại văn bản: đã chọn báo cáo nhưng số “12/KH-UBND” là kế hoạch (KH)."])
        }
        let mixed = try RegisterRules.check(RegisterDraft(number: "01/2020/QĐ-UBND", issuedOn: "05/01/2021", summary: "x"),
                                            unitID: 2, unitName: "Huyện Thạch Hà", unitKind: .district)
        let area = try RegisterRules.check(RegisterDraft(number: "3/KH-UBND", issuedOn: "05/01/2021", summary: "x", area: "Cải cách TTHC"),
                                           unitID: 2, unitName: "Huyện Thạch Hà", unitKind: .district)
        #expect(area.area == "procedures" && area.reformArea == .procedures)
        do throws(ValidationFailure) {
            let vague = RegisterDraft(number: "3/KH-UBND", issuedOn: "05/01/2021", summary: "x", area: "Cải cách hành chính")
            _ = try RegisterRules.check(vague, unitID: 2, unitName: "Huyện Thạch Hà", unitKind: .district)
            Issue.record("phải từ chối")
        } catch {
            #expect(error.errors.map(\.field) == ["area"])
            #expect(error.errors[0].message.hasPrefix("Lĩnh vực: “Cải cách hành chính” không phải"))
        }
        #expect(mixed.warnings == ["Số 01/2020/QĐ-UBND ghi năm 2020 nhưng ngày ban hành 05/01/2021 thuộc năm 2021."])
    }

    @Test func whoKeepsARegister() {
        let thachHa = UnitPath(ids: [1, 2]), noiVu = UnitPath(ids: [1, 2, 3]), thachDai = UnitPath(ids: [1, 2, 4])
        let officer = AccessScope(role: .standingOfficer, unit: noiVu, jurisdiction: thachHa)
        #expect(officer.canKeepRegister(of: thachHa) && officer.canKeepRegister(of: noiVu) && !officer.canKeepRegister(of: thachDai))
        let specialist = AccessScope(role: .specialist, unit: thachDai)
        #expect(specialist.canKeepRegister(of: thachDai) && !specialist.canKeepRegister(of: thachHa))
        #expect(!AccessScope(role: .viewer, unit: thachDai).canKeepRegister(of: thachDai))
        #expect(!AccessScope(role: .admin, unit: UnitPath(ids: [99])).canKeepRegister(of: thachDai))
    }
    @Test func anAttachmentIsCheckedByItsNameAndSize() throws {
        let ok = try AttachmentRules.check(fileName: "C:\\Văn bản\\164-UBND-NV (bản ký).PDF", size: 1_000)
        #expect(ok.fileName == "164-UBND-NV (bản ký).PDF" && ok.contentType == "application/pdf")
        #expect(try AttachmentRules.check(fileName: "../../etc/ke-hoach.docx", size: 5).fileName == "ke-hoach.docx")
        func refusal(_ name: String, _ size: Int) -> [String] {
            do throws(ValidationFailure) { _ = try AttachmentRules.check(fileName: name, size: size); return [] } catch {
                return error.errors.map(\.message)
            }
        }
        #expect(refusal("bao-cao.pdf", 12_582_912) == ["Tệp đính kèm: 12 MB, vượt giới hạn 10 MB."])
        #expect(refusal("bao-cao.pdf", 11_010_048) == ["Tệp đính kèm: 10,5 MB, vượt giới hạn 10 MB."])
        #expect(refusal("trang.html", 10)
                == ["Tệp đính kèm “trang.html”: chỉ nhận tệp .pdf, .doc, .docx, .xls, .xlsx, .odt, .ods, .jpg, .png."])
        #expect(refusal("rong.pdf", 0) == ["Tệp đính kèm: chưa chọn tệp, hoặc tệp rỗng."])
        #expect(AttachmentRules.disposition("Kế hoạch.pdf")
                == "attachment; filename=\"kehoach.pdf\"; filename*=UTF-8''K%E1%BA%BF%20ho%E1%BA%A1ch.pdf")
    }

    @Test func aDirectingEntryIsARowOfPhuLuc3A() {
        let row = Self.thachHa.directingRow(issuer: "UBND huyện Thạch Hà")
        #expect(row == DirectingDocumentRow(numberSymbol: "10/KH-UBND-NV", issuedOn: "2021-01-22",
                                            summary: "Kế hoạch cải cách hành chính năm 2021", issuer: "UBND huyện Thạch Hà"))
    }
}
