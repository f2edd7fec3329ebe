package store

import (
	"encoding/json"
	"math"
	"math/rand"
	"reflect"
	"testing"

	"github.com/bhxh/kpi/internal/report"
)

// jsonValues reads a values column with encoding/json alone.
func jsonValues(s string, cells bool) ([]report.Value, error) {
	var in []storedValue
	if err := json.Unmarshal([]byte(s), &in); err != nil {
		return nil, err
	}
	out := []report.Value{}
	for _, v := range in {
		v2 := report.Value{KPI: v.KPI, Month: v.Month, YTD: v.YTD}
		if cells {
			v2.MonthCell, v2.YTDCell, v2.Unit = v.MonthCell, v.YTDCell, v.Unit
		}
		out = append(out, v2)
	}
	return out, nil
}

// sameValues compares two readings, figures by value.
func sameValues(t *testing.T, col string, got, want []report.Value, gotErr, wantErr error) {
	t.Helper()
	if (gotErr != nil) != (wantErr != nil) {
		t.Fatalf("%q: error %v, encoding/json says %v", col, gotErr, wantErr)
	}
	if wantErr != nil {
		return
	}
	if len(got) != len(want) {
		t.Fatalf("%q: %d values, encoding/json reads %d", col, len(got), len(want))
	}
	fig := func(p *float64) any {
		if p == nil {
			return nil
		}
		return math.Float64bits(*p)
	}
	for i := range got {
		g, w := got[i], want[i]
		if fig(g.Month) != fig(w.Month) || fig(g.YTD) != fig(w.YTD) {
			t.Fatalf("%q: value %d figures %v/%v, encoding/json reads %v/%v", col, i, fig(g.Month), fig(g.YTD), fig(w.Month), fig(w.YTD))
		}
		g.Month, g.YTD, w.Month, w.YTD = nil, nil, nil, nil
		if !reflect.DeepEqual(g, w) {
			t.Fatalf("%q: value %d is %+v, encoding/json reads %+v", col, i, g, w)
		}
	}
}

// The fast reader of the values column reads what encoding/json reads,
// for every column encodeValues writes and for columns it does not.
func TestValuesReaderAsEncodingJSON(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	texts := []string{"", "B03a!D5", "H10_b03a.xlsx › B03a!F20", `a"b\c`, "<&>", "\u2028", "tab\there", "triệu đồng", "\x00nul", "\xff bad", "đồng"}
	nums := []float64{0, -0.0, 1, -1.5, 1e-300, 5e-324, 1e15, 123456.789, math.Pi, 0.1, 2.5e10}
	for n := 0; n < 2000; n++ {
		var vs []report.Value
		for k := rng.Intn(9); k > 0; k-- {
			v := report.Value{KPI: texts[rng.Intn(len(texts))]}
			if rng.Intn(3) > 0 {
				f := nums[rng.Intn(len(nums))] * float64(rng.Intn(1000)+1)
				v.Month = &f
			}
			if rng.Intn(3) > 0 {
				f := nums[rng.Intn(len(nums))] / float64(rng.Intn(7)+1)
				v.YTD = &f
			}
			v.MonthCell, v.YTDCell, v.Unit = texts[rng.Intn(len(texts))], texts[rng.Intn(len(texts))], texts[rng.Intn(len(texts))]
			vs = append(vs, v)
		}
		col, err := encodeValues(vs)
		if err != nil {
			t.Fatal(err)
		}
		for _, cells := range []bool{true, false} {
			d := valueReader{cells: cells}
			got, gotErr := d.values(col, nil)
			want, wantErr := jsonValues(col, cells)
			sameValues(t, col, got, want, gotErr, wantErr)
		}
	}
	for _, col := range []string{
		`[]`, ` [ ] `, `[{}]`, `[{"k":"thu"}]`, `[{"k":"thu","m":null,"y":1}]`, "[\n {\"k\" : \"thu\" , \"m\" : 1e3 }\n]",
		`[{"k":"thu","m":1,"m":2}]`, `[{"K":"thu","M":1}]`, `[{"k":"thu","x":1}]`, `[{"k":"th\u0075","mc":"a\"b"}]`,
		`[{"k":"thu","m":01}]`, `[{"k":"thu","m":1.}]`, `[{"k":"thu","m":-}]`, `[{"k":"thu","m":1e400}]`, `[{"k":"thu","m":"1"}]`,
		`[{"k":"thu"},]`, `[{"k":"thu"}`, `[{"k":"thu"}] x`, `{"k":"thu"}`, ``, `null`, `[null]`, `[{"k":null}]`, `[{"k":true}]`,
		`[{"k":"thu","m":-0.0e-0}]`, `[{"k":"thu","m":1E+2,"y":-12.5e-3}]`, "[{\"k\":\"th\x01u\"}]",
	} {
		d := valueReader{cells: true}
		got, gotErr := d.values(col, nil)
		want, wantErr := jsonValues(col, true)
		sameValues(t, col, got, want, gotErr, wantErr)
	}
}

// FuzzValuesReader: whatever the column holds, the fast reader and
// encoding/json agree.
func FuzzValuesReader(f *testing.F) {
	f.Add(`[{"k":"thu","m":1,"y":2,"mc":"S!B2","yc":"S!C2","u":"đồng"}]`)
	f.Add(`[{"k":"bhyt","m":12.5}]`)
	f.Fuzz(func(t *testing.T, col string) {
		d := valueReader{cells: true}
		got, gotErr := d.values(col, nil)
		want, wantErr := jsonValues(col, true)
		sameValues(t, col, got, want, gotErr, wantErr)
	})
}

// marshalValues is how the values column was written before appendValues:
// encoding/json.
func marshalValues(vs []report.Value) (string, error) {
	out := make([]storedValue, len(vs))
	for i, v := range vs {
		out[i] = storedValue{v.KPI, v.Month, v.YTD, v.MonthCell, v.YTDCell, v.Unit}
	}
	b, err := json.Marshal(out)
	return string(b), err
}

// appendValues writes the values column byte for byte as encoding/json.
func TestAppendValuesAsEncodingJSON(t *testing.T) {
	rng := rand.New(rand.NewSource(2))
	texts := []string{"", "thu", "B03a!D5", "H10_b03a.xlsx › B03a!F20", `a"b\c`, "<&>", "\u2028x", "x\u2029", "tab\there", "triệu đồng", "\x00nul", "\xff bad", "é\xc3", "\x7f", "đồng\n"}
	nums := []float64{0, math.Copysign(0, -1), 1, -1.5, 80987, -42, 999999999999999, 123456789012, 1e-300, 5e-324, 1e-6, 9.99e-7, 1e15, 1e20, 1e21, 123456.789, math.Pi, 0.1, 2.5e10, -1e-7, math.MaxFloat64}
	check := func(vs []report.Value) {
		t.Helper()
		want, werr := marshalValues(vs)
		got, gerr := encodeValues(vs)
		if got != want || (gerr != nil) != (werr != nil) {
			t.Fatalf("%+v:\n got %s (%v)\nwant %s (%v)", vs, got, gerr, want, werr)
		}
	}
	check(nil)
	check([]report.Value{})
	var reports []report.Report // encoded together too (encodeReports)
	for n := 0; n < 5000; n++ {
		var vs []report.Value
		for k := rng.Intn(9); k > 0; k-- {
			v := report.Value{KPI: texts[rng.Intn(len(texts))]}
			if rng.Intn(3) > 0 {
				f := nums[rng.Intn(len(nums))]
				if rng.Intn(2) == 0 {
					f *= rng.Float64() * 1000
				}
				v.Month = &f
			}
			if rng.Intn(3) > 0 {
				f := nums[rng.Intn(len(nums))] / float64(rng.Intn(7)+1)
				v.YTD = &f
			}
			v.MonthCell, v.YTDCell, v.Unit = texts[rng.Intn(len(texts))], texts[rng.Intn(len(texts))], texts[rng.Intn(len(texts))]
			vs = append(vs, v)
		}
		check(vs)
		if _, err := encodeValues(vs); err == nil {
			reports = append(reports, report.Report{Values: vs})
		}
	}
	bad := math.Inf(1)
	for _, n := range []int{0, 1, 2, 700, len(reports)} {
		got, err := encodeReports(reports[:n])
		if err != nil || len(got) != n {
			t.Fatalf("%d reports: %d texts, %v", n, len(got), err)
		}
		for i, r := range reports[:n] {
			if want, _ := encodeValues(r.Values); got[i] != want {
				t.Fatalf("report %d of %d: %s, want %s", i, n, got[i], want)
			}
		}
	}
	if _, err := encodeReports(append(reports[:2:2], report.Report{Values: []report.Value{{KPI: "thu", YTD: &bad}}})); err == nil {
		t.Error("an infinite figure encoded")
	}
	inf, nan := math.Inf(1), math.NaN()
	for _, f := range []*float64{&inf, &nan} {
		if _, err := encodeValues([]report.Value{{KPI: "thu", Month: f}}); err == nil {
			t.Errorf("%v encoded", *f)
		}
	}
}

// FuzzAppendValues: any text and figure is written as encoding/json writes it.
func FuzzAppendValues(f *testing.F) {
	f.Add("thu", 1.5, "S!B2", "đồng")
	f.Fuzz(func(t *testing.T, kpi string, x float64, cell, unit string) {
		if math.IsInf(x, 0) || math.IsNaN(x) {
			return
		}
		vs := []report.Value{{KPI: kpi, Month: &x, YTD: &x, MonthCell: cell, YTDCell: unit, Unit: unit}}
		want, _ := marshalValues(vs)
		if got, _ := encodeValues(vs); got != want {
			t.Fatalf("got %s, want %s", got, want)
		}
	})
}

// appendText writes every byte, alone and among letters, as encoding/json.
func TestAppendTextEveryByte(t *testing.T) {
	for c := 0; c < 256; c++ {
		for _, s := range []string{string([]byte{byte(c)}), "a" + string([]byte{byte(c)}) + "b", "đ" + string([]byte{byte(c)})} {
			want, werr := json.Marshal(s)
			got, gerr := appendText(nil, s)
			if string(got) != string(want) || (werr != nil) != (gerr != nil) {
				t.Errorf("%q: %s, want %s", s, got, want)
			}
		}
	}
}
