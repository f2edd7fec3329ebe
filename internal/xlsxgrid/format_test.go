package xlsxgrid

import (
	"testing"

	"github.com/xuri/excelize/v2"
)

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

// Ref writes what excelize writes, in and out of Excel's sheet.
func TestRef(t *testing.T) {
	for _, rc := range [][2]int{{0, 0}, {8, 3}, {0, 25}, {0, 26}, {0, 27}, {0, 51}, {0, 52}, {0, 701}, {0, 702}, {0, 703}, {1048575, 16383}, {123456, 12345}} {
		want, err := excelize.CoordinatesToCellName(rc[1]+1, rc[0]+1)
		if err != nil {
			t.Fatal(err)
		}
		if got := Ref(rc[0], rc[1]); got != want {
			t.Errorf("Ref(%d, %d) = %q, want %q", rc[0], rc[1], got, want)
		}
	}
	for c := 0; c < maxCols; c++ {
		want, _ := excelize.CoordinatesToCellName(c+1, 7)
		if got := Ref(6, c); got != want {
			t.Fatalf("Ref(6, %d) = %q, want %q", c, got, want)
		}
	}
	if got := Ref(maxRows, 0); got != "R1048577C1" {
		t.Errorf("beyond the sheet: %q", got)
	}
}

// SheetRef is the sheet's name, '!' and Ref.
func TestSheetRef(t *testing.T) {
	for _, rc := range [][2]int{{0, 0}, {9, 27}, {1048575, 16383}, {-1, 3}, {5, 20000}} {
		if got, want := SheetRef("Báo cáo", rc[0], rc[1]), "Báo cáo!"+Ref(rc[0], rc[1]); got != want {
			t.Errorf("%v: %q, want %q", rc, got, want)
		}
	}
}
