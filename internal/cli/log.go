package cli

import (
	"context"
	"strings"

	"github.com/bhxh/kpi/internal/i18n"
	"github.com/bhxh/kpi/internal/render"
	"github.com/bhxh/kpi/internal/store"
	"github.com/spf13/cobra"
)

// LogOptions are the options of kpi log.
type LogOptions struct {
	IO        *IOStreams
	Workspace *Workspace

	Unit   string
	Format string
}

// NewCmdLog builds kpi log; runF, when not nil, runs instead of logRun
// (for tests of the flags).
func NewCmdLog(f *Factory, runF func(*LogOptions) error) *cobra.Command {
	opts := &LogOptions{IO: f.IO, Workspace: f.Workspace()}
	cmd := &cobra.Command{
		Use:  "log",
		Args: exactArgs(0),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(opts.Format); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return logRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVar(&opts.Unit, "unit", "", "")
	addFormatFlag(cmd, &opts.Format)
	return cmd
}

// actionLabels say the audit log's actions in the officer's words.
var actionLabels = map[string]i18n.Key{
	store.ActCampaign:       i18n.LogCampaign,
	store.ActTargets:        i18n.LogTargets,
	store.ActAdjustAdd:      i18n.LogAdjustAdd,
	store.ActAdjustRemove:   i18n.LogAdjustRemove,
	store.ActExclude:        i18n.LogExclude,
	store.ActExcludeRemove:  i18n.LogExcludeRemove,
	store.ActNominateAdd:    i18n.LogNominateAdd,
	store.ActNominateRemove: i18n.LogNominateRemove,
	store.ActUndo:           i18n.LogUndo,
	store.ActSetting:        i18n.LogSetting,
}

type logJSON struct {
	ID      int64  `json:"id"`
	At      string `json:"at"`
	Action  string `json:"action"`
	Subject string `json:"subject"`
	Field   string `json:"field"`
	Before  string `json:"before"`
	After   string `json:"after"`
	Reason  string `json:"reason"`
}

func logRun(ctx context.Context, opts *LogOptions) error {
	st, err := opts.Workspace.OpenStore(ctx, false)
	if err != nil {
		return err
	}
	defer st.Close()
	entries, err := st.AuditLog(ctx)
	if err != nil {
		return err
	}
	if opts.Unit != "" {
		var mine []store.AuditEntry
		for _, e := range entries {
			if strings.EqualFold(e.Subject, strings.TrimSpace(opts.Unit)) {
				mine = append(mine, e)
			}
		}
		entries = mine
	}
	if opts.Format == "json" {
		out := make([]logJSON, 0, len(entries))
		for _, e := range entries {
			out = append(out, logJSON{ID: e.ID, At: e.At.Format("2006-01-02T15:04:05Z07:00"), Action: e.Action, Subject: e.Subject,
				Field: e.Field, Before: e.Before, After: e.After, Reason: e.Reason})
		}
		return render.JSON(opts.IO.Out, out)
	}
	l := i18n.For(opts.IO.Lang)
	t := &render.Table{Lang: opts.IO.Lang, Headers: []string{"#", l.Time, l.Action, l.Subject, l.Item, l.Before, l.After, l.Reason},
		Fits: []render.Fit{{Drop: 2}, 4: {Drop: 1}}}
	for _, e := range entries {
		action := e.Action
		if opts.Format != "csv" {
			if k, ok := actionLabels[e.Action]; ok {
				action = i18n.T(opts.IO.Lang, k)
			}
		}
		t.Rows = append(t.Rows, []any{e.ID, when(e.At, opts.Format, opts.IO.Lang), action, e.Subject, e.Field, e.Before, e.After, e.Reason})
	}
	t.Width = opts.IO.TableWidth()
	return t.Write(opts.IO.Out, opts.Format)
}
