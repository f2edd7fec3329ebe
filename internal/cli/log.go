package cli

import (
	"context"
	"strings"

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
		Use:   "log",
		Short: "The audit log (nhật ký): every change to the rules, targets and council decisions",
		Long: `The audit log (nhật ký): every change that decides the awards, oldest
first — the campaign loaded or changed (one line per setting), units and
targets added or changed by a targets import (one line per value), bonus
and penalty points given and withdrawn, exclusions from awards and their
lifting, nominations and their withdrawal, and imports undone — when, what,
the value before and after, and the reason given. Nothing in it is ever
changed or removed.

JSON: [{"id", "at", "action", "subject", "field", "before", "after",
"reason"}], action one of campaign, targets, adjust_add, adjust_remove,
exclude, exclude_remove, nominate_add, nominate_remove, undo.`,
		Example: "  kpi log\n  kpi log --unit H04\n  kpi log --format csv > nhatky.csv",
		Args:    exactArgs(0),
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
	cmd.Flags().StringVar(&opts.Unit, "unit", "", "only the changes about this unit")
	addFormatFlag(cmd, &opts.Format)
	return cmd
}

// actionLabels say the audit log's actions in the officer's words.
var actionLabels = map[string]string{
	store.ActCampaign:       "phong trào",
	store.ActTargets:        "chỉ tiêu giao",
	store.ActAdjustAdd:      "ghi điểm cộng/trừ",
	store.ActAdjustRemove:   "bỏ điểm cộng/trừ",
	store.ActExclude:        "không xét khen thưởng",
	store.ActExcludeRemove:  "xét khen thưởng trở lại",
	store.ActNominateAdd:    "đề nghị cá nhân",
	store.ActNominateRemove: "rút đề nghị cá nhân",
	store.ActUndo:           "hoàn tác lần nhập",
	store.ActSetting:        "thông tin văn bản",
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
	t := &render.Table{Headers: []string{"#", "Thời gian", "Việc", "Đối tượng", "Mục", "Trước", "Sau", "Lý do"}, Fits: []render.Fit{{Drop: 2}, 4: {Drop: 1}}}
	for _, e := range entries {
		action := e.Action
		if opts.Format != "csv" {
			if l, ok := actionLabels[e.Action]; ok {
				action = l
			}
		}
		t.Rows = append(t.Rows, []any{e.ID, when(e.At), action, e.Subject, e.Field, e.Before, e.After, e.Reason})
	}
	t.Width = opts.IO.TableWidth()
	return t.Write(opts.IO.Out, opts.Format)
}
