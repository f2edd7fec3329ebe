package view

import (
	"fmt"
	"testing"
	"time"

	"github.com/bhxh/kpi/internal/campaign"
)

// The settings in force: those set, else the defaults, the place from the
// office's name.
func TestSettings(t *testing.T) {
	c := campaign.Default()
	c.Organisation = "Bảo hiểm xã hội tỉnh Hà Nam"
	for _, tc := range []struct {
		name   string
		stored map[string]string
		lang   string
		want   string
	}{
		{"defaults from an older campaign", nil, "vi",
			"organisation=BẢO HIỂM XÃ HỘI TỈNH HÀ NAM parent=BẢO HIỂM XÃ HỘI VIỆT NAM place=Hà Nam signer= signer_title=GIÁM ĐỐC preparer= preparer_title=NGƯỜI LẬP BIỂU"},
		{"set", map[string]string{"organisation": "BẢO HIỂM XÃ HỘI TỈNH HẢI DƯƠNG", "signer": "Nguyễn Văn An", "signer_title": "KT. GIÁM ĐỐC"}, "en",
			"organisation=BẢO HIỂM XÃ HỘI TỈNH HẢI DƯƠNG* parent=BẢO HIỂM XÃ HỘI VIỆT NAM place=Hải Dương signer=Nguyễn Văn An* signer_title=KT. GIÁM ĐỐC* preparer= preparer_title=PREPARED BY"},
		{"a place of its own", map[string]string{"place": "TP. Hải Dương"}, "vi",
			"organisation=BẢO HIỂM XÃ HỘI TỈNH HÀ NAM parent=BẢO HIỂM XÃ HỘI VIỆT NAM place=TP. Hải Dương* signer= signer_title=GIÁM ĐỐC preparer= preparer_title=NGƯỜI LẬP BIỂU"},
	} {
		var got string
		for i, s := range Settings(tc.stored, c, tc.lang) {
			if i > 0 {
				got += " "
			}
			got += s.Key + "=" + s.Value
			if s.Set {
				got += "*"
			}
		}
		if got != tc.want {
			t.Errorf("%s:\n got %s\nwant %s", tc.name, got, tc.want)
		}
	}
	// a campaign naming no office: the province unnamed, no place
	d := NewDocument(nil, &campaign.Campaign{}, time.Date(2026, 11, 28, 9, 0, 0, 0, time.UTC), "vi")
	if d.Organisation != "BẢO HIỂM XÃ HỘI TỈNH" || d.Place != "" || d.PlaceDate() != "Ngày 28 tháng 11 năm 2026" {
		t.Errorf("document %+v, %q", d, d.PlaceDate())
	}
}

// The heading's lines, as Nghị định 30/2020/NĐ-CP writes them: a day below
// 10 and the months 1 and 2 with a leading zero.
func TestDocument(t *testing.T) {
	d := NewDocument(map[string]string{"organisation": "BẢO HIỂM XÃ HỘI TỈNH HẢI DƯƠNG"}, nil, time.Date(2024, 2, 5, 0, 0, 0, 0, time.UTC), "vi")
	got := fmt.Sprint([]string{d.Parent, d.Organisation, d.Number(), d.National(), d.Motto(), d.PlaceDate(), d.Signer.Title, d.SignNote(), d.Preparer.Title, d.PrepareNote()})
	want := "[BẢO HIỂM XÃ HỘI VIỆT NAM BẢO HIỂM XÃ HỘI TỈNH HẢI DƯƠNG Số: …/BC-BHXH CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc " +
		"Hải Dương, ngày 05 tháng 02 năm 2024 GIÁM ĐỐC (Ký, ghi rõ họ tên, đóng dấu) NGƯỜI LẬP BIỂU (Ký, ghi rõ họ tên)]"
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	for date, want := range map[time.Time]string{
		time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC): "Hải Dương, ngày 28 tháng 11 năm 2026",
		time.Date(2024, 4, 5, 0, 0, 0, 0, time.UTC):   "Hải Dương, ngày 05 tháng 4 năm 2024",
		time.Date(2025, 1, 15, 0, 0, 0, 0, time.UTC):  "Hải Dương, ngày 15 tháng 01 năm 2025",
	} {
		d.Date = date
		if got := d.PlaceDate(); got != want {
			t.Errorf("%v: %q, want %q", date, got, want)
		}
	}
	d.Lang, d.Date = "en", time.Date(2024, 4, 5, 0, 0, 0, 0, time.UTC)
	if got := d.PlaceDate() + " | " + d.National() + " | " + d.Number(); got != "Hải Dương, 5 April 2024 | SOCIALIST REPUBLIC OF VIETNAM | No.: …/BC-BHXH" {
		t.Errorf("en: %q", got)
	}
}

func TestOfficeAndPlace(t *testing.T) {
	for name, want := range map[string][2]string{
		"BHXH huyện Cẩm Giàng":            {"BẢO HIỂM XÃ HỘI HUYỆN CẨM GIÀNG", "Cẩm Giàng"},
		"BHXH thành phố Hải Dương":        {"BẢO HIỂM XÃ HỘI THÀNH PHỐ HẢI DƯƠNG", "Hải Dương"},
		"Bảo hiểm xã hội thị xã Kinh Môn": {"BẢO HIỂM XÃ HỘI THỊ XÃ KINH MÔN", "Kinh Môn"},
		"Cẩm Giàng":                       {"BẢO HIỂM XÃ HỘI CẨM GIÀNG", "Cẩm Giàng"},
		"BẢO HIỂM XÃ HỘI TỈNH HẢI DƯƠNG":  {"BẢO HIỂM XÃ HỘI TỈNH HẢI DƯƠNG", "Hải Dương"},
		"BẢO HIỂM XÃ HỘI TỈNH":            {"BẢO HIỂM XÃ HỘI TỈNH", ""},
		"BẢO HIỂM XÃ HỘI VIỆT NAM":        {"BẢO HIỂM XÃ HỘI VIỆT NAM", ""},
	} {
		if got := [2]string{Office(name), PlaceOf(name)}; got != want {
			t.Errorf("%q: %q, want %q", name, got, want)
		}
	}
}
