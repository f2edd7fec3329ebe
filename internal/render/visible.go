package render

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// Visible returns s with everything a terminal would act on rather than
// show written as a visible escape: the C0 control characters but tab and
// newline (ESC as \x1b, CR as \r, NUL as \x00), DEL and the C1 controls as
// \u007f … \u009f, and bytes that are not UTF-8 as \xff. Text from a
// workbook or a file name can then never clear the screen (ESC[2J),
// retitle the window (an OSC sequence) or hide what is printed after it.
// Escapes of DEL and C1 are also JSON's, so JSON stays valid.
func Visible(s string) string {
	i := firstHidden(s)
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	b.WriteString(s[:i])
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !hidden(r, n) {
			b.WriteString(s[i : i+n])
		} else {
			writeEscape(&b, s[i], r, n)
		}
		i += n
	}
	return b.String()
}

// firstHidden returns the index of the first byte Visible escapes, or -1.
func firstHidden(s string) int {
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c < 0x7f {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if hidden(r, n) {
			return i
		}
		i += n
	}
	return -1
}

// hidden reports whether the rune r, n bytes long as decoded, is one a
// terminal acts on (or a byte that is not UTF-8).
func hidden(r rune, n int) bool {
	switch {
	case r == utf8.RuneError && n == 1:
		return true
	case r == '\t' || r == '\n':
		return false
	case r < 0x20, r >= 0x7f && r <= 0x9f:
		return true
	}
	return false
}

func writeEscape(b *strings.Builder, c byte, r rune, n int) {
	switch {
	case r == utf8.RuneError && n == 1:
		fmt.Fprintf(b, `\x%02x`, c)
	case r == '\r':
		b.WriteString(`\r`)
	case r < 0x20:
		fmt.Fprintf(b, `\x%02x`, r)
	default:
		fmt.Fprintf(b, `\u%04x`, r)
	}
}

// VisibleWriter writes everything through Visible: the streams of the
// command line are wrapped in one, so that no message, error or table
// prints a workbook's control characters raw. A character split between
// two writes is kept until the next one; Flush writes what is left.
type VisibleWriter struct {
	w    io.Writer
	tail []byte // the start of a UTF-8 sequence, waiting for its end
}

// NewVisibleWriter returns a VisibleWriter onto w.
func NewVisibleWriter(w io.Writer) *VisibleWriter { return &VisibleWriter{w: w} }

// Write writes p with control characters and invalid bytes escaped.
func (v *VisibleWriter) Write(p []byte) (int, error) {
	s := string(p)
	if len(v.tail) > 0 {
		s = string(v.tail) + s
		v.tail = v.tail[:0]
	}
	// keep an incomplete UTF-8 sequence at the end for the next write
	if k := incompleteTail(s); k > 0 {
		v.tail = append(v.tail, s[len(s)-k:]...)
		s = s[:len(s)-k]
	}
	if _, err := io.WriteString(v.w, Visible(s)); err != nil {
		return 0, err
	}
	return len(p), nil
}

// Flush writes a pending incomplete character (as escapes: it will never
// be completed).
func (v *VisibleWriter) Flush() error {
	if len(v.tail) == 0 {
		return nil
	}
	s := Visible(string(v.tail))
	v.tail = v.tail[:0]
	_, err := io.WriteString(v.w, s)
	return err
}

// incompleteTail returns the length of a UTF-8 sequence begun at the end
// of s and not finished there (0 if none).
func incompleteTail(s string) int {
	for k := 1; k <= 3 && k <= len(s); k++ {
		c := s[len(s)-k]
		if c < 0x80 {
			return 0 // ASCII: nothing pending
		}
		if c >= 0xC0 { // a leading byte: how long should its sequence be?
			need := 2
			if c >= 0xE0 {
				need = 3
			}
			if c >= 0xF0 {
				need = 4
			}
			if need > k && !utf8.FullRuneInString(s[len(s)-k:]) {
				return k
			}
			return 0
		}
	}
	return 0
}
