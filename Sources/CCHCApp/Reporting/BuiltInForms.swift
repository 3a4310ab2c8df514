/// Statistics forms that ship with the system (data, not code).
enum BuiltInForms {
    /// The appendix of seed 002 (An Khê, 158/UBND-NV, 08/02/2021): every row.
    static let seed002 = #"""
    {
      "code": "CCHC-TK-2021",
      "title": "Thống kê số liệu về kết quả thực hiện công tác CCHC",
      "year": 2021,
      "source": "Phụ lục kèm theo Văn bản số 158/UBND-NV ngày 08/02/2021 của UBND thị xã An Khê",
      "indicators": [
        {
          "code": "1",
          "name": "Công tác chỉ đạo điều hành CCHC",
          "kind": "group"
        },
        {
          "code": "1.1",
          "parent": "1",
          "name": "Kế hoạch CCHC",
          "kind": "group",
          "office": "Phòng Nội vụ"
        },
        {
          "code": "1.1.1",
          "parent": "1.1",
          "name": "Số nhiệm vụ đề ra trong kế hoạch",
          "unit": "Nhiệm vụ",
          "kind": "count"
        },
        {
          "code": "1.1.2",
          "parent": "1.1",
          "name": "Số nhiệm vụ đã hoàn thành",
          "unit": "Nhiệm vụ",
          "kind": "count"
        },
        {
          "code": "1.1.3",
          "parent": "1.1",
          "name": "Số văn bản chỉ đạo CCHC đã ban hành",
          "unit": "Văn bản",
          "kind": "count"
        },
        {
          "code": "1.2",
          "parent": "1",
          "name": "Kiểm tra CCHC",
          "kind": "group",
          "office": "Phòng Nội vụ"
        },
        {
          "code": "1.2.1",
          "parent": "1.2",
          "name": "Tổng số phòng chuyên môn, đơn vị, địa phương",
          "unit": "Cơ quan, đơn vị",
          "kind": "count",
          "measure": "snapshot"
        },
        {
          "code": "1.2.2",
          "parent": "1.2",
          "name": "Số phòng chuyên môn, đơn vị, địa phương đã kiểm tra",
          "unit": "Cơ quan, đơn vị",
          "kind": "count"
        },
        {
          "code": "1.2.3",
          "parent": "1.2",
          "name": "Số vấn đề phát hiện qua kiểm tra",
          "unit": "Vấn đề",
          "kind": "count"
        },
        {
          "code": "1.2.4",
          "parent": "1.2",
          "name": "Số vấn đề phát hiện đã xử lý xong",
          "unit": "Vấn đề",
          "kind": "count"
        },
        {
          "code": "1.3",
          "parent": "1",
          "name": "Thực hiện nhiệm vụ UBND, Chủ tịch UBND tỉnh giao",
          "kind": "group",
          "office": "Văn phòng HĐND và UBND"
        },
        {
          "code": "1.3.1",
          "parent": "1.3",
          "name": "Tổng số nhiệm vụ được giao",
          "unit": "Nhiệm vụ",
          "kind": "count",
          "note": "Văn bản không in đơn vị tính cho dòng này; dùng “Nhiệm vụ” như các dòng nhiệm vụ ở mục 1.1."
        },
        {
          "code": "1.3.2",
          "parent": "1.3",
          "name": "Số nhiệm vụ đã hoàn thành đúng hạn",
          "unit": "Nhiệm vụ",
          "kind": "count",
          "note": "Văn bản không in đơn vị tính cho dòng này; dùng “Nhiệm vụ” như các dòng nhiệm vụ ở mục 1.1."
        },
        {
          "code": "1.3.3",
          "parent": "1.3",
          "name": "Số nhiệm vụ đã hoàn thành nhưng quá hạn",
          "unit": "Nhiệm vụ",
          "kind": "count",
          "note": "Văn bản không in đơn vị tính cho dòng này; dùng “Nhiệm vụ” như các dòng nhiệm vụ ở mục 1.1."
        },
        {
          "code": "1.4",
          "parent": "1",
          "name": "Khảo sát sự hài lòng của người dân, tổ chức",
          "kind": "group",
          "office": "Văn phòng HĐND và UBND"
        },
        {
          "code": "1.4.1",
          "parent": "1.4",
          "name": "Số lượng phiếu khảo sát",
          "unit": "Số lượng",
          "kind": "count"
        },
        {
          "code": "1.4.2",
          "parent": "1.4",
          "name": "Hình thức khảo sát",
          "kind": "choice",
          "choices": [
            {
              "value": 0,
              "label": "Trực tuyến"
            },
            {
              "value": 1,
              "label": "Phát phiếu"
            },
            {
              "value": 2,
              "label": "Kết hợp"
            }
          ]
        },
        {
          "code": "2",
          "name": "Cải cách thể chế",
          "kind": "group",
          "office": "Phòng Tư pháp"
        },
        {
          "code": "2.1",
          "parent": "2",
          "name": "Số VBQPPL đã ban hành/tham mưu ban hành",
          "unit": "Văn bản",
          "kind": "count"
        },
        {
          "code": "2.2",
          "parent": "2",
          "name": "Số VBQPPL đã kiểm tra theo thẩm quyền",
          "unit": "Văn bản",
          "kind": "count"
        },
        {
          "code": "2.3",
          "parent": "2",
          "name": "Số VBQPPL đã rà soát",
          "unit": "Văn bản",
          "kind": "count"
        },
        {
          "code": "2.4",
          "parent": "2",
          "name": "Số VBQPPL đã kiến nghị xử lý sau kiểm tra, rà soát",
          "unit": "Văn bản",
          "kind": "count"
        },
        {
          "code": "2.5",
          "parent": "2",
          "name": "Số VBQPPL có kiến nghị xử lý đã được xử lý xong",
          "unit": "Văn bản",
          "kind": "count"
        },
        {
          "code": "3",
          "name": "Cải cách thủ tục hành chính",
          "kind": "group",
          "office": "Văn phòng HĐND và UBND"
        },
        {
          "code": "3.1",
          "parent": "3",
          "name": "Thống kê TTHC",
          "kind": "group"
        },
        {
          "code": "3.1.1",
          "parent": "3.1",
          "name": "Cập nhật số TTHC công bố mới",
          "unit": "Thủ tục",
          "kind": "count"
        },
        {
          "code": "3.1.2",
          "parent": "3.1",
          "name": "Cập nhật số TTHC bãi bỏ, thay thế",
          "unit": "Thủ tục",
          "kind": "count"
        },
        {
          "code": "3.1.3",
          "parent": "3.1",
          "name": "Tổng số TTHC đang có hiệu lực",
          "unit": "Thủ tục",
          "kind": "count",
          "measure": "snapshot"
        },
        {
          "code": "3.1.3.a",
          "parent": "3.1.3",
          "name": "Số TTHC thị xã:",
          "unit": "Thủ tục",
          "kind": "count",
          "partOf": true,
          "measure": "snapshot",
          "note": "Dòng “Trong đó” không có số thứ tự trong văn bản; mã do hệ thống đặt."
        },
        {
          "code": "3.1.3.b",
          "parent": "3.1.3",
          "name": "Số TTHC cấp xã:",
          "unit": "Thủ tục",
          "kind": "count",
          "partOf": true,
          "measure": "snapshot",
          "note": "Dòng “Trong đó” không có số thứ tự trong văn bản; mã do hệ thống đặt."
        },
        {
          "code": "3.2",
          "parent": "3",
          "name": "Vận hành Công dịch vụ công",
          "kind": "group",
          "note": "Lỗi chính tả trong văn bản: “Công dịch vụ công” là “Cổng dịch vụ công” (Cổng DVC quốc gia, xem 3.2.1, 3.2.2)."
        },
        {
          "code": "3.2.1",
          "parent": "3.2",
          "name": "Số TTHC đã cập nhật, công khai trên Cổng DVC quốc gia",
          "unit": "Thủ tục",
          "kind": "count",
          "measure": "snapshot"
        },
        {
          "code": "3.2.2",
          "parent": "3.2",
          "name": "Số TTHC mức độ 3 và 4 đã tích hợp lên Cổng DVC quốc gia",
          "unit": "Thủ tục",
          "kind": "count",
          "measure": "snapshot"
        },
        {
          "code": "3.3",
          "parent": "3",
          "name": "Thực hiện cơ chế một cửa, một cửa liên thông",
          "kind": "group"
        },
        {
          "code": "3.3.1",
          "parent": "3.3",
          "name": "Số TTHC liên thông cùng cấp",
          "unit": "Thủ tục",
          "kind": "count",
          "measure": "snapshot"
        },
        {
          "code": "3.3.2",
          "parent": "3.3",
          "name": "Số TTHC liên thông giữa các cấp chính quyền",
          "unit": "Thủ tục",
          "kind": "count",
          "measure": "snapshot"
        },
        {
          "code": "3.3.3",
          "parent": "3.3",
          "name": "Tỷ lệ TTHC đã được phê duyệt quy trình nội bộ",
          "unit": "%",
          "kind": "percent",
          "measure": "snapshot",
          "fraction": true,
          "numeratorLabel": "Số TTHC đã được phê duyệt quy trình nội bộ",
          "denominatorLabel": "Tổng số TTHC thuộc thẩm quyền giải quyết"
        },
        {
          "code": "3.3.4",
          "parent": "3.3",
          "name": "Tỷ lệ quy trình nội bộ giải quyết TTHC đã được điện tử hóa",
          "unit": "%",
          "kind": "percent",
          "measure": "snapshot",
          "fraction": true,
          "numeratorLabel": "Số quy trình nội bộ đã được điện tử hóa",
          "denominatorLabel": "Tổng số quy trình nội bộ đã được phê duyệt"
        },
        {
          "code": "3.4",
          "parent": "3",
          "name": "Kết quả giải quyết TTHC",
          "kind": "group"
        },
        {
          "code": "3.4.1",
          "parent": "3.4",
          "name": "Tỷ lệ hồ sơ TTHC do UBND thị xã tiếp nhận được giải quyết đúng hạn",
          "unit": "%",
          "kind": "percent",
          "fraction": true,
          "numeratorLabel": "Số hồ sơ do UBND thị xã tiếp nhận đã giải quyết đúng hạn",
          "denominatorLabel": "Tổng số hồ sơ do UBND thị xã tiếp nhận đã giải quyết"
        },
        {
          "code": "3.4.2",
          "parent": "3.4",
          "name": "Tỷ lệ hồ sơ TTHC do UBND cấp xã tiếp nhận được giải quyết đúng hạn",
          "unit": "%",
          "kind": "percent",
          "fraction": true,
          "numeratorLabel": "Số hồ sơ do UBND cấp xã tiếp nhận đã giải quyết đúng hạn",
          "denominatorLabel": "Tổng số hồ sơ do UBND cấp xã tiếp nhận đã giải quyết"
        },
        {
          "code": "3.4.3",
          "parent": "3.4",
          "name": "Tỷ lệ hồ sơ TTHC về lĩnh vực đất đai được giải quyết đúng hạn (ở cả 2 cấp).",
          "unit": "%",
          "kind": "percent",
          "fraction": true,
          "numeratorLabel": "Số hồ sơ lĩnh vực đất đai đã giải quyết đúng hạn",
          "denominatorLabel": "Tổng số hồ sơ lĩnh vực đất đai đã giải quyết"
        },
        {
          "code": "3.4.4",
          "parent": "3.4",
          "name": "Tỷ lệ hồ sơ TTHC về lĩnh vực xây dựng được giải quyết đúng hạn (ở cả 2 cấp).",
          "unit": "%",
          "kind": "percent",
          "fraction": true,
          "numeratorLabel": "Số hồ sơ lĩnh vực xây dựng đã giải quyết đúng hạn",
          "denominatorLabel": "Tổng số hồ sơ lĩnh vực xây dựng đã giải quyết"
        },
        {
          "code": "3.5",
          "parent": "3",
          "name": "Vận hành Cổng dịch vụ công",
          "kind": "group"
        },
        {
          "code": "3.5.1",
          "parent": "3.5",
          "name": "Số TTHC được tích hợp lên Cổng DVC",
          "unit": "Thủ tục",
          "kind": "count",
          "measure": "snapshot"
        },
        {
          "code": "3.5.2",
          "parent": "3.5",
          "name": "Số TTHC cung cấp mức độ 3, 4 trên Cổng DVC",
          "unit": "Thủ tục",
          "kind": "count",
          "measure": "snapshot"
        },
        {
          "code": "3.5.3",
          "parent": "3.5",
          "name": "Số TTHC đã tích hợp dịch vụ thanh toán trực tuyến.",
          "unit": "Thủ tục",
          "kind": "count",
          "measure": "snapshot"
        },
        {
          "code": "4",
          "name": "Cải cách tổ chức bộ máy hành chính nhà nước",
          "kind": "group",
          "office": "Phòng Nội vụ"
        },
        {
          "code": "4.1",
          "parent": "4",
          "name": "Cơ cấu tổ chức bộ máy",
          "kind": "group"
        },
        {
          "code": "4.1.1",
          "parent": "4.1",
          "name": "Số cơ quan chuyên môn thị xã",
          "unit": "Cơ quan, đơn vị",
          "kind": "count",
          "measure": "snapshot"
        },
        {
          "code": "4.1.2",
          "parent": "4.1",
          "name": "Tổng số đơn vị sự nghiệp công lập trên địa bàn thị xã",
          "unit": "Cơ quan, đơn vị",
          "kind": "count",
          "measure": "snapshot"
        },
        {
          "code": "4.1.2.a",
          "parent": "4.1.2",
          "name": "Số ĐVSNCL thuộc UBND thị xã",
          "unit": "Cơ quan, đơn vị",
          "kind": "count",
          "partOf": true,
          "measure": "snapshot",
          "note": "Dòng “Trong đó” không có số thứ tự trong văn bản; mã do hệ thống đặt."
        },
        {
          "code": "4.1.2.b",
          "parent": "4.1.2",
          "name": "Tỷ lệ ĐVSNCL đã cắt giảm so với năm 2015",
          "unit": "%",
          "kind": "percent",
          "measure": "cumulative",
          "fraction": true,
          "numeratorLabel": "Số ĐVSNCL đã cắt giảm từ năm 2015",
          "denominatorLabel": "Số ĐVSNCL năm 2015",
          "note": "Dòng “Trong đó” không có số thứ tự trong văn bản; mã do hệ thống đặt. Là tỷ lệ nên không phải một phần của số đơn vị ở dòng 4.1.2."
        },
        {
          "code": "4.2",
          "parent": "4",
          "name": "Số liệu về biên chế công chức",
          "kind": "group"
        },
        {
          "code": "4.2.1",
          "parent": "4.2",
          "name": "Tổng số biên chế được giao trong năm",
          "unit": "Người",
          "kind": "count",
          "measure": "snapshot"
        },
        {
          "code": "4.2.2",
          "parent": "4.2",
          "name": "Tổng số biên chế có mặt tại thời điểm báo cáo",
          "unit": "Người",
          "kind": "count",
          "measure": "snapshot"
        },
        {
          "code": "4.2.3",
          "parent": "4.2",
          "name": "Số hợp đồng lao động làm việc tại cơ quan hành chính nhà nước",
          "unit": "Người",
          "kind": "count",
          "measure": "snapshot"
        },
        {
          "code": "4.2.4",
          "parent": "4.2",
          "name": "Số biên chế đã tinh giản trong kỳ báo cáo",
          "unit": "Người",
          "kind": "count"
        },
        {
          "code": "4.2.5",
          "parent": "4.2",
          "name": "Tỷ lệ phần trăm biên chế đã tinh giản so với năm 2015",
          "unit": "%",
          "kind": "percent",
          "measure": "cumulative",
          "fraction": true,
          "numeratorLabel": "Số biên chế đã tinh giản từ năm 2015",
          "denominatorLabel": "Số biên chế giao năm 2015"
        },
        {
          "code": "4.3",
          "parent": "4",
          "name": "Số người làm việc hưởng lương từ NSNN tại các đơn vị sự nghiệp công lập",
          "kind": "group"
        },
        {
          "code": "4.3.1",
          "parent": "4.3",
          "name": "Tổng số người làm việc được giao",
          "unit": "Người",
          "kind": "count",
          "measure": "snapshot"
        },
        {
          "code": "4.3.2",
          "parent": "4.3",
          "name": "Tổng số người làm việc có mặt",
          "unit": "Người",
          "kind": "count",
          "measure": "snapshot"
        },
        {
          "code": "4.3.3",
          "parent": "4.3",
          "name": "Số người đã tinh giản trong kỳ báo cáo",
          "unit": "Người",
          "kind": "count"
        },
        {
          "code": "4.3.4",
          "parent": "4.3",
          "name": "Tỷ lệ % đã tinh giản so với năm 2015",
          "unit": "%",
          "kind": "percent",
          "measure": "cumulative",
          "fraction": true,
          "numeratorLabel": "Số người làm việc đã tinh giản từ năm 2015",
          "denominatorLabel": "Số người làm việc được giao năm 2015"
        },
        {
          "code": "5",
          "name": "Cải cách chế độ công vụ",
          "kind": "group",
          "office": "Phòng Nội vụ"
        },
        {
          "code": "5.1",
          "parent": "5",
          "name": "Vị trí việc làm của công chức, viên chức",
          "kind": "group"
        },
        {
          "code": "5.1.1",
          "parent": "5.1",
          "name": "Số cơ quan, tổ chức hành chính đã được phê duyệt vị trí việc làm theo quy định",
          "unit": "Cơ quan, đơn vị",
          "kind": "count",
          "measure": "snapshot"
        },
        {
          "code": "5.1.2",
          "parent": "5.1",
          "name": "Số đơn vị sự nghiệp đã được phê duyệt vị trí việc làm theo quy định",
          "unit": "Cơ quan, đơn vị",
          "kind": "count",
          "measure": "snapshot"
        },
        {
          "code": "5.1.3",
          "parent": "5.1",
          "name": "Số cơ quan, tổ chức có vi phạm trong thực hiện vị trí việc làm phát hiện qua thanh tra",
          "unit": "Cơ quan, đơn vị",
          "kind": "count"
        },
        {
          "code": "5.2",
          "parent": "5",
          "name": "Tuyển dụng công chức, viên chức",
          "kind": "group"
        },
        {
          "code": "5.2.1",
          "parent": "5.2",
          "name": "Số công chức được tuyển dụng (thi tuyển, xét tuyển)",
          "unit": "Người",
          "kind": "count"
        },
        {
          "code": "5.2.2",
          "parent": "5.2",
          "name": "Số công chức được tuyển dụng theo trường hợp đặc biệt.",
          "unit": "Người",
          "kind": "count"
        },
        {
          "code": "5.2.3",
          "parent": "5.2",
          "name": "Số cán bộ, công chức cấp xã được xét chuyển thành công chức cấp huyện trở lên.",
          "unit": "Người",
          "kind": "count"
        },
        {
          "code": "5.2.4",
          "parent": "5.2",
          "name": "Số viên chức được tuyển dụng (thi tuyển, xét tuyển).",
          "unit": "Người",
          "kind": "count"
        },
        {
          "code": "5.2.5",
          "parent": "5.2",
          "name": "Số viên chức được tuyển dụng theo trường hợp đặc biệt.",
          "unit": "Người",
          "kind": "count"
        },
        {
          "code": "5.3",
          "parent": "5",
          "name": "Số liệu về bổ nhiệm công chức lãnh đạo",
          "kind": "group"
        },
        {
          "code": "5.3.1",
          "parent": "5.3",
          "name": "Thực hiện tuyển chọn, bổ nhiệm lãnh đạo qua thi tuyển",
          "kind": "choice",
          "choices": [
            {
              "value": 1,
              "label": "Đã thực hiện"
            },
            {
              "value": 0,
              "label": "Chưa thực hiện"
            }
          ]
        },
        {
          "code": "5.3.2",
          "parent": "5.3",
          "name": "Số lãnh đạo cấp thị xã được bổ nhiệm mới",
          "unit": "Người",
          "kind": "count"
        },
        {
          "code": "5.3.3",
          "parent": "5.3",
          "name": "Số lãnh đạo cấp phòng thuộc UBND thị xã được bổ nhiệm mới",
          "unit": "Người",
          "kind": "count"
        },
        {
          "code": "5.4",
          "parent": "5",
          "name": "Số liệu về xử lý kỷ luật cán bộ, công chức (cả về Đảng và chính quyền).",
          "kind": "group"
        },
        {
          "code": "5.4.1",
          "parent": "5.4",
          "name": "Số lãnh đạo UBND thị xã bị kỷ luật.",
          "unit": "Người",
          "kind": "count"
        },
        {
          "code": "5.4.2",
          "parent": "5.4",
          "name": "Số lãnh đạo cấp phòng thuộc UBND thị xã bị kỷ luật.",
          "unit": "Người",
          "kind": "count"
        },
        {
          "code": "5.4.3",
          "parent": "5.4",
          "name": "Số người làm việc hưởng lương từ NSNN tại các đơn vị SNCL bị kỷ luật.",
          "unit": "Người",
          "kind": "count"
        },
        {
          "code": "6",
          "name": "Cải cách tài chính công",
          "kind": "group",
          "office": "Phòng Tài chính - Kế hoạch"
        },
        {
          "code": "6.1",
          "parent": "6",
          "name": "Số đơn vị SNCL đã thực hiện tự chủ 100% chi thường xuyên và chi đầu tư (lũy kế đến thời điểm báo cáo)",
          "unit": "Cơ quan, đơn vị",
          "kind": "count",
          "measure": "cumulative"
        },
        {
          "code": "6.2",
          "parent": "6",
          "name": "Số đơn vị SNCL đã thực hiện tự chủ 100% chi thường xuyên (lũy kế đến thời điểm báo cáo)",
          "unit": "Cơ quan, đơn vị",
          "kind": "count",
          "measure": "cumulative"
        },
        {
          "code": "6.3",
          "parent": "6",
          "name": "Số đơn vị SNCL đã thực hiện tự chủ một phần chi thường xuyên (lũy kế đến thời điểm báo cáo)",
          "unit": "Cơ quan, đơn vị",
          "kind": "count",
          "measure": "cumulative"
        },
        {
          "code": "6.4",
          "parent": "6",
          "name": "Số đơn vị SNCL do nhà nước đảm bảo 100% chi thường xuyên (lũy kế đến thời điểm báo cáo)",
          "unit": "Cơ quan, đơn vị",
          "kind": "count",
          "measure": "cumulative"
        },
        {
          "code": "6.5",
          "parent": "6",
          "name": "Số lượng đơn vị SNCL đã chuyển đổi thành công ty cổ phần (lũy kế đến thời điểm báo cáo)",
          "unit": "Cơ quan, đơn vị",
          "kind": "count",
          "measure": "cumulative"
        },
        {
          "code": "7",
          "name": "Xây dựng và phát triển Chính phủ điện tử, Chính phủ số",
          "kind": "group"
        },
        {
          "code": "7.1",
          "parent": "7",
          "name": "Triển khai Kiến trúc chính quyền điện tử phiên bản 2.0",
          "kind": "choice",
          "choices": [
            {
              "value": 0,
              "label": "Chưa"
            },
            {
              "value": 1,
              "label": "Hoàn thành"
            }
          ],
          "measure": "snapshot",
          "office": "Phòng Văn hóa và Thông tin"
        },
        {
          "code": "7.2",
          "parent": "7",
          "name": "Xây dựng và vận hành Hệ thống hợp trực tuyến Liên thông 2 cấp: Từ UBND tỉnh đến 100% UBND các huyện. Liên thông 3 cấp: Từ UBND tỉnh đến 100% UBND cấp huyện, cấp xã.",
          "kind": "choice",
          "choices": [
            {
              "value": 0,
              "label": "Chưa có"
            },
            {
              "value": 1,
              "label": "2 cấp"
            },
            {
              "value": 2,
              "label": "3 cấp"
            }
          ],
          "measure": "snapshot",
          "office": "Văn phòng HĐND và UBND",
          "note": "Lỗi chính tả trong văn bản: “Hệ thống hợp trực tuyến” là “Hệ thống họp trực tuyến”."
        },
        {
          "code": "7.3",
          "parent": "7",
          "name": "Hệ thống thông tin báo cáo và kết nối với Hệ thống thông tin báo cáo quốc gia",
          "kind": "choice",
          "choices": [
            {
              "value": 0,
              "label": "Chưa"
            },
            {
              "value": 1,
              "label": "Đang làm"
            },
            {
              "value": 2,
              "label": "Hoàn thành"
            }
          ],
          "measure": "snapshot",
          "office": "Văn phòng HĐND và UBND"
        },
        {
          "code": "7.4",
          "parent": "7",
          "name": "Tỷ lệ cơ quan chuyên môn thuộc UBND thị xã, UBND cấp xã được cấp chứng thư số.",
          "unit": "%",
          "kind": "percent",
          "measure": "snapshot",
          "office": "Phòng Văn hóa và Thông tin",
          "fraction": true,
          "numeratorLabel": "Số cơ quan được cấp chứng thư số",
          "denominatorLabel": "Tổng số cơ quan",
          "note": "Văn bản không in đơn vị tính cho dòng này; là tỷ lệ nên dùng “%”."
        },
        {
          "code": "7.5",
          "parent": "7",
          "name": "Số liệu về trao đổi văn bản điện tử",
          "kind": "group",
          "office": "Phòng Văn hóa và Thông tin"
        },
        {
          "code": "7.5.1",
          "parent": "7.5",
          "name": "Thực hiện kết nối, liên thông các Hệ thống quản lý văn bản điều hành từ cấp tỉnh đến cấp xã",
          "kind": "group",
          "note": "Dòng không có đơn vị tính và không có số liệu riêng; số liệu ở dòng “Trong đó” (7.5.1.a)."
        },
        {
          "code": "7.5.1.a",
          "parent": "7.5.1",
          "name": "Tỷ lệ UBND cấp xã đã kết nối, liên thông với UBND thị xã",
          "unit": "%",
          "kind": "percent",
          "measure": "snapshot",
          "fraction": true,
          "numeratorLabel": "Số UBND cấp xã đã kết nối, liên thông với UBND thị xã",
          "denominatorLabel": "Tổng số UBND cấp xã",
          "note": "Dòng “Trong đó” không có số thứ tự trong văn bản; mã do hệ thống đặt."
        },
        {
          "code": "7.5.2",
          "parent": "7.5",
          "name": "Tổng số VĂN BẢN ĐI giữa các cơ quan nhà nước trên địa bàn thị xã",
          "unit": "Văn bản",
          "kind": "count"
        },
        {
          "code": "7.5.2.a",
          "parent": "7.5.2",
          "name": "Tỷ lệ văn bản được gửi hoàn toàn dưới dạng điện tử (Sử dụng chữ ký số, chứng thư số và gửi trên môi trường điện tử).",
          "unit": "%",
          "kind": "percent",
          "fraction": true,
          "numeratorLabel": "Số văn bản đi được gửi hoàn toàn dưới dạng điện tử",
          "denominatorLabel": "Tổng số văn bản đi",
          "note": "Dòng “Trong đó” không có số thứ tự trong văn bản; mã do hệ thống đặt. Là tỷ lệ trên tổng số văn bản đi ở dòng 7.5.2."
        },
        {
          "code": "7.5.2.b",
          "parent": "7.5.2",
          "name": "Tỷ lệ văn bản được gửi hoàn toàn dưới dạng điện tử và song song với văn bản giấy",
          "unit": "%",
          "kind": "percent",
          "fraction": true,
          "numeratorLabel": "Số văn bản đi được gửi dưới dạng điện tử song song với văn bản giấy",
          "denominatorLabel": "Tổng số văn bản đi",
          "note": "Dòng “Trong đó” không có số thứ tự trong văn bản; mã do hệ thống đặt. Là tỷ lệ trên tổng số văn bản đi ở dòng 7.5.2."
        },
        {
          "code": "7.6",
          "parent": "7",
          "name": "Vận hành Hệ thống thông tin một cửa điện tử tập trung của tỉnh",
          "kind": "group",
          "office": "Văn phòng HĐND và UBND"
        },
        {
          "code": "7.6.1",
          "parent": "7.6",
          "name": "Tỷ lệ các đơn vị thị xã đã kết nối liên thông với Hệ thống của tỉnh",
          "unit": "%",
          "kind": "percent",
          "measure": "snapshot",
          "fraction": true,
          "numeratorLabel": "Số đơn vị thị xã đã kết nối liên thông với Hệ thống của tỉnh",
          "denominatorLabel": "Tổng số đơn vị thị xã"
        },
        {
          "code": "7.6.2",
          "parent": "7.6",
          "name": "Tỷ lệ đơn vị cấp xã đã kết nối liên thông với Hệ thống của tỉnh",
          "unit": "%",
          "kind": "percent",
          "measure": "snapshot",
          "fraction": true,
          "numeratorLabel": "Số đơn vị cấp xã đã kết nối liên thông với Hệ thống của tỉnh",
          "denominatorLabel": "Tổng số đơn vị cấp xã"
        },
        {
          "code": "7.7",
          "parent": "7",
          "name": "Dịch vụ công trực tuyến",
          "kind": "group",
          "office": "Văn phòng HĐND và UBND"
        },
        {
          "code": "7.7.1",
          "parent": "7.7",
          "name": "Tổng số TTHC cung cấp trực tuyến mức độ 3",
          "unit": "TTHC",
          "kind": "count",
          "measure": "snapshot"
        },
        {
          "code": "7.7.2",
          "parent": "7.7",
          "name": "Tổng số TTHC cung cấp trực tuyến mức độ 4",
          "unit": "TTHC",
          "kind": "count",
          "measure": "snapshot"
        },
        {
          "code": "7.7.3",
          "parent": "7.7",
          "name": "Tỷ lệ hồ sơ xử lý trực tuyến mức độ 3",
          "unit": "%",
          "kind": "percent",
          "fraction": true,
          "numeratorLabel": "Số hồ sơ xử lý trực tuyến mức độ 3",
          "denominatorLabel": "Tổng số hồ sơ của các TTHC cung cấp trực tuyến mức độ 3"
        },
        {
          "code": "7.7.4",
          "parent": "7.7",
          "name": "Tỷ lệ hồ sơ xử lý trực tuyến mức độ 4",
          "unit": "%",
          "kind": "percent",
          "fraction": true,
          "numeratorLabel": "Số hồ sơ xử lý trực tuyến mức độ 4",
          "denominatorLabel": "Tổng số hồ sơ của các TTHC cung cấp trực tuyến mức độ 4"
        }
      ],
      "rules": [
        {
          "expr": "[1.1.2] <= [1.1.1]",
          "message": "Số nhiệm vụ đã hoàn thành (1.1.2) không được lớn hơn số nhiệm vụ đề ra trong kế hoạch (1.1.1)."
        },
        {
          "expr": "[1.2.2] <= [1.2.1]",
          "message": "Số phòng chuyên môn, đơn vị, địa phương đã kiểm tra (1.2.2) không được lớn hơn tổng số phòng chuyên môn, đơn vị, địa phương (1.2.1)."
        },
        {
          "expr": "[1.2.4] <= [1.2.3]",
          "message": "Số vấn đề đã xử lý xong (1.2.4) không được lớn hơn số vấn đề phát hiện qua kiểm tra (1.2.3)."
        },
        {
          "expr": "[1.3.2] + [1.3.3] <= [1.3.1]",
          "message": "Số nhiệm vụ hoàn thành đúng hạn (1.3.2) cộng số nhiệm vụ hoàn thành quá hạn (1.3.3) không được lớn hơn tổng số nhiệm vụ được giao (1.3.1)."
        },
        {
          "expr": "[2.4] <= [2.2] + [2.3]",
          "message": "Số VBQPPL đã kiến nghị xử lý (2.4) không được lớn hơn số VBQPPL đã kiểm tra (2.2) cộng số VBQPPL đã rà soát (2.3)."
        },
        {
          "expr": "[2.5] <= [2.4]",
          "message": "Số VBQPPL đã xử lý xong (2.5) không được lớn hơn số VBQPPL đã kiến nghị xử lý (2.4)."
        },
        {
          "expr": "[3.1.3.a] + [3.1.3.b] <= [3.1.3]",
          "message": "Số TTHC thị xã (3.1.3.a) cộng số TTHC cấp xã (3.1.3.b) không được lớn hơn tổng số TTHC đang có hiệu lực (3.1.3)."
        },
        {
          "expr": "[3.2.2] <= [3.2.1]",
          "message": "Số TTHC mức độ 3, 4 đã tích hợp lên Cổng DVC quốc gia (3.2.2) không được lớn hơn số TTHC đã cập nhật, công khai trên Cổng DVC quốc gia (3.2.1)."
        },
        {
          "expr": "[3.5.2] <= [3.5.1]",
          "message": "Số TTHC cung cấp mức độ 3, 4 trên Cổng DVC (3.5.2) không được lớn hơn số TTHC được tích hợp lên Cổng DVC (3.5.1)."
        },
        {
          "expr": "[3.5.3] <= [3.5.1]",
          "message": "Số TTHC đã tích hợp thanh toán trực tuyến (3.5.3) không được lớn hơn số TTHC được tích hợp lên Cổng DVC (3.5.1)."
        },
        {
          "expr": "[4.1.2.a] <= [4.1.2]",
          "message": "Số ĐVSNCL thuộc UBND thị xã (4.1.2.a) không được lớn hơn tổng số ĐVSNCL trên địa bàn thị xã (4.1.2)."
        },
        {
          "expr": "[4.2.2] <= [4.2.1]",
          "message": "Số biên chế có mặt (4.2.2) không được lớn hơn số biên chế được giao (4.2.1)."
        },
        {
          "expr": "[4.3.2] <= [4.3.1]",
          "message": "Số người làm việc có mặt (4.3.2) không được lớn hơn số người làm việc được giao (4.3.1)."
        },
        {
          "expr": "[5.1.3] <= [5.1.1] + [5.1.2]",
          "message": "Số cơ quan, tổ chức có vi phạm về vị trí việc làm (5.1.3) không được lớn hơn số cơ quan, tổ chức hành chính (5.1.1) cộng số đơn vị sự nghiệp (5.1.2) đã được phê duyệt vị trí việc làm."
        },
        {
          "expr": "[6.1] + [6.2] + [6.3] + [6.4] <= [4.1.2]",
          "message": "Tổng số ĐVSNCL theo các mức tự chủ (6.1 + 6.2 + 6.3 + 6.4) không được lớn hơn tổng số đơn vị sự nghiệp công lập trên địa bàn thị xã (4.1.2)."
        },
        {
          "expr": "[7.5.2.a] + [7.5.2.b] <= 100",
          "message": "Tỷ lệ văn bản gửi hoàn toàn điện tử (7.5.2.a) cộng tỷ lệ văn bản gửi điện tử song song văn bản giấy (7.5.2.b) không được vượt quá 100%."
        }
      ]
    }
    """#
    static let all: [String] = [seed002]
}
