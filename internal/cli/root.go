// Package cli holds kpi's cobra commands. Each command is a constructor,
// NewCmdX(f, runF), that binds its flags to the fields of an options struct
// (XOptions, which also holds what the command depends on: the streams, the
// workspace, the clock), checks what the flags alone can check, and calls
// runF — in tests of the flags — or its run function, xRun, which uses the
// domain packages and prints to the streams. Commands ask the streams
// whether to colour (IOStreams.ColorScheme); nothing here computes or
// stores.
package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"runtime/pprof"
	"strings"
	"time"

	"github.com/bhxh/kpi/internal/i18n"
	"github.com/spf13/cobra"
)

// Exit codes.
const (
	ExitOK    = 0
	ExitError = 1 // the command failed (or, for import, some file failed)
	ExitUsage = 2 // wrong flags or arguments
	// ExitInterrupted: stopped by Ctrl-C (128 + SIGINT), after the current file.
	ExitInterrupted = 130
)

// exitError ends the command with a given exit code, its message already
// printed.
type exitError struct{ code int }

func (e exitError) Error() string { return fmt.Sprintf("exit %d", e.code) }

// usageError marks a wrong flag or argument (exit status 2).
type usageError struct{ error }

func (u usageError) Unwrap() error { return u.error }

// errSilent marks an error whose explanation was already printed.
var errSilent = errors.New("failed")

// NewRootCmd builds the kpi command tree, its help in the language of
// f.IO.Lang (Main sets it from --lang or KPI_LANG before building).
func NewRootCmd(f *Factory) *cobra.Command {
	words := f.IO.Lang
	root := &cobra.Command{
		Use:           "kpi",
		SilenceUsage:  true,
		SilenceErrors: true,
		Version:       version(words),
	}
	root.SetVersionTemplate("kpi {{.Version}}\n")
	root.Flags().Bool("version", false, "")
	root.PersistentFlags().StringVar(&f.dbFlag, "db", "", "")
	root.PersistentFlags().StringVar(&f.langFlag, "lang", envLang(f.Getenv), "")
	root.PersistentFlags().BoolVar(&f.IO.Wide, "wide", false, "")
	var cpuProfile string
	root.PersistentFlags().StringVar(&cpuProfile, "cpuprofile", "", "write a CPU profile to this file (for developers)")
	_ = root.PersistentFlags().MarkHidden("cpuprofile")
	var memProfile string
	root.PersistentFlags().StringVar(&memProfile, "memprofile", "", "write an allocation profile to this file (for developers)")
	_ = root.PersistentFlags().MarkHidden("memprofile")
	var stopProfile func()
	root.PersistentPreRunE = func(cmd *cobra.Command, args []string) error {
		lang, ok := normLang(f.langFlag)
		if !ok {
			return usageError{i18n.Errorf(i18n.UnknownLang, f.langFlag)}
		}
		f.IO.Lang = lang
		if cpuProfile == "" {
			return nil
		}
		fh, err := os.Create(cpuProfile)
		if err != nil {
			return err
		}
		if err := pprof.StartCPUProfile(fh); err != nil {
			fh.Close()
			return err
		}
		stopProfile = func() { pprof.StopCPUProfile(); fh.Close() }
		return nil
	}
	root.PersistentPostRun = func(cmd *cobra.Command, args []string) {
		if stopProfile != nil {
			stopProfile()
		}
		if memProfile != "" {
			if fh, err := os.Create(memProfile); err == nil {
				_ = pprof.Lookup("allocs").WriteTo(fh, 0)
				fh.Close()
			}
		}
	}
	root.SetOut(f.IO.Out)
	root.SetErr(f.IO.ErrOut)
	root.SetFlagErrorFunc(flagError)
	root.AddCommand(
		NewCmdInit(f, nil),
		NewCmdCampaign(f),
		NewCmdTargets(f),
		NewCmdUnits(f, nil),
		NewCmdTemplate(f),
		NewCmdImport(f, nil),
		NewCmdValues(f, nil),
		NewCmdUnit(f, nil),
		NewCmdHistory(f, nil),
		NewCmdUndo(f, nil),
		NewCmdAdjust(f),
		NewCmdExclude(f, nil),
		NewCmdNominate(f),
		NewCmdLog(f, nil),
		NewCmdStatus(f, nil),
		NewCmdProgress(f, nil),
		NewCmdAwards(f, nil),
		NewCmdExport(f),
		NewCmdDemo(f, nil),
		NewCmdSample(f, nil),
		NewCmdBackup(f, nil),
		NewCmdCheck(f, nil),
		NewCmdMigrate(f, nil),
		NewCmdSettings(f),
	)
	registerCompletions(root, f.Workspace())
	localize(root, words)
	return root
}

// Main runs kpi with args and returns the exit code.
func Main(args []string, io *IOStreams) int {
	if len(args) == 0 && doubleClicked() {
		explorerHelp(io.ErrOut, io.In, chooseLang(nil, os.Getenv))
		return ExitUsage
	}
	defer consoleSetup()()
	if expandWildcards {
		args = expandArgs(args, globFiles)
	}
	flush := io.visible()
	defer flush()
	f := &Factory{IO: io, Getenv: os.Getenv, Now: time.Now}
	io.Lang = chooseLang(args, f.Getenv)
	root := NewRootCmd(f)
	root.SetArgs(args)
	cmd, err := root.ExecuteContextC(context.Background())
	if err == nil {
		return ExitOK
	}
	var ee exitError
	if errors.As(err, &ee) {
		return ee.code
	}
	lang := io.Lang
	if c := cobraUsage(cmd, err); c != nil {
		err = c
	}
	if !errors.Is(err, errSilent) {
		fmt.Fprintln(io.ErrOut, i18n.T(lang, i18n.ErrorLine, said(err, lang)))
	}
	var ue usageError
	if errors.As(err, &ue) {
		fmt.Fprintln(io.ErrOut, i18n.T(lang, i18n.SeeHelp))
		return ExitUsage
	}
	return ExitError
}

// flagError makes a flag that does not parse a usage error, told in the
// catalogue's words.
func flagError(c *cobra.Command, err error) error { return usageError{flagWords(c, err)} }

// exactArgs refuses any other number of arguments than n: a usage error
// that names the command and the arguments it takes.
func exactArgs(n int) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		switch {
		case len(args) == n:
			return nil
		case n == 0:
			return usageError{i18n.Errorf(i18n.NoArgs, cmd.CommandPath(), quoted(args))}
		}
		return usageError{i18n.Errorf(i18n.ArgsCount, cmd.CommandPath(), n, strings.TrimSpace(strings.TrimPrefix(cmd.Use, cmd.Name())), len(args))}
	}
}

// quoted writes arguments for a sentence: "a", "b".
func quoted(args []string) string {
	q := make([]string, len(args))
	for i, a := range args {
		q[i] = fmt.Sprintf("%q", a)
	}
	return strings.Join(q, ", ")
}
