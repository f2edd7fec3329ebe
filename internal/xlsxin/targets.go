package xlsxin

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/bhxh/kpi/internal/campaign"
	"github.com/bhxh/kpi/internal/fold"
	"github.com/bhxh/kpi/internal/xlsxgrid"
)

// Targets is what a targets workbook holds.
type Targets struct {
	Sheet    string
	Units    []campaign.Unit
	Ignored  []string // headers of columns that were not recognised
	Warnings []string
}

type targetCol struct {
	col      int
	kpi      campaign.KPI
	baseline bool
	quarter  int // 1–4: the column is that quarter's plan
}

// ReadTargets reads units, targets (campaign year) and baselines (previous
// year) from the first sheet with a unit-code header in its top rows. It
// returns every bad cell at once as Errors; on error no units are returned.
func ReadTargets(wb *Workbook, c *campaign.Campaign) (*Targets, error) {
	isCode := func(k string) bool { return MatchesAny(k, UnitCodeHeaders) }
	for _, s := range wb.VisibleFirst() {
		hr, codeCol, ok := FindHeaderRow(s, isCode)
		if !ok {
			continue
		}
		t, err := readTargetsSheet(s, c, hr, codeCol)
		if t != nil {
			xlsxgrid.ClipAll(t.Warnings)
		}
		return t, err
	}
	return nil, &CellError{File: wb.File, Msg: fmt.Sprintf(
		"không tìm thấy dòng tiêu đề có cột 'Mã đơn vị' trong %d dòng đầu của trang tính nào", HeaderSearchRows)}
}

// targetHeaders returns the header texts and the first data row. Headers
// may stand on two rows: group headers ("Kế hoạch 2024", "Thực hiện 2023",
// merged across) over the KPIs' names; each column's text is then the two
// joined ("Kế hoạch 2024 Số thu").
func targetHeaders(s *Sheet, c *campaign.Campaign, hr, codeCol int) ([]string, int) {
	heads, data := joinedHeader(s, hr, func(next int) bool {
		if cell := s.At(next, codeCol); cell.Kind != Empty && cell != s.At(hr, codeCol) {
			return false // the row below holds a unit: no second header row
		}
		kpis := 0
		for col := range s.Rows[next] {
			cell := s.At(next, col)
			if cell.Kind == Number {
				return false
			}
			if cell.Kind == Text && cell != s.At(hr, col) {
				if _, ok := ParseKPIHeader(c, s.Text(next, col)); ok {
					kpis++
				}
			}
		}
		return kpis > 0
	})
	texts := make([]string, len(heads))
	for i, h := range heads {
		texts[i] = h.Text
	}
	return texts, data
}

func readTargetsSheet(s *Sheet, c *campaign.Campaign, hr, codeCol int) (*Targets, error) {
	var errs Errors
	out := &Targets{Sheet: s.Name}
	nameCol, clusterCol := -1, -1
	var cols []targetCol
	seen := map[string]int{} // "kpi/target" → column
	texts, data := targetHeaders(s, c, hr, codeCol)
	for col, text := range texts {
		if col == codeCol {
			continue
		}
		key := fold.Key(text)
		switch {
		case key == "":
			continue
		case nameCol < 0 && MatchesAny(key, UnitNameHeaders):
			nameCol = col
			continue
		case clusterCol < 0 && MatchesAny(key, ClusterHeaders):
			clusterCol = col
			continue
		}
		kc, ok := ParseKPIHeader(c, text)
		if !ok || (kc.Year != 0 && kc.Year != c.Year && kc.Year != c.Year-1) {
			out.Ignored = append(out.Ignored, fmt.Sprintf("%s '%s'", Ref(hr, col), text))
			continue
		}
		tc := targetCol{col: col, kpi: kc.KPI, baseline: kc.Year == c.Year-1, quarter: kc.Quarter}
		what := "target"
		switch {
		case tc.baseline && tc.quarter > 0:
			out.Ignored = append(out.Ignored, fmt.Sprintf("%s '%s'", Ref(hr, col), text))
			continue
		case tc.baseline:
			what = "baseline"
		case tc.quarter > 0:
			what = fmt.Sprintf("q%d", tc.quarter)
		}
		id := kc.KPI.Code + "/" + what
		if prev, dup := seen[id]; dup {
			errs = append(errs, s.Err(hr, col, "cột '%s' trùng với cột %s (cùng chỉ tiêu %s)", text, Ref(hr, prev), kc.KPI.Code))
			continue
		}
		seen[id] = col
		cols = append(cols, tc)
	}
	if len(out.Ignored) > 0 {
		out.Warnings = append(out.Warnings, fmt.Sprintf("%s › %s: bỏ qua các cột không nhận ra: %s",
			s.Book.File, s.Name, strings.Join(out.Ignored, ", ")))
	}
	if nameCol < 0 {
		out.Warnings = append(out.Warnings, fmt.Sprintf("%s › %s: không có cột 'Tên đơn vị', dùng mã đơn vị làm tên", s.Book.File, s.Name))
	}
	codes := map[string]string{} // folded code → cell
	for r := data; r < len(s.Rows); r++ {
		code := s.Text(r, codeCol)
		if code == "" {
			if hasNumbers(s, r, cols) && !isTotalRow(s, r) {
				out.Warnings = append(out.Warnings, fmt.Sprintf("%s › %s!%s: dòng %d có số liệu nhưng không có mã đơn vị, bỏ qua",
					s.Book.File, s.Name, Ref(r, codeCol), r+1))
			}
			continue
		}
		if k := strings.ToUpper(code); codes[k] != "" {
			errs = append(errs, s.Err(r, codeCol, "mã đơn vị '%s' trùng với ô %s", code, codes[k]))
			continue
		} else {
			codes[k] = Ref(r, codeCol)
		}
		u := campaign.Unit{Code: code, Name: code, Targets: map[string]float64{}, Baselines: map[string]float64{}}
		if nameCol >= 0 {
			if n := s.Text(r, nameCol); n != "" {
				u.Name = n
			}
		}
		if clusterCol >= 0 {
			u.Cluster = s.Text(r, clusterCol)
		}
		for i := range cols {
			tc := &cols[i]
			v, ok, cerr := numberAt(s, r, tc.col, tc.kpi.Percent())
			if cerr != nil {
				errs = append(errs, cerr)
				continue
			}
			if !ok {
				continue
			}
			if err := checkValue(s, r, tc.col, &tc.kpi, v); err != nil {
				errs = append(errs, err)
				continue
			}
			if tc.baseline {
				u.Baselines[tc.kpi.Code] = v
				continue
			}
			if tc.quarter > 0 {
				if u.Quarters == nil {
					u.Quarters = map[string][4]float64{}
				}
				q := u.Quarters[tc.kpi.Code]
				q[tc.quarter-1] = v
				u.Quarters[tc.kpi.Code] = q
				continue
			}
			if v == 0 && !tc.kpi.LowerIsBetter() {
				errs = append(errs, s.Err(r, tc.col, "chỉ tiêu %s bằng 0: không tính được tỷ lệ đạt", tc.kpi.Code))
				continue
			}
			u.Targets[tc.kpi.Code] = v
		}
		out.Units = append(out.Units, u)
	}
	if len(out.Units) == 0 && len(errs) == 0 {
		errs = append(errs, &CellError{File: s.Book.File, Sheet: s.Name, Msg: "không có đơn vị nào dưới dòng tiêu đề"})
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return out, nil
}

// maxValue and minValue bound every KPI value. No head-count, amount or
// rate comes near 10¹⁵ (Excel keeps 15 digits; the forms' validation stops
// there), nor between 0 and 10⁻¹⁰⁰: within them no attainment, projection
// or sum of a year's months can overflow, so no value reaches a score as
// infinite or NaN.
const (
	maxValue = 1e15
	minValue = 1e-100
)

// checkValue applies the range rules every KPI value obeys: finite and
// within maxValue and minValue, head-counts and amounts are not negative,
// percentages lie in 0–100.
func checkValue(s *Sheet, r, c int, k *campaign.KPI, v float64) *CellError {
	if math.IsNaN(v) || math.IsInf(v, 0) || math.Abs(v) > maxValue {
		return s.Err(r, c, "số %s của %s quá lớn (trên 10^15): kiểm tra lại ô — có thể là lỗi công thức hoặc dán nhầm", strconv.FormatFloat(v, 'g', 6, 64), k.Code)
	}
	if v != 0 && math.Abs(v) < minValue {
		return s.Err(r, c, "số %s của %s quá gần 0 (dưới 10^-100): gõ 0 nếu là không", strconv.FormatFloat(v, 'g', 6, 64), k.Code)
	}
	if k.Percent() {
		if v < 0 || v > 100 {
			return s.Err(r, c, "tỷ lệ %s%% của %s nằm ngoài khoảng 0–100", formatNum(v), k.Code)
		}
		return nil
	}
	if v < 0 {
		return s.Err(r, c, "giá trị âm %s không hợp lệ cho %s", formatNum(v), k.Code)
	}
	return nil
}

func formatNum(v float64) string {
	return strings.TrimRight(strings.TrimRight(fmt.Sprintf("%.6f", v), "0"), ".")
}

func hasNumbers(s *Sheet, r int, cols []targetCol) bool {
	for _, tc := range cols {
		if s.At(r, tc.col).Kind != Empty {
			return true
		}
	}
	return false
}

func isTotalRow(s *Sheet, r int) bool {
	for c := range s.Rows[r] {
		if s.At(r, c).Kind == Text && isTotalKey(s.Key(r, c)) {
			return true
		}
	}
	return false
}

// isTotalKey recognises the label of a total row ("Tổng cộng", "Cộng", "Total").
func isTotalKey(k string) bool {
	for _, p := range totalWords {
		if strings.HasPrefix(k, p) {
			return true
		}
	}
	return false
}

var totalWords = []string{"tong", "cong", "total", "toan tinh", "toan nganh"}

// isTotalASCII is isTotalKey of an ASCII text in any case ("TONG",
// "Total"), without folding it.
func isTotalASCII(s string) bool {
	for _, p := range totalWords {
		if len(s) >= len(p) && strings.EqualFold(s[:len(p)], p) {
			return true
		}
	}
	return false
}
