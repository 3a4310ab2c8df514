import Foundation
import Testing
import CCHCDomain
import CCHCOffice
@testable import CCHCApp

@Suite("Kiểm tra CCHC: kế hoạch kiểm tra và thông báo kết luận (.docx)")
struct InspectionDocumentsTests {
    static let district = IssuingBody(kind: .district, name: "Huyện Nghi Xuân")

    /// Seed 003's plan: two rounds, self-inspection "trước ngày 20/5/2022" for round 1, round 2 set by another plan.
    static func plan(preVisitDays: Int = 3, remediationDays: Int = 15) -> InspectionPlanDocument {
        let round1 = InspectionRound(number: 1, label: "Đợt 1", from: Day(2022, 6, 1)!, to: Day(2022, 7, 31)!,
                                     selfDue: DueDate(day: Day(2022, 5, 20)!, strict: true), selfDueNote: "Trước ngày 20/5/2022",
                                     scope: InspectionScope(units: ["HT-NXU-XUANHOI", "HT-NXU-TTTIENDIEN"],
                                                            text: "Dự kiến kiểm tra một số xã, thị trấn và các phòng, đơn vị có liên quan"))
        let round2 = InspectionRound(number: 2, label: "Đợt 2", from: Day(2022, 10, 1)!, to: Day(2022, 11, 30)!,
                                     selfDueNote: "Theo kế hoạch triển khai xác định chỉ số CCHC của năm",
                                     scope: InspectionScope(share: 0.5))
        return InspectionPlanDocument(unit: "HT-NXU", year: 2022, purpose: ["Đánh giá những mặt làm được, chưa làm được"],
                                      requirements: ["Kiểm tra đảm bảo đúng pháp luật"], rounds: [round2, round1],
                                      budget: "Kinh phí từ ngân sách huyện", preVisitDays: preVisitDays, remediationDays: remediationDays,
                                      document: PlanIssuance(number: "45/KH-UBND", date: Day(2022, 3, 15), signer: "Lê Anh Dũng"))
    }

    static let names = ["HT-NXU-XUANHOI": "Xã Xuân Hội", "HT-NXU-TTTIENDIEN": "Thị trấn Tiên Điền"]

    /// The body's paragraphs (outside tables) in order, and its tables.
    static func read(_ data: Data) throws -> (paragraphs: [String], tables: [DOCXReader.Table]) {
        var paragraphs: [String] = []
        var tables: [DOCXReader.Table] = []
        for block in try DOCXReader.read(data) {
            switch block {
            case .paragraph(let text): if !text.isEmpty { paragraphs.append(text) }
            case .table(let table): tables.append(table)
            }
        }
        return (paragraphs, tables)
    }

    static func texts(_ table: DOCXReader.Table) -> [String] { table.rows.flatMap { $0.cells.flatMap(\.lines) } }

    @Test func thePlanCarriesItsRoundsWindowsDeadlinesAndChecklistInSeed003sOrder() throws {
        let plan = Self.plan()
        let data = try InspectionDocuments.planDOCX(plan, issuer: Self.district, recipients: ["Sở Nội vụ Hà Tĩnh (để b/c)", "- UBND các xã, thị trấn;"],
                                                    signer: nil, grounds: ["Kế hoạch số 520/KH-UBND ngày 24/12/2021 của UBND tỉnh"],
                                                    unitNames: Self.names)
        let (p, tables) = try Self.read(data)
        let header = Self.texts(try #require(tables.first))
        #expect(header.contains("Số: 45/KH-UBND"))
        #expect(header.contains("Nghi Xuân, \(Day(2022, 3, 15)!.longVietnamese)"))
        #expect(header.contains("ỦY BAN NHÂN DÂN") && header.contains("HUYỆN NGHI XUÂN"))
        #expect(p.contains("KẾ HOẠCH"))
        #expect(p.contains(InspectionDocuments.planSummary(year: plan.year)))
        #expect(p.contains("Căn cứ Kế hoạch số 520/KH-UBND ngày 24/12/2021 của UBND tỉnh;"))

        // The sections in order.
        let sections = ["I. MỤC ĐÍCH, YÊU CẦU", "II. HÌNH THỨC, NỘI DUNG KIỂM TRA", "III. KINH PHÍ", "IV. TỔ CHỨC THỰC HIỆN"]
        let at = try sections.map { s in try #require(p.firstIndex(of: s), "thiếu mục \(s)") }
        #expect(at == at.sorted())

        // Each round with its window (section II) and its self-inspection deadline (section IV), in round order.
        let rounds = plan.rounds.sorted { $0.number < $1.number }
        var windows: [Int] = []
        for r in rounds {
            let window = try #require(p.firstIndex { $0.hasPrefix("- \(r.label) ") && $0.contains(r.from.vietnamese) && $0.contains(r.to.vietnamese) })
            #expect(window > at[1] && window < at[2])
            windows.append(window)
            let deadline = try #require(p.lastIndex { $0.hasPrefix("- \(r.label):") }, "thiếu hạn tự kiểm tra \(r.label)")
            #expect(deadline > at[3])
            if let due = r.selfDue {
                #expect(p[deadline].contains("Trước ngày \(due.day.vietnamese)"))
            } else {
                #expect(p[deadline].contains(try #require(r.selfDueNote)))
            }
        }
        #expect(windows == windows.sorted())
        #expect(p[windows[0]].contains("gồm 2 đơn vị: xã Xuân Hội, thị trấn Tiên Điền"))
        #expect(p[windows[1]].contains("50 % số đơn vị"))

        // The checklist under its areas, each area once, its items after it and before the next area.
        let groups = InspectionDocuments.checklistGroups(plan.checklist)
        #expect(Set(groups.map(\.area)).count == Set(plan.checklist.map(\.area)).count)
        let heads = try groups.enumerated().map { i, g in try #require(p.firstIndex(of: "3.\(i + 1). \(g.area.title)")) }
        #expect(heads == heads.sorted())
        for item in plan.checklist {
            let line = try #require(p.firstIndex { $0.hasPrefix("- " + item.item) }, "thiếu nội dung \(item.item)")
            let group = try #require(groups.firstIndex { $0.area == item.area })
            #expect(line > heads[group])
            if group + 1 < heads.count { #expect(line < heads[group + 1]) }
        }

        // The procedure's days, the budget, the closing "./.".
        let preVisit = "Đơn vị được kiểm tra báo cáo bằng văn bản gửi về Đoàn kiểm tra (qua Phòng Nội vụ) trước 0\(plan.preVisitDays) ngày theo lịch kiểm tra"
        #expect(p.contains { $0.contains(preVisit) })
        #expect(p.contains { $0.contains("trong thời hạn \(plan.remediationDays) ngày kể từ ngày ban hành thông báo kết luận")
            && $0.contains("UBND huyện (qua Phòng Nội vụ)") })
        #expect(p.contains("Kinh phí từ ngân sách huyện."))
        #expect(p.last?.hasSuffix("./.") == true)

        // Recipients and the signer (the plan's own).
        let signature = Self.texts(try #require(tables.last))
        #expect(signature.contains("- Sở Nội vụ Hà Tĩnh (để b/c);"))
        #expect(signature.contains("- UBND các xã, thị trấn;"))
        #expect(signature.last { $0.hasPrefix("- ") } == "- Lưu: VT, NV.")
        #expect(signature.contains("TM. ỦY BAN NHÂN DÂN") && signature.contains("CHỦ TỊCH") && signature.contains("Lê Anh Dũng"))
    }

    @Test func thePlansDaysAreItsOwn() throws {
        let data = try InspectionDocuments.planDOCX(Self.plan(preVisitDays: 5, remediationDays: 20), issuer: Self.district, recipients: [],
                                                    signer: Signatory(fullName: "Phó Chủ tịch Nguyễn Văn Bình"))
        let (p, tables) = try Self.read(data)
        #expect(p.contains { $0.contains("trước 05 ngày theo lịch kiểm tra") })
        #expect(!p.contains { $0.contains("trước 03 ngày") })
        // Without names the round says how many, never the codes.
        #expect(p.contains { $0.hasPrefix("- Đợt 1 ") && $0.contains("gồm 2 đơn vị") })
        #expect(!p.contains { $0.contains("HT-NXU") })
        #expect(p.contains { $0.contains("trong thời hạn 20 ngày") })
        let signature = Self.texts(try #require(tables.last))
        #expect(signature.contains("KT. CHỦ TỊCH") && signature.contains("PHÓ CHỦ TỊCH") && signature.contains("Nguyễn Văn Bình"))
    }

    @Test func aPlanWithoutRoundsIsRefusedNamingTheField() throws {
        var plan = Self.plan()
        plan.rounds = []
        do {
            _ = try InspectionDocuments.planDOCX(plan, issuer: Self.district, recipients: [], signer: nil)
            Issue.record("kế hoạch không có đợt kiểm tra vẫn được xuất")
        } catch let failure as ValidationFailure {
            #expect(!failure.messages(for: "rounds").isEmpty)
        }
    }

    // MARK: Conclusion

    static func conclusion(round: Int? = 1) -> InspectionDocuments.Conclusion {
        let date = Day(2022, 6, 13)!
        let findings = [
            InspectionDocuments.Finding(area: .procedures, description: "Niêm yết công khai TTHC chưa đầy đủ",
                                        responsible: "Bộ phận Tiếp nhận và Trả kết quả", due: InspectionRules.remediationDue(conclusion: date, days: 15)),
            InspectionDocuments.Finding(area: .institutions, description: "Chưa cập nhật văn bản QPPL lên Trang thông tin điện tử",
                                        responsible: "Công chức Tư pháp - Hộ tịch", due: InspectionRules.remediationDue(conclusion: date, days: 15)),
            InspectionDocuments.Finding(area: .eGovernment, description: "Tỷ lệ hồ sơ trực tuyến thấp",
                                        responsible: "Công chức Văn phòng - Thống kê", due: InspectionRules.remediationDue(conclusion: date, days: 30)),
        ]
        return InspectionDocuments.Conclusion(
            unitName: "Xã Xuân Hội", visitDate: Day(2022, 6, 8)!, round: round,
            complaintSummary: round == nil ? "Hồ sơ chứng thực bị yêu cầu bổ sung 03 lần" : nil,
            leader: "Nguyễn Văn Thắng, Trưởng phòng Nội vụ", members: ["Lê Văn Quý, Chuyên viên Phòng Nội vụ", "Trần Thị Minh"],
            text: "Nhìn chung, UBND xã đã triển khai các nhiệm vụ CCHC.\nTuy nhiên, còn những tồn tại, hạn chế.",
            number: "98/TB-UBND", date: date, findings: findings, year: 2022)
    }

    @Test func theConclusionListsEachFindingWithItsDueDay() throws {
        let c = Self.conclusion()
        let data = try InspectionDocuments.conclusionDOCX(c, issuer: Self.district, signer: Signatory(fullName: "Phó Chủ tịch Nguyễn Văn Bình"))
        let (p, tables) = try Self.read(data)
        #expect(tables.count == 3)
        let header = Self.texts(tables[0])
        #expect(header.contains("Số: 98/TB-UBND"))
        #expect(header.contains("Nghi Xuân, \(c.date.longVietnamese)"))
        #expect(p.contains("THÔNG BÁO"))
        #expect(p.contains("Kết luận kiểm tra công tác cải cách hành chính đợt 1 năm 2022 tại xã Xuân Hội"))
        #expect(p.contains { $0.contains("ngày \(c.visitDate.vietnamese)") })
        #expect(p.contains("- Trưởng đoàn: \(c.leader);"))
        for m in c.members { #expect(p.contains { $0.hasPrefix("+ " + m) }) }
        for line in c.text.split(separator: "\n") { #expect(p.contains(String(line))) }

        let findings = tables[1]
        #expect(findings.rows[0].cells.map(\.text) == ["STT", "Lĩnh vực", "Tồn tại, hạn chế", "Bộ phận chịu trách nhiệm", "Hạn khắc phục"])
        #expect(findings.rows.count == c.findings.count + 1)
        for (i, f) in c.findings.enumerated() {
            #expect(findings.rows[i + 1].cells.map(\.text) == [String(i + 1), f.area.title, f.description, f.responsible, f.due.vietnamese])
        }
        let latest = try #require(c.findings.map(\.due).max())
        let demand = try #require(p.last)
        #expect(demand.hasPrefix("Yêu cầu Chủ tịch UBND xã Xuân Hội"))
        #expect(demand.contains("khắc phục") && demand.contains("chậm nhất ngày \(latest.vietnamese)"))
        #expect(demand.contains("về UBND huyện (qua Phòng Nội vụ)") && demand.hasSuffix("./."))
        let signature = Self.texts(tables[2])
        #expect(signature.contains("- UBND xã Xuân Hội (để thực hiện);") && signature.contains("- Lưu: VT, NV."))
        #expect(signature.contains("KT. CHỦ TỊCH") && signature.contains("Nguyễn Văn Bình"))
    }

    @Test func equalDueDaysAreSaidAsDaysAfterTheNotice() throws {
        var c = Self.conclusion()
        c.findings.removeLast()
        let (p, _) = try Self.read(try InspectionDocuments.conclusionDOCX(c, issuer: Self.district, signer: nil))
        let days = c.date.days(until: c.findings[0].due)
        #expect(p.last?.contains("trong thời hạn \(days) ngày kể từ ngày ban hành Thông báo này (chậm nhất ngày \(c.findings[0].due.vietnamese))") == true)
    }

    @Test func anAdHocConclusionNamesTheComplaintAndKeepsTheTeamsOwnDemand() throws {
        var c = Self.conclusion(round: nil)
        c.text += "\nYêu cầu Chủ tịch UBND xã Xuân Hội chỉ đạo khắc phục ngay."
        let (p, tables) = try Self.read(try InspectionDocuments.conclusionDOCX(c, issuer: Self.district, signer: nil))
        #expect(p.contains("Kết luận kiểm tra đột xuất công tác cải cách hành chính tại xã Xuân Hội"))
        let complaint = try #require(c.complaintSummary)
        #expect(p.contains { $0.hasPrefix(complaint) })
        #expect(p.filter { $0.hasPrefix("Yêu cầu") } == ["Yêu cầu Chủ tịch UBND xã Xuân Hội chỉ đạo khắc phục ngay./."])
        #expect(p.last == "Yêu cầu Chủ tịch UBND xã Xuân Hội chỉ đạo khắc phục ngay./.")
        #expect(tables[1].rows.count == c.findings.count + 1)
    }

    @Test func anOfficeKeepsItsCapitalAndAnOfficeIssuerTakesReportsItself() throws {
        var c = Self.conclusion()
        c.unitName = "Phòng Tư pháp"
        let office = IssuingBody(kind: .office, name: "Phòng Nội vụ", parentKind: .district, parentName: "Huyện Nghi Xuân")
        let (p, tables) = try Self.read(try InspectionDocuments.conclusionDOCX(c, issuer: office, signer: nil))
        #expect(p.contains("Kết luận kiểm tra công tác cải cách hành chính đợt 1 năm 2022 tại Phòng Tư pháp"))
        #expect(p.last?.hasPrefix("Yêu cầu Phòng Tư pháp khắc phục") == true)
        #expect(p.last?.contains("về Phòng Nội vụ để theo dõi") == true)
        let header = Self.texts(tables[0])
        #expect(header.contains("UBND HUYỆN NGHI XUÂN") && header.contains("PHÒNG NỘI VỤ") && header.contains("Số: 98/TB-UBND"))
        #expect(Self.texts(tables[2]).contains("TRƯỞNG PHÒNG"))
    }

    @Test func aDueDayBeforeTheConclusionIsRefused() throws {
        var c = Self.conclusion()
        c.findings[1].due = c.date.adding(days: -1)
        c.leader = "  "
        do {
            _ = try InspectionDocuments.conclusionDOCX(c, issuer: Self.district, signer: nil)
            Issue.record("hạn khắc phục trước ngày kết luận vẫn được xuất")
        } catch let failure as ValidationFailure {
            #expect(failure.messages(for: "findings[1]").first?.contains("trước ngày kết luận \(c.date.vietnamese)") == true)
            #expect(!failure.messages(for: "leader").isEmpty)
            #expect(failure.messages(for: "findings[0]").isEmpty)
        }
    }
}
