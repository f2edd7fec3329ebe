package cli

import (
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/bhxh/kpi/internal/i18n"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// tree builds the whole command tree in lang, as Main does.
func tree(lang string) *cobra.Command {
	f := testFactory()
	f.IO.Lang = lang
	return NewRootCmd(f)
}

// Every command and every flag a person can see explains itself in both
// languages, and the help table names no command that is not there.
func TestHelpIsComplete(t *testing.T) {
	seen := map[string]bool{}
	for _, lang := range []string{"vi", "en"} {
		walk(tree(lang), func(c *cobra.Command) {
			if c.Hidden {
				return
			}
			path := helpPath(c)
			seen[path] = true
			h, ok := i18n.HelpFor(lang, path)
			if !ok || strings.TrimSpace(h.Short) == "" {
				t.Errorf("%s: kpi %s has no help", lang, path)
				return
			}
			if c.Runnable() && c.Annotations[groupAnnotation] != "true" && h.Example == "" {
				t.Errorf("kpi %s has no example", path)
			}
			c.Flags().VisitAll(func(f *pflag.Flag) {
				if f.Hidden {
					return
				}
				if _, ok := h.Flags[f.Name]; !ok {
					t.Errorf("%s: kpi %s --%s has no usage", lang, path, f.Name)
				}
			})
		})
	}
	for _, p := range i18n.HelpPaths() {
		if !seen[p] {
			t.Errorf("the help table names kpi %s, which is not a command", p)
		}
	}
}

// englishWord finds words that give away an English sentence.
var englishWord = regexp.MustCompile(`(?i)\b(the|and|of|with|from|for|is|are|must|when|every|default|file|flags?|command|usage|error|only|this|that|available|required|use|more|information|help about)\b`)

// machineText is what a Vietnamese help may hold in English: flags
// (--lang en), JSON keys and values in quotes, the headers kpi recognises
// in workbooks, paths.
var machineText = regexp.MustCompile(`--?[\w-]+|"[^"]*"|\{[^}]*\}|\[\{.*|Unit code, Code|Unit, Name|\S+/\S+|\$\w+`)

// A Vietnamese officer reading any --help meets no English sentence —
// not in kpi's words, not in cobra's (Usage, Flags, "help for", "[flags]",
// "(default …)").
func TestHelpIsVietnamese(t *testing.T) {
	walk(tree("vi"), func(c *cobra.Command) {
		if c.Hidden {
			return
		}
		args := append(strings.Fields(helpPath(c)), "--help")
		code, out, stderr := run(t, args...)
		if code != 0 || stderr != "" {
			t.Errorf("kpi %v: exit %d, stderr %q", args, code, stderr)
		}
		for _, line := range strings.Split(out, "\n") {
			if strings.HasPrefix(line, "  kpi ") { // an example
				continue
			}
			if w := englishWord.FindString(machineText.ReplaceAllString(line, "")); w != "" {
				t.Errorf("kpi %s --help: %q in %q", helpPath(c), w, line)
			}
		}
	})
}

// --lang en and KPI_LANG=en give the help in English, cobra's words
// included; the Vietnamese headings are gone.
func TestHelpInEnglish(t *testing.T) {
	for _, tc := range []struct {
		env  string
		args []string
	}{
		{"", []string{"--lang", "en", "import", "--help"}},
		{"", []string{"import", "--help", "--lang=EN"}},
		{"en_US.UTF-8", []string{"import", "--help"}},
	} {
		t.Setenv("KPI_LANG", tc.env)
		code, out, _ := run(t, tc.args...)
		for _, want := range []string{"Import the districts' monthly report workbooks", "Usage:\n  kpi import [flags] PATH...",
			"Examples:\n", "Flags:\n", "      --dry-run          check every file", "Flags of every command:", `(default "`} {
			if code != 0 || !strings.Contains(out, want) {
				t.Errorf("KPI_LANG=%q kpi %v: no %q in\n%s", tc.env, tc.args, want, out)
			}
		}
		if strings.Contains(out, "Cách dùng") || strings.Contains(out, "Tùy chọn") {
			t.Errorf("KPI_LANG=%q kpi %v: Vietnamese headings", tc.env, tc.args)
		}
	}
	t.Setenv("KPI_LANG", "")
	_, out, _ := run(t, "import", "--help")
	for _, want := range []string{"Nhập các bảng tính báo cáo tháng", "Cách dùng:\n  kpi import [tùy chọn] ĐƯỜNG_DẪN...", "Ví dụ:\n",
		"Tùy chọn:\n", "      --max-size SỐ      từ chối bảng tính", "(mặc định: 200)", "Tùy chọn chung của mọi lệnh:"} {
		if !strings.Contains(out, want) {
			t.Errorf("kpi import --help: no %q in\n%s", want, out)
		}
	}
}

// The flags of a command are listed in name order, aligned, each value
// named as its usage says.
func TestFlagUsages(t *testing.T) {
	fs := pflag.NewFlagSet("x", pflag.ContinueOnError)
	fs.StringP("output", "o", "", "`TỆP` cần ghi")
	fs.Int("units", 700, "số đơn vị")
	fs.Bool("all", false, "tất cả")
	fs.String("hidden", "", "")
	_ = fs.MarkHidden("hidden")
	got := flagUsages(fs, "vi")
	want := strings.Join([]string{
		"      --all          tất cả",
		"  -o, --output TỆP   TỆP cần ghi",
		"      --units SỐ     số đơn vị (mặc định: 700)",
	}, "\n")
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	paths := i18n.HelpPaths()
	sort.Strings(paths)
	if paths[0] != "" {
		t.Errorf("no help for kpi itself: %v", paths[:3])
	}
}
