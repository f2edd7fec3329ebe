package cli

import (
	"bytes"
	"context"
	"errors"
	"io"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/spf13/cobra"
)

// The flags of every command, parsed through a captured runF: no workspace
// is opened, nothing runs. Each case gives the arguments and either the
// options they make (dependencies left out) or the usage error they give.

type flagCase[T any] struct {
	args    []string
	want    T
	wantErr string // a usage error (exit status 2) containing this
}

func testFactory() *Factory {
	return &Factory{IO: &IOStreams{In: strings.NewReader(""), Out: io.Discard, ErrOut: io.Discard},
		Getenv: func(string) string { return "" }, Now: time.Now}
}

// parseFlags runs the command built by newCmd with args and returns the
// options runF was called with (nil if it was not) and the error.
func parseFlags[T any](newCmd func(*Factory, func(*T) error) *cobra.Command, args []string) (*T, error) {
	var got *T
	cmd := newCmd(testFactory(), func(o *T) error { got = o; return nil })
	cmd.SetArgs(args)
	cmd.SetOut(io.Discard)
	cmd.SetErr(io.Discard)
	cmd.SilenceUsage, cmd.SilenceErrors = true, true
	cmd.SetFlagErrorFunc(flagError) // as the root command does
	err := cmd.Execute()
	if err != nil {
		if c := cobraUsage(cmd, err); c != nil { // as Main does
			err = c
		}
	}
	return got, err
}

// flagsOnly is a copy of the options without their dependencies (streams,
// workspace, clock), which are not flags.
func flagsOnly(v any) any {
	c := reflect.New(reflect.TypeOf(v).Elem()).Elem()
	c.Set(reflect.ValueOf(v).Elem())
	for _, name := range []string{"IO", "Workspace", "Now"} {
		if f := c.FieldByName(name); f.IsValid() {
			f.Set(reflect.Zero(f.Type()))
		}
	}
	return c.Interface()
}

func isUsage(err error) bool {
	var ue usageError
	return errors.As(err, &ue)
}

func testFlags[T any](t *testing.T, newCmd func(*Factory, func(*T) error) *cobra.Command, cases []flagCase[T]) {
	t.Helper()
	for _, tc := range cases {
		got, err := parseFlags(newCmd, tc.args)
		name := strings.Join(tc.args, " ")
		if tc.wantErr != "" {
			if err == nil || !isUsage(err) || !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("%q: error %v, want a usage error with %q", name, err, tc.wantErr)
			}
			if got != nil {
				t.Errorf("%q: ran despite the error", name)
			}
			continue
		}
		if err != nil {
			t.Errorf("%q: %v", name, err)
			continue
		}
		if got == nil {
			t.Errorf("%q: runF not called", name)
			continue
		}
		if g := flagsOnly(got); !reflect.DeepEqual(g, tc.want) {
			t.Errorf("%q:\n got %+v\nwant %+v", name, g, tc.want)
		}
	}
}

func args(s ...string) []string { return s }

func TestProgressFlags(t *testing.T) {
	def := scoringFlags{Format: "table"}
	testFlags(t, NewCmdProgress, []flagCase[ProgressOptions]{
		{args: args(), want: ProgressOptions{scoringFlags: def}},
		{args: args("--period", "2024-06", "--cluster", "Cụm 2", "--format", "json", "--kpi", "thu"),
			want: ProgressOptions{scoringFlags: scoringFlags{Period: "2024-06", Cluster: "Cụm 2", Format: "json"}, KPI: "thu"}},
		{args: args("--explain", "H04", "--format", "markdown"),
			want: ProgressOptions{scoringFlags: scoringFlags{Explain: "H04", Format: "markdown"}}},
		{args: args("--format", "csv"), want: ProgressOptions{scoringFlags: scoringFlags{Format: "csv"}}},
		{args: args("--format", "xml"), wantErr: `unknown format "xml": use one of table, csv, json, markdown`},
		{args: args("extra"), wantErr: `progress takes no arguments, got "extra"`},
		{args: args("--nope"), wantErr: "unknown flag --nope for progress"},
		{args: args("--period"), wantErr: "flag --period needs a value"},
	})
}

func TestAwardsFlags(t *testing.T) {
	testFlags(t, NewCmdAwards, []flagCase[AwardsOptions]{
		{args: args(), want: AwardsOptions{scoringFlags: scoringFlags{Format: "table"}}},
		{args: args("--period", "2024-12", "--format", "markdown", "--cluster", "cum 3"),
			want: AwardsOptions{scoringFlags: scoringFlags{Period: "2024-12", Format: "markdown", Cluster: "cum 3"}}},
		{args: args("--explain", "h07"), want: AwardsOptions{scoringFlags: scoringFlags{Explain: "h07", Format: "table"}}},
		{args: args("--format", "html"), wantErr: `unknown format "html"`},
		{args: args("--kpi", "thu"), wantErr: "unknown flag --kpi"},
	})
}

func TestExportFlags(t *testing.T) {
	testFlags(t, NewCmdExportProgress, []flagCase[ExportOptions]{
		{args: args("-o", "tiendo.xlsx"), want: ExportOptions{Kind: "progress", Output: "tiendo.xlsx"}},
		{args: args("--output", "T.XLSX", "--period", "2024-05"),
			want: ExportOptions{Kind: "progress", Output: "T.XLSX", Period: "2024-05"}},
		{args: args("-o", "p.csv"), want: ExportOptions{Kind: "progress", Output: "p.csv"}},
		{args: args("-o", "p.txt"), wantErr: "must end in .xlsx or .csv"},
		{args: args(), wantErr: "missing required flag --output of progress"},
	})
	testFlags(t, NewCmdExportAwards, []flagCase[ExportOptions]{
		{args: args("-o", "kt.xlsx", "--period", "2024-12"), want: ExportOptions{Kind: "awards", Output: "kt.xlsx", Period: "2024-12"}},
		{args: args("-o", "kt.xlsx", "extra"), wantErr: "takes no arguments"},
	})
}

func TestImportFlags(t *testing.T) {
	maxMB, err := strconv.ParseInt(NewCmdImport(testFactory(), nil).Flags().Lookup("max-size").DefValue, 10, 64)
	if err != nil || maxMB <= 0 {
		t.Fatalf("--max-size default: %v %v", maxMB, err)
	}
	testFlags(t, NewCmdImport, []flagCase[ImportOptions]{
		{args: args("baocao/"), want: ImportOptions{Paths: []string{"baocao/"}, MaxSize: maxMB}},
		{args: args("--dry-run", "--force", "a.xlsx", "b/"), want: ImportOptions{Paths: []string{"a.xlsx", "b/"}, DryRun: true, Force: true, MaxSize: maxMB}},
		{args: args("--unit", "H01", "--period", "2024-03", "--max-size", "5", "x.xlsx"),
			want: ImportOptions{Paths: []string{"x.xlsx"}, Unit: "H01", Period: "2024-03", MaxSize: 5}},
		{args: args(), wantErr: "name at least one .xlsx file or folder"},
		{args: args("--max-size", "many", "x.xlsx"), wantErr: `--max-size: "many" is not valid, a whole number expected`},
	})
}

func TestStatusFlags(t *testing.T) {
	testFlags(t, NewCmdStatus, []flagCase[StatusOptions]{
		{args: args(), want: StatusOptions{Format: "table"}},
		{args: args("--year", "2023", "--format", "json"), want: StatusOptions{Year: 2023, Format: "json"}},
		{args: args("--format", "xml"), wantErr: `unknown format "xml"`},
		{args: args("--year", "next"), wantErr: "a whole number expected"},
	})
}

func TestHistoryFlags(t *testing.T) {
	testFlags(t, NewCmdHistory, []flagCase[HistoryOptions]{
		{args: args(), want: HistoryOptions{Format: "table"}},
		{args: args("--format", "csv"), want: HistoryOptions{Format: "csv"}},
		{args: args("--format", "yaml"), wantErr: `unknown format "yaml"`},
		{args: args("12"), wantErr: "takes no arguments"},
	})
	testFlags(t, NewCmdUndo, []flagCase[UndoOptions]{
		{args: args("12"), want: UndoOptions{ID: 12}},
		{args: args("#7"), want: UndoOptions{ID: 7}},
		{args: args("abc"), wantErr: "ID must be an import number"},
		{args: args(), wantErr: "takes 1 argument(s)"},
	})
}

func TestTargetsFlags(t *testing.T) {
	testFlags(t, NewCmdTargetsImport, []flagCase[TargetsImportOptions]{
		{args: args("chitieu.xlsx"), want: TargetsImportOptions{File: "chitieu.xlsx"}},
		{args: args("--dry-run", "chitieu.xlsx"), want: TargetsImportOptions{File: "chitieu.xlsx", DryRun: true}},
		{args: args(), wantErr: "takes 1 argument(s)"},
		{args: args("a.xlsx", "b.xlsx"), wantErr: "takes 1 argument(s)"},
	})
}

func TestTemplateFlags(t *testing.T) {
	testFlags(t, NewCmdTemplateTargets, []flagCase[TemplateTargetsOptions]{
		{args: args("-o", "chitieu.xlsx"), want: TemplateTargetsOptions{Output: "chitieu.xlsx"}},
		{args: args("-o", "c.xlsx", "--empty"), want: TemplateTargetsOptions{Output: "c.xlsx", Empty: true}},
	})
	testFlags(t, NewCmdTemplateReport, []flagCase[TemplateReportOptions]{
		{args: args("--unit", "H01", "--period", "2024-03", "-o", "H01.xlsx"),
			want: TemplateReportOptions{Unit: "H01", Period: "2024-03", Output: "H01.xlsx"}},
		{args: args("--all-units", "--period", "2024-03", "-o", "forms/"),
			want: TemplateReportOptions{AllUnits: true, Period: "2024-03", Output: "forms/"}},
		{args: args("--period", "2024-03", "-o", "x.xlsx"), wantErr: "give either --unit CODE or --all-units"},
		{args: args("--unit", "H01", "--all-units", "--period", "2024-03", "-o", "x"), wantErr: "give either --unit CODE or --all-units"},
	})
	testFlags(t, NewCmdTemplateReport, []flagCase[TemplateReportOptions]{
		{args: args("--unit", "H01", "-o", "x.xlsx"), wantErr: "missing required flag --period of report"},
		{args: args("--unit", "H01"), wantErr: "missing required flag --output, --period of report"},
	})
}

func TestOtherCommandsFlags(t *testing.T) {
	testFlags(t, NewCmdUnits, []flagCase[UnitsOptions]{
		{args: args("--format", "json"), want: UnitsOptions{Format: "json"}},
		{args: args("--format", "xml"), wantErr: `unknown format "xml"`},
	})
	testFlags(t, NewCmdInit, []flagCase[InitOptions]{
		{args: args(), want: InitOptions{}},
		{args: args("--campaign", "my.yaml", "--force"), want: InitOptions{CampaignFile: "my.yaml", Force: true}},
		{args: args("extra"), wantErr: "takes no arguments"},
	})
	testFlags(t, NewCmdCampaignShow, []flagCase[CampaignShowOptions]{
		{args: args(), want: CampaignShowOptions{Format: "table"}},
		{args: args("--format", "x"), wantErr: `unknown format "x"`},
	})
	testFlags(t, NewCmdCampaignExport, []flagCase[CampaignExportOptions]{
		{args: args(), want: CampaignExportOptions{}},
		{args: args("-o", "c.yaml"), want: CampaignExportOptions{Output: "c.yaml"}},
	})
	testFlags(t, NewCmdCampaignLoad, []flagCase[CampaignLoadOptions]{
		{args: args("c.yaml"), want: CampaignLoadOptions{File: "c.yaml"}},
		{args: args(), wantErr: "takes 1 argument(s)"},
	})
	testFlags(t, NewCmdDemo, []flagCase[DemoOptions]{
		{args: args(), want: DemoOptions{Dir: "kpi-demo", Seed: 2024}},
		{args: args("--dir", "/tmp/thu", "--seed", "7"), want: DemoOptions{Dir: "/tmp/thu", Seed: 7}},
	})
	testFlags(t, NewCmdSample, []flagCase[SampleOptions]{
		{args: args("--dir", "d"), want: SampleOptions{Dir: "d", Units: 700, Months: 12, Seed: 1}},
		{args: args("--dir", "d", "--units", "12", "--months", "1", "--big-rows", "200000"),
			want: SampleOptions{Dir: "d", Units: 12, Months: 1, Seed: 1, BigRows: 200000}},
		{args: args("--dir", "d", "--months", "13"), wantErr: "--months 1–12"},
		{args: args("--dir", "d", "--units", "0"), wantErr: "--units must be ≥ 1"},
	})
	testFlags(t, NewCmdBackup, []flagCase[BackupOptions]{
		{args: args("saoluu.db"), want: BackupOptions{File: "saoluu.db"}},
		{args: args(), wantErr: "takes 1 argument(s)"},
	})
	testFlags(t, NewCmdCheck, []flagCase[CheckOptions]{
		{args: args(), want: CheckOptions{}},
		{args: args("now"), wantErr: "takes no arguments"},
	})
	testFlags(t, NewCmdMigrate, []flagCase[MigrateOptions]{
		{args: args("--from", "a.db", "--to", "postgres://kpi@db/thidua"), want: MigrateOptions{From: "a.db", To: "postgres://kpi@db/thidua"}},
	})
}

// The options carry the streams and the workspace of the factory; the
// workspace is read when the command runs (after --db is parsed).
func TestOptionsCarryDependencies(t *testing.T) {
	f := testFactory()
	f.Getenv = func(k string) string {
		if k == "KPI_DB" {
			return "env.db"
		}
		return ""
	}
	var got *ProgressOptions
	cmd := NewCmdProgress(f, func(o *ProgressOptions) error { got = o; return nil })
	cmd.SetArgs(nil)
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	if got.IO != f.IO || got.Workspace.Path() != "env.db" {
		t.Errorf("IO %p (want %p), workspace %q", got.IO, f.IO, got.Workspace.Path())
	}
	f.dbFlag = "flag.db"
	if p := got.Workspace.Path(); p != "flag.db" {
		t.Errorf("after --db: workspace %q", p)
	}
}

// Whether to colour is the streams' decision: a terminal, NO_COLOR unset.
func TestColorScheme(t *testing.T) {
	for _, tc := range []struct {
		tty, noColor bool
		want         bool
	}{{true, false, true}, {true, true, false}, {false, false, false}, {false, true, false}} {
		io := &IOStreams{OutTTY: tc.tty, NoColor: tc.noColor}
		cs := io.ColorScheme()
		if io.ColorEnabled() != tc.want || cs.Enabled != tc.want || (cs.Paint() != nil) != tc.want {
			t.Errorf("tty %v, NO_COLOR %v: enabled %v, want %v", tc.tty, tc.noColor, io.ColorEnabled(), tc.want)
		}
		green := cs.Green("ok")
		if tc.want != (green == "\x1b[32mok\x1b[0m") || !tc.want && green != "ok" {
			t.Errorf("tty %v, NO_COLOR %v: green %q", tc.tty, tc.noColor, green)
		}
	}
}

// progress colours its marks on a colour terminal only, and only in the
// terminal table.
func TestProgressColour(t *testing.T) {
	ws := WorkspaceAt(demoWorkspace(t))
	for _, tc := range []struct {
		tty, noColor bool
		format       string
		want         bool
	}{
		{true, false, "table", true},
		{true, true, "table", false},
		{false, false, "table", false},
		{true, false, "markdown", false},
	} {
		var out bytes.Buffer
		opts := &ProgressOptions{IO: &IOStreams{Out: &out, ErrOut: io.Discard, OutTTY: tc.tty, NoColor: tc.noColor},
			Workspace: ws, scoringFlags: scoringFlags{Period: "2024-06", Format: tc.format}}
		if err := progressRun(context.Background(), opts); err != nil {
			t.Fatal(err)
		}
		s := out.String()
		if got := strings.Contains(s, "\x1b[32m") && strings.Contains(s, "✓\x1b[0m"); got != tc.want {
			t.Errorf("tty %v, NO_COLOR %v, %s: colour %v", tc.tty, tc.noColor, tc.format, got)
		}
		if !tc.want && strings.Contains(s, "\x1b[") {
			t.Errorf("tty %v, NO_COLOR %v, %s: escape codes", tc.tty, tc.noColor, tc.format)
		}
	}
}

func TestCouncilFlags(t *testing.T) {
	testFlags(t, NewCmdAdjustAdd, []flagCase[AdjustAddOptions]{
		{args: args("H04", "--points", "2", "--reason", "Bằng khen"), want: AdjustAddOptions{Unit: "H04", Points: 2, Reason: "Bằng khen"}},
		{args: args("H04", "--points", "-1,5", "--reason", "chậm", "--period", "2024-05", "--kpi", "thu"),
			want: AdjustAddOptions{Unit: "H04", Points: -1.5, Reason: "chậm", Period: "2024-05", KPI: "thu"}},
		{args: args("H04", "--points", "+3", "--reason", "x"), want: AdjustAddOptions{Unit: "H04", Points: 3, Reason: "x"}},
		{args: args("H04", "--points", "0", "--reason", "x"), wantErr: "non-zero number of points"},
		{args: args("H04", "--points", "hai", "--reason", "x"), wantErr: `not "hai"`},
		{args: args("H04", "--points", "150", "--reason", "x"), wantErr: "at most 100"},
		{args: args("H04", "--reason", "x"), wantErr: "non-zero number of points"},
		{args: args("H04", "--points", "2"), wantErr: "--reason"},
		{args: args("H04", "--points", "2", "--reason", "  "), wantErr: "--reason"},
		{args: args("--points", "2", "--reason", "x"), wantErr: "takes 1 argument(s)"},
	})
	testFlags(t, NewCmdAdjustList, []flagCase[AdjustListOptions]{
		{args: args(), want: AdjustListOptions{Format: "table"}},
		{args: args("--unit", "H04", "--all", "--format", "json"), want: AdjustListOptions{Unit: "H04", All: true, Format: "json"}},
		{args: args("--format", "xml"), wantErr: `unknown format "xml"`},
	})
	testFlags(t, NewCmdAdjustRemove, []flagCase[AdjustRemoveOptions]{
		{args: args("3", "--reason", "nhầm"), want: AdjustRemoveOptions{ID: 3, Reason: "nhầm"}},
		{args: args("#3", "--reason", "nhầm"), want: AdjustRemoveOptions{ID: 3, Reason: "nhầm"}},
		{args: args("ba", "--reason", "nhầm"), wantErr: "ID must be a number from 'kpi adjust list'"},
		{args: args("3"), wantErr: "--reason"},
	})
	testFlags(t, NewCmdExclude, []flagCase[ExcludeOptions]{
		{args: args("H09", "--reason", "kỷ luật"), want: ExcludeOptions{Unit: "H09", Reason: "kỷ luật"}},
		{args: args("H09", "--reason", "kỷ luật", "--period", "2024-10"), want: ExcludeOptions{Unit: "H09", Reason: "kỷ luật", Period: "2024-10"}},
		{args: args("H09"), wantErr: "--reason"},
		{args: args(), wantErr: "takes 1 argument(s)"},
	})
	testFlags(t, NewCmdExcludeRemove, []flagCase[ExcludeRemoveOptions]{
		{args: args("H09", "--reason", "huỷ"), want: ExcludeRemoveOptions{Unit: "H09", Reason: "huỷ"}},
		{args: args("H09"), wantErr: "--reason"},
	})
	testFlags(t, NewCmdExcludeList, []flagCase[ExcludeListOptions]{
		{args: args("--all"), want: ExcludeListOptions{All: true, Format: "table"}},
	})
	testFlags(t, NewCmdNominateAdd, []flagCase[NominateAddOptions]{
		{args: args("H04", "--name", "  NGUYỄN   VĂN AN ", "--title", "Chiến sĩ thi đua cơ sở", "--reason", "sáng kiến"),
			want: NominateAddOptions{Unit: "H04", Name: "NGUYỄN VĂN AN", Title: "Chiến sĩ thi đua cơ sở", Reason: "sáng kiến"}},
		{args: args("H04", "--title", "ldtt", "--reason", "x"), wantErr: "--name"},
		{args: args("H04", "--name", "A", "--title", "ldtt"), wantErr: "--reason"},
	})
	testFlags(t, NewCmdNominateList, []flagCase[NominateListOptions]{
		{args: args("--unit", "H04"), want: NominateListOptions{Unit: "H04", Format: "table"}},
	})
	testFlags(t, NewCmdNominateRemove, []flagCase[NominateRemoveOptions]{
		{args: args("2", "--reason", "rút"), want: NominateRemoveOptions{ID: 2, Reason: "rút"}},
		{args: args("x", "--reason", "rút"), wantErr: "kpi nominate list"},
	})
	testFlags(t, NewCmdLog, []flagCase[LogOptions]{
		{args: args(), want: LogOptions{Format: "table"}},
		{args: args("--unit", "H04", "--format", "csv"), want: LogOptions{Unit: "H04", Format: "csv"}},
		{args: args("extra"), wantErr: "takes no arguments"},
	})
	testFlags(t, NewCmdUndo, []flagCase[UndoOptions]{
		{args: args("12", "--reason", "nhầm tệp"), want: UndoOptions{ID: 12, Reason: "nhầm tệp"}},
	})
}
