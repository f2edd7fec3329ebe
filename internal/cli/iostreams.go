package cli

import (
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/bhxh/kpi/internal/i18n"
	"github.com/bhxh/kpi/internal/numfmt"
	"github.com/bhxh/kpi/internal/render"
	"github.com/bhxh/kpi/internal/view"
	"golang.org/x/term"
)

// IOStreams are the command's standard streams. Commands never touch
// os.Stdout directly, so tests can capture what they print; and they never
// write colour themselves: they ask the streams (ColorEnabled,
// ColorScheme), which know whether Out is a terminal and NO_COLOR is unset.
// Main makes Out and ErrOut show control characters escaped (see
// visible): the one place where kpi's text meets the terminal.
type IOStreams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer

	OutTTY, ErrTTY bool // the stream is a terminal
	NoColor        bool // NO_COLOR is set
	// Lang is the language of the person reading the streams: "vi" (also
	// when empty) or "en", from --lang or KPI_LANG. Every word kpi prints
	// or writes — help, messages, errors, tables, exports — is in it.
	Lang string
	// Width is the screen's width in columns, which terminal tables fit:
	// $COLUMNS, else the terminal's, else 80 (piped); 0: no limit. Wide
	// (--wide) prints tables whole whatever the width.
	Width int
	Wide  bool

	rawOut, rawErr io.Writer // the streams before visible
}

// visible wraps Out and ErrOut so that everything printed — messages,
// errors, warnings, tables, CSV and JSON — shows control characters and
// bytes that are not UTF-8 escaped (render.Visible): a file name or a
// workbook's text can never act on the terminal. It returns the flush to
// run when the command ends.
func (s *IOStreams) visible() (flush func()) {
	if s.rawOut != nil {
		return func() {}
	}
	out, errOut := render.NewVisibleWriter(s.Out), render.NewVisibleWriter(s.ErrOut)
	s.rawOut, s.rawErr = s.Out, s.ErrOut
	s.Out, s.ErrOut = out, errOut
	return func() {
		out.Flush()
		errOut.Flush()
	}
}

// colorOut is Out without visible's escaping, for a table render has made
// visible and coloured itself.
func (s *IOStreams) colorOut() io.Writer {
	if s.rawOut != nil {
		return s.rawOut
	}
	return s.Out
}

// barOut is ErrOut without visible's escaping, for the progress bar (which
// draws with carriage returns and prints no workbook text).
func (s *IOStreams) barOut() io.Writer {
	if s.rawErr != nil {
		return s.rawErr
	}
	return s.ErrOut
}

// tell writes the catalogue's sentence key, with its arguments, on w in
// the streams' language.
func (s *IOStreams) tell(w io.Writer, key i18n.Key, args ...any) {
	fmt.Fprintln(w, i18n.T(s.Lang, key, args...))
}

// maxListed is how many lines of one kind a command prints of a file's
// (the reports it replaced, the targets it changed): a national workbook
// has 200,000 units, kpi history and kpi log have them all.
const maxListed = 30

// tellFirst prints the first maxListed of n lines (line i), then a line
// (more) saying how many more there are.
func (s *IOStreams) tellFirst(w io.Writer, n int, line func(i int), more i18n.Key) {
	for i := range min(n, maxListed) {
		line(i)
	}
	if n > maxListed {
		s.tell(w, more, count(n-maxListed, s.Lang))
	}
}

// count writes a count for people: 200.000 (vi), 200,000 (en).
func count(n int, lang string) string { return numfmt.Format(float64(n), 0, lang) }

// SystemIO returns the process's streams.
func SystemIO() *IOStreams {
	_, noColor := os.LookupEnv("NO_COLOR")
	outTTY := term.IsTerminal(int(os.Stdout.Fd()))
	return &IOStreams{
		In: os.Stdin, Out: os.Stdout, ErrOut: os.Stderr,
		OutTTY:  outTTY,
		ErrTTY:  term.IsTerminal(int(os.Stderr.Fd())),
		NoColor: noColor,
		Width:   screenWidth(os.Getenv("COLUMNS"), outTTY, func() (int, error) { w, _, err := term.GetSize(int(os.Stdout.Fd())); return w, err }),
	}
}

// screenWidth is the width tables fit: $COLUMNS when it is a number, else
// the terminal's (less lastColumn), else 80 — the width of a console, and
// of what is piped to a file or a mail.
func screenWidth(columns string, tty bool, size func() (int, error)) int {
	if n, err := strconv.Atoi(strings.TrimSpace(columns)); err == nil && n > 0 {
		return n
	}
	if tty {
		if w, err := size(); err == nil && w > lastColumn {
			return w - lastColumn
		}
	}
	return 80
}

// lastColumn is how many columns at the right of a terminal a table
// leaves empty: 1 on Windows, whose console moves to the next line after
// writing the last column (a full line would be followed by an empty
// one); console_windows.go sets it.
var lastColumn = 0

// TableWidth is the width terminal tables fit: Width, or 0 (no limit)
// under --wide.
func (s *IOStreams) TableWidth() int {
	if s.Wide {
		return 0
	}
	return s.Width
}

// Screen is how render shows a terminal table on Out: fitted to
// TableWidth, uncoloured.
func (s *IOStreams) Screen() render.Options { return render.Options{Width: s.TableWidth()} }

// ColorEnabled reports whether colour may be written to Out: it is a
// terminal and NO_COLOR is unset.
func (s *IOStreams) ColorEnabled() bool { return s.OutTTY && !s.NoColor }

// ColorScheme returns the colours of Out: none unless ColorEnabled.
func (s *IOStreams) ColorScheme() *ColorScheme { return &ColorScheme{Enabled: s.ColorEnabled()} }

// ColorScheme writes colour escape codes, when enabled; otherwise it
// leaves text as it is.
type ColorScheme struct{ Enabled bool }

func (cs *ColorScheme) wrap(code, s string) string {
	if !cs.Enabled {
		return s
	}
	return "\x1b[" + code + "m" + s + "\x1b[0m"
}

// Green is for what went well (a KPI attained).
func (cs *ColorScheme) Green(s string) string { return cs.wrap("32", s) }

// Red is for what lags (a KPI below the on-track line).
func (cs *ColorScheme) Red(s string) string { return cs.wrap("31", s) }

// Mark colours a view's marked cell: green when attained, red when behind.
func (cs *ColorScheme) Mark(m view.Mark, s string) string {
	switch m {
	case view.Good:
		return cs.Green(s)
	case view.Behind:
		return cs.Red(s)
	}
	return s
}

// Paint is the painter for render: nil when colour is off.
func (cs *ColorScheme) Paint() render.Paint {
	if !cs.Enabled {
		return nil
	}
	return cs.Mark
}
