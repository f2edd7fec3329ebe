package cli

import (
	"bufio"
	"fmt"
	"io"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/bhxh/kpi/internal/i18n"
)

// The terminal on Windows needs three things Linux and macOS give for
// free; each is a hook here, set by console_windows.go:
//   - consoleSetup switches cmd.exe and PowerShell 5.1 to UTF-8 output and
//     escape-sequence processing (Vietnamese text, box-drawing tables,
//     colour) and returns how to restore them on exit;
//   - doubleClicked reports that kpi was started from Explorer, with no
//     console of its own to type in;
//   - the shell does not expand wildcards: kpi expands them itself.
var (
	consoleSetup    = func() (restore func()) { return func() {} }
	doubleClicked   = func() bool { return false }
	expandWildcards = runtime.GOOS == "windows"
)

// expandArgs expands the wildcards (* ? [) of arguments that are not
// flags, as a Unix shell would: each pattern becomes the files it matches,
// sorted; a pattern that matches nothing stays as written, so the command
// says it found no such file. A flag's value (--db *.db) is never
// expanded.
func expandArgs(args []string, glob func(string) ([]string, error)) []string {
	out := make([]string, 0, len(args))
	afterFlag := false
	for _, a := range args {
		isFlag := strings.HasPrefix(a, "-") && a != "-"
		switch {
		case isFlag:
			out = append(out, a)
			afterFlag = !strings.Contains(a, "=") && takesValue(a)
			continue
		case afterFlag:
			out = append(out, a)
			afterFlag = false
			continue
		}
		if !strings.ContainsAny(a, "*?[") {
			out = append(out, a)
			continue
		}
		matches, err := glob(a)
		if err != nil || len(matches) == 0 {
			out = append(out, a)
			continue
		}
		out = append(out, matches...)
	}
	return out
}

// takesValue reports whether a long flag written without "=" takes the
// next argument as its value: the boolean flags of kpi do not.
func takesValue(flag string) bool {
	switch strings.TrimLeft(flag, "-") {
	case "dry-run", "force", "prior-year", "projected", "empty", "all-units", "big-rows", "help", "h", "version", "wide":
		return false
	}
	return true
}

// globFiles is filepath.Glob for expandArgs.
func globFiles(pattern string) ([]string, error) { return filepath.Glob(pattern) }

// explorerHelp is what kpi says when started by a double-click: it is a
// command to type in a console, and how; then it waits for Enter, so the
// window does not vanish before it is read.
func explorerHelp(out io.Writer, in io.Reader, lang string) {
	fmt.Fprint(out, i18n.T(lang, i18n.DoubleClicked))
	bufio.NewReader(in).ReadString('\n')
}
