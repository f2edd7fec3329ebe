package numfmt

import "testing"

func TestNumber(t *testing.T) {
	cases := []struct {
		v    float64
		dec  int
		lang string
		want string
	}{
		{1234567.5, 1, "vi", "1.234.567,5"},
		{1234567.5, 1, "en", "1,234,567.5"},
		{108.44, 1, "vi", "108,4"},
		{999, 0, "vi", "999"},
		{1000, 0, "vi", "1.000"},
		{-1234.5, 2, "vi", "-1.234,50"},
		{-0.001, 1, "vi", "0,0"},
		{2.5, -1, "vi", "2,5"},
		{1e6, -1, "en", "1,000,000"},
	}
	for _, c := range cases {
		if got := Format(c.v, c.dec, c.lang); got != c.want {
			t.Errorf("Format(%v,%d,%s) = %q want %q", c.v, c.dec, c.lang, got, c.want)
		}
	}
}
