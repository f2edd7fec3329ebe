package cli

import (
	"fmt"
	"strings"
	"testing"

	"github.com/bhxh/kpi/internal/importer"
	"github.com/bhxh/kpi/internal/store"
)

// A national sheet's result names the first reports it replaced and counts
// the rest, lists the warnings its result keeps and counts the others in
// the file's line and the total.
func TestImportResultOfManyUnits(t *testing.T) {
	r := importer.FileResult{File: "tonghop.xlsx", Status: importer.Replaced, ImportID: 2, Values: 7, MoreWarnings: 199_900}
	for i := 0; i < 200; i++ {
		r.Superseded = append(r.Superseded, store.Superseded{Unit: fmt.Sprintf("B%06d", i), Period: "2024-01", ImportID: 1})
	}
	for i := 0; i < importer.MaxWarnings; i++ {
		r.Warnings = append(r.Warnings, fmt.Sprintf("cảnh báo %d", i))
	}
	var out, errOut strings.Builder
	io := &IOStreams{Out: &out, ErrOut: &errOut, Width: 80, Lang: "vi"}
	printResult(io, r)
	_ = summarise(io, []importer.FileResult{r}, false)
	got := out.String() + errOut.String()
	for _, want := range []string{
		"200.000 cảnh báo", "thay thế báo cáo B000029 tháng 1/2024", "… và 170 báo cáo khác được thay (xem đủ: kpi history)",
		"cảnh báo: cảnh báo 99\n", "cảnh báo: … và 199.900 cảnh báo khác của tonghop.xlsx (không liệt kê)",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "B000030") {
		t.Errorf("the 31st replaced report is named:\n%s", got)
	}
}
