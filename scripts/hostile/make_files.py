"""Hostile .xlsx uploads, written into a folder.

    python3 scripts/hostile/make_files.py OUTDIR [--base export.xlsx]

--base: a workbook the system exported (GET /api/v1/units/{id}/reports/{periodID}/xlsx) to build the
padded file (a) from; without it a minimal workbook of the same layout is built here.

  a-padded.xlsx        a valid workbook + five extra parts of ~190 MB of zeros each (~1 MB on disk)
  b-huge-dimension.xlsx a sheet with a cell at A10000000 and <dimension ref="A1:XFD10000000"/>
  c-zip-bomb.xlsx      xl/worksheets/sheet1.xml itself inflates to 500 MB
  d-not-a-zip.xlsx     plain text named .xlsx
  e-random-30mb.xlsx   30 MB of random bytes
"""
import argparse
import io
import os
import zipfile
from pathlib import Path

MB = 1024 * 1024
FORM_CODE = "CCHC-TK-2021"
NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
</Types>"""
ROOT_RELS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="{REL_NS}/officeDocument" Target="xl/workbook.xml"/>
</Relationships>"""
WORKBOOK = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook {NS} xmlns:r="{REL_NS}"><sheets><sheet name="Biểu thống kê" sheetId="1" r:id="rId1"/></sheets></workbook>"""
WORKBOOK_RELS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="{REL_NS}/worksheet" Target="worksheets/sheet1.xml"/>
</Relationships>"""


def cell(ref, text):
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def sheet_xml(dimension="A1:G5", extra_rows=""):
    """Rows 1–5 of the report's layout: title, form code in A2, headers in row 4, one indicator row."""
    rows = (f'<row r="1">{cell("A1", "Báo cáo CCHC")}</row>'
            f'<row r="2">{cell("A2", FORM_CODE)}</row>'
            f'<row r="4">{cell("A4", "Mã")}{cell("B4", "Chỉ tiêu")}{cell("D4", "Số liệu")}</row>'
            f'<row r="5">{cell("A5", "1.1.1")}{cell("B5", "Số nhiệm vụ")}<c r="D5"><v>12</v></c></row>')
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet {NS}>'
            f'<dimension ref="{dimension}"/><sheetData>{rows}{extra_rows}</sheetData></worksheet>')


def write_package(path, sheet=None, extra=()):
    """A minimal workbook; `sheet` replaces sheet1.xml; `extra` are (name, size) parts of zeros."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", ROOT_RELS)
        z.writestr("xl/workbook.xml", WORKBOOK)
        z.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        if callable(sheet):
            with z.open("xl/worksheets/sheet1.xml", "w") as f:
                sheet(f)
        else:
            z.writestr("xl/worksheets/sheet1.xml", sheet or sheet_xml())
        add_zeros(z, extra)


def add_zeros(z, extra):
    chunk = bytes(MB)
    for name, size in extra:
        with z.open(name, "w") as f:
            for _ in range(size // MB):
                f.write(chunk)


def padded(path, base=None, parts=5, size=190 * MB):
    # customXml/itemN.xml: names a real workbook may carry, so a reader that inflates every .xml part does.
    extra = [(f"customXml/item{i}.xml", size) for i in range(1, parts + 1)]
    if base is None:
        return write_package(path, extra=extra)
    with zipfile.ZipFile(io.BytesIO(base)) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for item in src.infolist():
            z.writestr(item, src.read(item.filename))
        add_zeros(z, extra)


def huge_dimension(path):
    far = f'<row r="10000000">{cell("A10000000", "x")}</row>'
    write_package(path, sheet=sheet_xml("A1:XFD10000000", far))


def zip_bomb(path, size=500 * MB):
    head, tail = sheet_xml().split("</sheetData>")
    blank = b" " * MB  # whitespace between rows: still well-formed XML, 500 MB of it

    def write(f):
        f.write(head.encode())
        for _ in range(size // MB):
            f.write(blank)
        f.write(("</sheetData>" + tail).encode())

    write_package(path, sheet=write)


def make_all(outdir, base=None):
    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    files = {name: out / name for name in
             ("a-padded.xlsx", "b-huge-dimension.xlsx", "c-zip-bomb.xlsx", "d-not-a-zip.xlsx", "e-random-30mb.xlsx")}
    padded(files["a-padded.xlsx"], base)
    huge_dimension(files["b-huge-dimension.xlsx"])
    zip_bomb(files["c-zip-bomb.xlsx"])
    files["d-not-a-zip.xlsx"].write_text("Đây không phải là tệp Excel.\n" * 2000, encoding="utf-8")
    files["e-random-30mb.xlsx"].write_bytes(os.urandom(30 * MB))
    return list(files.values())


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("outdir")
    ap.add_argument("--base", help="an exported report workbook to pad (file a)")
    args = ap.parse_args()
    for p in make_all(args.outdir, Path(args.base).read_bytes() if args.base else None):
        print(f"{p}  {p.stat().st_size / MB:.2f} MB")
