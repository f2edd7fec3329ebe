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
		Use:  "history",
		Args: exactArgs(0),
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
	l := i18n.For(opts.IO.Lang)
	t := &render.Table{Lang: opts.IO.Lang, Headers: []string{"#", l.Time, l.File, "SHA-256", l.Unit, l.PeriodCol, l.Values, l.Warnings, l.ReplacedBy},
		Fits: []render.Fit{3: {Drop: 1}}}
	undone := false
	for _, r := range recs {
		undone = undone || r.Undone != nil
	}
	if undone {
		t.Headers = append(t.Headers, l.Undone)
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
		row := []any{r.ID, when(r.ImportedAt, opts.Format, opts.IO.Lang), r.File, r.SHA256[:12], units, period(r.Period, opts.Format, opts.IO.Lang),
			r.Values, len(r.Warnings), strings.Join(by, ",")}
		if undone {
			mark := ""
			if r.Undone != nil {
				mark = i18n.T(opts.IO.Lang, i18n.UndoneAt, when(*r.Undone, opts.Format, opts.IO.Lang))
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
		Use:  "undo ID",
		Args: exactArgs(1),
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
	cmd.Flags().StringVar(&opts.Reason, "reason", "", "")
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
		return i18n.Errorf(i18n.ImportUndone, opts.ID, i18n.When(ue.At))
	}
	if err != nil {
		return err
	}
	opts.IO.tell(opts.IO.Out, i18n.Undone, opts.ID)
	for _, r := range restored {
		opts.IO.tell(opts.IO.Out, i18n.Restored, r.Unit, i18n.PeriodText(r.Period), r.ImportID)
	}
	return nil
}
