package cli

import (
	"io"
	"os"

	"golang.org/x/term"
)

// IOStreams are the command's standard streams. Commands never touch
// os.Stdout directly, so tests can capture what they print.
type IOStreams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer

	OutTTY, ErrTTY bool // the stream is a terminal
	NoColor        bool // NO_COLOR is set
}

// SystemIO returns the process's streams.
func SystemIO() *IOStreams {
	_, noColor := os.LookupEnv("NO_COLOR")
	return &IOStreams{
		In: os.Stdin, Out: os.Stdout, ErrOut: os.Stderr,
		OutTTY:  term.IsTerminal(int(os.Stdout.Fd())),
		ErrTTY:  term.IsTerminal(int(os.Stderr.Fd())),
		NoColor: noColor,
	}
}

// ColorOut reports whether colour may be written to Out.
func (s *IOStreams) ColorOut() bool { return s.OutTTY && !s.NoColor }
