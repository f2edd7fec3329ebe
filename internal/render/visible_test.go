package render

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/bhxh/kpi/internal/view"
)

// What a hostile workbook puts in a unit's name: a screen clear, a window
// title (OSC … BEL), a carriage return that hides what came before, the
// C1 CSI, DEL, a NUL and bytes that are not UTF-8.
const hostile = "Huyện \x1b[2J\x1b]0;pwned\x07 A\rB \u009b31m \x7f\x00 \xff\xe7n"

func TestVisible(t *testing.T) {
	for in, want := range map[string]string{
		"Huyện Duy Tiên":     "Huyện Duy Tiên",
		"a\tb\nc":            "a\tb\nc",
		"\x1b[2J":            `\x1b[2J`,
		"\x1b]0;pwned\x07":   `\x1b]0;pwned\x07`,
		"A\rB":               `A\rB`,
		"\u009b31m":          `\u009b31m`,
		"\x7f\x00":           `\u007f\x00`,
		"Huy\xe7n \xff":      `Huy\xe7n \xff`,
		"đ\x1b":              `đ\x1b`,
		"\u00a0nbsp is text": "\u00a0nbsp is text",
	} {
		if got := Visible(in); got != want {
			t.Errorf("Visible(%q) = %q, want %q", in, got, want)
		}
	}
	got := Visible(hostile)
	if strings.ContainsAny(got, "\x1b\x07\r\x00\x7f\u009b") || !utf8.ValidString(got) {
		t.Errorf("Visible(hostile) = %q: still acts on a terminal", got)
	}
}

// The writer escapes across writes, and keeps a character split between
// two writes whole; what it writes into JSON stays valid JSON.
func TestVisibleWriter(t *testing.T) {
	var b bytes.Buffer
	w := NewVisibleWriter(&b)
	in := []byte("Tiên \x1b[2J Lý\u009b")
	for i := range in { // one byte at a time: every rune is split
		if n, err := w.Write(in[i : i+1]); n != 1 || err != nil {
			t.Fatalf("write = %d, %v", n, err)
		}
	}
	w.Write([]byte("\xe1")) // begun, never finished
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if want := `Tiên \x1b[2J Lý\u009b\xe1`; b.String() != want {
		t.Errorf("wrote %q, want %q", b.String(), want)
	}

	b.Reset()
	if err := JSON(NewVisibleWriter(&b), map[string]string{"name": hostile}); err != nil {
		t.Fatal(err)
	}
	var back map[string]string
	if err := json.Unmarshal(b.Bytes(), &back); err != nil || strings.ContainsAny(b.String(), "\x1b\x07\r\x7f\u009b") {
		t.Fatalf("JSON through the writer: %q (%v)", b.String(), err)
	}
}

// Tables, Markdown and titles show a workbook's text escaped; a painted
// cell keeps kpi's own colour codes and escapes the text inside them.
func TestTablesShowControlsEscaped(t *testing.T) {
	tb := &Table{Headers: []string{"Mã", "Tên " + hostile}, Rows: [][]any{{"H01", hostile}}}
	for _, format := range []string{"table", "markdown"} {
		var b bytes.Buffer
		if err := tb.Write(&b, format); err != nil {
			t.Fatal(err)
		}
		if strings.ContainsAny(b.String(), "\x1b\x07\r\x00\x7f\u009b") || !utf8.ValidString(b.String()) {
			t.Errorf("%s: %q", format, b.String())
		}
		if !strings.Contains(b.String(), `\x1b[2J`) {
			t.Errorf("%s: the escape is not shown: %q", format, b.String())
		}
	}
	v := &view.Table{Columns: []view.Column{{Label: "Tên", Kind: view.Text, In: view.All}},
		Rows: [][]view.Cell{{{Text: "\x1b[2J", Mark: view.Good}}}}
	var b bytes.Buffer
	paint := func(m view.Mark, s string) string { return "\x1b[32m" + s + "\x1b[0m" }
	if err := View(&b, v, "table", Options{Paint: paint}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "\x1b[32m\\x1b[2J\x1b[0m") {
		t.Errorf("painted cell: %q", b.String())
	}
}
