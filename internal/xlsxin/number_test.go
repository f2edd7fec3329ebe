package xlsxin

import "testing"

func TestParseText(t *testing.T) {
	cases := []struct {
		in      string
		percent bool
		want    float64
		present bool
		bad     bool
	}{
		{"1.234.567", false, 1234567, true, false},
		{"1.234,5", false, 1234.5, true, false},
		{"85,3", false, 85.3, true, false},
		{"1,234,567.5", false, 1234567.5, true, false},
		{"1,234,567", false, 1234567, true, false},
		{"1.234", false, 1234, true, false},
		{"1,234", false, 1234, true, false},
		{"0,500", false, 0.5, true, false},
		{"1234.567", false, 1234.567, true, false},
		{"12,34", false, 12.34, true, false},
		{" 1 234 567 ", false, 1234567, true, false},
		{"\u00a01.234.567\u00a0", false, 1234567, true, false},
		{"85,3%", true, 85.3, true, false},
		{"85,3 %", true, 85.3, true, false},
		{"85,3%", false, 0, false, true},
		{"-12", false, -12, true, false},
		{"+12", false, 12, true, false},
		{"42", false, 42, true, false},
		{",5", false, 0.5, true, false},
		{"", false, 0, false, false},
		{"-", false, 0, false, false},
		{"—", false, 0, false, false},
		{"x", false, 0, false, false},
		{"X", false, 0, false, false},
		{"N/A", false, 0, false, false},
		{"mười", false, 0, false, true},
		{"12a", false, 0, false, true},
		{"1.23.456", false, 0, false, true},
		{"1,2345,678", false, 0, false, true},
		{"1.234,567,8", false, 0, false, true},
		{"1,234.567.8", false, 0, false, true},
		{".", false, 0, false, true},
		{"%", true, 0, false, true},
	}
	for _, c := range cases {
		got, present, err := ParseText(c.in, c.percent)
		if (err != nil) != c.bad || present != c.present || got != c.want {
			t.Errorf("ParseText(%q, %v) = %v, %v, %v; want %v, %v, bad=%v", c.in, c.percent, got, present, err, c.want, c.present, c.bad)
		}
	}
}

func FuzzParseText(f *testing.F) {
	for _, s := range []string{"1.234.567", "1,234.5", "85,3%", "-", "0,500", "1.2.3"} {
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, s string, percent bool) {
		v, present, err := ParseText(s, percent)
		if err != nil && present {
			t.Fatalf("error and present for %q", s)
		}
		if !present && v != 0 {
			t.Fatalf("absent value %v for %q", v, s)
		}
	})
}
