package store

import (
	"strings"
	"unicode/utf8"
)

// validText is s as every text column holds it: valid UTF-8 (a run of
// invalid bytes becomes U+FFFD) and without NUL (also U+FFFD), which
// some databases refuse in text. Text from workbooks and file names is
// stored this way whatever its source, so that a workspace can always be
// copied to any database (kpi migrate). Control characters are kept: they
// are valid text, and shown escaped wherever kpi prints.
func validText(s string) string {
	if isValidText(s) {
		return s
	}
	return strings.ReplaceAll(strings.ToValidUTF8(s, "\uFFFD"), "\x00", "\uFFFD")
}

func isValidText(s string) bool { return utf8.ValidString(s) && strings.IndexByte(s, 0) < 0 }

// textArgs applies validText to the text arguments of a statement, in
// place: every writing statement goes through it (writeTx, txExec). Text
// that is valid already is left in place (not boxed again).
func textArgs(args []any) []any {
	for i, a := range args {
		if s, ok := a.(string); ok && !isValidText(s) {
			args[i] = validText(s)
		}
	}
	return args
}
