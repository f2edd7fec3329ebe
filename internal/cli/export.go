package cli

import (
	"bytes"
	"context"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/bhxh/kpi/internal/htmlout"
	"github.com/bhxh/kpi/internal/i18n"
	"github.com/bhxh/kpi/internal/render"
	"github.com/bhxh/kpi/internal/report"
	"github.com/bhxh/kpi/internal/score"
	"github.com/bhxh/kpi/internal/view"
	"github.com/bhxh/kpi/internal/xlsxout"
	"github.com/spf13/cobra"
)

// NewCmdExport builds kpi export and its subcommands.
func NewCmdExport(f *Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use: "export",
	}
	cmd.AddCommand(NewCmdExportProgress(f, nil), NewCmdExportAwards(f, nil), NewCmdExportHTML(f, nil))
	return cmd
}

// ExportOptions are the options of kpi export progress and kpi export
// awards.
type ExportOptions struct {
	IO        *IOStreams
	Workspace *Workspace
	Now       func() time.Time // the date printed in the title block

	Kind   string // progress, awards or html: the subcommand
	Output string
	Period string
}

// NewCmdExportProgress builds kpi export progress; runF, when not nil,
// runs instead of exportRun (for tests of the flags).
func NewCmdExportProgress(f *Factory, runF func(*ExportOptions) error) *cobra.Command {
	return newCmdExportKind(f, "progress", runF)
}

// NewCmdExportAwards builds kpi export awards; runF, when not nil, runs
// instead of exportRun (for tests of the flags).
func NewCmdExportAwards(f *Factory, runF func(*ExportOptions) error) *cobra.Command {
	return newCmdExportKind(f, "awards", runF)
}

// NewCmdExportHTML builds kpi export html; runF, when not nil, runs
// instead of exportRun (for tests of the flags).
func NewCmdExportHTML(f *Factory, runF func(*ExportOptions) error) *cobra.Command {
	return newCmdExportKind(f, "html", runF)
}

func newCmdExportKind(f *Factory, kind string, runF func(*ExportOptions) error) *cobra.Command {
	opts := &ExportOptions{IO: f.IO, Workspace: f.Workspace(), Now: f.Now, Kind: kind}
	use := kind + " -o FILE.xlsx"
	if kind == "html" {
		use = kind + " -o FILE.html"
	}
	cmd := &cobra.Command{
		Use:  use,
		Args: exactArgs(0),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := opts.check(); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return exportRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVarP(&opts.Output, "output", "o", "", "")
	cmd.Flags().StringVar(&opts.Period, "period", "", "")
	_ = cmd.MarkFlagRequired("output")
	return cmd
}

// check refuses a file that is neither .xlsx nor .csv (for html: not
// .html or .htm).
func (opts *ExportOptions) check() error {
	ext := strings.ToLower(filepath.Ext(opts.Output))
	if opts.Kind == "html" {
		if ext != ".html" && ext != ".htm" {
			return usageError{&htmlout.ExtError{Path: opts.Output}}
		}
		return nil
	}
	if ext != ".xlsx" && ext != ".csv" {
		return usageError{i18n.Errorf(i18n.ExportExt, opts.Output)}
	}
	return nil
}

func exportRun(ctx context.Context, opts *ExportOptions) error {
	csv := strings.ToLower(filepath.Ext(opts.Output)) == ".csv"
	s, err := loadStanding(ctx, opts.Workspace, opts.Period)
	if err != nil {
		return err
	}
	doc, err := document(ctx, opts.Workspace, s.c, opts.Now(), opts.IO.Lang)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if csv {
		buf.WriteString(utf8BOM) // Excel reads a CSV file without one as the ANSI code page: diacritics break
	}
	switch opts.Kind {
	case "html":
		var r *htmlout.Report
		if r, err = htmlReport(ctx, opts, s); err == nil {
			r.Document = doc
			err = htmlout.Write(&buf, r)
		}
	case "progress":
		p := view.NewProgress(s.c, s.res, opts.IO.Lang)
		if csv {
			err = render.Progress(&buf, p, "csv", render.Options{})
		} else {
			err = xlsxout.WriteProgressView(&buf, p, doc)
		}
	default:
		a := view.NewAwards(s.c, s.res, s.shortlist(), opts.IO.Lang)
		if csv {
			err = render.Awards(&buf, a, "csv", render.Options{})
		} else {
			err = xlsxout.WriteAwardsView(&buf, a, doc)
		}
	}
	if err != nil {
		return err
	}
	if err := writeFileAtomic(opts.Output, buf.Bytes()); err != nil {
		return err
	}
	opts.IO.tell(opts.IO.ErrOut, i18n.Wrote, opts.Output)
	if !csv {
		settingsHint(opts.IO, doc)
	}
	return nil
}

// htmlReport gathers what the HTML report is drawn from: the views of the
// standing s, the standing as of every month from January to s's period —
// score.Compute on the same figures, as kpi unit does — and who reported
// which month, as kpi status shows it.
func htmlReport(ctx context.Context, opts *ExportOptions, s *standing) (*htmlout.Report, error) {
	st, err := opts.Workspace.OpenStore(ctx, false)
	if err != nil {
		return nil, err
	}
	defer st.Close()
	c := s.c
	obs, err := st.Observations(ctx, c.Year, "")
	if err != nil {
		return nil, err
	}
	prior, err := st.Observations(ctx, c.Year-1, "")
	if err != nil {
		return nil, err
	}
	live, err := st.LiveReports(ctx, c.Year)
	if err != nil {
		return nil, err
	}
	r := &htmlout.Report{Campaign: c, Date: opts.Now(),
		Progress: view.NewProgress(c, s.res, opts.IO.Lang),
		Awards:   view.NewAwards(c, s.res, score.Awards(c, s.res), opts.IO.Lang)}
	for m := 1; m < s.res.Period.Month; m++ {
		res := score.Compute(score.Input{Campaign: c, Units: s.units, Observations: obs, Prior: prior,
			Period: report.Period{Year: c.Year, Month: m}})
		r.Months = append(r.Months, view.NewProgress(c, res, opts.IO.Lang))
	}
	r.Months = append(r.Months, r.Progress)
	reported := map[string]map[int]htmlout.ReportState{}
	for _, l := range live {
		p, err := report.ParsePeriod(l.Period)
		if err != nil || p.Year != c.Year {
			continue
		}
		if reported[l.Unit] == nil {
			reported[l.Unit] = map[int]htmlout.ReportState{}
		}
		reported[l.Unit][p.Month] = htmlout.InForce
		if l.Replaced {
			reported[l.Unit][p.Month] = htmlout.Replaced
		}
	}
	r.Status.Year = c.Year
	for _, u := range s.units {
		su := htmlout.StatusUnit{Code: u.Code, Name: u.Name, Cluster: u.Cluster}
		for m, state := range reported[u.Code] {
			if m >= 1 && m <= 12 {
				su.Months[m-1] = state
			}
		}
		r.Status.Units = append(r.Status.Units, su)
	}
	return r, nil
}

// writeFileAtomic writes data to a temporary file beside path and renames
// it into place, so that a failure never leaves a half-written file (nor
// destroys the previous one).
func writeFileAtomic(path string, data []byte) error {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, ".kpi-*.tmp")
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) { // the file asked for, not the temporary one
			return &fs.PathError{Op: "write", Path: path, Err: pe.Err}
		}
		return err
	}
	name := tmp.Name()
	_, werr := io.Copy(tmp, bytes.NewReader(data))
	if werr == nil {
		werr = tmp.Chmod(0o644)
	}
	cerr := tmp.Close()
	if werr != nil || cerr != nil {
		os.Remove(name)
		if werr != nil {
			return werr
		}
		return cerr
	}
	if err := os.Rename(name, path); err != nil {
		os.Remove(name)
		if fileInUse(err) {
			return i18n.Errorf(i18n.FileInUse, path)
		}
		return err
	}
	return nil
}

// utf8BOM starts the CSV files kpi writes with -o, for Excel.
const utf8BOM = "\ufeff"

// fileInUse reports whether a write failed because another program —
// Excel, most often — holds the file open. Only Windows locks files so;
// console_windows.go sets it.
var fileInUse = func(err error) bool { return false }
