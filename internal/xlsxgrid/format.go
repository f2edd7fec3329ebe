package xlsxgrid

import "strings"

// builtinFormats are the number formats Excel knows by id without writing
// them into the workbook; only the ids that matter for reading are listed.
var builtinFormats = map[int]string{
	1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%", 11: "0.00E+00",
	14: "mm-dd-yy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 18: "h:mm AM/PM", 19: "h:mm:ss AM/PM",
	20: "h:mm", 21: "h:mm:ss", 22: "m/d/yy h:mm", 45: "mm:ss", 46: "[h]:mm:ss", 47: "mmss.0",
}

func init() {
	// locale-specific date formats (Chinese, Japanese, Korean, Thai builds)
	for _, id := range []int{27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58} {
		builtinFormats[id] = "yyyy-mm-dd"
	}
}

// formatLiteralFree removes quoted text, escaped characters and [..] blocks
// (colours, conditions, locales) from a number format code.
func formatLiteralFree(code string) string {
	var b strings.Builder
	inQuote, inBracket := false, false
	for i := 0; i < len(code); i++ {
		ch := code[i]
		switch {
		case inQuote:
			if ch == '"' {
				inQuote = false
			}
		case inBracket:
			if ch == ']' {
				inBracket = false
			}
		case ch == '"':
			inQuote = true
		case ch == '[':
			inBracket = true
		case ch == '\\' || ch == '_' || ch == '*':
			i++ // the next character is literal (or padding)
		default:
			b.WriteByte(ch)
		}
	}
	return b.String()
}

// IsPercentFormat reports whether a number format shows the value as a
// percentage (multiplied by 100 with a % sign).
func IsPercentFormat(code string) bool {
	return strings.Contains(formatLiteralFree(code), "%")
}

// IsDateFormat reports whether a number format shows the value as a date.
func IsDateFormat(code string) bool {
	s := strings.ToLower(formatLiteralFree(code))
	if s == "general" || strings.ContainsAny(s, "0#?") {
		return false
	}
	return strings.ContainsAny(s, "ydm")
}

// ZeroPadWidth returns n when the format is n zeros ("000"), the format Excel
// users give numeric codes so that 1 shows as 001; 0 otherwise.
func ZeroPadWidth(code string) int {
	if code == "" || strings.Trim(code, "0") != "" {
		return 0
	}
	return len(code)
}
