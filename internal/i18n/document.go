package i18n

import (
	"fmt"
	"time"
)

// The words of official documents (Nghị định 30/2020/NĐ-CP: the heading,
// the place-and-date line, the signature block) and of tables fitted to
// the screen. They are kept apart from catalogue.go's and join the
// catalogue when the package loads.
const (
	// Tables fitted to a narrow screen (render).
	ScreenHidden Key = "screen_hidden" // screen width, what was left out
	ScreenKPIs   Key = "screen_kpis"   // the KPI codes
	NoUnitListed Key = "no_unit_listed"
	// The ranks of kpi progress --cluster and of the cluster sheets.
	RankInCluster  Key = "rank_in_cluster"
	RankInProvince Key = "rank_in_province"
	// The line across the chart of the scores at 100 points.
	ChartLine Key = "chart_line"
	// An award condition and the tiers it kept a unit from.
	ReasonTiers Key = "reason_tiers" // the condition, the tiers

	// The heading of an official document and its signature block.
	DocNational    Key = "doc_national"  // quốc hiệu
	DocMotto       Key = "doc_motto"     // tiêu ngữ
	DocNumber      Key = "doc_number"    // the document's code: BC-BHXH
	DocSignNote    Key = "doc_sign_note" // under the signer's title
	DocPrepareNote Key = "doc_prepare_note"
	DocSigner      Key = "doc_signer"   // the signer's title when the settings give none
	DocPreparer    Key = "doc_preparer" // the preparer's title when the settings give none
	DocPlaceDate   Key = "doc_place_date"
	DocDateOnly    Key = "doc_date_only"
	DocBlankDate   Key = "doc_blank_date" // place: the line of a form the unit dates itself
)

var documentCatalogue = map[Key]struct{ vi, en string }{
	ScreenHidden: {"Ẩn cho vừa màn hình %[1]d cột: %[2]s. Xem đủ: thêm --wide, hoặc --format csv.",
		"Left out to fit %[1]d columns: %[2]s. To see everything: add --wide, or use --format csv."},
	ScreenKPIs:   {"tỷ lệ đạt từng chỉ tiêu (xem bằng kpi progress --kpi MÃ: %s)", "each KPI's attainment (see kpi progress --kpi CODE: %s)"},
	NoUnitListed: {"(không có đơn vị)", "(no unit)"},
	ReasonTiers:  {"%[1]s — %[2]s", "%[1]s — %[2]s"},

	ChartLine:      {"Mốc 100 điểm", "100 points"},
	RankInCluster:  {"Hạng trong cụm", "Cluster rank"},
	RankInProvince: {"Hạng toàn tỉnh", "Province rank"},

	DocNational:    {"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "SOCIALIST REPUBLIC OF VIETNAM"},
	DocMotto:       {"Độc lập - Tự do - Hạnh phúc", "Independence - Freedom - Happiness"},
	DocNumber:      {"Số: …/%s", "No.: …/%s"},
	DocSignNote:    {"(Ký, ghi rõ họ tên, đóng dấu)", "(signature, full name, seal)"},
	DocPrepareNote: {"(Ký, ghi rõ họ tên)", "(signature, full name)"},
	DocSigner:      {"GIÁM ĐỐC", "DIRECTOR"},
	DocPreparer:    {"NGƯỜI LẬP BIỂU", "PREPARED BY"},
	// place, day, month, year (written as Nghị định 30 says), the month's English name
	DocPlaceDate: {"%[1]s, ngày %[2]s tháng %[3]s năm %[4]d", "%[1]s, %[2]s %[5]s %[4]d"},
	DocDateOnly:  {"Ngày %[1]s tháng %[2]s năm %[3]d", "%[1]s %[4]s %[3]d"},
	DocBlankDate: {"%s, ngày …… tháng …… năm ……", "%s, date ……"},
}

func init() {
	for k, v := range documentCatalogue {
		catalogue[k] = v
	}
}

// ParentBody is the parent body (cơ quan chủ quản) at the top left of the
// province office's documents when the settings name none: a name, the
// same in both languages.
const ParentBody = "BẢO HIỂM XÃ HỘI VIỆT NAM"

// PlaceDate is the place-and-date line of a document: "Hải Dương, ngày 05
// tháng 4 năm 2024" — a day below 10 and the months 1 and 2 with a leading
// zero, as Nghị định 30/2020/NĐ-CP writes them; without a place, "Ngày 05
// tháng 4 năm 2024". In English: "Hải Dương, 5 April 2024".
func PlaceDate(lang, place string, d time.Time) string {
	day, month := fmt.Sprintf("%02d", d.Day()), fmt.Sprint(int(d.Month()))
	if d.Month() <= 2 {
		month = "0" + month
	}
	if lang == "en" {
		day = fmt.Sprint(d.Day())
	}
	if place == "" {
		return T(lang, DocDateOnly, day, month, d.Year(), d.Month().String())
	}
	return T(lang, DocPlaceDate, place, day, month, d.Year(), d.Month().String())
}
