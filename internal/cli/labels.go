package cli

import (
	"sort"

	"github.com/bhxh/kpi/internal/fold"
)

// lbl holds the words of progress and award output in one language.
type lbl struct {
	rank, clusterRank, code, unit, cluster, score, attained, lastReport string
	kpi, actual, target, baseline, attainment, capped, weight, points   string
	onTrack, expected, projected, projectedAttainment, period, missing  string
	noTarget, yes, no, tier, reason, field, notAwarded, reasons, legend string
	progressTitle, awardsTitle, stale                                   string
}

func labels(lang string) lbl {
	if lang == "en" {
		return lbl{rank: "Rank", clusterRank: "cluster rank", code: "Code", unit: "Unit", cluster: "Cluster", score: "Score",
			attained: "Attained", lastReport: "Last report", kpi: "KPI", actual: "Actual", target: "Target", baseline: "Baseline",
			attainment: "Attainment", capped: "capped", weight: "weight", points: "points", onTrack: "On track",
			expected: "On-track line", projected: "Year-end projection", projectedAttainment: "Projected attainment",
			period: "period", missing: "missing", noTarget: "no target", yes: "yes", no: "no", tier: "Award",
			reason: "Reason", field: "Outstanding in one field", notAwarded: "Not awarded", reasons: "Why",
			legend: "✓ attained · ▼ below the on-track line · — missing · ? no target", progressTitle: "Progress",
			awardsTitle: "Award shortlist", stale: "stale"}
	}
	return lbl{rank: "Hạng", clusterRank: "hạng trong cụm", code: "Mã", unit: "Đơn vị", cluster: "Cụm", score: "Điểm",
		attained: "Đạt", lastReport: "BC cuối", kpi: "Chỉ tiêu", actual: "Thực hiện", target: "Chỉ tiêu giao",
		baseline: "Năm trước", attainment: "Tỷ lệ đạt", capped: "trần", weight: "trọng số", points: "điểm",
		onTrack: "Đúng tiến độ", expected: "Mức tiến độ", projected: "Dự báo cuối năm", projectedAttainment: "Tỷ lệ dự báo",
		period: "kỳ", missing: "thiếu số liệu", noTarget: "chưa có chỉ tiêu", yes: "có", no: "không", tier: "Danh hiệu",
		reason: "Lý do", field: "Xuất sắc trên từng lĩnh vực", notAwarded: "Chưa đủ điều kiện khen thưởng", reasons: "Lý do",
		legend: "✓ đạt · ▼ dưới mức tiến độ · — thiếu số liệu · ? chưa có chỉ tiêu", progressTitle: "Tiến độ thi đua",
		awardsTitle: "Danh sách đề nghị khen thưởng", stale: "chậm báo cáo"}
}

// sameText compares names ignoring case, spacing and accents.
func sameText(a, b string) bool { return fold.Key(a) == fold.Key(b) }

func sortedStrings(s []string) []string {
	sort.Strings(s)
	return s
}
