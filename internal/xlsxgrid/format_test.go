package xlsxgrid

import "testing"

func TestFormats(t *testing.T) {
	for code, want := range map[string][3]bool{ // percent, date, zero-pad
		"0%":                {true, false, false},
		"0.0%":              {true, false, false},
		`0.0"%"`:            {false, false, false},
		"#,##0":             {false, false, false},
		"dd/mm/yyyy":        {false, true, false},
		"mm-yy":             {false, true, false},
		"[$-42A]mmmm yyyy":  {false, true, false},
		"General":           {false, false, false},
		"000":               {false, false, true},
		`"Tháng "0`:         {false, false, false},
		"#,##0.00;[Red]-0%": {true, false, false},
	} {
		got := [3]bool{IsPercentFormat(code), IsDateFormat(code), ZeroPadWidth(code) > 0}
		if got != want {
			t.Errorf("%q: percent,date,pad = %v, want %v", code, got, want)
		}
	}
}
