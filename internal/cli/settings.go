package cli

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/bhxh/kpi/internal/campaign"
	"github.com/bhxh/kpi/internal/render"
	"github.com/bhxh/kpi/internal/view"
	"github.com/spf13/cobra"
)

// settingWords say what each setting is for, in kpi settings show.
var settingWords = map[string]string{
	view.SetOrganisation:  "cơ quan ban hành: góc trên bên trái, chữ in hoa đậm",
	view.SetParent:        "cơ quan chủ quản: trên tên cơ quan ban hành",
	view.SetPlace:         "địa danh của dòng \"…, ngày … tháng … năm …\"",
	view.SetSigner:        "họ tên người ký (bên phải); trống: ký tay",
	view.SetSignerTitle:   "chức vụ người ký",
	view.SetPreparer:      "họ tên người lập biểu (bên trái)",
	view.SetPreparerTitle: "chức danh người lập biểu",
}

// NewCmdSettings builds kpi settings and its subcommands.
func NewCmdSettings(f *Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "settings",
		Short: "Thông tin in trên văn bản: cơ quan, địa danh, người ký (settings)",
		Long: `Các bảng Excel và báo cáo HTML in theo thể thức văn bản của Nghị định
30/2020/NĐ-CP: góc trái tên cơ quan chủ quản (parent) trên tên cơ quan ban
hành (organisation) và "Số: …/BC-BHXH"; góc phải quốc hiệu, tiêu ngữ và dòng
"<place>, ngày … tháng … năm …" (ngày xuất); cuối văn bản người lập biểu
(preparer) bên trái, người ký (signer) bên phải.

Các thông tin này lưu trong workspace, dùng cho mọi lần xuất; tệp YAML của
phong trào chỉ giữ luật thi đua.`,
		Example: `  kpi settings set organisation "BẢO HIỂM XÃ HỘI TỈNH HẢI DƯƠNG"
  kpi settings set place "Hải Dương"
  kpi settings set signer "Nguyễn Văn An" --title "GIÁM ĐỐC"
  kpi settings set preparer "Trần Thị Bình"
  kpi settings show`,
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
		Use:   "show",
		Short: "Xem thông tin in trên văn bản, đã đặt hay mặc định",
		Long: `Mỗi mục với giá trị đang dùng, đã đặt (kpi settings set) hay mặc định:
organisation theo phong trào (nếu có) hoặc "BẢO HIỂM XÃ HỘI TỈNH", parent
"BẢO HIỂM XÃ HỘI VIỆT NAM", place theo tên cơ quan ban hành, chức vụ
"GIÁM ĐỐC" và "NGƯỜI LẬP BIỂU", họ tên để trống.
JSON: [{"key", "value", "set"}].`,
		Example: "  kpi settings show\n  kpi settings show --format json",
		Args:    exactArgs(0),
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
	all := view.Settings(stored, c, "vi")
	if opts.Format == "json" {
		return render.JSON(opts.IO.Out, all)
	}
	t := &render.Table{Headers: []string{"Mục", "Giá trị", "Nguồn", "Dùng cho"}, Width: opts.IO.TableWidth(),
		Fits: []render.Fit{{Keep: true}, {Min: 16}, {}, {Drop: 1}}}
	for _, s := range all {
		from := "mặc định"
		if s.Set {
			from = "đã đặt"
		}
		value := s.Value
		if value == "" && opts.Format == "table" {
			value = "—"
		}
		t.Rows = append(t.Rows, []any{s.Key, value, from, settingWords[s.Key]})
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
		Use:   "set " + strings.Join(view.SettingKeys, "|") + " VALUE",
		Short: "Đặt một thông tin in trên văn bản (VALUE \"\" để về mặc định)",
		Long: `Đặt một mục, lưu trong workspace và ghi vào nhật ký (kpi log). Tên cơ quan
và chức vụ được viết hoa. Với signer và preparer, --title đặt luôn chức vụ
(ví dụ "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"). VALUE "" xoá mục, dùng lại mặc định.`,
		Example: `  kpi settings set organisation "Bảo hiểm xã hội tỉnh Hải Dương"
  kpi settings set place "Hải Dương"
  kpi settings set signer "Nguyễn Văn An" --title "Giám đốc"
  kpi settings set preparer "Trần Thị Bình"
  kpi settings set signer ""`,
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
	cmd.Flags().StringVar(&opts.Title, "title", "", "with signer or preparer: their title (chức vụ)")
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
		return usageError{fmt.Errorf("không có mục %q: dùng một trong %s", opts.Key, strings.Join(view.SettingKeys, ", "))}
	}
	if opts.Title != "" && opts.Key != view.SetSigner && opts.Key != view.SetPreparer {
		return usageError{fmt.Errorf("--title chỉ dùng với signer hoặc preparer")}
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
			fmt.Fprintf(opts.IO.ErrOut, "✓ đã xoá %s: dùng mặc định\n", kv[0])
		} else {
			fmt.Fprintf(opts.IO.ErrOut, "✓ đã đặt %s: %s\n", kv[0], kv[1])
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
func settingsHint(w io.Writer, d view.Document) {
	var missing []string
	if view.PlaceOf(d.Organisation) == "" {
		missing = append(missing, `kpi settings set organisation "BẢO HIỂM XÃ HỘI TỈNH …"`)
	}
	if d.Place == "" {
		missing = append(missing, `kpi settings set place "…"`)
	}
	if len(missing) > 0 {
		fmt.Fprintf(w, "gợi ý: văn bản chưa có tên cơ quan hoặc địa danh — %s\n", strings.Join(missing, "; "))
	}
}
