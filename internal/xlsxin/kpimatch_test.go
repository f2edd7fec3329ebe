package xlsxin

import (
	"math/rand"
	"strings"
	"testing"
)

// stripEnum is enumRE's replacement, whatever the text: the labels of the
// forms, and random ones made of what enumerators are made of.
func TestStripEnumAsRegexp(t *testing.T) {
	texts := []string{"", "1. Số thu", "1.2.1 BHYT", "II. Thu", "a) Số người", "đ) x", "- BHTN", "– BHXH", "• thu", "+ a", "* b",
		"Số thu BHXH", "Trong đó: BHYT", "  3)  Hài lòng", "IV/ Tổng", "x-y", "12345678901234567890123456789. dài", "IIIIIIIIIIIIIIIIIIIIIIIIIIIIII) x",
		"a" + strings.Repeat(" ", 30) + ". x", "Tỷ lệ (%)", "1", "I", "a", " \t\n", "B03a-TS", "1 2 3"}
	rng := rand.New(rand.NewSource(3))
	parts := []string{"1", "2", ".", ")", "/", "-", "–", "•", "+", "*", "I", "V", "x", "a", "đ", " ", "\t", "Số", "thu", "(", "ư"}
	for n := 0; n < 20000; n++ {
		var b strings.Builder
		for k := rng.Intn(40); k > 0; k-- {
			b.WriteString(parts[rng.Intn(len(parts))])
		}
		texts = append(texts, b.String())
	}
	for _, s := range texts {
		if got, want := stripEnum(s), enumRE.ReplaceAllString(s, ""); got != want {
			t.Fatalf("stripEnum(%q) = %q, want %q", s, got, want)
		}
	}
}

// cutWord is strings.CutPrefix(key, prefix+" ").
func TestCutWord(t *testing.T) {
	for _, key := range []string{"", "thu", "thu ", "thu bhyt", "thubhyt", "so thu bhxh", "th", " thu"} {
		for _, prefix := range []string{"", "thu", "so thu", "th"} {
			wr, wok := strings.CutPrefix(key, prefix+" ")
			if !wok {
				wr = ""
			}
			if r, ok := cutWord(key, prefix); r != wr || ok != wok {
				t.Errorf("%q, %q: %q %v, want %q %v", key, prefix, r, ok, wr, wok)
			}
		}
	}
}
