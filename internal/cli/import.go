package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/bhxh/kpi/internal/i18n"
	"github.com/bhxh/kpi/internal/importer"
	"github.com/bhxh/kpi/internal/report"
	"github.com/bhxh/kpi/internal/xlsxgrid"
	"github.com/bhxh/kpi/internal/xlsxin"
	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"
)

// ImportOptions are the options of kpi import.
type ImportOptions struct {
	IO        *IOStreams
	Workspace *Workspace
	Now       func() time.Time // the time recorded for each import

	Paths   []string
	DryRun  bool
	Force   bool
	Unit    string
	Period  string
	MaxSize int64
	// PriorYear: the files are last year's reports (cùng kỳ)
	PriorYear bool
}

// NewCmdImport builds kpi import; runF, when not nil, runs instead of
// importRun (for tests of the flags).
func NewCmdImport(f *Factory, runF func(*ImportOptions) error) *cobra.Command {
	opts := &ImportOptions{IO: f.IO, Workspace: f.Workspace(), Now: f.Now}
	cmd := &cobra.Command{
		Use: "import [flags] PATH...",
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usageError{i18n.Errorf(i18n.ImportPaths)}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Paths = args
			if runF != nil {
				return runF(opts)
			}
			return importRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().BoolVar(&opts.DryRun, "dry-run", false, "")
	cmd.Flags().BoolVar(&opts.Force, "force", false, "")
	cmd.Flags().StringVar(&opts.Unit, "unit", "", "")
	cmd.Flags().StringVar(&opts.Period, "period", "", "")
	cmd.Flags().BoolVar(&opts.PriorYear, "prior-year", false, "")
	cmd.Flags().Int64Var(&opts.MaxSize, "max-size", xlsxgrid.DefaultLimits.MaxUnzipSize>>20, "")
	return cmd
}

func importRun(ctx context.Context, opts *ImportOptions) error {
	io := opts.IO
	iopts := importer.Options{DryRun: opts.DryRun, Force: opts.Force, Unit: opts.Unit, PriorYear: opts.PriorYear,
		Limits: xlsxgrid.Limits{MaxUnzipSize: opts.MaxSize << 20}}
	if opts.Period != "" {
		p, err := report.ParsePeriod(opts.Period)
		if err != nil {
			return usageError{i18n.Errorf(i18n.BadPeriodFlag, opts.Period)}
		}
		iopts.Period = p
	}
	files, err := importer.CollectFiles(opts.Paths)
	if err != nil {
		return err
	}
	if len(files) == 0 {
		return i18n.Errorf(i18n.NoXLSX, strings.Join(opts.Paths, ", "))
	}
	st, err := opts.Workspace.OpenStore(ctx, false)
	if err != nil {
		return err
	}
	defer st.Close()
	// a damaged file is not written into: its quick check (15 ms on a
	// national year, 0.3 s on a workspace of 200,000 units) runs while the
	// importer gets ready and the files are read, and the first write
	// waits for it
	checked := func() error { return nil }
	if !opts.DryRun {
		check := make(chan error, 1)
		qctx := ctx // ctx is made anew below, for Ctrl-C
		go func() { check <- st.QuickCheck(qctx) }()
		checked = sync.OnceValue(func() error { return <-check })
	}
	im, err := importer.New(ctx, st)
	if err != nil {
		if cerr := checked(); cerr != nil {
			return cerr
		}
		if errors.Is(err, importer.ErrNoUnits) {
			return i18n.Errorf(i18n.NoUnits)
		}
		return err
	}
	im.Now = opts.Now
	im.BeforeWrite = checked
	// Ctrl-C (or a polite kill) stops after the current file
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()

	var bar *progressbar.ProgressBar
	if io.ErrTTY && len(files) > 1 {
		bar = progressbar.NewOptions(len(files), progressbar.OptionSetWriter(io.barOut()),
			progressbar.OptionSetDescription(i18n.T(io.Lang, i18n.ImportBar)), progressbar.OptionShowCount(),
			progressbar.OptionSetWidth(barWidth(io.Width, len(files))), progressbar.OptionSetRenderBlankState(true),
			// the bar stays at N/N on its own line, the results under it
			progressbar.OptionOnCompletion(func() { fmt.Fprintln(io.barOut()) }))
	}
	results := im.ImportFiles(ctx, files, iopts, runtime.NumCPU(), func(r importer.FileResult) {
		if bar != nil {
			_ = bar.Add(1)
		} else {
			printResult(io, r)
		}
	})
	if err := checked(); err != nil {
		return err // nothing was written
	}
	if bar != nil {
		_ = bar.Finish()
		for _, r := range results {
			printResult(io, r)
		}
	}
	err = summarise(io, results, opts.DryRun)
	if importer.Unreachable(results) {
		io.tell(io.ErrOut, i18n.ImportStopped, len(results), len(files), st.Path(), len(files)-len(results))
		return errSilent
	}
	if ctx.Err() != nil {
		io.tell(io.ErrOut, i18n.ImportInterrupt, len(results), len(files))
		return exitError{code: ExitInterrupted}
	}
	return err
}

// barWidth is the width of the progress bar's bar on a screen of width
// columns (0: unknown), leaving room for the rest of its line — "đang nhập
// 100% |…| (8400/8400) [1m2s:0s]" — so that the line never wraps.
func barWidth(width, files int) int {
	if width <= 0 {
		width = 80
	}
	digits := len(strconv.Itoa(files))
	return max(10, min(40, width-40-2*digits))
}

func printResult(io *IOStreams, r importer.FileResult) {
	w := io.Out
	switch r.Status {
	case importer.Skipped:
		io.tell(w, i18n.FileSkipped, r.File, r.ImportID)
		return
	case importer.Failed:
		n := 1
		var es xlsxin.Errors
		if errors.As(r.Err, &es) {
			n = len(es)
		}
		io.tell(w, i18n.FileFailed, r.File, n)
		return
	}
	mark, id := "✓", fmt.Sprintf(" #%d", r.ImportID)
	if r.Status == importer.Checked {
		mark, id = "○", ""
	}
	units := strings.Join(r.Units, ",")
	if len(r.Units) > 3 {
		units = i18n.T(io.Lang, i18n.FileUnits, count(len(r.Units), io.Lang))
	}
	io.tell(w, i18n.FileRead, mark, r.File, id, units, i18n.PeriodIn(r.Period, io.Lang), i18n.M(layoutName(r.Layout)), r.Sheet, count(r.Values, io.Lang), count(len(r.Warnings)+r.MoreWarnings, io.Lang))
	for _, k := range r.Kept {
		from := i18n.M(i18n.KeptInForce)
		if k.ImportID > 0 {
			from = i18n.M(i18n.KeptImport, k.ImportID)
		}
		io.tell(w, i18n.FileKept, strings.Join(k.KPIs, ", "), from)
	}
	for _, c := range r.Conversions {
		io.tell(w, i18n.FileConverted, c.KPI, c.From, c.To, c.Where)
	}
	io.tellFirst(w, len(r.Superseded), func(i int) {
		s := r.Superseded[i]
		io.tell(w, i18n.FileSuperseded, s.Unit, i18n.PeriodText(s.Period), s.ImportID)
	}, i18n.FileMoreSuperseded)
}

func layoutName(l string) i18n.Key {
	if l == xlsxin.LayoutWide {
		return i18n.LayoutWide
	}
	return i18n.LayoutLong
}

func summarise(io *IOStreams, results []importer.FileResult, dryRun bool) error {
	counts := map[importer.Status]int{}
	warnings := 0
	for _, r := range results {
		counts[r.Status]++
		warnings += len(r.Warnings) + r.MoreWarnings
		for _, w := range r.Warnings {
			io.tell(io.ErrOut, i18n.Warning, w)
		}
		if r.MoreWarnings > 0 {
			io.tell(io.ErrOut, i18n.MoreWarnings, count(r.MoreWarnings, io.Lang), r.File)
		}
	}
	for _, r := range results {
		if r.Status != importer.Failed {
			continue
		}
		var es xlsxin.Errors
		if errors.As(r.Err, &es) {
			for _, e := range es {
				io.tell(io.ErrOut, i18n.ErrorLine, said(e, io.Lang))
			}
		} else {
			io.tell(io.ErrOut, i18n.ErrorLine, said(r.Err, io.Lang))
		}
	}
	if dryRun {
		io.tell(io.Out, i18n.ImportDryTotals, count(counts[importer.Checked], io.Lang), count(counts[importer.Skipped], io.Lang), count(counts[importer.Failed], io.Lang), count(warnings, io.Lang))
	} else {
		io.tell(io.Out, i18n.ImportTotals, count(counts[importer.Imported], io.Lang), count(counts[importer.Replaced], io.Lang), count(counts[importer.Skipped], io.Lang), count(counts[importer.Failed], io.Lang), count(warnings, io.Lang))
	}
	if counts[importer.Failed] > 0 {
		return errSilent
	}
	return nil
}
