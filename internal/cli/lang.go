package cli

import "strings"

// The language is chosen before the command tree is built, so that the
// help is in it: --lang on the command line, else KPI_LANG, else
// Vietnamese. The root's --lang flag then checks the value (an unknown
// language is a usage error) and sets IOStreams.Lang for the command.

// chooseLang is the language of args' --lang (--lang en, --lang=en), else
// of KPI_LANG, else vi; a value kpi does not know counts as none.
func chooseLang(args []string, getenv func(string) string) string {
	for i, a := range args {
		if a == "--" {
			break
		}
		v, ok := "", false
		switch {
		case a == "--lang" && i+1 < len(args):
			v, ok = args[i+1], true
		case strings.HasPrefix(a, "--lang="):
			v, ok = strings.TrimPrefix(a, "--lang="), true
		}
		if ok {
			if l, known := normLang(v); known {
				return l
			}
			return "vi"
		}
	}
	if l, known := normLang(envLang(getenv)); known {
		return l
	}
	return "vi"
}

// envLang is KPI_LANG (vi or en when kpi knows it, else as set), or vi
// when unset.
func envLang(getenv func(string) string) string {
	v := strings.TrimSpace(getenv("KPI_LANG"))
	if l, ok := normLang(v); ok {
		return l
	}
	if v != "" {
		return v
	}
	return "vi"
}

// normLang reads a language: vi or en, in any case, with a region or an
// encoding after it (en_US.UTF-8, vi-VN).
func normLang(s string) (string, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	if i := strings.IndexAny(s, "-_."); i >= 0 {
		s = s[:i]
	}
	switch s {
	case "vi", "en":
		return s, true
	}
	return "", false
}
