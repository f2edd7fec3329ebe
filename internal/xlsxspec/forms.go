package xlsxspec

// Form is a workbook laid out like the reports BHXH offices send: the
// official forms of QĐ 595/QĐ-BHXH (B03a-TS, B06-TS, B07a), the monthly
// indicator tables of official letters and province summary sheets. The
// units and figures fit the demo province (kpi demo: Hải Dương).
type Form struct {
	Name string // the file name to write it under
	What string // what it exercises
	Spec string
}

// Forms are the official-style workbooks the reader is tested on, and the
// lean and excelize readers held equal on.
var Forms = []Form{
	{"H04_b03a.xlsx", "B03a-TS: heading unit and title period, STT/ĐVT/Mã số columns, a column-number row, sections, sub-rows, per-fund breakdown, rows that are not KPIs", `
sheet B03a-TS
row 1: BẢO HIỂM XÃ HỘI TỈNH HẢI DƯƠNG | | | | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
merge A1:C1
merge E1:I1
row 2: BHXH HUYỆN CẨM GIÀNG | | | | Độc lập - Tự do - Hạnh phúc
merge A2:C2
merge E2:I2
row 3: | | | | | | | Mẫu số: B03a-TS
row 4: BÁO CÁO TÌNH HÌNH THU BHXH, BHYT, BHTN THÁNG 3 NĂM 2024
merge A4:I4
row 5: Đơn vị tính: người
row 6: | | | | Cẩm Giàng, ngày 05 tháng 4 năm 2024
row 8: STT | Chỉ tiêu | ĐVT | Mã số | Kế hoạch giao | Thực hiện tháng | Lũy kế từ đầu năm | So với KH (%) | So với cùng kỳ (%)
row 9: A | B | C | 1 | 2 | 3 | 4 | 5=4/2 | 6
row 10: I | Số người tham gia | | | | | | |
row 11: 1 | Số người tham gia BHXH bắt buộc | người | '01 | 11730 | 11850 | | '101,02 | '103,2
row 12: - | Khu vực hành chính sự nghiệp | người | '02 | | 4200 | | |
row 13: - | Khu vực doanh nghiệp | người | '03 | | 7650 | | |
row 14: 2 | Số người tham gia BHXH tự nguyện | người | '04 | 1730 | 1710 | | '98,8 |
row 15: 3 | Số người tham gia BHYT | người | '05 | 58350 | 57300 | | '98,2 |
row 16: | Tỷ lệ bao phủ BHYT | % | '06 | 92 | '91,4 | | |
row 17: 4 | Số người tham gia BHTN | người | '07 | 10190 | 10050 | | |
row 18: II | Số thu | | | | | | |
row 19: 1 | Số phải thu | triệu đồng | '08 | 290000 | 25100 | 74900 | |
row 20: 2 | Tổng số thu BHXH, BHYT, BHTN, BHTNLĐ-BNN | triệu đồng | '09 | 277887 | '24.650,5 | '72.310,25 | '26,0 |
row 21: | Trong đó: | | | | | | |
row 22: a | Thu BHXH bắt buộc | triệu đồng | '10 | | 15000 | 44000 | |
row 23: b | Thu BHYT | triệu đồng | '11 | | 7000 | 20500 | |
row 24: 3 | Số nợ | triệu đồng | '12 | | 450 | | |
row 25: 4 | Tỷ lệ nợ phải tính lãi | % | '13 | '1,57 | '1,8 | | |
row 26: III | Chỉ số hài lòng của người tham gia | % | '14 | 80 | '86,5 | | |
row 28: | NGƯỜI LẬP BIỂU | | | | GIÁM ĐỐC
row 29: | (Ký, ghi rõ họ tên) | | | | (Ký, ghi rõ họ tên, đóng dấu)
`},
	{"H03_b06.xlsx", "B06-TS movement table: balance brought forward, increases, decreases, month-end balance; a quarter title with its month; merged two-row header", `
sheet B06-TS
row 1: BẢO HIỂM XÃ HỘI VIỆT NAM
row 2: BẢO HIỂM XÃ HỘI THỊ XÃ KINH MÔN
row 4: BÁO CÁO TÌNH HÌNH TĂNG, GIẢM NGƯỜI THAM GIA BHXH, BHYT, BHTN
merge A4:F4
row 5: Quý I/2024 (tháng 3)
merge A5:F5
row 7: STT | Nội dung | Lũy kế tháng trước chuyển sang | Phát sinh trong tháng | | Lũy kế đến hết tháng
row 8: | | | Tăng | Giảm |
merge A7:A8
merge B7:B8
merge C7:C8
merge D7:E7
merge F7:F8
row 9: 1 | 2 | 3 | 4 | 5 | 6=3+4-5
row 10: 1 | BHXH bắt buộc | 29100 | 450 | 120 | =C10+D10-E10{29430}
row 11: 2 | BHXH tự nguyện | 4400 | 80 | 15 | =C11+D11-E11{4465}
row 12: 3 | BHYT | 148000 | 1300 | 900 | =C12+D12-E12{148400}
row 13: 4 | BHTN | 26300 | 300 | 100 | =C13+D13-E13{26500}
row 15: | | | Kinh Môn, ngày 03 tháng 4 năm 2024
`},
	{"H09_b07a.xlsx", "B07a style in đồng: 'Kỳ này | Lũy kế từ đầu năm', 'Đơn vị tính: đồng' above the table, a date-range period, an abbreviated office line", `
sheet B07a
row 1: BHXH TỈNH HẢI DƯƠNG
row 2: BHXH H. GIA LỘC
row 3: BÁO CÁO KẾT QUẢ THU BHXH, BHYT, BHTN
row 4: Từ ngày 01/03/2024 đến ngày 31/03/2024
row 5: | | | Đơn vị tính: đồng
row 6: STT | Chỉ tiêu | Mã số | Kỳ này | Lũy kế từ đầu năm
row 7: 1 | Số phải thu | '01 | 30500000000 | 90100000000
row 8: 2 | Số đã thu | '02 | 29850250000 | 88000500000
row 9: 3 | Số còn phải thu (nợ) | '03 | 650000000 |
fmt D7:E9 #,##0
`},
	{"H01_congvan.xlsx", "a letter's indicator table: 'Đơn vị báo cáo:' label, 'Tháng 03/2024', previous-cumulative and estimate columns, Tr.đồng, a fund list after the KPI name", `
sheet Sheet1
row 1: BẢO HIỂM XÃ HỘI TỈNH HẢI DƯƠNG
row 2: Đơn vị báo cáo: BHXH TP Hải Dương
row 3: KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU
row 4: Tháng 03/2024
row 6: TT | Nội dung | ĐVT | Lũy kế đến tháng trước | Thực hiện tháng | Lũy kế đến tháng này | Ước thực hiện tháng 4
row 7: 1 | Số người tham gia BHXH BB | Người | 57500 | 57800 | 57800 | 58000
row 8: 2 | Số người tham gia BHXH TN | Người | 8600 | 8650 | 8650 | 8700
row 9: 3 | Số người tham gia BHYT | Người | 295000 | 296100 | 296100 | 296500
row 10: 4 | Số người tham gia BHTN | Người | 51200 | 51400 | 51400 | 51500
row 11: 5 | Thu BHXH, BHYT, BHTN, BHTNLĐ-BNN | Tr.đồng | 230000 | 118500 | 348500 | 120000
row 12: 6 | Tỷ lệ chậm đóng | % | | '2,35 | | '2,3
row 13: 7 | Mức độ hài lòng | % | | 84% | |
`},
	{"H10_nhom.xlsx", "a group header 'Thực hiện năm 2024' over 'Tháng 3 | Lũy kế', 'Nội dung chỉ tiêu', the heading in one two-line cell, a period line of its own, a sector breakdown", `
sheet BC thang
row 1: BẢO HIỂM XÃ HỘI TỈNH HẢI DƯƠNG\nBẢO HIỂM XÃ HỘI HUYỆN TỨ KỲ | | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc
merge A1:B1
merge C1:F1
row 3: BÁO CÁO KẾT QUẢ THỰC HIỆN CHỈ TIÊU THI ĐUA
merge A3:F3
row 4: Tháng 3 năm 2024
merge A4:F4
row 6: STT | Nội dung chỉ tiêu | ĐVT | Kế hoạch năm 2024 | Thực hiện năm 2024 |
row 7: | | | | Tháng 3 | Lũy kế
merge A6:A7
merge B6:B7
merge C6:C7
merge D6:D7
merge E6:F6
row 8: 1 | Số người tham gia BHXH bắt buộc | Người | 11770 | 11800 |
row 9: 2 | Số người tham gia BHYT | Người | 60780 | 60100 |
row 10: 2.1 | BHYT hộ gia đình | Người | | 21000 |
row 11: 2.2 | BHYT học sinh, sinh viên | Người | | 9000 |
row 12: 3 | Số thu BHXH, BHYT, BHTN | Triệu đồng | 276991 | 23100 | 69000
row 13: 4 | Chỉ số hài lòng | % | 80 | 0.83 |
fmt E13 0%
`},
	{"tonghop_tinh_2024-03.xlsx", "province summary: units by name, a 'TOÀN TỈNH' row first, a group row, the province office's own row, each KPI a group over KH | TH | %, a column-number row", `
sheet Tong hop
row 1: BẢO HIỂM XÃ HỘI TỈNH HẢI DƯƠNG
row 3: BIỂU TỔNG HỢP KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU THÁNG 3 NĂM 2024
merge A3:K3
row 5: STT | Tên đơn vị | Số người tham gia BHXH bắt buộc | | | Số người tham gia BHYT | | | Số thu BHXH, BHYT, BHTN | |
row 6: | | KH | TH | % | KH | TH | % | KH | TH | %
merge A5:A6
merge B5:B6
merge C5:E5
merge F5:H5
merge I5:K5
row 7: A | B | 1 | 2 | 3=2/1 | 4 | 5 | 6=5/4 | 7 | 8 | 9=8/7
row 8: | TOÀN TỈNH | 113620 | 111260 | 97,9 | 641370 | 626140 | 97,6 | 3010448 | 745210 | 24,8
row 9: A | Khối thành phố, thị xã | | | | | | | | |
row 10: 1 | TP. Hải Dương | 57710 | 56500 | 97,9 | 297040 | 290100 | 97,7 | 1385577 | 345100 | 24,9
row 11: 2 | Thị xã Kinh Môn | 29410 | 28900 | 98,3 | 149610 | 146300 | 97,8 | 710992 | 178010 | 25
row 12: 3 | Huyện Cẩm Giàng | 11730 | 11500 | 98 | 58350 | 57040 | 97,8 | 277887 | 68900 | 24,8
row 13: 4 | BHXH huyện Gia Lộc | 14770 | 14360 | 97,2 | 75760 | 73900 | 97,5 | 361705 | 88200 | 24,4
row 14: 5 | Tứ Kỳ | | | | 60610 | 58800 | 97 | 274287 | 65000 | 23,7
row 15: 6 | Văn phòng BHXH tỉnh | | 120 | | | 2100 | | | 9800 |
fmt E10:E14 0.0
`},
	{"tonghop_nhom_2024-03.xlsx", "a consolidated sheet by code: 'Số người tham gia' over 'BHXH BB | BHXH TN | BHYT | BHTN', revenue in đồng by its header", `
sheet TH
row 1: Kỳ báo cáo: 03/2024
row 3: Mã đơn vị | Tên đơn vị | Số người tham gia | | | | Số thu (đồng) | Số thu lũy kế (đồng)
row 4: | | BHXH BB | BHXH TN | BHYT | BHTN | |
merge A3:A4
merge B3:B4
merge C3:F3
merge G3:G4
merge H3:H4
row 5: H04 | Cẩm Giàng | 11850 | 1710 | 57300 | 10050 | 24650500000 | 72310250000
row 6: H09 | Gia Lộc | 14400 | 2210 | 74100 | 12900 | 29850250000 | 88000500000
row 7: | Tổng cộng | 26250 | 3920 | 131400 | 22950 | 54500750000 | 160310750000
`},
	{"H07_theo_quy.xlsx", "rows grouped by fund: 'I BHXH bắt buộc' over 'Số người tham gia' and 'Số thu' (that fund's revenue, not the KPI), then the total revenue; the rates' official long names", `
sheet BC T3
row 1: BHXH HUYỆN THANH HÀ
row 2: BÁO CÁO THỰC HIỆN CHỈ TIÊU THÁNG 3 NĂM 2024
row 4: STT | Chỉ tiêu | ĐVT | Thực hiện tháng | Lũy kế từ đầu năm
row 5: I | BHXH bắt buộc | | |
row 6: 1 | Số người tham gia | Người | 30120 |
row 7: 2 | Số thu | Triệu đồng | 40100 | 120500
row 8: II | BHXH tự nguyện | | |
row 9: 1 | Số người tham gia | Người | 4500 |
row 10: 2 | Số thu | Triệu đồng | 1200 | 3500
row 11: III | Bảo hiểm y tế | | |
row 12: 1 | Số người tham gia | Người | 158000 |
row 13: 2 | Số thu | Triệu đồng | 15000 | 44000
row 14: IV | BHTN | | |
row 15: 1 | Số người tham gia | Người | 26500 |
row 16: 2 | Số thu | Triệu đồng | 2100 | 6300
row 17: V | Tổng số thu BHXH, BHYT, BHTN | Triệu đồng | 58400 | 174300
row 18: VI | Tỷ lệ nợ phải tính lãi so với số phải thu | % | '2,9 |
row 19: VII | Chỉ số hài lòng của người dân, doanh nghiệp | % | 88 |
`},
	{"H06_ba_trang.xlsx", "one month over three sheets (head-counts, revenue, satisfaction), the unit only on the first, a notes sheet and a hidden sheet of last month", `
sheet Doi tuong
row 1: BHXH HUYỆN KIM THÀNH
row 2: BÁO CÁO THÁNG 3 NĂM 2024
row 4: STT | Chỉ tiêu | Thực hiện tháng
row 5: 1 | Số người tham gia BHXH bắt buộc | 30100
row 6: 2 | Số người tham gia BHXH tự nguyện | 4400
row 7: 3 | Số người tham gia BHYT | 150200
row 8: 4 | Số người tham gia BHTN | 26300
sheet Thu
row 1: Tháng 3 năm 2024
row 3: STT | Chỉ tiêu | Thực hiện tháng | Lũy kế từ đầu năm
row 4: 1 | Tổng số thu BHXH, BHYT, BHTN | 61500 | 184200
row 5: 2 | Tỷ lệ nợ phải tính lãi | '2,7 |
sheet Hai long
row 1: Chỉ tiêu | Thực hiện
row 2: Chỉ số hài lòng | 0.88
fmt B2 0%
row 4: Ghi chú: số liệu tạm tính
sheet Thang 2
row 1: Tháng 2 năm 2024
row 3: Chỉ tiêu | Thực hiện tháng
row 4: Số người tham gia BHYT | 149000
hide Thang 2
`},
}
