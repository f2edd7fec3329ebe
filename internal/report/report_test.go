package report

import "testing"

func TestParsePeriod(t *testing.T) {
	good := map[string]Period{
		"03/2024":              {2024, 3},
		"3/2024":               {2024, 3},
		"2024-03":              {2024, 3},
		"Tháng 3/2024":         {2024, 3},
		"Tháng 03 năm 2024":    {2024, 3},
		"THÁNG 12 NĂM 2024":    {2024, 12},
		"T3/2024":              {2024, 3},
		"t11/2024":             {2024, 11},
		"Month 3 2024":         {2024, 3},
		"15/03/2024":           {2024, 3},
		"2024-03-15":           {2024, 3},
		"2024-03-15T00:00:00Z": {2024, 3},
		"2024-03-15T00:00:00":  {2024, 3},
		"2024-03-31 00:00:00":  {2024, 3},
		" 03 / 2024 ":          {2024, 3},
		"Kỳ báo cáo 3/2024":    {2024, 3},
	}
	for in, want := range good {
		got, err := ParsePeriod(in)
		if err != nil || got != want {
			t.Errorf("ParsePeriod(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, in := range []string{"", "13/2024", "0/2024", "2024", "tháng ba 2024", "03/24", "1/2/3/2024", "Quý 1/2024"} {
		if p, err := ParsePeriod(in); err == nil {
			t.Errorf("ParsePeriod(%q) = %v, want error", in, p)
		}
	}
}

func TestFromFileName(t *testing.T) {
	cases := []struct {
		name, unit string
		p          Period
		ok         bool
	}{
		{"H01_2024-03.xlsx", "H01", Period{2024, 3}, true},
		{"H01-2024-03.xlsx", "H01", Period{2024, 3}, true},
		{"h12_2024_11.xlsx", "h12", Period{2024, 11}, true},
		{"2024-03.xlsx", "", Period{2024, 3}, true},
		{"baocao.xlsx", "", Period{}, false},
		{"H01_2024-13.xlsx", "", Period{}, false},
	}
	for _, c := range cases {
		u, p, ok := FromFileName(c.name)
		if u != c.unit || p != c.p || ok != c.ok {
			t.Errorf("FromFileName(%q) = %q %v %v", c.name, u, p, ok)
		}
	}
}

func FuzzParsePeriod(f *testing.F) {
	for _, s := range []string{"03/2024", "Tháng 03 năm 2024", "T3/2024", "2024-03-15"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := ParsePeriod(s)
		if err == nil && (p.Month < 1 || p.Month > 12) {
			t.Fatalf("%q gave month %d", s, p.Month)
		}
	})
}
