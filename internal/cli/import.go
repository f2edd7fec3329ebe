package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"time"

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
		Use:   "import [flags] PATH...",
		Short: "Import monthly report workbooks (nhập báo cáo tháng)",
		Long: `Import the districts' monthly report workbooks. Each PATH is an .xlsx file or
a folder (searched for .xlsx/.xlsm files; Excel lock files ~$… and hidden
files are skipped).

Two layouts are recognised by themselves:
  long   one district, one month: "Mã đơn vị: H01" and "Kỳ báo cáo: 03/2024"
         above a table with a KPI column (Mã chỉ tiêu / Chỉ tiêu) and value
         columns "Thực hiện trong tháng" and/or "Lũy kế".
  wide   many districts, one month: a "Mã đơn vị" column and one column per
         KPI (a KPI header with "lũy kế"/"YTD" is its year-to-date column);
         the period from a "Kỳ báo cáo" cell, the file name or --period.
Unit and period come from the workbook, else from the file name
(H01_2024-03.xlsx), else from --unit/--period; a flag that contradicts the
workbook is an error.

Each file is imported whole or not at all. A file whose bytes were already
imported is skipped (--force imports it again). A new report for a unit and
month that already has one replaces it; the old one stays in 'kpi history'
and 'kpi undo ID' brings it back.

Broken and hostile files (empty, CSV or PDF renamed .xlsx, truncated, legacy
.xls, password-protected, zip bombs, absurd sheets) are refused with a
message saying what to do; a sheet that unzips to more than --max-size MB,
or a workbook of more than 6 million cells, is refused without being read.
Macros in .xlsm files are never run: only cell values are read.

If the database cannot be reached (a PostgreSQL server going down, the
network breaking), the batch stops at the first file that failed so, names
it, and says how far it got; run the same command again when the server is
back (the files already imported are skipped).

Exit status is 1 if any file failed (each failure is listed; the good files
are still imported), 130 if stopped by Ctrl-C (after the current file), 0
otherwise.`,
		Example: `  kpi import baocao/thang03/
  kpi import --dry-run baocao/thang03/
  kpi import --period 2024-03 tonghop.xlsx
  kpi import --unit H01 --period 2024-03 baocao.xlsx`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usageError{errors.New("name at least one .xlsx file or folder to import")}
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
	cmd.Flags().BoolVar(&opts.DryRun, "dry-run", false, "check every file and show what would happen, writing nothing")
	cmd.Flags().BoolVar(&opts.Force, "force", false, "import files even if the same file was imported before")
	cmd.Flags().StringVar(&opts.Unit, "unit", "", "unit code, when neither the workbook nor the file name gives it")
	cmd.Flags().StringVar(&opts.Period, "period", "", "period YYYY-MM, when neither the workbook nor the file name gives it")
	cmd.Flags().BoolVar(&opts.PriorYear, "prior-year", false, "the files are last year's reports (cùng kỳ), kept for comparison and never scored")
	cmd.Flags().Int64Var(&opts.MaxSize, "max-size", xlsxgrid.DefaultLimits.MaxUnzipSize>>20, "refuse a workbook whose sheet unzips to more than this many MB")
	return cmd
}

func importRun(ctx context.Context, opts *ImportOptions) error {
	io := opts.IO
	iopts := importer.Options{DryRun: opts.DryRun, Force: opts.Force, Unit: opts.Unit, PriorYear: opts.PriorYear,
		Limits: xlsxgrid.Limits{MaxUnzipSize: opts.MaxSize << 20}}
	if opts.Period != "" {
		p, err := report.ParsePeriod(opts.Period)
		if err != nil {
			return usageError{fmt.Errorf("--period: %w", err)}
		}
		iopts.Period = p
	}
	files, err := importer.CollectFiles(opts.Paths)
	if err != nil {
		return err
	}
	if len(files) == 0 {
		return fmt.Errorf("không có tệp .xlsx nào trong %s", strings.Join(opts.Paths, ", "))
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
		go func() { check <- st.QuickCheck(ctx) }()
		checked = sync.OnceValue(func() error { return <-check })
	}
	im, err := importer.New(ctx, st)
	if err != nil {
		if cerr := checked(); cerr != nil {
			return cerr
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
			progressbar.OptionSetDescription("đang nhập"), progressbar.OptionShowCount(), progressbar.OptionClearOnFinish())
	}
	results := im.ImportFiles(ctx, files, iopts, runtime.NumCPU(), func(r importer.FileResult) {
		if bar != nil {
			_ = bar.Add(1)
		} else {
			printResult(io.Out, r)
		}
	})
	if err := checked(); err != nil {
		return err // nothing was written
	}
	if bar != nil {
		_ = bar.Finish()
		for _, r := range results {
			printResult(io.Out, r)
		}
	}
	err = summarise(io.Out, io.ErrOut, results, opts.DryRun)
	if importer.Unreachable(results) {
		fmt.Fprintf(io.ErrOut, "đã dừng sau %d/%d tệp vì không tới được cơ sở dữ liệu %s: %d tệp còn lại chưa thử, không tệp nào nhập dở; khi máy chủ hoạt động lại, chạy lại cùng lệnh (tệp đã nhập sẽ được bỏ qua)\n",
			len(results), len(files), st.Path(), len(files)-len(results))
		return errSilent
	}
	if ctx.Err() != nil {
		fmt.Fprintf(io.ErrOut, "đã dừng theo yêu cầu: xử lý xong %d/%d tệp, không tệp nào nhập dở; chạy lại cùng lệnh để nhập tiếp (tệp đã nhập sẽ được bỏ qua)\n",
			len(results), len(files))
		return exitError{code: ExitInterrupted}
	}
	return err
}

func printResult(w io.Writer, r importer.FileResult) {
	switch r.Status {
	case importer.Skipped:
		fmt.Fprintf(w, "= %s: đã nhập trước đó (lần nhập #%d), bỏ qua\n", r.File, r.ImportID)
		return
	case importer.Failed:
		n := 1
		var es xlsxin.Errors
		if errors.As(r.Err, &es) {
			n = len(es)
		}
		fmt.Fprintf(w, "✗ %s: %d lỗi, không nhập\n", r.File, n)
		return
	}
	mark, id := "✓", fmt.Sprintf(" #%d", r.ImportID)
	if r.Status == importer.Checked {
		mark, id = "○", ""
	}
	units := strings.Join(r.Units, ",")
	if len(r.Units) > 3 {
		units = fmt.Sprintf("%d đơn vị", len(r.Units))
	}
	fmt.Fprintf(w, "%s %s%s: %s %s, bảng %s (%s), %d giá trị, %d cảnh báo\n",
		mark, r.File, id, units, r.Period, layoutName(r.Layout), r.Sheet, r.Values, len(r.Warnings))
	for _, k := range r.Kept {
		from := "báo cáo đang dùng"
		if k.ImportID > 0 {
			from = fmt.Sprintf("lần nhập #%d", k.ImportID)
		}
		fmt.Fprintf(w, "  giữ %s của %s (tệp này không có các chỉ tiêu đó)\n", strings.Join(k.KPIs, ", "), from)
	}
	for _, c := range r.Conversions {
		fmt.Fprintf(w, "  đổi %s từ %s sang %s (đơn vị tính ở %s)\n", c.KPI, c.From, c.To, c.Where)
	}
	for _, s := range r.Superseded {
		fmt.Fprintf(w, "  thay thế báo cáo %s %s, lần nhập #%d\n", s.Unit, s.Period, s.ImportID)
	}
}

func layoutName(l string) string {
	if l == xlsxin.LayoutWide {
		return "ngang"
	}
	return "dọc"
}

func summarise(out, errOut io.Writer, results []importer.FileResult, dryRun bool) error {
	counts := map[importer.Status]int{}
	warnings := 0
	for _, r := range results {
		counts[r.Status]++
		warnings += len(r.Warnings)
		for _, w := range r.Warnings {
			fmt.Fprintln(errOut, "cảnh báo:", w)
		}
	}
	for _, r := range results {
		if r.Status != importer.Failed {
			continue
		}
		var es xlsxin.Errors
		if errors.As(r.Err, &es) {
			for _, e := range es {
				fmt.Fprintln(errOut, "lỗi:", e)
			}
		} else {
			fmt.Fprintln(errOut, "lỗi:", r.Err)
		}
	}
	if dryRun {
		fmt.Fprintf(out, "Thử (không ghi gì): %d tệp hợp lệ, %d bỏ qua, %d lỗi; %d cảnh báo\n",
			counts[importer.Checked], counts[importer.Skipped], counts[importer.Failed], warnings)
	} else {
		fmt.Fprintf(out, "Tổng: %d tệp nhập mới, %d thay thế, %d bỏ qua, %d lỗi; %d cảnh báo\n",
			counts[importer.Imported], counts[importer.Replaced], counts[importer.Skipped], counts[importer.Failed], warnings)
	}
	if counts[importer.Failed] > 0 {
		return errSilent
	}
	return nil
}
