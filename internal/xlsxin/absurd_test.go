package xlsxin

import (
	"errors"
	"strings"
	"testing"

	"github.com/bhxh/kpi/internal/campaign"
)

// A number no KPI can have — one that would make a sum, a projection or an
// attainment overflow — is an error on its cell, in reports (either
// layout, after a unit conversion too) and in targets workbooks.
func TestAbsurdNumbersRefused(t *testing.T) {
	c := campaign.Default()
	reports := []struct{ name, spec, want string }{
		{"1e308 in a month cell", "sheet S\nrow 1: Mã chỉ tiêu | Trong tháng\nrow 2: thu | 1e308", "S!B2: số 1e+308 của thu quá lớn (trên 10^15)"},
		{"above the bound", "sheet S\nrow 1: Mã chỉ tiêu | Lũy kế\nrow 2: thu | 2000000000000000", "S!B2: số 2e+15 của thu quá lớn"},
		{"overflow by conversion", "sheet S\nrow 1: Mã chỉ tiêu | ĐVT | Trong tháng\nrow 2: thu | tỷ đồng | 1e306", "S!C2: số +Inf của thu quá lớn"},
		{"a denormal", "sheet S\nrow 1: Mã chỉ tiêu | Trong tháng\nrow 2: cham_dong | 5e-324", "S!B2: số 4.94066e-324 của cham_dong quá gần 0"},
		{"wide layout", "sheet S\nrow 1: Kỳ báo cáo: 03/2024\nrow 2: Mã ĐV | thu\nrow 3: H01 | 9e99", "S!B3: số 9e+99 của thu quá lớn"},
	}
	for _, tc := range reports {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ReadReport(openSpec(t, "x.xlsx", tc.spec), c)
			var es Errors
			if !errors.As(err, &es) || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error = %v, want a cell error %q", err, tc.want)
			}
		})
	}
	// the largest and smallest sensible values still go in
	b, err := ReadReport(openSpec(t, "x.xlsx", "sheet S\nrow 1: Mã chỉ tiêu | Trong tháng | Lũy kế\nrow 2: thu | 1e15 | 0.0000000000000000555"), c)
	if err != nil || len(b.Rows) != 1 || *b.Rows[0].Values[0].Month != 1e15 {
		t.Fatalf("bounds refused: %v", err)
	}
	targets := []struct{ name, spec, want string }{
		{"1e308 target", "sheet T\nrow 1: Mã đơn vị | thu\nrow 2: H01 | 1e308", "T!B2: số 1e+308 của thu quá lớn"},
		{"a tiny target", "sheet T\nrow 1: Mã đơn vị | bhyt\nrow 2: H01 | 1e-200", "T!B2: số 1e-200 của bhyt quá gần 0"},
		{"a tiny baseline", "sheet T\nrow 1: Mã đơn vị | cham_dong 2023\nrow 2: H01 | 1e-310", "T!B2: số 1e-310 của cham_dong quá gần 0"},
	}
	for _, tc := range targets {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ReadTargets(openSpec(t, "targets.xlsx", tc.spec), c)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error = %v, want %q", err, tc.want)
			}
		})
	}
}
