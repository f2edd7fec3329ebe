package cli

import (
	"context"
	"strings"
	"time"

	"github.com/bhxh/kpi/internal/campaign"
	"github.com/bhxh/kpi/internal/i18n"
	"github.com/bhxh/kpi/internal/render"
	"github.com/bhxh/kpi/internal/view"
	"github.com/spf13/cobra"
)

// settingWords say what each setting is for, in kpi settings show.
var settingWords = map[string]i18n.Key{
	view.SetOrganisation:  i18n.SettingOrganisation,
	view.SetParent:        i18n.SettingParent,
	view.SetPlace:         i18n.SettingPlace,
	view.SetSigner:        i18n.SettingSigner,
	view.SetSignerTitle:   i18n.SettingSignerTitle,
	view.SetPreparer:      i18n.SettingPreparer,
	view.SetPreparerTitle: i18n.SettingPreparerTitle,
}

// NewCmdSettings builds kpi settings and its subcommands.
func NewCmdSettings(f *Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use: "settings",
	}
	cmd.AddCommand(NewCmdSettingsShow(f, nil), NewCmdSettingsSet(f, nil))
	return cmd
}

// SettingsShowOptions are the options of kpi settings show.
type SettingsShowOptions struct {
	IO        *IOStreams
	Workspace *Workspace

	Format string
}

// NewCmdSettingsShow builds kpi settings show; runF, when not nil, runs
// instead of settingsShowRun (for tests of the flags).
func NewCmdSettingsShow(f *Factory, runF func(*SettingsShowOptions) error) *cobra.Command {
	opts := &SettingsShowOptions{IO: f.IO, Workspace: f.Workspace()}
	cmd := &cobra.Command{
		Use:  "show",
		Args: exactArgs(0),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(opts.Format); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return settingsShowRun(cmd.Context(), opts)
		},
	}
	addFormatFlag(cmd, &opts.Format)
	return cmd
}

func settingsShowRun(ctx context.Context, opts *SettingsShowOptions) error {
	st, c, err := opts.Workspace.Open(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	stored, err := st.Settings(ctx)
	if err != nil {
		return err
	}
	lang := opts.IO.Lang
	all := view.Settings(stored, c, lang)
	if opts.Format == "json" {
		return render.JSON(opts.IO.Out, all)
	}
	l := i18n.For(lang)
	t := &render.Table{Lang: lang, Headers: []string{l.Item, l.Value, l.Source, l.UsedFor}, Width: opts.IO.TableWidth(),
		Fits: []render.Fit{{Keep: true}, {Min: 16}, {}, {Drop: 1}}}
	for _, s := range all {
		from := i18n.T(lang, i18n.SettingByDefault)
		if s.Set {
			from = i18n.T(lang, i18n.SettingWasSet)
		}
		value := s.Value
		if value == "" && opts.Format == "table" {
			value = "—"
		}
		t.Rows = append(t.Rows, []any{s.Key, value, from, i18n.T(lang, settingWords[s.Key])})
	}
	return t.Write(opts.IO.Out, opts.Format)
}

// SettingsSetOptions are the options of kpi settings set.
type SettingsSetOptions struct {
	IO        *IOStreams
	Workspace *Workspace

	Key, Value string
	Title      string // --title: the signer's or the preparer's title with their name
}

// NewCmdSettingsSet builds kpi settings set; runF, when not nil, runs
// instead of settingsSetRun (for tests of the flags).
func NewCmdSettingsSet(f *Factory, runF func(*SettingsSetOptions) error) *cobra.Command {
	opts := &SettingsSetOptions{IO: f.IO, Workspace: f.Workspace()}
	cmd := &cobra.Command{
		Use:  "set " + strings.Join(view.SettingKeys, "|") + " VALUE",
		Args: exactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Key, opts.Value = strings.ToLower(strings.TrimSpace(args[0])), args[1]
			if err := opts.check(); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return settingsSetRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVar(&opts.Title, "title", "", "")
	return cmd
}

// check refuses a key that is not a setting, and --title with one that is
// not a person.
func (opts *SettingsSetOptions) check() error {
	known := false
	for _, k := range view.SettingKeys {
		known = known || k == opts.Key
	}
	if !known {
		return usageError{i18n.Errorf(i18n.NoSetting, opts.Key, strings.Join(view.SettingKeys, ", "))}
	}
	if opts.Title != "" && opts.Key != view.SetSigner && opts.Key != view.SetPreparer {
		return usageError{i18n.Errorf(i18n.TitleOnlyPerson)}
	}
	return nil
}

// settingValue is a value as a setting keeps it: spaces trimmed and run
// together, office names and titles in capitals, as documents print them.
func settingValue(key, value string) string {
	value = strings.Join(strings.Fields(value), " ")
	switch key {
	case view.SetOrganisation, view.SetParent, view.SetSignerTitle, view.SetPreparerTitle:
		value = strings.ToUpper(value)
	}
	return value
}

func settingsSetRun(ctx context.Context, opts *SettingsSetOptions) error {
	st, err := opts.Workspace.OpenStore(ctx, false)
	if err != nil {
		return err
	}
	defer st.Close()
	set := [][2]string{{opts.Key, settingValue(opts.Key, opts.Value)}}
	if opts.Title != "" {
		set = append(set, [2]string{opts.Key + "_title", settingValue(opts.Key+"_title", opts.Title)})
	}
	for _, kv := range set {
		if err := st.SetSetting(ctx, kv[0], kv[1]); err != nil {
			return err
		}
		if kv[1] == "" {
			opts.IO.tell(opts.IO.ErrOut, i18n.SettingCleared, kv[0])
		} else {
			opts.IO.tell(opts.IO.ErrOut, i18n.SettingSaved, kv[0], kv[1])
		}
	}
	return nil
}

// document is the official document of a report dated now, in lang: the
// workspace's settings in force (view.NewDocument).
func document(ctx context.Context, ws *Workspace, c *campaign.Campaign, now time.Time, lang string) (view.Document, error) {
	st, err := ws.OpenStore(ctx, false)
	if err != nil {
		return view.Document{}, err
	}
	defer st.Close()
	stored, err := st.Settings(ctx)
	if err != nil {
		return view.Document{}, err
	}
	return view.NewDocument(stored, c, now, lang), nil
}

// settingsHint tells, once a document is written, what the settings lack
// for it: the office's own name, the place of the date line.
func settingsHint(io *IOStreams, d view.Document) {
	var missing []string
	if view.PlaceOf(d.Organisation) == "" {
		missing = append(missing, `kpi settings set organisation "BẢO HIỂM XÃ HỘI TỈNH …"`)
	}
	if d.Place == "" {
		missing = append(missing, `kpi settings set place "…"`)
	}
	if len(missing) > 0 {
		io.tell(io.ErrOut, i18n.SettingsHint, strings.Join(missing, "; "))
	}
}
