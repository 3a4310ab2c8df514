#!/usr/bin/env python3
"""Writes Sources/CCHCApp/Resources/Demo/nghi-xuan-2022-inspection.json: the demo of CCHC inspections (issue 12).

Huyện Nghi Xuân's 2022 inspection plan from seed 003 (purpose, requirements, the two rounds, the self-inspection
deadline "Trước ngày 20/5/2022", the checklist of §II.2.1, the budget of §III), with what happened under it up to
the Q3 2022 report: the round-1 self-inspection reports of the 17 communes and towns (13 on time, 3 late, 1 never
sent), five round-1 visits with their findings and remediation (most fixed on time and verified, one fixed late,
one fixed and awaiting verification, exactly one open and overdue on 14/09/2022), and one ad-hoc inspection started
from a citizen's complaint in August. Round 2 (October–November) has no visits yet.

The plan's text is the seed's; its number and day (left blank in the seed) and everything that happened under it
(names, dates, findings, reports) are invented. The script checks the rules the demo is meant to show, then counts
block 1.2 of the Q3 2022 report for the window 15/12/2021–14/09/2022 and writes it as "expectedQ3".

Deterministic: fixed data, and texts varied with random.Random seeded by the unit's code.
Run from anywhere: python3 scripts/make_demo_inspection.py
"""
import datetime as dt
import json
import os
import random
import sys

OUT = "Sources/CCHCApp/Resources/Demo/nghi-xuan-2022-inspection.json"
ORG = "Sources/CCHCApp/Resources/Demo/organisation.json"
DISTRICT = "HT-NXU"
WINDOW = ("2021-12-15", "2022-09-14")
PRE_VISIT_DAYS = 3
REMEDIATION_DAYS = 15
VN = dt.timezone(dt.timedelta(hours=7))

# ---------------------------------------------------------------------------------------------------------------
# The plan (seed 003).

PURPOSE = [
    "Đánh giá những mặt làm được, chưa làm được, hạn chế, nguyên nhân và những khó khăn, vướng mắc của cơ quan, đơn vị "
    "trong tổ chức thực hiện các văn bản chỉ đạo của tỉnh và huyện về công tác CCHC để xác định những vấn đề cần tập trung "
    "chỉ đạo.",
    "Đôn đốc, hướng dẫn các địa phương, đơn vị tổ chức triển khai công tác CCHC theo yêu cầu, nhiệm vụ tại Kế hoạch CCHC "
    "năm 2022.",
]
REQUIREMENTS = [
    "Kiểm tra đảm bảo đúng pháp luật, chính xác, khách quan và trung thực; không làm cản trở các hoạt động chuyên môn của "
    "địa phương, cơ quan, đơn vị tổ chức và cá nhân là đối tượng được kiểm tra.",
    "Nội dung kiểm tra bám sát vào kế hoạch CCHC của tỉnh và huyện.",
]
BUDGET = ("Kinh phí hoạt động của Đoàn kiểm tra được đảm bảo từ nguồn ngân sách huyện bố trí cho hoạt động công tác "
          "CCHC năm 2022.")

# Seed 003 §II.2.1, item by item; the round-1 focus of §II.2.1 ("xây dựng và triển khai thực hiện kế hoạch", "kỷ luật,
# kỷ cương hành chính", "khắc phục những tồn tại … năm 2021") is kept in the items it belongs to.
CHECKLIST = [
    ("direction", "Sự sáng tạo, tích cực, chủ động, nghiêm túc trong công tác chỉ đạo, điều hành về CCHC"),
    ("direction", "Xây dựng và triển khai thực hiện Kế hoạch CCHC năm 2022 của địa phương, cơ quan, đơn vị"),
    ("direction", "Khắc phục những tồn tại, hạn chế đã kết luận tại cuộc thẩm định, đánh giá xác định Chỉ số CCHC năm 2021"),
    ("institutions", "Thực hiện các chỉ tiêu, quy định về cải cách thể chế"),
    ("procedures", "Thực hiện các chỉ tiêu, quy định về kiểm soát thủ tục hành chính"),
    ("organisation", "Thực hiện các quy định về tổ chức bộ máy của cơ quan, đơn vị"),
    ("civilService", "Thực hiện cải cách chế độ công vụ"),
    ("civilService", "Thực hiện Quyết định số 52/2017/QĐ-UBND ngày 22/11/2017 của UBND tỉnh; Kế hoạch số 08/KH-UBND ngày "
                     "13/01/2022 của UBND huyện về siết chặt kỷ luật, kỷ cương hành chính"),
    ("publicFinance", "Thực hiện cải cách tài chính công"),
    ("eGovernment", "Xây dựng, phát triển chính quyền điện tử, chính quyền số"),
    ("procedures", "Hướng dẫn, tiếp nhận và trả kết quả tại Trung tâm Hành chính công và Bộ phận Tiếp nhận và Trả kết quả "
                   "của các xã, thị trấn"),
]

# ---------------------------------------------------------------------------------------------------------------
# What happened (invented).

LEADER = "Nguyễn Văn Thắng, Trưởng phòng Nội vụ"
MEMBERS = [
    "Phan Thị Thu Hà, Phó Chánh Văn phòng HĐND và UBND huyện",
    "Lê Văn Quý, Chuyên viên Phòng Nội vụ",
    "Trần Thị Minh, Phó Trưởng phòng Tư pháp",
    "Hoàng Đức Long, Chuyên viên Phòng Văn hóa - Thông tin",
    "Đặng Thị Hương, Chuyên viên Phòng Tài chính - Kế hoạch",
]

# Round-1 self-inspection reports: when each unit sent it (Vietnam time); None: never sent.
SELF_SENT = {
    "HT-NXU-TTTIENDIEN": "2022-05-13T10:20:00+07:00",
    "HT-NXU-TTXUANAN": "2022-05-16T15:45:00+07:00",
    "HT-NXU-CODAM": "2022-05-17T08:30:00+07:00",
    "HT-NXU-CUONGGIAN": "2022-05-12T09:10:00+07:00",
    "HT-NXU-DANTRUONG": None,
    "HT-NXU-XUANGIANG": "2022-05-18T09:00:00+07:00",
    "HT-NXU-XUANHAI": "2022-05-18T16:20:00+07:00",
    "HT-NXU-XUANHONG": "2022-05-17T14:05:00+07:00",
    "HT-NXU-XUANHOI": "2022-05-16T09:40:00+07:00",
    "HT-NXU-XUANLAM": "2022-05-25T14:00:00+07:00",
    "HT-NXU-XUANLIEN": "2022-05-19T10:15:00+07:00",
    "HT-NXU-XUANLINH": "2022-05-18T11:30:00+07:00",
    "HT-NXU-XUANMY": "2022-05-19T23:40:00+07:00",      # the last evening: still on time
    "HT-NXU-XUANPHO": "2022-05-20T08:15:00+07:00",     # "trước ngày 20/5": the 20th is late
    "HT-NXU-XUANTHANH": "2022-05-19T16:50:00+07:00",
    "HT-NXU-XUANVIEN": "2022-05-11T15:00:00+07:00",
    "HT-NXU-XUANYEN": "2022-06-02T09:30:00+07:00",
}


def f(area, severity, description, responsible, person, fixed=None, remediation=None, verified=None):
    return {"area": area, "description": description, "severity": severity, "responsible": responsible, "person": person,
            "fixedOn": fixed, "remediation": remediation, "verifiedOn": verified}


MC = "Bộ phận Tiếp nhận và Trả kết quả"
VPTK = "Công chức Văn phòng - Thống kê"
TPHT = "Công chức Tư pháp - Hộ tịch"
TCKT = "Công chức Tài chính - Kế toán"

VISITS = [
    {"unit": "HT-NXU-XUANHOI", "date": "2022-06-08", "pre": "2022-06-03T10:30:00+07:00", "concluded": "2022-06-13",
     "number": "98/TB-UBND", "members": [0, 1, 2], "findings": [
         f("procedures", "minor", "Niêm yết công khai TTHC tại Bộ phận Tiếp nhận và Trả kết quả chưa đầy đủ: còn thiếu 09 TTHC "
           "lĩnh vực hộ tịch, chứng thực mới được công bố; một số TTHC niêm yết đã hết hiệu lực",
           MC, "Nguyễn Thị Hằng, công chức Văn phòng - Thống kê", "2022-06-21",
           "Đã niêm yết bổ sung 09 TTHC lĩnh vực hộ tịch, chứng thực; gỡ bỏ 05 TTHC đã hết hiệu lực; ảnh chụp bảng niêm yết "
           "kèm theo", "2022-06-28"),
         f("institutions", "minor", "Chưa cập nhật kịp thời văn bản quy phạm pháp luật do HĐND, UBND xã ban hành năm 2022 lên "
           "Trang thông tin điện tử của xã", TPHT, "Phan Văn Tuấn, công chức Tư pháp - Hộ tịch", "2022-06-24",
           "Đã đăng tải 03 nghị quyết của HĐND xã và 02 quyết định của UBND xã lên Trang thông tin điện tử; giao công chức "
           "Tư pháp - Hộ tịch cập nhật trong 03 ngày kể từ ngày ban hành", "2022-07-01"),
     ]},
    {"unit": "HT-NXU-TTTIENDIEN", "date": "2022-06-15", "movedFrom": "2022-06-10", "pre": "2022-06-10T16:00:00+07:00",
     "concluded": "2022-06-20", "number": "105/TB-UBND", "members": [1, 3, 4], "findings": [
         f("procedures", "minor", "Sổ theo dõi hồ sơ tại Bộ phận Tiếp nhận và Trả kết quả ghi chưa đầy đủ: nhiều hồ sơ không "
           "ghi ngày trả kết quả, không có chữ ký của người nhận kết quả", MC, "Võ Thị Thanh, công chức Văn phòng - Thống kê",
           "2022-06-30", "Đã rà soát, ghi bổ sung sổ theo dõi hồ sơ từ tháng 01/2022; từ ngày 27/6/2022 ghi đầy đủ ngày trả "
           "và chữ ký người nhận", "2022-07-08"),
         f("eGovernment", "major", "Lãnh đạo UBND thị trấn chưa sử dụng chữ ký số để ký văn bản điện tử; tỷ lệ văn bản đi được "
           "ký số và gửi trên Hệ thống quản lý văn bản và điều hành chỉ đạt khoảng 35%", VPTK,
           "Bùi Văn Hòa, Phó Chủ tịch UBND thị trấn", "2022-07-12",
           "Đã đăng ký và được cấp chứng thư số cho Chủ tịch, Phó Chủ tịch UBND thị trấn; từ ngày 11/7/2022 toàn bộ văn bản "
           "đi được ký số và gửi trên hệ thống", "2022-07-19"),
         f("civilService", "minor", "Một số công chức chưa đeo thẻ công chức trong giờ làm việc, chưa thực hiện đầy đủ Quy chế "
           "văn hóa công vụ ban hành kèm theo Quyết định số 20/2019/QĐ-UBND ngày 19/4/2019 của UBND tỉnh", VPTK,
           "Bùi Văn Hòa, Phó Chủ tịch UBND thị trấn", "2022-06-27",
           "Chủ tịch UBND thị trấn đã chấn chỉnh tại cuộc họp giao ban ngày 27/6/2022; 100% công chức đeo thẻ khi làm việc",
           "2022-07-08"),
     ]},
    {"unit": "HT-NXU-XUANLAM", "date": "2022-06-28", "pre": "2022-06-27T10:00:00+07:00", "concluded": "2022-07-04",
     "number": "118/TB-UBND", "members": [0, 1, 4], "findings": [
         f("direction", "major", "Chưa ban hành Kế hoạch tự kiểm tra công tác CCHC năm 2022; báo cáo tự kiểm tra đợt 1 gửi "
           "chậm, không kèm theo kế hoạch và biên bản tự kiểm tra", VPTK, "Lê Thị Ngọc, công chức Văn phòng - Thống kê",
           "2022-07-14", "Đã ban hành Kế hoạch tự kiểm tra công tác CCHC năm 2022 ngày 11/7/2022; tổ chức tự kiểm tra và gửi "
           "biên bản kèm báo cáo về Phòng Nội vụ", "2022-07-22"),
         f("civilService", "minor", "Chưa ban hành văn bản triển khai Kế hoạch số 08/KH-UBND ngày 13/01/2022 của UBND huyện về "
           "siết chặt kỷ luật, kỷ cương hành chính; chưa mở sổ theo dõi việc chấp hành thời gian làm việc của cán bộ, "
           "công chức", VPTK, "Lê Thị Ngọc, công chức Văn phòng - Thống kê", "2022-07-08",
           "Đã ban hành văn bản triển khai ngày 07/7/2022 và mở sổ theo dõi thời gian làm việc từ ngày 08/7/2022",
           "2022-07-22"),
     ]},
    {"unit": "HT-NXU-XUANPHO", "date": "2022-07-12", "pre": None, "concluded": "2022-07-18", "number": "131/TB-UBND",
     "members": [0, 2, 3], "findings": [
         f("procedures", "major", "07 hồ sơ giải quyết quá hạn (lĩnh vực chứng thực, đất đai) không có Phiếu xin lỗi và hẹn lại "
           "ngày trả kết quả; tình trạng hồ sơ chưa được cập nhật trên Hệ thống thông tin một cửa điện tử", MC,
           "Nguyễn Văn Hiếu, công chức Địa chính - Xây dựng"),
         f("publicFinance", "minor", "Quy chế chi tiêu nội bộ năm 2022 chưa được rà soát, sửa đổi, bổ sung; chưa công khai dự "
           "toán ngân sách xã năm 2022 theo quy định", TCKT, "Trần Thị Lài, công chức Tài chính - Kế toán", "2022-07-29",
           "Đã ban hành Quy chế chi tiêu nội bộ sửa đổi ngày 28/7/2022; niêm yết công khai dự toán ngân sách năm 2022 tại "
           "trụ sở UBND xã", "2022-08-05"),
         f("direction", "minor", "Không gửi báo cáo bằng văn bản về Đoàn kiểm tra trước ngày kiểm tra theo Kế hoạch; báo cáo "
           "CCHC quý II/2022 gửi chậm so với thời hạn", VPTK, "Hồ Thị Mai, công chức Văn phòng - Thống kê", "2022-07-22",
           "Đã gửi báo cáo bổ sung về Phòng Nội vụ ngày 22/7/2022; Chủ tịch UBND xã giao công chức Văn phòng - Thống kê "
           "theo dõi thời hạn các báo cáo định kỳ", "2022-08-05"),
     ]},
    {"unit": "HT-NXU-CUONGGIAN", "date": "2022-07-20", "pre": "2022-07-15T08:45:00+07:00", "concluded": "2022-07-25",
     "number": "137/TB-UBND", "members": [1, 2, 4], "findings": [
         f("procedures", "minor", "Tỷ lệ hồ sơ TTHC được tiếp nhận, xử lý trên Hệ thống thông tin một cửa điện tử của tỉnh "
           "còn thấp; nhiều hồ sơ tiếp nhận trực tiếp không được cập nhật lên hệ thống", MC,
           "Phạm Thị Thu, công chức Văn phòng - Thống kê", "2022-08-05",
           "Đã cập nhật 46 hồ sơ tiếp nhận trực tiếp từ tháng 01/2022 lên Hệ thống thông tin một cửa điện tử; từ ngày "
           "01/8/2022 toàn bộ hồ sơ được tiếp nhận trên hệ thống"),
         f("organisation", "minor", "Chưa kiện toàn Bộ phận Tiếp nhận và Trả kết quả sau khi thay đổi nhân sự; quyết định "
           "phân công nhiệm vụ công chức chưa được cập nhật", VPTK, "Đinh Văn Sơn, Chủ tịch UBND xã", "2022-08-03",
           "Đã ban hành Quyết định kiện toàn Bộ phận Tiếp nhận và Trả kết quả và Quyết định phân công nhiệm vụ công chức "
           "ngày 02/8/2022", "2022-08-12"),
     ]},
]

AD_HOC = [
    {"unit": "HT-NXU-XUANHOI", "date": "2022-08-23", "concluded": "2022-08-26", "number": "162/TB-UBND", "members": [1, 2],
     "complaint": {"reference": "Đơn phản ánh của ông Nguyễn Văn Hùng, số đến 215/NV ngày 15/8/2022",
                   "date": "2022-08-15",
                   "summary": "Ông Nguyễn Văn Hùng (thôn Hội Thủy, xã Xuân Hội) phản ánh: hồ sơ chứng thực hợp đồng tặng cho "
                              "quyền sử dụng đất nộp tại Bộ phận Tiếp nhận và Trả kết quả xã ngày 25/7/2022 bị yêu cầu bổ "
                              "sung giấy tờ 03 lần, chỉ được hướng dẫn bằng lời, không có phiếu yêu cầu bổ sung, hoàn thiện "
                              "hồ sơ; quá hẹn trả kết quả nhưng không nhận được văn bản xin lỗi; nhiều lần đến liên hệ trong "
                              "giờ hành chính không có công chức trực."},
     "findings": [
         f("procedures", "major", "Công chức tiếp nhận yêu cầu công dân bổ sung hồ sơ chứng thực nhiều lần, không lập Phiếu yêu "
           "cầu bổ sung, hoàn thiện hồ sơ theo mẫu; hồ sơ trả kết quả chậm 03 ngày làm việc nhưng không có Phiếu xin lỗi và "
           "hẹn lại ngày trả kết quả", MC, "Phan Văn Tuấn, công chức Tư pháp - Hộ tịch", "2022-09-02",
           "Đã trả kết quả cho ông Nguyễn Văn Hùng và gửi văn bản xin lỗi ngày 29/8/2022; công chức tiếp nhận kiểm điểm rút "
           "kinh nghiệm; Bộ phận sử dụng đầy đủ các mẫu phiếu theo quy định", "2022-09-09"),
         f("civilService", "minor", "Lịch trực của Bộ phận Tiếp nhận và Trả kết quả không được niêm yết; có thời điểm trong giờ "
           "hành chính không bố trí công chức trực", VPTK, "Nguyễn Thị Hằng, công chức Văn phòng - Thống kê", "2022-09-07",
           "Đã ban hành và niêm yết lịch trực hằng tuần của Bộ phận Tiếp nhận và Trả kết quả từ ngày 05/9/2022",
           "2022-09-16"),
     ]},
]


# ---------------------------------------------------------------------------------------------------------------

def day(s):
    return dt.date.fromisoformat(s)


def vn(s):
    """dd/MM/yyyy"""
    return day(s).strftime("%d/%m/%Y")


def moment(s):
    return dt.datetime.fromisoformat(s)


def end_in_vietnam(d):
    """The first instant after day `d` ends in Vietnam."""
    return dt.datetime.combine(d + dt.timedelta(days=1), dt.time(0, 0), VN)


def on_time(sent, last_day):
    return None if sent is None else moment(sent) < end_in_vietnam(last_day)


def nghi_xuan():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    with open(os.path.join(root, ORG), encoding="utf-8") as fh:
        org = json.load(fh)

    def find(node):
        if node.get("code") == DISTRICT:
            return node
        for u in node.get("units", []):
            r = find(u)
            if r:
                return r
        return None
    district = next(r for r in (find(t) for t in org) if r)
    return root, district


def split_name(name):
    """"Thị trấn Tiên Điền" → ("thị trấn", "Tiên Điền"); "Xã Xuân Hội" → ("xã", "Xuân Hội")."""
    for prefix in ("Thị trấn ", "Xã "):
        if name.startswith(prefix):
            return prefix.strip().lower(), name[len(prefix):]
    return "xã", name


def self_report(rng, code, name, sent):
    level, plain = split_name(name)
    late = sent is not None and not on_time(sent, day("2022-05-19"))
    kh = rng.randint(2, 9)
    answers = {
        "0": f"Chủ tịch UBND {level} trực tiếp chỉ đạo công tác CCHC; CCHC được đưa vào nội dung giao ban hằng tháng"
             + ("; đã tổ chức đối thoại với người dân về giải quyết TTHC" if rng.random() < 0.5 else ""),
        "1": f"Đã ban hành Kế hoạch CCHC năm 2022 (Kế hoạch số {kh:02d}/KH-UBND ngày {rng.randint(10, 28)}/01/2022); "
             f"đã thực hiện {rng.randint(9, 14)}/{rng.randint(15, 18)} nhiệm vụ đến thời điểm báo cáo",
        "2": ("Đã khắc phục các tồn tại tại cuộc thẩm định Chỉ số CCHC năm 2021"
              if rng.random() < 0.6 else
              "Đã khắc phục một phần; còn tồn tại việc đối thoại với người dân về TTHC chưa tổ chức được"),
        "3": f"Ban hành {rng.randint(1, 4)} nghị quyết của HĐND {level}, {rng.randint(0, 3)} quyết định của UBND {level} đúng trình tự",
        "4": f"Tiếp nhận {rng.randint(420, 1650)} hồ sơ TTHC, giải quyết đúng hạn {rng.randint(960, 1000) / 10:.1f}%".replace(".", ","),
        "5": "Bố trí công chức đúng vị trí việc làm; không có thay đổi về tổ chức bộ máy",
        "6": f"{rng.randint(0, 3)} công chức tham gia bồi dưỡng chuyên môn; đánh giá, xếp loại công chức năm 2021 đúng quy định",
        "7": "Đã quán triệt Kế hoạch số 08/KH-UBND của UBND huyện; "
             + ("chưa mở sổ theo dõi thời gian làm việc" if late else "mở sổ theo dõi thời gian làm việc của cán bộ, công chức"),
        "8": "Đã ban hành Quy chế chi tiêu nội bộ năm 2022; công khai dự toán ngân sách theo quy định",
        "9": f"Văn bản đi được ký số đạt {rng.randint(40, 95)}%; "
             f"{rng.randint(30, 85)}% hồ sơ TTHC được tiếp nhận trên Hệ thống thông tin một cửa điện tử",
        "10": "Bộ phận Tiếp nhận và Trả kết quả bố trí "
              f"{rng.randint(4, 7)} công chức; niêm yết công khai TTHC, số điện thoại đường dây nóng theo quy định",
    }
    if sent is None:  # a draft never sent: only the first answers were typed
        answers = {k: v for k, v in answers.items() if k in ("0", "1", "4")}
        narrative = f"(Dự thảo) Báo cáo kết quả tự kiểm tra công tác CCHC đợt 1 năm 2022 của UBND {level} {plain}."
    else:
        narrative = (f"UBND {level} {plain} đã tổ chức tự kiểm tra công tác CCHC đợt 1 năm 2022 theo Kế hoạch số "
                     f"45/KH-UBND của UBND huyện. Nhìn chung, các nhiệm vụ CCHC được triển khai "
                     + ("chậm so với kế hoạch; " if late else "đúng tiến độ; ")
                     + "còn hạn chế: "
                     + rng.choice(["tỷ lệ hồ sơ trực tuyến còn thấp", "cơ sở vật chất Bộ phận Tiếp nhận và Trả kết quả còn "
                                   "thiếu", "công tác tuyên truyền CCHC chưa thường xuyên", "một số hồ sơ còn giải quyết "
                                   "trễ hạn"]) + ".")
    return {"unit": code, "round": 1, "sentAt": sent, "answers": answers, "narrative": narrative}


def team(members):
    return {"leader": LEADER, "members": [MEMBERS[i] for i in members]}


def conclusion(v, name, adhoc=False):
    level, plain = split_name(name)
    kind = "kiểm tra đột xuất công tác CCHC" if adhoc else "kiểm tra công tác CCHC đợt 1 năm 2022"
    due = vn((day(v["concluded"]) + dt.timedelta(days=REMEDIATION_DAYS)).isoformat())
    lines = [f"Ngày {vn(v['date'])}, Đoàn kiểm tra CCHC của UBND huyện do ông {LEADER.split(',')[0]}, Trưởng phòng Nội vụ, "
             f"làm Trưởng đoàn đã {kind} tại UBND {level} {plain}."]
    if adhoc:
        lines.append(f"Cuộc kiểm tra được tiến hành theo nội dung phản ánh của công dân: {v['complaint']['reference']}.")
        lines.append("Qua kiểm tra, nội dung phản ánh là có cơ sở; còn những tồn tại, hạn chế sau:")
    else:
        lines.append(f"Nhìn chung, UBND {level} đã triển khai các nhiệm vụ CCHC năm 2022 theo Kế hoạch của UBND huyện; "
                     "Bộ phận Tiếp nhận và Trả kết quả hoạt động cơ bản nền nếp.")
        lines.append("Tuy nhiên, qua kiểm tra còn những tồn tại, hạn chế sau:")
    lines += [f"{i + 1}. {x['description']}." for i, x in enumerate(v["findings"])]
    lines.append(f"Yêu cầu Chủ tịch UBND {level} {plain} chỉ đạo khắc phục các tồn tại, hạn chế nêu trên trong thời hạn "
                 f"{REMEDIATION_DAYS} ngày kể từ ngày ban hành Thông báo này (chậm nhất ngày {due}) và báo cáo kết quả khắc "
                 "phục về UBND huyện (qua Phòng Nội vụ).")
    summary = (f"Thông báo kết luận {kind} tại UBND {level} {plain}: "
               f"{len(v['findings'])} tồn tại, hạn chế phải khắc phục chậm nhất ngày {due}")
    return {"number": v["number"], "summary": summary, "text": "\n".join(lines)}


def visit_entry(v, name):
    out = {"unit": v["unit"], "round": 1, "date": v["date"]}
    if v.get("movedFrom"):
        out["movedFrom"] = v["movedFrom"]
    out["team"] = team(v["members"])
    out["preReportSentAt"] = v["pre"]
    out["concludedOn"] = v["concluded"]
    out["conclusion"] = conclusion(v, name)
    out["findings"] = v["findings"]
    return out


def adhoc_entry(v, name):
    return {"unit": v["unit"], "date": v["date"], "complaint": v["complaint"], "team": team(v["members"]),
            "concludedOn": v["concluded"], "conclusion": conclusion(v, name, adhoc=True), "findings": v["findings"]}


def check(doc, names):
    """The rules the demo is meant to show; stops when one does not hold."""
    units = set(names)
    assert len(units) == 17, len(units)
    rounds = doc["plan"]["rounds"]
    last_self = day(rounds[0]["selfDue"]["day"]) - dt.timedelta(days=1)
    reports = doc["selfReports"]
    assert sorted(r["unit"] for r in reports) == sorted(units)
    timely = [on_time(r["sentAt"], last_self) for r in reports]
    assert (timely.count(True), timely.count(False), timely.count(None)) == (13, 3, 1), timely

    visits = doc["visits"]
    r1_from, r1_to = day(rounds[0]["from"]), day(rounds[0]["to"])
    assert len(visits) == 5 and all(day("2022-06-08") <= day(v["date"]) <= day("2022-07-20") for v in visits)
    assert all(r1_from <= day(v["date"]) <= r1_to and v["unit"] in units for v in visits)
    assert sorted(v["unit"] for v in visits) == sorted(rounds[0]["scope"]["units"])
    assert sum(1 for v in visits if "movedFrom" in v) == 1
    pre = [on_time(v["preReportSentAt"], day(v["date"]) - dt.timedelta(days=PRE_VISIT_DAYS)) for v in visits]
    assert (pre.count(True), pre.count(False), pre.count(None)) == (3, 1, 1), pre
    moved = next(v for v in visits if "movedFrom" in v)
    # Late for the first date, on time for the moved one: the due date moved with the visit.
    assert not on_time(moved["preReportSentAt"], day(moved["movedFrom"]) - dt.timedelta(days=PRE_VISIT_DAYS))
    for v in visits + doc["adHoc"]:
        gap = (day(v["concludedOn"]) - day(v["date"])).days
        assert 3 <= gap <= 6 and day(v["concludedOn"]).weekday() < 5, v["unit"]
        assert 1 <= len(v["findings"]) <= 3
    assert len(doc["adHoc"]) == 1 and day(doc["adHoc"][0]["complaint"]["date"]).month == 8

    as_of = day(WINDOW[1])
    states = []
    for v in visits + doc["adHoc"]:
        due = day(v["concludedOn"]) + dt.timedelta(days=REMEDIATION_DAYS)
        for x in v["findings"]:
            fixed = x["fixedOn"] and day(x["fixedOn"])
            verified = x["verifiedOn"] and day(x["verifiedOn"])
            assert (x["remediation"] is None) == (fixed is None), x
            assert verified is None or (fixed is not None and fixed <= verified), x
            if fixed is None:
                state = "overdue" if as_of > due else "open"
            elif verified is None or verified > as_of:
                state = "awaiting-late" if fixed > due else "awaiting"
            else:
                state = "verified-late" if fixed > due else "verified"
            states.append((v in visits, state))
    r1 = [s for is_r1, s in states if is_r1]
    assert r1.count("overdue") == 1 and r1.count("open") == 0, r1
    assert r1.count("verified-late") == 1 and r1.count("awaiting") == 1 and "awaiting-late" not in r1, r1
    assert r1.count("verified") == len(r1) - 3, r1
    assert [s for _, s in states].count("overdue") == 1
    adhoc_verified = [x for x in doc["adHoc"][0]["findings"] if x["verifiedOn"] and day(x["verifiedOn"]) <= as_of]
    assert len(adhoc_verified) >= 1


def count_q3(doc):
    """Block 1.2 for the window: what the report of Nghi Xuân for Q3 2022 shows."""
    lo, hi = day(WINDOW[0]), day(WINDOW[1])
    in_scope = set()
    for r in doc["plan"]["rounds"]:
        in_scope.update(r["scope"].get("units") or [])
    concluded = [v for v in doc["visits"] + doc["adHoc"] if v["concludedOn"] and lo <= day(v["concludedOn"]) <= hi]
    found = [x for v in concluded for x in v["findings"]]
    resolved = [x for x in found if x["verifiedOn"] and day(x["verifiedOn"]) <= hi]
    return {"inScope": len(in_scope), "inspected": len({v["unit"] for v in concluded}), "found": len(found),
            "resolved": len(resolved)}


def main():
    root, district = nghi_xuan()
    names = {u["code"]: u["name"] for u in district["units"]}
    assert set(SELF_SENT) == set(names), set(SELF_SENT) ^ set(names)
    plan = {
        "unit": DISTRICT,
        "year": 2022,
        "purpose": PURPOSE,
        "requirements": REQUIREMENTS,
        "rounds": [
            {"number": 1, "label": "Đợt 1", "from": "2022-06-01", "to": "2022-07-31",
             "selfDue": {"day": "2022-05-20", "strict": True}, "selfDueNote": "Trước ngày 20/5/2022",
             "scope": {"units": [v["unit"] for v in VISITS],
                       "text": "Dự kiến kiểm tra một số xã, thị trấn và các phòng, đơn vị có liên quan"}},
            {"number": 2, "label": "Đợt 2", "from": "2022-10-01", "to": "2022-11-30", "selfDue": None,
             "selfDueNote": "Theo kế hoạch triển khai xác định chỉ số CCHC của năm",
             "scope": {"units": list(names),
                       "text": "Kiểm tra 17 xã, thị trấn gắn với việc thẩm định đánh giá, xác định Chỉ số CCHC"}},
        ],
        "checklist": [{"area": a, "item": i} for a, i in CHECKLIST],
        "budget": BUDGET,
        "preVisitDays": PRE_VISIT_DAYS,
        "remediationDays": REMEDIATION_DAYS,
        "document": {"number": "45/KH-UBND", "date": "2022-03-15", "signer": district.get("leader", "Lê Anh Dũng")},
    }
    doc = {
        "note": "Kế hoạch kiểm tra công tác CCHC năm 2022 của UBND huyện Nghi Xuân theo seed 003. Bản gốc để trống số và ngày "
                "ban hành (\"Số: /KH-UBND\", \"ngày tháng 3 năm 2022\"): số 45/KH-UBND và ngày 15/3/2022 là giả định cho "
                "bản demo. Các báo cáo tự kiểm tra, lịch kiểm tra, đoàn kiểm tra, kết luận, tồn tại và kết quả khắc phục "
                "đều là dữ liệu minh họa. Số liệu mục 1.2 (expectedQ3) tính cho kỳ báo cáo quý III/2022: từ ngày "
                f"{vn(WINDOW[0])} đến ngày {vn(WINDOW[1])}.",
        "plan": plan,
        "selfReports": [self_report(random.Random(code), code, names[code], SELF_SENT[code]) for code in names],
        "visits": [visit_entry(v, names[v["unit"]]) for v in VISITS],
        "adHoc": [adhoc_entry(v, names[v["unit"]]) for v in AD_HOC],
    }
    check(doc, names)
    doc["expectedQ3"] = count_q3(doc)
    with open(os.path.join(root, OUT), "w", encoding="utf-8") as fh:
        json.dump(doc, fh, ensure_ascii=False, indent=2)
        fh.write("\n")
    e = doc["expectedQ3"]
    print(f"Quý III/2022 ({vn(WINDOW[0])}–{vn(WINDOW[1])}): 1.2.1 = {e['inScope']}, 1.2.2 = {e['inspected']}, "
          f"1.2.3 = {e['found']}, 1.2.4 = {e['resolved']}")
    print("wrote", OUT, file=sys.stderr)


if __name__ == "__main__":
    main()
