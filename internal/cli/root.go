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

// NewRootCmd builds the kpi command tree.
func NewRootCmd(f *Factory) *cobra.Command {
	root := &cobra.Command{
		Use:   "kpi",
		Short: "Theo dõi phong trào thi đua BHXH: nhập báo cáo Excel, tính điểm, xếp hạng, khen thưởng",
		Long: `kpi follows a provincial BHXH emulation campaign (phong trào thi đua).

It keeps one workspace (a SQLite file, or a shared PostgreSQL database) with
the campaign's KPIs (chỉ tiêu), the district units (đơn vị) and their 2024
targets, imports the monthly Excel reports the districts send, scores and
ranks the units, and writes the award shortlist.

Typical year:
  kpi init                          create the workspace with the 2024 campaign
  kpi targets import chitieu.xlsx   units, clusters, targets and 2023 baselines
  kpi import baocao/thang03/        each month's reports (whole files or nothing)
  kpi status                        who has reported which month
  kpi progress                      the ranked progress table
  kpi adjust add H04 --points 2 --reason "…"   bonus / penalty points (điểm cộng / trừ)
  kpi exclude H09 --reason "…"      không xét khen thưởng (a disciplinary case)
  kpi nominate add H04 --name "…" --title "Chiến sĩ thi đua cơ sở" --reason "…"
  kpi awards                        Cờ thi đua, Bằng khen, Giấy khen — and why
  kpi log                           who changed what: rules, targets, points
  kpi export awards -o kt.xlsx      print-ready Excel for the decision

Try it on sample data first:  kpi demo

The workspace is --db PATH or postgres://URL, else $KPI_DB, else ./kpi.db.
Exit status: 0 ok, 1 error, 2 wrong flags or arguments, 130 stopped by Ctrl-C.`,
		SilenceUsage:  true,
		SilenceErrors: true,
		Version:       version(),
	}
	root.SetVersionTemplate("kpi {{.Version}}\n")
	root.Flags().Bool("version", false, "in ra phiên bản của kpi (version)")
	root.PersistentFlags().StringVar(&f.dbFlag, "db", "", "workspace file or postgres:// URL (default $KPI_DB, else ./kpi.db)")
	root.PersistentFlags().BoolVar(&f.IO.Wide, "wide", false, "in bảng đủ mọi cột, không thu cho vừa màn hình ($COLUMNS, mặc định 80)")
	var cpuProfile string
	root.PersistentFlags().StringVar(&cpuProfile, "cpuprofile", "", "write a CPU profile to this file (for developers)")
	_ = root.PersistentFlags().MarkHidden("cpuprofile")
	var stopProfile func()
	root.PersistentPreRunE = func(cmd *cobra.Command, args []string) error {
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
	return root
}

// Main runs kpi with args and returns the exit code.
func Main(args []string, io *IOStreams) int {
	if len(args) == 0 && doubleClicked() {
		explorerHelp(io.ErrOut, io.In)
		return ExitUsage
	}
	defer consoleSetup()()
	if expandWildcards {
		args = expandArgs(args, globFiles)
	}
	flush := io.visible()
	defer flush()
	f := &Factory{IO: io, Getenv: os.Getenv, Now: time.Now}
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
	lang := langOf(cmd)
	if !errors.Is(err, errSilent) {
		fmt.Fprintln(io.ErrOut, i18n.T(lang, i18n.ErrorLine, i18n.Say(err, lang)))
	}
	var ue usageError
	if errors.As(err, &ue) || isCobraUsage(err) {
		fmt.Fprintln(io.ErrOut, i18n.T(lang, i18n.SeeHelp))
		return ExitUsage
	}
	return ExitError
}

// langOf is the language errors are said in: the command's --lang, for
// the commands that have one, else Vietnamese.
func langOf(cmd *cobra.Command) string {
	if cmd != nil {
		if f := cmd.Flags().Lookup("lang"); f != nil && f.Value.String() == "en" {
			return "en"
		}
	}
	return "vi"
}

// isCobraUsage recognises cobra's own argument errors.
func isCobraUsage(err error) bool {
	msg := err.Error()
	for _, p := range []string{"unknown command", "accepts ", "requires at least", "requires exactly", "unknown flag", "unknown shorthand"} {
		if strings.Contains(msg, p) {
			return true
		}
	}
	return false
}

// flagError makes a flag that does not parse a usage error.
func flagError(c *cobra.Command, err error) error { return usageError{err} }

// exactArgs is cobra.ExactArgs with a usage error.
func exactArgs(n int) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if err := cobra.ExactArgs(n)(cmd, args); err != nil {
			return usageError{err}
		}
		return nil
	}
}
