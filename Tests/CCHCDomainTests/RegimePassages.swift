/// The regime passages of the seed documents, copied verbatim (long lines continue with a trailing "\", which
/// joins them back without a line break), and passages written for the tests in other localities' words.
enum RegimePassages {
    /// Seed 000 (Thạch Hà, 164/UBND-NV), §II.1.b.
    static let thachHa = """
        b) Thời hạn, hình thức nhận báo cáo:

        Báo cáo CCHC định kỳ phải do lãnh đạo đơn vị ký ban hành và gửi đến Phòng Nội vụ qua hệ thống quản lý văn bản và hồ sơ công việc để tổng \
        hợp báo cáo UBND tỉnh, Sở Nội vụ và Lãnh đạo UBND huyện.

        Thời hạn nhận báo cáo chậm nhất là ngày 13 của tháng cuối kỳ báo cáo (không tính báo cáo năm). Thời điểm chốt số liệu của từng loại báo cáo \
        cụ thể như sau:

        - Báo cáo Quý I/2021: Thời gian chốt số liệu tính từ ngày 15/12/2020 đến ngày 10/3/2021.

        - Báo cáo 6 tháng đầu năm 2021: Thời gian chốt số liệu tính từ ngày 15/12/2020 đến ngày 10/6/2021.

        - Báo cáo Quý III/2021: Thời gian chốt số liệu tính từ ngày 15/6/2021 đến

        ngày 10/9/2021.

        - Báo cáo tổng hợp năm 2021: Thời hạn nhận báo cáo chậm nhất là ngày 15/11/2021. Theo đó, thời gian chốt số liệu tính từ ngày 15/12/2020 \
        đến ngày 20/11/2021; đồng thời trên cơ sở thực tiễn hoạt động của đơn vị để báo cáo riêng số liệu ước đạt từ ngày 15/11/2021 đến ngày \
        14/12/2021 trong báo cáo năm.

        Trường hợp các phòng, ngành liên quan yêu cầu báo cáo bổ sung số liệu chính xác từ 01/12/2021 đến 14/12/2021 thì các đơn vị thực hiện báo \
        cáo bổ sung theo quy định.
        """

    /// Seed 002 (An Khê, 158/UBND-NV), §2.2.
    static let anKhe = """
        2.2. Thời hạn, hình thức nhận báo cáo

        - Báo cáo CCHC định kỳ phải do lãnh đạo cơ quan, đơn vị ký ban hành và gửi đến Phòng Nội vụ qua Hệ thống quản lý văn bản và điều hành để \
        tổng hợp, tham mưu UBND thị xã báo cáo.

        - Thời hạn Phòng Nội vụ nhận báo cáo của các cơ quan, đơn vị chậm nhất là ngày 05 của tháng cuối kỳ báo cáo. Thời điểm chốt số liệu của \
        từng loại báo cáo cụ thể như sau:

        + Báo cáo Quý I/2021: Thời gian chốt số liệu tính từ ngày 15/12/2020 đến ngày 28/02/2021.

        + Báo cáo 6 tháng đầu năm 2021: Thời gian chốt số liệu tính từ ngày 15/12/2020 đến ngày 31/5/2021.

        + Báo cáo Quý III/2021: Thời gian chốt số liệu tính từ ngày 01/6/2021 đến ngày 31/8/2021.

        + Báo cáo tổng hợp năm 2021: Thời gian chốt số liệu tính từ ngày 15/12/2020 đến ngày 30/11/2021.
        """

    /// Seed 004 (Sóc Trăng, 142/KH-UBND), §IV.1, with the document's hard line breaks.
    static let socTrang = """
        Báo cáo định kỳ quý, 6 tháng và năm về
        tình hình, kết quả thực hiện công tác CCHC tại cơ quan, đơn vị mình về Ủy ban
        nhân dân tỉnh (qua Sở Nội vụ) để theo dõi, tổng hợp và báo cáo Bộ Nội vụ theo
        quy định. Riêng đối với các sở chuyên ngành (Văn phòng Ủy ban nhân dân tỉnh,
        Sở Tư pháp, Sở Tài chính, Sở Thông tin và Truyền thông, Sở Khoa học và Công nghệ)
        được phân công phụ trách từng lĩnh vực CCHC phải báo cáo thêm tình hình thực hiện
        nhiệm vụ được phân công theo Kế hoạch này; đồng thời, chịu trách nhiệm trước Ủy
        ban nhân dân tỉnh điểm số theo tiêu chí, tiêu chí thành phần Chỉ số CCHC cấp tỉnh
        thuộc lĩnh vực ngành phụ trách.
        Thời hạn báo cáo chậm nhất vào ngày
        18 của tháng cuối kỳ báo cáo. Thời điểm chốt số liệu của từng loại báo cáo cụ
        thể như sau:
        - Báo cáo Quý I/2021: Thời gian chốt
        số liệu tính từ ngày 15/12/2020 đến ngày 14/3/2021;
        - Báo cáo 6 tháng đầu năm 2021: Thời
        gian chốt số liệu tính từ ngày 15/12/2020 đến ngày 14/6/2021;
        - Báo cáo Quý III/2021: Thời gian chốt
        số liệu tính từ ngày 15/6/2020 đến ngày 14/9/2021;
        - Báo cáo tổng hợp năm 2021: Thời
        gian chốt số liệu tính từ ngày 15/12/2020 đến ngày 14/12/2021.
        """

    /// Written for this test: a district of Quảng Nam in its own words — lettered items, "6 tháng", "tháng Sáu",
    /// a day and month without the year, an estimate window, and the annual report's deadline stated on its own.
    static let daiLoc = """
        ỦY BAN NHÂN DÂN
        HUYỆN ĐẠI LỘC

        3. Chế độ báo cáo
        Các cơ quan, đơn vị gửi báo cáo CCHC định kỳ về UBND huyện (qua Phòng Nội vụ) như sau:
        a) Báo cáo quý I: số liệu tính từ 16/12/2020 đến 15/3/2021, gửi về Phòng Nội vụ trước ngày 20/3/2021.
        b) Báo cáo 6 tháng: số liệu tính từ ngày 16 tháng 12 năm 2020 đến ngày 15 tháng Sáu năm 2021; hạn gửi ngày 20/6/2021.
        c) Báo cáo quý III: số liệu từ 16/6 đến 15/9, nộp trước ngày 20 tháng 9.
        d) Báo cáo năm: số liệu tính từ 16/12/2020 đến 15/11/2021, số liệu ước thực hiện từ 16/11/2021 đến 15/12/2021; \
        báo cáo năm gửi trước ngày 10/12/2021.
        """

    /// Written for this test: Decree 09/2019's rule stated in words once for every period.
    static let ruleInWords = """
        Thời gian chốt số liệu tính từ ngày 15 của tháng trước kỳ báo cáo đến ngày 14 của tháng cuối kỳ báo cáo. \
        Báo cáo gửi chậm nhất vào ngày 18 của tháng cuối kỳ báo cáo.
        Các kỳ báo cáo: báo cáo quý I, báo cáo 6 tháng, báo cáo quý III và báo cáo năm 2022.
        """

    /// Written for this test: no year anywhere; "năm trước", day and month, "ngày 18" alone.
    static let noYear = """
        Kỳ báo cáo quý I: từ ngày 15/12 năm trước đến ngày 14/3; hạn gửi: ngày 18.
        Kỳ báo cáo 6 tháng đầu năm: từ 15/12 năm trước đến 14/6, hạn gửi ngày 18.
        Kỳ báo cáo quý III: từ 15/6 đến 14/9; hạn gửi ngày 18.
        Kỳ báo cáo năm: từ 15/12 đến 14/12; hạn gửi ngày 18; số liệu ước tính từ 15/11 đến 14/12.
        """

    /// Written for this test: monthly reports, and a period the system does not keep.
    static let monthly = """
        Báo cáo hằng tháng: số liệu tính từ ngày 15 của tháng trước đến ngày 14 của tháng báo cáo, gửi Phòng Nội vụ chậm nhất ngày 18 hằng tháng.
        Báo cáo quý II: hạn 20/6/2023.
        """

    /// Written for this test: Quý III has its window but no deadline.
    static let missingDeadline = """
        - Báo cáo Quý I/2021: số liệu tính từ ngày 15/12/2020 đến ngày 14/3/2021, hạn gửi trước ngày 18/3/2021.
        - Báo cáo Quý III/2021: số liệu tính từ ngày 15/6/2021 đến ngày 14/9/2021.
        """

    /// Written for this test: one paragraph for the windows and one for the deadlines, the names heading their clauses.
    static let byClause = """
        Thời gian chốt số liệu: Quý I từ 15/12/2020 đến 14/3/2021; 6 tháng từ 15/12/2020 đến 14/6/2021; Quý III từ 15/6/2021 đến \
        14/9/2021; năm từ 15/12/2020 đến 14/12/2021.
        Thời hạn gửi báo cáo: Quý I trước ngày 20/3/2021; 6 tháng trước ngày 20/6/2021; Quý III trước ngày 20/9/2021; năm trước ngày 15/12/2021.
        """

    /// Written for this test: a table as a word processor pastes it (cells separated by "|"), one deadline cell left empty.
    static let table = """
        | Kỳ báo cáo | Thời gian chốt số liệu | Hạn gửi báo cáo | Số liệu ước tính |
        |---|---|---|---|
        | Quý I/2021 | 15/12/2020 – 14/3/2021 | 18/3/2021 | |
        | 6 tháng đầu năm | 15/12/2020 – 14/6/2021 | 18/6/2021 | |
        | Quý III | 15/6/2021 – 14/9/2021 | | |
        | Năm | 15/12/2020 – 14/11/2021 | 18/11/2021 | 15/11/2021 – 14/12/2021 |
        """

    /// Written for this test: "năm trước kỳ báo cáo", dates in words, an estimate with only its end.
    static let inWords = """
        Báo cáo quý I: Thời gian lấy số liệu từ ngày 15/12/2020 đến ngày 14/3/2021; gửi về Sở Nội vụ trước ngày 18/3/2021.
        Báo cáo năm: Thời gian lấy số liệu tính từ ngày 15/12 năm trước kỳ báo cáo đến ngày 14/12 của kỳ báo cáo, số liệu ước thực \
        hiện đến hết ngày 31/12; thời hạn gửi báo cáo trước ngày 18/12.
        Báo cáo CCHC quý III năm 2021 gửi về Sở Nội vụ chậm nhất ngày 20 tháng 9 năm 2021 (số liệu tính từ ngày 15 tháng 6 năm 2021 \
        đến ngày 14 tháng Chín năm 2021).
        """
}
