import Testing
@testable import CCHCDomain

@Suite("Tìm kiếm không dấu và ngày tháng")
struct TextAndDateTests {
    @Test(arguments: [
        ("Quảng Thọ", "quang tho"),
        ("Thạch Hà", "thach ha"),
        ("Xã Thạch Đài", "xa thach dai"),
        ("ĐỈNH BÀN", "dinh ban"),
        ("  Nghi   Xuân ", "nghi xuan"),
        ("Cương Gián", "cuong gian"),
        ("Phường Ngô Mây", "phuong ngo may"),
    ])
    func folding(_ input: String, _ folded: String) {
        #expect(Folding.fold(input) == folded)
    }

    @Test func vietnameseAlphabeticalOrder() {
        let names = ["Xã Đỉnh Bàn", "Phòng Văn hóa - Thông tin", "Xã Thạch Đài", "Xã Dương Thủy", "Phường 10", "Phường 2",
                     "Xã Ân Hảo", "Xã An Nhơn", "Xã Ấp Bắc", "Xã Ca", "xã Cà", "Xã Cả", "Xã Cá", "Xã Ơn", "Xã Ô Loan", "Xã Ư"]
        let sorted = VietnameseOrder.sorted(names) { $0 }
        #expect(sorted == ["Phòng Văn hóa - Thông tin", "Phường 2", "Phường 10", "Xã An Nhơn", "Xã Ân Hảo", "Xã Ấp Bắc",
                           "Xã Ca", "xã Cà", "Xã Cả", "Xã Cá", "Xã Dương Thủy", "Xã Đỉnh Bàn", "Xã Ô Loan", "Xã Ơn",
                           "Xã Thạch Đài", "Xã Ư"])
        #expect(VietnameseOrder.less("d", "đ") && VietnameseOrder.less("đz", "e") && VietnameseOrder.less("o", "ô") && VietnameseOrder.less("ô", "ơ"))
        #expect(VietnameseOrder.less("Xã 9", "Xã 10") && VietnameseOrder.less("Xã 10", "Xã A"))
    }

    @Test func longListsOfNamesNameTheFirstAndCountTheRest() {
        #expect(NameList.text(["Xã A", "Xã B"]) == "Xã A, Xã B")
        let many = (1...1_250).map { "Xã \($0)" }
        #expect(NameList.text(many, limit: 2) == "Xã 1, Xã 2, … và 1.248 đơn vị khác")
        #expect(NameList.text(many).count < 400)
    }

    @Test func matchingIgnoresDiacriticsAndOrder() {
        #expect(Folding.matches("Xã Quảng Thọ", query: "quang tho"))
        #expect(Folding.matches("Huyện Thạch Hà", query: "THACH ha"))
        #expect(Folding.matches("Huyện Thạch Hà", query: "ha thach"))
        #expect(!Folding.matches("Xã Quảng Thọ", query: "thach"))
        #expect(Folding.slug("Thạch Đài") == "thachdai")
    }

    @Test func vietnameseDates() {
        #expect(VNDate.isoFromVietnamese("25/01/2021") == "2021-01-25")
        #expect(VNDate.isoFromVietnamese("1/7/2025") == "2025-07-01")
        #expect(VNDate.isoFromVietnamese("29/02/2021") == nil)
        #expect(VNDate.isoFromVietnamese("29/02/2024") == "2024-02-29")
        #expect(VNDate.isoFromVietnamese("31/04/2021") == nil)
        #expect(VNDate.isoFromVietnamese("hôm qua") == nil)
        #expect(VNDate.display(iso: "2021-03-05") == "05/03/2021")
        #expect(VNDate.isLeap(2000) && !VNDate.isLeap(1900) && VNDate.isLeap(2024) && !VNDate.isLeap(2021))
    }
}
