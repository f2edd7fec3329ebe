package cli

import (
	"fmt"
	"runtime/debug"
)

// version says which kpi this is, from the build information Go records:
// the module version (a tag, or "(devel)" for a build from a checkout),
// the commit and its date, and whether the checkout had changes.
func version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "(không rõ)"
	}
	return versionOf(info)
}

func versionOf(info *debug.BuildInfo) string {
	v := info.Main.Version
	if v == "" || v == "(devel)" {
		v = "bản dựng từ mã nguồn"
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
			if len(when) >= 10 { // 2026-11-28T21:49:04Z → 28/11/2026
				when = when[8:10] + "/" + when[5:7] + "/" + when[:4]
			}
		case "vcs.modified":
			if s.Value == "true" {
				dirty = ", có sửa đổi chưa commit"
			}
		}
	}
	out := v
	if commit != "" {
		out += fmt.Sprintf(" (commit %s", commit)
		if when != "" {
			out += ", ngày " + when
		}
		out += dirty + ")"
	}
	return out + fmt.Sprintf("; %s", info.GoVersion)
}
