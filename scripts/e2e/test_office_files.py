"""The .xlsx and .docx the system issues, read back by independent readers: openpyxl, python-docx,
and LibreOffice headless converting each to PDF."""
import io
import shutil
import subprocess
import tempfile
from pathlib import Path

import docx
import openpyxl
import pytest
import requests

from conftest import login


@pytest.fixture(scope="module")
def officer(base_url):
    return login(base_url, "thachha.noivu")


@pytest.fixture(scope="module")
def district(base_url):
    from conftest import token
    units = requests.get(base_url + "/api/v1/units", params={"q": "huyen thach ha"}, headers=token(base_url, "admin"), timeout=10).json()
    return next(u for u in units if u["name"] == "Huyện Thạch Hà")["id"]


def download(session, url):
    r = session.get(url, timeout=60)
    assert r.status_code == 200, r.text[:300]
    return r.content


def test_consolidation_workbook_has_numbers_and_two_sheets(base_url, officer, district):
    data = download(officer, f"{base_url}/units/{district}/consolidation/2021/Q1/export.xlsx")
    wb = openpyxl.load_workbook(io.BytesIO(data))
    assert wb.sheetnames == ["Tổng hợp", "Đơn vị × chỉ tiêu"]
    ws = wb["Tổng hợp"]
    assert ws.freeze_panes == "C5"
    rows = {r[0].value: r for r in ws.iter_rows(min_row=5) if r[0].value}
    tasks = rows["1.1.1"][3]
    assert isinstance(tasks.value, int) and tasks.value > 0
    rate = rows["3.4.2"][3]
    assert isinstance(rate.value, float) and 0 < rate.value < 1
    assert "%" in rate.number_format
    assert isinstance(rows["3.4.2"][4].value, int) and isinstance(rows["3.4.2"][5].value, int)
    assert ws.column_dimensions["B"].width >= 60
    grid = wb["Đơn vị × chỉ tiêu"]
    assert grid.max_row >= 10
    assert grid["A1"].value == "Đơn vị"


def test_report_workbook_to_fill_offline(base_url):
    s = login(base_url, "thachhai.cv")
    from conftest import token
    headers = token(base_url, "thachhai.cv")
    me = requests.get(base_url + "/api/v1/me", headers=headers, timeout=10).json()
    unit = me["unit"]["id"]
    periods = requests.get(f"{base_url}/api/v1/units/{unit}/reports?year=2021", headers=headers, timeout=10).json()
    q1 = next(p for p in periods if p["kind"] == "Q1")
    data = download(s, f"{base_url}/units/{unit}/reports/{q1['periodID']}/export.xlsx")
    wb = openpyxl.load_workbook(io.BytesIO(data))
    ws = wb.active
    assert ws["A2"].value == "CCHC-TK-2021"
    assert [c.value for c in ws[4]][:6] == ["Mã", "Chỉ tiêu", "Đơn vị tính", "Số liệu", "Tử số", "Mẫu số"]
    values = {r[0].value: r[3].value for r in ws.iter_rows(min_row=5) if r[0].value}
    assert isinstance(values["1.1.1"], int)


def test_word_report_opens_in_python_docx_and_libreoffice(base_url, officer, district):
    data = download(officer, f"{base_url}/units/{district}/consolidation/2021/Q1/export.docx")
    d = docx.Document(io.BytesIO(data))
    texts = [p.text for p in d.paragraphs]
    assert "BÁO CÁO" in texts
    assert any("Kết quả thực hiện công tác cải cách hành chính Quý I năm 2021" in t for t in texts)
    cells = [c.text for t in d.tables for row in t.rows for c in row.cells]
    joined = "\n".join(cells)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in joined
    assert "Độc lập - Tự do - Hạnh phúc" in joined
    # A People's Committee heads with its own name only, on two lines (Decree 30/2020; seeds 002, 004).
    assert "ỦY BAN NHÂN DÂN\nHUYỆN THẠCH HÀ" in joined
    assert "UBND TỈNH HÀ TĨNH" not in joined
    assert "Số:" in joined and "/BC-UBND" in joined
    assert "Nơi nhận:" in joined
    assert "TM. ỦY BAN NHÂN DÂN" in joined
    assert any("Thạch Hà, ngày" in c for c in cells)
    section = d.sections[0]
    assert round(section.page_width.mm) == 210 and round(section.left_margin.mm) == 30
    assert d.sections[-1].orientation == 1  # landscape appendix
    office = shutil.which("libreoffice") or shutil.which("soffice")
    assert office, "LibreOffice is required (.ci/run installs it)"
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bao-cao.docx"
        path.write_bytes(data)
        subprocess.run([office, "--headless", "--convert-to", "pdf", "--outdir", tmp, str(path)],
                       check=True, timeout=180, capture_output=True)
        pdf = Path(tmp) / "bao-cao.pdf"
        assert pdf.exists() and pdf.stat().st_size > 5000
        xlsx = Path(tmp) / "tong-hop.xlsx"
        xlsx.write_bytes(download(officer, f"{base_url}/units/{district}/consolidation/2021/Q1/export.xlsx"))
        subprocess.run([office, "--headless", "--convert-to", "pdf", "--outdir", tmp, str(xlsx)],
                       check=True, timeout=180, capture_output=True)
        assert (Path(tmp) / "tong-hop.pdf").exists()
