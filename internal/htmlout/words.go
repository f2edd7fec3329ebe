package htmlout

import "fmt"

// words are the report's own words, in Vietnamese and English; every
// other label (columns, totals, the title block) is i18n's, as in the
// Excel exports. They stay here, beside the one page that uses them,
// until they move into i18n.Labels with the rest.
type words struct {
	Report, Contents, Figures, None                      string
	Headline, Ranking, Heatmap, Trends, Awards, Status   string
	ReportingFor, StaleUnits, UnitsAttained              string
	RankingChart, RankingAxis, HundredPoints, TierLine   string
	HeatmapNote, HeatmapScale                            string
	UnitTrends, UnitTrendsAxis, KPITrends, KPITrendChart string
	StatusLegend, StatusAll, StatusMissing, StatusNone   string
	ExtError                                             string
}

func wordsFor(lang string) words {
	if lang == "en" {
		return words{
			Report: "EMULATION CAMPAIGN PROGRESS REPORT", Contents: "Contents", Figures: "The chart's figures",
			None:     "none",
			Headline: "The province at a glance", Ranking: "Ranking by score", Heatmap: "Attainment by unit and KPI",
			Trends: "Month by month", Awards: "Award shortlist", Status: "Reports received",
			ReportingFor: "Units reporting for %s", StaleUnits: "Units whose latest report is older than %s",
			UnitsAttained: "%d/%d units attained",
			RankingChart:  "Scores of %d units, %s", RankingAxis: "The axis starts at %s points; colour: cluster; lines: 100 points and the award tiers' minimum scores.",
			HundredPoints: "100 points", TierLine: "%s (from %s points)",
			HeatmapNote:  "Each KPI's %s: red at 80%% or less, yellow at 100%%, green at 120%% or more.",
			HeatmapScale: "Colour scale",
			UnitTrends:   "Each unit's score month by month", UnitTrendsAxis: "One vertical axis for all, %s–%s points; dashed line: 100 points.",
			KPITrends: "The province's attainment month by month (%s)", KPITrendChart: "%s: the province's %s, months 1–%d",
			StatusLegend:  "✓ reported · ↻ replaced an earlier report · blank: nothing reported",
			StatusAll:     "%s (the latest period): all %d/%d units reported.",
			StatusMissing: "%s (the latest period): %d/%d units; missing: %s.",
			StatusNone:    "No report for %d yet.",
			ExtError:      "-o %s: the file name must end in .html",
		}
	}
	return words{
		Report: "BÁO CÁO TIẾN ĐỘ PHONG TRÀO THI ĐUA", Contents: "Mục lục", Figures: "Số liệu của biểu đồ",
		None:     "không có",
		Headline: "Tổng quan toàn tỉnh", Ranking: "Xếp hạng theo điểm", Heatmap: "Tỷ lệ đạt của từng đơn vị, từng chỉ tiêu",
		Trends: "Diễn biến theo tháng", Awards: "Danh sách đề nghị khen thưởng", Status: "Tình hình nộp báo cáo",
		ReportingFor: "Đơn vị đã báo cáo %s", StaleUnits: "Đơn vị chưa có báo cáo %s (chậm báo cáo)",
		UnitsAttained: "%d/%d đơn vị đạt",
		RankingChart:  "Điểm thi đua của %d đơn vị, %s", RankingAxis: "Trục điểm bắt đầu từ %s; màu theo cụm thi đua; vạch: 100 điểm và điểm tối thiểu của từng danh hiệu.",
		HundredPoints: "100 điểm", TierLine: "%s (từ %s điểm)",
		HeatmapNote:  "%s của từng chỉ tiêu: đỏ khi đạt từ 80%% trở xuống, vàng 100%%, xanh từ 120%% trở lên.",
		HeatmapScale: "Thang màu",
		UnitTrends:   "Điểm từng tháng của mỗi đơn vị", UnitTrendsAxis: "Trục dọc chung %s–%s điểm; vạch đứt: 100 điểm.",
		KPITrends: "Tỷ lệ đạt toàn tỉnh từng tháng (%s)", KPITrendChart: "%s: %s toàn tỉnh, tháng 1–%d",
		StatusLegend:  "✓ đã báo cáo · ↻ báo cáo thay thế báo cáo trước · ô trống: chưa báo cáo",
		StatusAll:     "%s (kỳ mới nhất): đủ %d/%d đơn vị.",
		StatusMissing: "%s (kỳ mới nhất): %d/%d đơn vị; chưa báo cáo: %s.",
		StatusNone:    "Chưa có báo cáo nào của năm %d.",
		ExtError:      "-o %s: tên tệp phải có đuôi .html",
	}
}

// ExtError refuses an output file for the HTML report whose name does
// not end in .html (or .htm). It says itself in the officer's language
// (i18n.Say finds its In).
type ExtError struct{ Path string }

func (e *ExtError) Error() string { return e.In("en") }

// In says the error in lang.
func (e *ExtError) In(lang string) string { return fmt.Sprintf(wordsFor(lang).ExtError, e.Path) }
