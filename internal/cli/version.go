package cli

import (
	"fmt"
	"runtime/debug"
	"time"

	"github.com/bhxh/kpi/internal/i18n"
)

// version says which kpi this is, from the build information Go records:
// the module version (a tag, or "(devel)" for a build from a checkout),
// the commit and its date, and whether the checkout had changes.
func version(lang string) string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return i18n.T(lang, i18n.VersionUnknown)
	}
	return versionOf(info, lang)
}

func versionOf(info *debug.BuildInfo, lang string) string {
	v := info.Main.Version
	if v == "" || v == "(devel)" {
		v = i18n.T(lang, i18n.VersionDevel)
	}
	var commit, when, dirty string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			commit = s.Value
			if len(commit) > 12 {
				commit = commit[:12]
			}
		case "vcs.time":
			when = s.Value
			if t, err := time.Parse(time.RFC3339, when); err == nil { // 2026-11-28T21:49:04Z → 28/11/2026
				when = i18n.Date(t, lang)
			}
		case "vcs.modified":
			if s.Value == "true" {
				dirty = i18n.T(lang, i18n.VersionDirty)
			}
		}
	}
	out := v
	if commit != "" {
		out += fmt.Sprintf(" (commit %s", commit)
		if when != "" {
			out += i18n.T(lang, i18n.VersionDate, when)
		}
		out += dirty + ")"
	}
	return out + fmt.Sprintf("; %s", info.GoVersion)
}
