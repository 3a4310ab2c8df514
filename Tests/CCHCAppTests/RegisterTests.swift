import Foundation
import Fluent
import Testing
import VaporTesting
@testable import CCHCApp
@testable import CCHCDomain

/// A unit's register of outgoing documents over the pages and the API: who keeps it, unique numbers, the next number,
/// files, the cross-reference check, the audit.
@Suite("Sổ đăng ký văn bản đi")
struct RegisterAppTests {
    static func form(_ number: String, _ date: String, _ summary: String, directs: Bool = true, cited: String = "") -> [(String, String)] {
        [("number", number), ("issuedOn", date), ("summary", summary), ("signer", "Nguyễn Văn A"), ("area", "direction"),
         ("citedText", cited)] + (directs ? [("directsCCHC", "on")] : [])
    }

    /// The message of an API error, as the user reads it.
    static func message(_ res: TestingHTTPResponse) throws -> String {
        struct Body: Decodable { struct E: Decodable { var message: String }; var error: E }
        return try res.content.decode(Body.self).error.message
    }

    static func count(_ app: Application, unit: Unit) async throws -> Int {
        try await RegisterDocument.query(on: app.db).filter(\.$unit.$id == unit.id!).count()
    }

    @Test func aCommuneKeepsItsOwnRegisterAndNoOtherCommuneSeesOrWritesIt() async throws {
        try await withTestApp(now: march10) { app in
            let thachDai = try await app.unit(code: "HT-THA-THACHDAI")
            let path = "/units/\(thachDai.id!)/documents"
            let cv = try await TestClient.session(app, "thachdai.cv")
            let created = try await cv.send(.POST, path,
                                            formPairs: Self.form("05/KH-UBND", "20/01/2021", "Kế hoạch cải cách hành chính năm 2021"))
            #expect(created.status == .seeOther)
            let document = try #require(try await RegisterDocument.query(on: app.db).filter(\.$unit.$id == thachDai.id!).first())
            #expect(created.headers.first(name: .location) == "\(path)/\(document.id!)?saved=1")
            #expect(document.number == 5 && document.symbol == "KH-UBND" && document.type == "KH" && document.year == 2021)
            #expect(document.issuedOn == "2021-01-20" && document.directsCCHC && document.area == "direction")
            #expect(document.createdBy == "thachdai.cv")
            let shown = try await cv.get("\(path)/\(document.id!)?saved=1").text
            #expect(shown.contains("Đã lưu văn bản 05/KH-UBND.") && shown.contains("Kế hoạch cải cách hành chính năm 2021"))
            let list = try await cv.get("\(path)?year=2021")
            #expect(list.status == .ok && list.text.contains("Sổ đăng ký văn bản đi của Xã Thạch Đài — năm 2021"))
            #expect(list.text.contains(">05/KH-UBND</a>") && list.text.contains("20/01/2021"))
            // The API says the same, in the same scope.
            let api = try await TestClient.api(app, "thachdai.cv")
            let listed = try await api.get("/api/v1\(path)?year=2021").json(RegisterListDTO.self)
            #expect(listed.documents.map(\.numberText) == ["05/KH-UBND"] && listed.nextNumbers["KH"] == 6 && listed.nextNumbers["CV"] == 1)
            // Another commune of the district: nothing, over the pages and the API, and nothing written.
            let other = try await TestClient.session(app, "thachkenh.cv")
            #expect(try await other.get(path).status == .notFound)
            #expect(try await other.get("\(path)/\(document.id!)").status == .notFound)
            let refused = try await other.send(.POST, path, formPairs: Self.form("06/KH-UBND", "21/01/2021", "Xâm nhập"))
            #expect(refused.status == .notFound)
            let changed = try await other.send(.POST, "\(path)/\(document.id!)", formPairs: Self.form("07/KH-UBND", "21/01/2021", "x"))
            #expect(changed.status == .notFound)
            let otherAPI = try await TestClient.api(app, "thachkenh.cv")
            #expect(try await otherAPI.get("/api/v1\(path)").status == .notFound)
            let input = RegisterInput(number: "08/KH-UBND", issuedOn: "2021-01-21", summary: "Xâm nhập")
            #expect(try await otherAPI.send(.POST, "/api/v1\(path)", json: input).status == .notFound)
            #expect(try await otherAPI.send(.DELETE, "/api/v1\(path)/\(document.id!)?revision=0").status == .notFound)
            #expect(try await Self.count(app, unit: thachDai) == 1)
            // The district's standing agency reads the commune's register, but does not keep it: that is the commune's.
            let officer = try await TestClient.api(app, "thachha.noivu")
            #expect(try await officer.get("/api/v1\(path)?year=2021").json(RegisterListDTO.self).documents.count == 1)
            #expect(try await officer.send(.POST, "/api/v1\(path)", json: input).status == .forbidden)
            let officerPage = try await TestClient.session(app, "thachha.noivu")
            #expect(try await officerPage.get("\(path)/new").text.contains("Bạn chỉ được xem sổ đăng ký của đơn vị này."))
            #expect(try await Self.count(app, unit: thachDai) == 1)
            // The unit page leads to its register.
            #expect(try await cv.get("/units/\(thachDai.id!)").text.contains("href=\"\(path)\">Sổ đăng ký văn bản đi</a>"))
        }
    }

    @Test func aNumberGivenTwiceInAYearIsRefusedNamingTheDocumentAndNothingIsWritten() async throws {
        try await withTestApp(now: march10) { app in
            let thachDai = try await app.unit(code: "HT-THA-THACHDAI")
            let api = try await TestClient.api(app, "thachdai.cv")
            let path = "/api/v1/units/\(thachDai.id!)/documents"
            let first = try await api.send(.POST, path, json: RegisterInput(number: "12/KH-UBND", issuedOn: "20/01/2021",
                                                                             summary: "Kế hoạch cải cách hành chính năm 2021"))
            #expect(first.status == .created)
            let audits = try await AuditEvent.query(on: app.db).filter(\.$entity == "register_document").count()
            for (spelling, read) in [("12/KH-UBND", "12/KH-UBND"), ("12 / kh-ubnd", "12/kh-ubnd"), ("12/KH - UBND", "12/KH-UBND")] {
                let again = try await api.send(.POST, path,
                                               json: RegisterInput(number: spelling, issuedOn: "03/03/2021", summary: "Kế hoạch khác"))
                #expect(again.status == .unprocessableEntity, "\(spelling)")
                #expect(try Self.message(again).hasPrefix("Số \(read) năm 2021 đã được cấp cho văn bản 12/KH-UBND "
                                                          + "ngày 20/01/2021 “Kế hoạch cải cách hành chính năm 2021”."), "\(spelling)")
            }
            // The page keeps the typing and says the same.
            let page = try await TestClient.session(app, "thachdai.cv")
            let refused = try await page.send(.POST, "/units/\(thachDai.id!)/documents",
                                              formPairs: Self.form("12/KH-UBND", "04/03/2021", "Bản trùng số"))
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.text.contains("Số 12/KH-UBND năm 2021 đã được cấp cho văn bản") && refused.text.contains("Bản trùng số"))
            #expect(try await Self.count(app, unit: thachDai) == 1)
            #expect(try await AuditEvent.query(on: app.db).filter(\.$entity == "register_document").count() == audits)
            // Another kind, or another year, is another sequence.
            let report = RegisterInput(number: "12/BC-UBND", issuedOn: "05/03/2021", summary: "Báo cáo")
            #expect(try await api.send(.POST, path, json: report).status == .created)
            let nextYear = RegisterInput(number: "12/KH-UBND", issuedOn: "05/01/2022", summary: "Kế hoạch 2022")
            #expect(try await api.send(.POST, path, json: nextYear).status == .created)
            // The database itself refuses a second row with the same unit, year, number and symbol.
            let copy = RegisterDocument(unitID: thachDai.id!, createdBy: "test", at: march10)
            copy.set(try RegisterRules.check(RegisterDraft(number: "12/kh-ubnd", issuedOn: "09/09/2021", summary: "Bản sao"),
                                             unitID: thachDai.id!, unitName: thachDai.name, unitKind: thachDai.kind))
            await #expect(throws: (any Error).self) { try await copy.create(on: app.db) }
            #expect(try await Self.count(app, unit: thachDai) == 3)
            // What is wrong with a number is said in Vietnamese, naming the field.
            let bad = try await api.send(.POST, path, json: RegisterInput(number: "12-KH-UBND", issuedOn: "31/02/2021", summary: ""))
            #expect(bad.status == .unprocessableEntity)
            #expect(try Self.message(bad) == "Số, ký hiệu: “12-KH-UBND”: thiếu dấu “/” giữa số và ký hiệu "
                    + "(vd: 164/UBND-NV). Ngày ban hành: “31/02/2021” không phải là ngày hợp lệ (dd/MM/yyyy). "
                    + "Trích yếu: chưa nhập nội dung văn bản.")
        }
    }

    @Test func theNextNumberIsProposedPerKind() async throws {
        try await withTestApp(now: march10) { app in
            let thachDai = try await app.unit(code: "HT-THA-THACHDAI")
            let api = try await TestClient.api(app, "thachdai.cv")
            let path = "/api/v1/units/\(thachDai.id!)/documents"
            for (number, date) in [("01/KH-UBND", "04/01/2021"), ("02/KH-UBND", "10/01/2021"), ("05/KH-UBND", "20/01/2021"),
                                   ("17/UBND", "21/01/2021"), ("04/KH-UBND", "05/01/2020")] {
                #expect(try await api.send(.POST, path, json: RegisterInput(number: number, issuedOn: date, summary: "Văn bản \(number)"))
                    .status == .created)
            }
            let list = try await api.get("\(path)?year=2021").json(RegisterListDTO.self)
            #expect(list.nextNumbers["KH"] == 6 && list.nextNumbers["CV"] == 18 && list.nextNumbers["BC"] == 1)
            #expect(list.proposed["KH"] == "06/KH-UBND" && list.proposed["CV"] == "18/UBND" && list.proposed["QĐ"] == "01/QĐ-UBND")
            #expect(list.gaps["KH"] == [3, 4] && list.gapCounts["KH"] == 2 && list.years == [2021, 2020])
            #expect(list.gaps["CV"] == Array(1...16) && list.gapCounts["CV"] == 16)
            #expect(try await api.get("\(path)?year=2020").json(RegisterListDTO.self).nextNumbers["KH"] == 5)
            // The new document's form proposes the next number of the kind chosen, with the symbol last used for that kind.
            let page = try await TestClient.session(app, "thachdai.cv")
            let new = "/units/\(thachDai.id!)/documents/new?year=2021&type="
            #expect(try await page.get(new + "KH").text.contains("name=\"number\" value=\"06/KH-UBND\""))
            #expect(try await page.get(new + "CV").text.contains("name=\"number\" value=\"18/UBND\""))
            #expect(try await page.get(new + "BC").text.contains("name=\"number\" value=\"01/BC-UBND\""))
            // Thạch Hà's demo register: its plan 10/KH-UBND-NV and its công văn 164/UBND-NV.
            let thachHa = try await app.unit(code: "HT-THA")
            let officer = try await TestClient.session(app, "thachha.noivu")
            #expect(try await officer.get("/units/\(thachHa.id!)/documents/new?type=KH&year=2021").text.contains("value=\"11/KH-UBND-NV\""))
            #expect(try await officer.get("/units/\(thachHa.id!)/documents/new?type=CV&year=2021").text.contains("value=\"165/UBND-NV\""))
        }
    }

    @Test func aFileGoesInAndComesOutUnchanged() async throws {
        try await withTestApp(now: march10) { app in
            let thachDai = try await app.unit(code: "HT-THA-THACHDAI")
            let api = try await TestClient.api(app, "thachdai.cv")
            let path = "/api/v1/units/\(thachDai.id!)/documents"
            let doc = try await api.send(.POST, path,
                                         json: RegisterInput(number: "03/KH-UBND", issuedOn: "20/01/2021", summary: "Kế hoạch"))
                .json(RegisterDocumentDTO.self)
            let pdf = Data("%PDF-1.4\n% Kế hoạch 03/KH-UBND\n".utf8) + Data((0..<2000).map { UInt8($0 % 251) })
            // Through the page: a multipart form, its CSRF token in the address as the layout writes it.
            let page = try await TestClient.session(app, "thachdai.cv")
            var body = ByteBuffer()
            body.writeString("--B\r\nContent-Disposition: form-data; name=\"file\"; filename=\"Kế hoạch 03.pdf\"\r\n"
                             + "Content-Type: text/html\r\n\r\n")
            body.writeBytes(pdf)
            body.writeString("\r\n--B--\r\n")
            let pagePath = "/units/\(thachDai.id!)/documents/\(doc.id)"
            let headers: HTTPHeaders = ["Cookie": page.cookie!, "Content-Type": "multipart/form-data; boundary=B"]
            let uploaded = try await app.testing().sendRequest(.POST, "\(pagePath)/attachment?_csrf=\(page.csrf!)",
                                                               headers: headers, body: body)
            #expect(uploaded.status == .seeOther)
            #expect(try await page.get(pagePath).text.contains("Kế hoạch 03.pdf"))
            let download = try await page.get("\(pagePath)/attachment")
            #expect(download.status == .ok)
            #expect(Data(download.body.readableBytesView) == pdf)
            // The type is the name's, not the uploader's claim; the name travels in UTF-8 with an ASCII fallback.
            #expect(download.headers.first(name: .contentType) == "application/pdf")
            #expect(download.headers.first(name: .contentDisposition)
                    == "attachment; filename=\"kehoach03.pdf\"; filename*=UTF-8''K%E1%BA%BF%20ho%E1%BA%A1ch%2003.pdf")
            // Through the API: the body is the file, its name in ?name=; it replaces the first.
            let docx = Data("PK\u{3}\u{4} bản Word".utf8)
            let put = try await api.send(.PUT, "\(path)/\(doc.id)/attachment?name=03-KH-UBND.docx", body: ByteBuffer(data: docx),
                                         headers: ["Content-Type": "application/octet-stream"])
            #expect(put.status == .ok)
            #expect(try put.json(RegisterDocumentDTO.self).attachment?.fileName == "03-KH-UBND.docx")
            let again = try await api.get("\(path)/\(doc.id)/attachment")
            #expect(Data(again.body.readableBytesView) == docx && again.headers.first(name: .contentType) == AttachmentRules.types[2].type)
            // A file of another kind is refused, naming what is accepted; an outsider gets nothing.
            let exe = try await api.send(.PUT, "\(path)/\(doc.id)/attachment?name=virus.exe", body: ByteBuffer(string: "MZ"))
            #expect(exe.status == .unprocessableEntity && exe.text.contains("chỉ nhận tệp .pdf, .doc, .docx"))
            #expect(try await TestClient.api(app, "thachkenh.cv").get("\(path)/\(doc.id)/attachment").status == .notFound)
            #expect(try await RegisterAttachment.query(on: app.db).count() == 1)
        }
    }

    @Test func seed000sSlipIsFlaggedOnTheRegister() async throws {
        try await withTestApp(now: march10) { app in
            let thachHa = try await app.unit(code: "HT-THA")
            let plan = try #require(try await RegisterDocument.query(on: app.db).filter(\.$unit.$id == thachHa.id!)
                .filter(\.$numberText == "10/KH-UBND-NV").first())
            let guidance = try #require(try await RegisterDocument.query(on: app.db).filter(\.$unit.$id == thachHa.id!)
                .filter(\.$numberText == "164 /UBND-NV").first())
            let officer = try await TestClient.api(app, "thachha.noivu")
            let list = try await officer.get("/api/v1/units/\(thachHa.id!)/documents?year=2021").json(RegisterListDTO.self)
            #expect(list.flagged.count == 1)
            let slip = try #require(list.flagged.first)
            #expect(slip.documentID == guidance.id && slip.verdict == "probableSlip" && slip.registeredID == plan.id)
            #expect(slip.cited == "10/KH-UBND" && slip.citedDate == "2020-01-22")
            // The other citations: its plan twice as registered; the province's two documents are in the province's register,
            // which the district's account does not read, so they are not checked (and not flagged).
            let all = try #require(list.documents.first { $0.id == guidance.id }).findings
            #expect(all.map(\.verdict) == ["notRegistered", "notRegistered", "matches", "matches", "probableSlip"])
            #expect(all.map(\.cited) == ["8444/UBND-PC", "513/KH-UBND", "10/KH-UBND-NV", "10/KH-UBND-NV", "10/KH-UBND"])
            let page = try await TestClient.session(app, "thachha.noivu").get("/units/\(thachHa.id!)/documents?year=2021")
            #expect(page.text.contains("Dẫn chiếu chưa khớp sổ đăng ký (1)"))
            #expect(page.text.contains("“Kế hoạch số 10/KH-UBND ngày 22/01/2020”: có lẽ là nhầm — sổ đăng ký của Huyện Thạch Hà có văn bản "
                                       + "10/KH-UBND-NV ngày 22/01/2021"))
            // A commune's account reads its own register only: the district's is not among those its citations are checked against.
            let commune = try await TestClient.api(app, "thachdai.cv")
            #expect(try await commune.get("/api/v1/units/\(thachHa.id!)/documents").status == .notFound)
        }
    }

    @Test func searchFiltersAndTheDirectingDocumentsOfAWindow() async throws {
        try await withTestApp(now: march10) { app in
            // Xã Lưu Vĩnh Sơn (the second Thạch Hà commune by code in the demo): in Q1 2021 (15/12/2020–10/03/2021) it issued
            // 02/QĐ-UBND (11/01), its plan 4/KH-UBND (21/01) and 05/TB-UBND (22/02) to direct CCHC; 31/UBND (15/02) is about
            // Tết, its Q1 report 11/BC-UBND does not direct; 21/UBND is dated 12/03, after the cut-off.
            let commune = try await app.unit(code: "HT-THA-LUUVINHSON")
            let (from, q1End, h1End) = (Day(2020, 12, 15)!, Day(2021, 3, 10)!, Day(2021, 6, 10)!)
            let q1 = try await RegisterQueries.directing(unitID: commune.id!, from: from, through: q1End, on: app.db)
            #expect(q1.map(\.numberText) == ["02/QĐ-UBND", "4/KH-UBND", "05/TB-UBND"])
            #expect(q1.map(\.issuedOn) == [Day(2021, 1, 11)!, Day(2021, 1, 21)!, Day(2021, 2, 22)!] && q1.allSatisfy(\.directsCCHC))
            let h1 = try await RegisterQueries.directing(unitID: commune.id!, from: from, through: h1End, on: app.db)
            #expect(h1.map(\.numberText) == ["02/QĐ-UBND", "4/KH-UBND", "05/TB-UBND", "21/UBND"])
            let api = try await TestClient.api(app, "luuvinhson.cv")
            let base = "/api/v1/units/\(commune.id!)/documents?year=2021"
            #expect(try await api.get(base + "&directing=true").json(RegisterListDTO.self).documents.count == 4)
            #expect(try await api.get(base + "&q=tet%20nguyen%20dan").json(RegisterListDTO.self).documents.map(\.numberText) == ["31/UBND"])
            let plans = try await api.get(base + "&q=k%E1%BA%BF%20ho%E1%BA%A1ch").json(RegisterListDTO.self)
            #expect(plans.documents.map(\.numberText) == ["4/KH-UBND"])
            #expect(try await api.get(base + "&type=TB").json(RegisterListDTO.self).documents.map(\.numberText) == ["05/TB-UBND"])
            let all = try await api.get(base).json(RegisterListDTO.self).documents
            #expect(all.map(\.issuedOn) == all.map(\.issuedOn).sorted())
            #expect(all.first { $0.type == "BC" }?.source?.kind == "report")
            #expect(try await api.get(base + "&type=XYZ").status == .unprocessableEntity)
            let page = try await TestClient.session(app, "luuvinhson.cv").get("/units/\(commune.id!)/documents?year=2021&q=quyet+dinh")
            #expect(page.status == .ok && page.text.contains("1 văn bản,") && page.text.contains(">02/QĐ-UBND</a>"))
        }
    }

    @Test func changesAreRevisionCheckedAndAudited() async throws {
        try await withTestApp(now: march10) { app in
            let thachDai = try await app.unit(code: "HT-THA-THACHDAI")
            let api = try await TestClient.api(app, "thachdai.cv")
            let path = "/api/v1/units/\(thachDai.id!)/documents"
            let doc = try await api.send(.POST, path,
                                         json: RegisterInput(number: "09/KH-UBND", issuedOn: "20/01/2021", summary: "Kế hoạch"))
                .json(RegisterDocumentDTO.self)
            var input = RegisterInput(number: "09/KH-UBND", issuedOn: "21/01/2021", summary: "Kế hoạch CCHC năm 2021")
            #expect(try await api.send(.PUT, "\(path)/\(doc.id)", json: input).status == .unprocessableEntity)
            input.revision = 0
            let changed = try await api.send(.PUT, "\(path)/\(doc.id)", json: input)
            #expect(try changed.status == .ok && changed.json(RegisterDocumentDTO.self).revision == 1)
            // The page still holds revision 0: refused, the typing kept, what is stored said.
            let page = try await TestClient.session(app, "thachdai.cv")
            let stale = try await page.send(.POST, "/units/\(thachDai.id!)/documents/\(doc.id)",
                                            formPairs: Self.form("09/KH-UBND", "22/01/2021", "Bản sửa cũ") + [("revision", "0")])
            #expect(stale.status == .conflict && stale.text.contains("Bản sửa cũ") && stale.text.contains("đã được người khác sửa"))
            #expect(try await api.send(.DELETE, "\(path)/\(doc.id)?revision=0").status == .conflict)
            #expect(try await api.send(.DELETE, "\(path)/\(doc.id)?revision=1").status == .noContent)
            let events = try await AuditEvent.query(on: app.db).filter(\.$entity == "register_document").filter(\.$entityID == doc.id)
                .sort(\.$id).all()
            #expect(events.map(\.action) == ["register.create", "register.update", "register.delete"])
            #expect(events.allSatisfy { $0.username == "thachdai.cv" && $0.unitID == thachDai.id })
            #expect(events[1].detail?.contains("\"issuedOn\":\"20/01/2021 → 21/01/2021\"") == true)
            #expect(events[1].detail?.contains("\"summary\":\"Kế hoạch → Kế hoạch CCHC năm 2021\"") == true)
            #expect(try await Self.count(app, unit: thachDai) == 0)
        }
    }
    @Test func aRegisterFileGoesOutAndComesBackAllOrNothing() async throws {
        try await withTestApp(now: march10) { app in
            let thachHa = try await app.unit(code: "HT-THA")
            let exported = try await RegisterFile.export(unit: thachHa, year: 2021, on: app.db)
            #expect(exported.map(\.number) == ["10/KH-UBND-NV", "164 /UBND-NV"])
            #expect(exported[1].unit == "HT-THA" && exported[1].issuedOn == "2021-01-25" && exported[1].signer == "Trần Việt Hà")
            let text = try RegisterFile.encode(exported)
            // Read back as it is: both numbers are taken, so nothing is written and the refusal names the first.
            let before = try await RegisterDocument.query(on: app.db).count()
            await #expect(throws: ValidationFailure.self) {
                _ = try await RegisterFile.importEntries(Data(text.utf8), on: app.db, now: march10)
            }
            #expect(try await RegisterDocument.query(on: app.db).count() == before)
            // Into Thạch Đài, by its name without diacritics, for 2022: both go in, the same as exported.
            var moved = exported.map { e -> RegisterFileEntry in
                var e = e
                e.unit = "xa thach dai"
                e.issuedOn = e.issuedOn.replacingOccurrences(of: "2021", with: "2022")
                return e
            }
            #expect(try await RegisterFile.importEntries(try JSONEncoder().encode(moved), on: app.db, now: march10) == 2)
            let thachDai = try await app.unit(code: "HT-THA-THACHDAI")
            let back = try await RegisterFile.export(unit: thachDai, year: 2022, on: app.db)
            #expect(back.map(\.number) == exported.map(\.number) && back.map(\.summary) == exported.map(\.summary))
            #expect(back.map(\.citedText) == exported.map(\.citedText) && back.allSatisfy { $0.unit == "HT-THA-THACHDAI" })
            // An unknown unit and a number given twice in the file are both listed; nothing is written.
            moved[0].unit = "Xã Không Có"
            moved.append(moved[1])
            do {
                _ = try await RegisterFile.importEntries(try JSONEncoder().encode(moved), on: app.db, now: march10)
                Issue.record("phải từ chối")
            } catch let failure as ValidationFailure {
                #expect(failure.errors.map(\.message) == ["Văn bản thứ 1 (10/KH-UBND-NV): không có đơn vị “Xã Không Có”.",
                                                          "Văn bản thứ 3 (164 /UBND-NV): trùng số với văn bản thứ 2 trong tệp."])
            }
            #expect(try await RegisterDocument.query(on: app.db).count() == before + 2)
        }
    }
}
