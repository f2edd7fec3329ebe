package cli

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/bhxh/kpi/internal/i18n"
	"github.com/bhxh/kpi/internal/render"
	"github.com/bhxh/kpi/internal/store"
	"github.com/spf13/cobra"
)

// HistoryOptions are the options of kpi history.
type HistoryOptions struct {
	IO        *IOStreams
	Workspace *Workspace

	Format string
}

// NewCmdHistory builds kpi history; runF, when not nil, runs instead of
// historyRun (for tests of the flags).
func NewCmdHistory(f *Factory, runF func(*HistoryOptions) error) *cobra.Command {
	opts := &HistoryOptions{IO: f.IO, Workspace: f.Workspace()}
	cmd := &cobra.Command{
		Use:   "history",
		Short: "List the imports (lịch sử nhập), with what replaced what",
		Long: `List every import: id, time, file, SHA-256 prefix, units, period, values
read, warnings, and the later imports that replaced its reports. An import
taken back with kpi undo stays listed, marked undone (a column "Hoàn tác"
with when, shown once there is one; "undone_at" in JSON, null otherwise).`,
		Example: "  kpi history\n  kpi history --format json",
		Args:    exactArgs(0),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(opts.Format); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return historyRun(cmd.Context(), opts)
		},
	}
	addFormatFlag(cmd, &opts.Format)
	return cmd
}

type historyJSON struct {
	ID           int64    `json:"id"`
	ImportedAt   string   `json:"imported_at"`
	File         string   `json:"file"`
	Path         string   `json:"path"`
	SHA256       string   `json:"sha256"`
	Layout       string   `json:"layout"`
	Sheet        string   `json:"sheet"`
	Period       string   `json:"period"`
	Units        []string `json:"units"`
	Values       int      `json:"values"`
	Warnings     []string `json:"warnings"`
	SupersededBy []int64  `json:"superseded_by"`
	UndoneAt     *string  `json:"undone_at"`
}

func historyRun(ctx context.Context, opts *HistoryOptions) error {
	st, err := opts.Workspace.OpenStore(ctx, false)
	if err != nil {
		return err
	}
	defer st.Close()
	recs, err := st.Imports(ctx)
	if err != nil {
		return err
	}
	if opts.Format == "json" {
		out := make([]historyJSON, 0, len(recs))
		for _, r := range recs {
			h := historyJSON{ID: r.ID, ImportedAt: r.ImportedAt.Format("2006-01-02T15:04:05Z07:00"), File: r.File, Path: r.Path,
				SHA256: r.SHA256, Layout: r.Layout, Sheet: r.Sheet, Period: r.Period, Units: nonNilStrings(r.Units),
				Values: r.Values, Warnings: nonNilStrings(r.Warnings), SupersededBy: nonNilInts(r.SupersededBy)}
			if r.Undone != nil {
				at := r.Undone.Format("2006-01-02T15:04:05Z07:00")
				h.UndoneAt = &at
			}
			out = append(out, h)
		}
		return render.JSON(opts.IO.Out, out)
	}
	t := &render.Table{Headers: []string{"#", "Thời gian", "Tệp", "SHA-256", "Đơn vị", "Kỳ", "Giá trị", "Cảnh báo", "Bị thay bởi"},
		Fits: []render.Fit{3: {Drop: 1}}}
	undone := false
	for _, r := range recs {
		undone = undone || r.Undone != nil
	}
	if undone {
		t.Headers = append(t.Headers, "Hoàn tác")
	}
	for _, r := range recs {
		units := strings.Join(r.Units, ",")
		if len(r.Units) > 4 {
			units = fmt.Sprintf("%s … (%d)", strings.Join(r.Units[:3], ","), len(r.Units))
		}
		var by []string
		for _, b := range r.SupersededBy {
			by = append(by, "#"+strconv.FormatInt(b, 10))
		}
		row := []any{r.ID, r.ImportedAt.Local().Format("2006-01-02 15:04"), r.File, r.SHA256[:12], units, r.Period, r.Values, len(r.Warnings), strings.Join(by, ",")}
		if undone {
			mark := ""
			if r.Undone != nil {
				mark = "đã hoàn tác " + when(*r.Undone)
			}
			row = append(row, mark)
		}
		t.Rows = append(t.Rows, row)
	}
	t.Width = opts.IO.TableWidth()
	return t.Write(opts.IO.Out, opts.Format)
}

func nonNilStrings(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func nonNilInts(s []int64) []int64 {
	if s == nil {
		return []int64{}
	}
	return s
}

// UndoOptions are the options of kpi undo.
type UndoOptions struct {
	IO        *IOStreams
	Workspace *Workspace

	ID     int64
	Reason string
}

// NewCmdUndo builds kpi undo; runF, when not nil, runs instead of undoRun
// (for tests of the flags).
func NewCmdUndo(f *Factory, runF func(*UndoOptions) error) *cobra.Command {
	opts := &UndoOptions{IO: f.IO, Workspace: f.Workspace()}
	cmd := &cobra.Command{
		Use:   "undo ID",
		Short: "Take an import back and bring back the reports it replaced",
		Long: `Take import ID (see 'kpi history') back: its values no longer count. Where
it had replaced an earlier report for the same unit and month, that report
is in force again. The import stays in kpi history, marked undone, and the
undoing is kept in the audit log (kpi log) with --reason, if given; its
file may be imported again.`,
		Example: "  kpi undo 12\n  kpi undo 12 --reason \"H04 gửi nhầm tệp tháng 5\"",
		Args:    exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			id, err := strconv.ParseInt(strings.TrimPrefix(args[0], "#"), 10, 64)
			if err != nil {
				return usageError{i18n.Errorf(i18n.UndoID, args[0])}
			}
			opts.ID = id
			if runF != nil {
				return runF(opts)
			}
			return undoRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVar(&opts.Reason, "reason", "", "why (kept in the audit log)")
	return cmd
}

func undoRun(ctx context.Context, opts *UndoOptions) error {
	st, err := opts.Workspace.OpenStore(ctx, false)
	if err != nil {
		return err
	}
	defer st.Close()
	restored, err := st.Undo(ctx, opts.ID, strings.TrimSpace(opts.Reason))
	if errors.Is(err, store.ErrNoImport) {
		return i18n.Errorf(i18n.NoImport, opts.ID)
	}
	var ue *store.UndoneError
	if errors.As(err, &ue) {
		return i18n.Errorf(i18n.ImportUndone, opts.ID, when(ue.At))
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(opts.IO.Out, "✓ đã xoá lần nhập #%d: số liệu của nó không còn tính; lần nhập vẫn ở kpi history, đánh dấu đã hoàn tác\n", opts.ID)
	for _, r := range restored {
		fmt.Fprintf(opts.IO.Out, "  khôi phục báo cáo %s %s, lần nhập #%d\n", r.Unit, r.Period, r.ImportID)
	}
	return nil
}
