import Testing
import CCHCOffice

@Suite("CSV cho Excel")
struct CSVTests {
    @Test func formulaLikeTextIsMadeInert() {
        #expect(CSV.text("=HYPERLINK(\"http://evil.example\")") == "\"'=HYPERLINK(\"\"http://evil.example\"\")\"")
        #expect(CSV.text("+1") == "\"'+1\"")
        #expect(CSV.text("-x") == "\"'-x\"")
        #expect(CSV.text("@SUM(A1)") == "\"'@SUM(A1)\"")
        #expect(CSV.text("\tx") == "\"'\tx\"")
        #expect(CSV.text("\rx") == "\"'\rx\"")
        // Only a leading sign counts.
        #expect(CSV.text("1-2") == "\"1-2\"")
    }

    @Test func vietnameseTextIsKeptAsItIs() {
        #expect(CSV.text("Xã Thạch Đài") == "\"Xã Thạch Đài\"")
        #expect(CSV.text("Tỷ lệ hồ sơ \"đúng hạn\"") == "\"Tỷ lệ hồ sơ \"\"đúng hạn\"\"\"")
        #expect(CSV.text("") == "\"\"")
    }

    @Test func theDocumentHasABOMAndCRLFLines() {
        let document = CSV.document([[CSV.text("Mã"), CSV.text("Đơn vị")], [CSV.text("1.1"), "12"]])
        #expect(document == "\u{FEFF}\"Mã\",\"Đơn vị\"\r\n\"1.1\",12\r\n")
        #expect(Array(document.utf8.prefix(3)) == [0xEF, 0xBB, 0xBF])
    }
}
