// Package i18n holds the words kpi prints and writes, in Vietnamese (the
// default) and English, in one place: the labels of tables and workbooks
// (Labels, For), the catalogue of sentences (Key, T) with the errors told
// through it (Error, Say), and the words of the award decisions
// (Condition, Reasons, Verdict, Rule). Domain packages return facts — typed
// errors with a key and arguments, award conditions as values — and the
// edge (the command line, the views, the exporters) says them here.
package i18n

import (
	"fmt"
	"strconv"
	"time"

	"github.com/bhxh/kpi/internal/campaign"
	"github.com/bhxh/kpi/internal/report"
)

// Labels are the words of progress and award output in one language.
type Labels struct {
	// Excel exports. Org is the issuing office when the campaign names
	// none: a name, Vietnamese in both languages.
	Org, ProgressSheet, DetailSheet, ChartSheet, FieldSheet, NotAwardedSheet                                      string
	ProgressReport, AwardsReport, ExportedOn, Months, PreparedBy, Director, SignNote, Seq, KPIName, UnitOfMeasure string

	Rank, ClusterRank, Code, Unit, Cluster, Score, Attained, LastReport string
	KPI, Actual, Target, Baseline, Attainment, Capped, Weight, Points   string
	OnTrack, Expected, Projected, ProjectedAttainment, Period, Missing  string
	NoTarget, Yes, No, Tier, Reason, Field, NotAwarded, Reasons, Legend string
	ProgressTitle, AwardsTitle, Stale                                   string
	None                                                                string // under an empty list
	// Plan to date: the plan due by the period, the attainment against it
	// and against the year's plan, the month a carried figure is from.
	TargetToDate, ToDate, Annual, MonthShort string
	// Totals: the province's row, a cluster's subtotal ("Cộng Cụm 1"),
	// units reporting ("11/12 báo cáo"), a rate's mean (bình quân).
	Province, SubTotal, Reporting, Mean string
	// Cùng kỳ: last year's same period and the growth on it.
	Prior, Growth, PointsUnit string
	// Forecast heads the shortlist of kpi awards --projected.
	Forecast string
	// kpi unit: a month's value, the year-to-date value, the import, the
	// corrections (before → after).
	MonthValue, YTD, Import, Corrections string
	// The rulebook: the council's net points ("Cộng/trừ"), a bound
	// reached, a unit excluded from awards, the individuals nominated
	// (their sheets, the person's name, the unit's proposal, the outcome),
	// the leader's attainment under method leader.
	Adjustment, AtBound, Excluded, Nominations, NominationsMissed      string
	NominationsSheet, NominationsMissedSheet, Person, Proposal, Result string
	Leader, NominationsReport                                          string
	// The lists of the command line (kpi units, status, history, values,
	// log, the council's lists, campaign show): their column headers.
	UnitName, Time, File, Values, Warnings, ReplacedBy, Undone, PeriodCol       string
	Action, Subject, Item, Before, After, FromPeriod, Recorded                  string
	RemovedAt, RemovedWhy, WithdrawnAt, WithdrawnWhy, Title, PersonTitle, Rules string
	Kind, Better, WeightCol, CapCol, DefaultTarget, PlanOf, FileUnit, Cells     string
	MonthCell, YTDCell, ShortName, Value, Source, UsedFor                       string
}

// For returns the labels of lang ("vi", the default, or "en").
func For(lang string) Labels {
	if lang == "en" {
		return Labels{Rank: "Rank", ClusterRank: "cluster rank", Code: "Code", Unit: "Unit", Cluster: "Cluster", Score: "Score",
			Attained: "Attained", LastReport: "Last report", KPI: "KPI", Actual: "Actual", Target: "Target", Baseline: "Baseline",
			Attainment: "Attainment", Capped: "capped", Weight: "weight", Points: "points", OnTrack: "On track",
			Expected: "On-track line", Projected: "Year-end projection", ProjectedAttainment: "Projected attainment",
			Period: "period", Missing: "missing", NoTarget: "no target", Yes: "yes", No: "no", Tier: "Award",
			Reason: "Reason", Field: "Outstanding in one field", NotAwarded: "Not awarded", Reasons: "Why",
			Legend: "✓ attained · ▼ below the plan to date · (M3) figure of month 3 · — missing · ? no target", ProgressTitle: "Progress",
			AwardsTitle: "Award shortlist", Stale: "stale",
			ProgressSheet: "Summary", DetailSheet: "Detail", ChartSheet: "Chart", FieldSheet: "Outstanding by field",
			NotAwardedSheet: "Not awarded", ProgressReport: "EMULATION CAMPAIGN RESULTS", AwardsReport: "AWARD SHORTLIST",
			ExportedOn: "exported on", Months: "months", PreparedBy: "Prepared by", Director: "Director",
			SignNote: "(signature, full name)", Seq: "No.", KPIName: "KPI name", UnitOfMeasure: "Unit",
			None: "(none)", Org: DefaultOrganisation,
			TargetToDate: "Plan to date", ToDate: "% of plan to date", Annual: "% of year's plan", MonthShort: "M",
			Province: "Province", SubTotal: "Total", Reporting: "reported", Mean: "avg",
			Prior: "Same period last year", Growth: "Growth", PointsUnit: "pts",
			Forecast:   "FORECAST if the year ended on today's trend",
			MonthValue: "Month", YTD: "Year to date", Import: "Import", Corrections: "Corrections (before → after)",
			Adjustment: "Bonus/penalty", AtBound: "at the bound", Excluded: "Excluded from awards",
			Nominations: "Individuals nominated", NominationsMissed: "Individuals not qualifying",
			NominationsSheet: "Individuals", NominationsMissedSheet: "Individuals not qualifying", Person: "Full name",
			Proposal: "Proposed for", Result: "Result", Leader: "leader",
			NominationsReport: "INDIVIDUALS NOMINATED FOR AWARDS",
			UnitName:          "Unit name", Time: "Time", File: "File", Values: "Values", Warnings: "Warnings", ReplacedBy: "Replaced by",
			Undone: "Undone", PeriodCol: "Period", Action: "Action", Subject: "Subject", Item: "Item", Before: "Before", After: "After",
			FromPeriod: "From", Recorded: "Recorded", RemovedAt: "Removed", RemovedWhy: "Why removed", WithdrawnAt: "Withdrawn",
			WithdrawnWhy: "Why withdrawn", Title: "Title", PersonTitle: "Individual title", Rules: "Conditions", Kind: "Kind",
			Better: "Better when", WeightCol: "Weight", CapCol: "Cap", DefaultTarget: "Default target", PlanOf: "Target",
			FileUnit: "Unit in the file", Cells: "Cells", MonthCell: "Month cell", YTDCell: "Year-to-date cell", ShortName: "Short name",
			Value: "Value", Source: "Source", UsedFor: "Used for"}
	}
	return Labels{Rank: "Hạng", ClusterRank: "hạng trong cụm", Code: "Mã", Unit: "Đơn vị", Cluster: "Cụm", Score: "Điểm",
		Attained: "Đạt", LastReport: "BC cuối", KPI: "Chỉ tiêu", Actual: "Thực hiện", Target: "Chỉ tiêu giao",
		Baseline: "Năm trước", Attainment: "Tỷ lệ đạt", Capped: "trần", Weight: "trọng số", Points: "điểm",
		OnTrack: "Đúng tiến độ", Expected: "Mức tiến độ", Projected: "Dự báo cuối năm", ProjectedAttainment: "Tỷ lệ dự báo",
		Period: "kỳ", Missing: "thiếu số liệu", NoTarget: "chưa có chỉ tiêu", Yes: "có", No: "không", Tier: "Danh hiệu",
		Reason: "Lý do", Field: "Xuất sắc trên từng lĩnh vực", NotAwarded: "Chưa đủ điều kiện khen thưởng", Reasons: "Lý do",
		Legend: "✓ đạt · ▼ dưới kế hoạch kỳ · (T3) số của tháng 3 · — thiếu số liệu · ? chưa có chỉ tiêu", ProgressTitle: "Tiến độ thi đua",
		AwardsTitle: "Danh sách đề nghị khen thưởng", Stale: "chậm báo cáo",
		ProgressSheet: "Tổng hợp", DetailSheet: "Chi tiết", ChartSheet: "Biểu đồ", FieldSheet: "Xuất sắc từng lĩnh vực",
		NotAwardedSheet: "Chưa đủ điều kiện", ProgressReport: "BẢNG TỔNG HỢP KẾT QUẢ THI ĐUA", AwardsReport: "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG",
		ExportedOn: "ngày xuất", Months: "tháng", PreparedBy: "Người lập biểu", Director: "Giám đốc",
		SignNote: "(Ký, ghi rõ họ tên)", Seq: "STT", KPIName: "Tên chỉ tiêu", UnitOfMeasure: "ĐVT",
		None: "(không có)", Org: DefaultOrganisation,
		TargetToDate: "KH kỳ", ToDate: "% KH kỳ", Annual: "% KH năm", MonthShort: "T",
		Province: "Toàn tỉnh", SubTotal: "Cộng", Reporting: "báo cáo", Mean: "bq",
		Prior: "Cùng kỳ", Growth: "So cùng kỳ", PointsUnit: "điểm",
		Forecast:   "DỰ KIẾN nếu cả năm theo xu hướng hiện nay",
		MonthValue: "Trong tháng", YTD: "Lũy kế", Import: "Lần nhập", Corrections: "Sửa (trước → sau)",
		Adjustment: "Cộng/trừ", AtBound: "tối đa", Excluded: "Không xét khen thưởng",
		Nominations: "Cá nhân đề nghị khen thưởng", NominationsMissed: "Cá nhân chưa đủ điều kiện",
		NominationsSheet: "Cá nhân", NominationsMissedSheet: "Cá nhân chưa đủ ĐK", Person: "Họ và tên",
		Proposal: "Thành tích đề nghị", Result: "Kết quả", Leader: "dẫn đầu",
		NominationsReport: "DANH SÁCH CÁ NHÂN ĐỀ NGHỊ KHEN THƯỞNG",
		UnitName:          "Tên đơn vị", Time: "Thời gian", File: "Tệp", Values: "Giá trị", Warnings: "Cảnh báo", ReplacedBy: "Bị thay bởi",
		Undone: "Hoàn tác", PeriodCol: "Kỳ", Action: "Việc", Subject: "Đối tượng", Item: "Mục", Before: "Trước", After: "Sau",
		FromPeriod: "Từ kỳ", Recorded: "Ghi lúc", RemovedAt: "Đã bỏ lúc", RemovedWhy: "Lý do bỏ", WithdrawnAt: "Đã rút lúc",
		WithdrawnWhy: "Lý do rút", Title: "Danh hiệu", PersonTitle: "Danh hiệu cá nhân", Rules: "Điều kiện", Kind: "Loại",
		Better: "Tốt hơn khi", WeightCol: "Trọng số", CapCol: "Trần", DefaultTarget: "Chỉ tiêu mặc định", PlanOf: "KH",
		FileUnit: "ĐVT trong tệp", Cells: "Ô", MonthCell: "Ô trong tháng", YTDCell: "Ô lũy kế", ShortName: "Tên ngắn",
		Value: "Giá trị", Source: "Nguồn", UsedFor: "Dùng cho"}
}

// DefaultOrganisation heads official sheets and forms when the campaign
// names no issuing office.
const DefaultOrganisation = "BẢO HIỂM XÃ HỘI TỈNH"

// Period writes a reporting period for people: "Tháng 3/2024", in English
// "March 2024"; "—" for none. Machines read report.Period's "2024-03".
func Period(p report.Period, lang string) string {
	if p.IsZero() {
		return "—"
	}
	if lang == "en" {
		return time.Month(p.Month).String() + " " + strconv.Itoa(p.Year)
	}
	return fmt.Sprintf("Tháng %d/%d", p.Month, p.Year)
}

// PeriodIn is Period inside a sentence: "tháng 3/2024" ("từ tháng 3/2024").
func PeriodIn(p report.Period, lang string) string {
	if lang == "en" || p.IsZero() {
		return Period(p, lang)
	}
	return fmt.Sprintf("tháng %d/%d", p.Month, p.Year)
}

// PeriodOf is Period of a period as stored ("2024-03"); text that is not a
// period is returned as it is.
func PeriodOf(s, lang string) string {
	p, err := report.ParsePeriod(s)
	if err != nil || len(s) != 7 {
		return s
	}
	return Period(p, lang)
}

// Date writes a day for people: "28/11/2026", in English "28 Nov 2026".
func Date(t time.Time, lang string) string {
	if lang == "en" {
		return t.Format("2 Jan 2006")
	}
	return t.Format("02/01/2006")
}

// DateTime writes a moment for people, in the local zone: "28/11/2026
// 15:04", in English "28 Nov 2026 15:04".
func DateTime(t time.Time, lang string) string {
	t = t.Local()
	return Date(t, lang) + " " + t.Format("15:04")
}

// KPIKind says a KPI's kind: stock "số tại thời điểm", flow "cộng dồn",
// rate "tỷ lệ".
func KPIKind(kind, lang string) string {
	w, ok := map[string]struct{ vi, en string }{
		campaign.Stock: {"số tại thời điểm", "stock"},
		campaign.Flow:  {"cộng dồn", "flow"},
		campaign.Rate:  {"tỷ lệ", "rate"},
	}[kind]
	switch {
	case !ok:
		return kind
	case lang == "en":
		return w.en
	}
	return w.vi
}

// When is a moment said in the reader's language (DateTime), as an
// argument of T or Errorf.
type When time.Time

// In writes the moment in lang.
func (w When) In(lang string) string { return DateTime(time.Time(w), lang) }

// InPeriod is a period said inside a sentence (PeriodIn), as an argument
// of T or Errorf.
type InPeriod report.Period

// In writes the period in lang.
func (p InPeriod) In(lang string) string { return PeriodIn(report.Period(p), lang) }

// PeriodText is a period as stored ("2024-03") said inside a sentence,
// as an argument of T or Errorf.
type PeriodText string

// In writes the period in lang.
func (p PeriodText) In(lang string) string {
	q, err := report.ParsePeriod(string(p))
	if err != nil || len(p) != 7 {
		return string(p)
	}
	return PeriodIn(q, lang)
}
