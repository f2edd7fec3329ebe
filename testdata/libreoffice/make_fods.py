#!/usr/bin/env python3
"""Writes the .fods sources of the LibreOffice-saved fixtures.

Run ./make.sh (needs Debian's libreoffice-calc) to turn them into .xlsx
files saved by LibreOffice itself, with its own cached formula values,
shared strings and styles, so the reader is not tested on excelize-written
files alone. The .xlsx results are committed; CI does not run LibreOffice.

A cell is: "text" | 123.5 | ("=of formula", None) | ("pct", 0.853) |
("date", "2024-02-29") | ("span", n, "text") for a merged title.
"""
from xml.sax.saxutils import escape

HEAD = '''<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2"
 office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:automatic-styles>
 <number:percentage-style style:name="N1"><number:number number:decimal-places="1" number:min-integer-digits="1"/><number:text>%</number:text></number:percentage-style>
 <style:style style:name="ce1" style:family="table-cell" style:parent-style-name="Default" style:data-style-name="N1"/>
 <number:date-style style:name="N2"><number:day number:style="long"/><number:text>/</number:text><number:month number:style="long"/><number:text>/</number:text><number:year number:style="long"/></number:date-style>
 <style:style style:name="ce2" style:family="table-cell" style:parent-style-name="Default" style:data-style-name="N2"/>
</office:automatic-styles>
<office:body><office:spreadsheet>
'''
TAIL = '</office:spreadsheet></office:body></office:document>\n'


def cell(c):
    if c is None or c == "":
        return '<table:table-cell/>'
    if isinstance(c, str):
        return f'<table:table-cell office:value-type="string"><text:p>{escape(c)}</text:p></table:table-cell>'
    if isinstance(c, (int, float)):
        return f'<table:table-cell office:value-type="float" office:value="{c}"/>'
    kind = c[0]
    if kind == "pct":
        return f'<table:table-cell table:style-name="ce1" office:value-type="percentage" office:value="{c[1]}"/>'
    if kind == "date":
        return f'<table:table-cell table:style-name="ce2" office:value-type="date" office:date-value="{c[1]}"/>'
    if kind == "span":
        n, text = c[1], c[2]
        return (f'<table:table-cell table:number-columns-spanned="{n}" table:number-rows-spanned="1" office:value-type="string">'
                f'<text:p>{escape(text)}</text:p></table:table-cell>' + '<table:covered-table-cell/>' * (n - 1))
    if kind.startswith("="):
        style = ' table:style-name="ce1"' if (len(c) > 1 and c[1] == "pct") else ''
        return f'<table:table-cell{style} table:formula="of:{escape(kind)}" office:value-type="float" office:value="0"/>'
    raise ValueError(c)


def sheet(name, rows):
    out = [f'<table:table table:name="{escape(name)}">']
    for r in rows:
        out.append('<table:table-row>' + ''.join(cell(c) for c in r) + '</table:table-row>')
    out.append('</table:table>')
    return '\n'.join(out)


def write(path, sheets):
    with open(path, 'w', encoding='utf-8') as f:
        f.write(HEAD + '\n'.join(sheet(n, r) for n, r in sheets) + TAIL)


# A district's February report, long layout, as typed by hand.
write('H02_2024-02.fods', [('Báo cáo T2', [
    [("span", 7, "BẢO HIỂM XÃ HỘI TỈNH HÀ NAM")],
    [("span", 7, "BÁO CÁO KẾT QUẢ THỰC HIỆN CHỈ TIÊU THI ĐUA NĂM 2024")],
    [],
    ["Mã đơn vị", "H02", "", "Kỳ báo cáo", ("date", "2024-02-29")],
    [],
    ["STT", "Mã chỉ tiêu", "Tên chỉ tiêu", "ĐVT", "Thực hiện tháng", "Luỹ kế", "Ghi chú"],
    ["A", "", "Phát triển người tham gia", "", "", "", ""],
    [1, "bhxh_bb", "Số người tham gia BHXH bắt buộc", "người", "19.250", "", ""],
    [2, "bhxh_tn", "Số người tham gia BHXH tự nguyện", "người", 2875, "", ""],
    [3, "bhyt", "Số người tham gia BHYT", "người", ("=[.E9]*34",), "", "ước tính"],
    [4, "bhtn", "Số người tham gia BHTN", "người", 17100, "", ""],
    ["B", "thu", "Số thu BHXH, BHYT, BHTN", "triệu đồng", 41000.5, ("=SUM([.E12];80000)",), "lũy kế = T1 + T2"],
    ["C", "cham_dong", "Tỷ lệ chậm đóng", "%", ("pct", 0.021), "", ""],
    ["", "hai_long", "Chỉ số hài lòng", "%", "86,5%", "", ""],
    [],
    ["", "Người lập biểu", "", "", "Giám đốc"],
])])

# A consolidated export for March, wide layout, with formulas for YTD.
write('tonghop_2024-03.fods', [('TH', [
    [("span", 6, "TỔNG HỢP KẾT QUẢ THÁNG")],
    ["Kỳ báo cáo:", "Tháng 03 năm 2024"],
    ["STT", "Mã ĐV", "Tên đơn vị", "BHXH bắt buộc", "Số thu", "Số thu luỹ kế", "Chậm đóng", "Hài lòng"],
    [1, "H01", "BHXH huyện Duy Tiên", 19800, 43000, ("=[.E4]+81000",), 2.0, ("pct", 0.9)],
    [2, "H02", "BHXH thị xã Kim Bảng", 19300, 42000, ("=[.E5]+121000.5",), ("pct", 0.019), ("pct", 0.875)],
    ["", "", "Tổng cộng", ("=SUM([.D4:.D5])",), ("=SUM([.E4:.E5])",), ("=SUM([.F4:.F5])",), "", ""],
])])

# A district report with its header on two rows (a merged "Thực hiện" over
# "Tháng" and "Luỹ kế"), the period as a date cell beside its label, a
# note sheet before the report, and text numbers in both styles.
write('H03_2024-04.fods', [('Hướng dẫn', [["Điền số liệu vào trang BaoCao"]]), ('BaoCao', [
    [("span", 6, "BẢO HIỂM XÃ HỘI TỈNH HÀ NAM")],
    ["Mã ĐV:", "H03", "", "Kỳ báo cáo:", ("date", "2024-04-30")],
    [],
    ["STT", "Tên chỉ tiêu", "ĐVT", ("span", 2, "Thực hiện"), "Ghi chú"],
    ["", "", "", "Tháng", "Luỹ kế", ""],
    ["1", "Số người tham gia BHXH bắt buộc", "người", "20,150", "", ""],
    ["2", "BHXH tự nguyện", "người", 3010, "", ""],
    ["3", "Số người tham gia BHYT", "người", "101.200", "", ""],
    ["4", "Số người tham gia BHTN", "người", 18100, "", ""],
    ["5", "Số thu BHXH, BHYT, BHTN", "triệu đồng", 42000.25, ("=[.D10]+120000",), ""],
    ["6", "Tỷ lệ chậm đóng", "%", ("pct", 0.0195), "", ""],
    ["7", "Chỉ số hài lòng", "%", "88,5", "", ""],
])])
