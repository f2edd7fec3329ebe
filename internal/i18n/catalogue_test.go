package i18n

import (
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// keys returns the Key constants declared in the package (catalogue.go,
// document.go).
func keys(t *testing.T) []Key {
	t.Helper()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	var out []Key
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			g, ok := d.(*ast.GenDecl)
			if !ok || g.Tok != token.CONST {
				continue
			}
			for _, s := range g.Specs {
				vs := s.(*ast.ValueSpec)
				if id, ok := vs.Type.(*ast.Ident); !ok || id.Name != "Key" {
					continue
				}
				for _, v := range vs.Values {
					k, err := strconv.Unquote(v.(*ast.BasicLit).Value)
					if err != nil {
						t.Fatal(err)
					}
					out = append(out, Key(k))
				}
			}
		}
	}
	return out
}

// verb matches a verb of fmt with its flags, width, precision and an
// explicit argument index ("%02[2]d").
var verb = regexp.MustCompile(`%[-+# 0]*\d*(?:\.\d+)?(?:\[(\d+)\])?([a-zA-Z%])`)

// verbs maps each argument position (from 1) a format uses to its verb.
func verbs(format string) map[int]byte {
	out := map[int]byte{}
	next := 1
	for _, m := range verb.FindAllStringSubmatch(format, -1) {
		if m[2] == "%" {
			continue
		}
		if m[1] != "" {
			next, _ = strconv.Atoi(m[1])
		}
		out[next] = m[2][0]
		next++
	}
	return out
}

// Every sentence is in both languages, and both take the same arguments
// (a language may leave one out, as the Vietnamese date needs no month
// name): said with arguments of the right kinds, neither has a %! error.
func TestCatalogueIsComplete(t *testing.T) {
	ks := keys(t)
	if len(ks) != len(catalogue) {
		t.Errorf("%d keys declared, %d in the catalogue", len(ks), len(catalogue))
	}
	seen := map[Key]bool{}
	for _, k := range ks {
		if seen[k] {
			t.Errorf("key %q declared twice", k)
		}
		seen[k] = true
		e, ok := catalogue[k]
		if !ok || strings.TrimSpace(e.vi) == "" || strings.TrimSpace(e.en) == "" {
			t.Errorf("%s: vi %q, en %q", k, e.vi, e.en)
			continue
		}
		vi, en := verbs(e.vi), verbs(e.en)
		n := 0
		for p, v := range vi {
			if w, ok := en[p]; ok && w != v {
				t.Errorf("%s: argument %d is %%%c in vi, %%%c in en", k, p, v, w)
			}
			n = max(n, p)
		}
		for p, v := range en {
			vi[p] = v
			n = max(n, p)
		}
		args := make([]any, n)
		for i := range args {
			switch vi[i+1] {
			case 0:
				t.Errorf("%s: argument %d is used in neither language", k, i+1)
			case 'd':
				args[i] = 7
			default:
				args[i] = "x"
			}
		}
		for _, lang := range []string{"vi", "en"} {
			if s := T(lang, k, args...); strings.Contains(s, "%!") {
				t.Errorf("%s in %s: %s", k, lang, s)
			}
		}
	}
}

// Every label is in both languages.
func TestLabelsAreComplete(t *testing.T) {
	for _, lang := range []string{"vi", "en"} {
		v := reflect.ValueOf(For(lang))
		for i := 0; i < v.NumField(); i++ {
			if v.Field(i).String() == "" {
				t.Errorf("%s: label %s is empty", lang, v.Type().Field(i).Name)
			}
		}
	}
}

func TestSentences(t *testing.T) {
	for _, tc := range []struct {
		lang string
		key  Key
		args []any
		want string
	}{
		{"vi", NoUnits, nil, "chưa có đơn vị nào: nhập biểu giao chỉ tiêu bằng kpi targets import TỆP.xlsx"},
		{"en", NoUnits, nil, "the workspace has no units yet: kpi targets import FILE.xlsx"},
		{"", NoUnit, []any{"H99"}, `không có đơn vị "H99" (xem kpi units)`}, // Vietnamese is the default
		{"en", NoUnit, []any{"H99"}, `no unit "H99" in the workspace (see kpi units)`},
		{"vi", NoImport, []any{12}, "không có lần nhập #12 (xem kpi history)"},
		{"vi", NoKPI, []any{"thu2", "bhxh-2024"}, `không có chỉ tiêu "thu2" trong phong trào bhxh-2024`},
		{"vi", SignDate, []any{5, 4, 2024, "April"}, "…, ngày 05 tháng 04 năm 2024"},
		{"en", SignDate, []any{5, 4, 2024, "April"}, "…, 5 April 2024"},
		// an argument that says itself is said in the same language
		{"vi", ErrorLine, []any{M(NoImport, 3)}, "lỗi: không có lần nhập #3 (xem kpi history)"},
		{"en", ErrorLine, []any{Errorf(NoImport, 3)}, "error: no import #3 (see kpi history)"},
		{"en", Key("no_such_key"), nil, "no_such_key"},
	} {
		if got := T(tc.lang, tc.key, tc.args...); got != tc.want {
			t.Errorf("T(%q, %s, %v) = %q, want %q", tc.lang, tc.key, tc.args, got, tc.want)
		}
	}
}

type wrapper struct{ error }

func (w wrapper) Unwrap() error { return w.error }

// An Error is English for code and logs, the officer's language at the
// edge; context added around it is kept, in English.
func TestErrors(t *testing.T) {
	cause := errors.New("disk full")
	err := Errorf(KeepCopyFailed, "kpi.db", cause)
	if err.Error() != "keeping a copy of kpi.db before replacing it: disk full" || !errors.Is(err, cause) {
		t.Errorf("%v does not wrap its cause", err)
	}
	noUnits := Errorf(NoUnits)
	var e *Error
	if !errors.As(wrapper{noUnits}, &e) || e.Key != NoUnits {
		t.Errorf("the key is lost: %+v", e)
	}
	for _, tc := range []struct {
		err  error
		lang string
		want string
	}{
		{noUnits, "vi", "chưa có đơn vị nào: nhập biểu giao chỉ tiêu bằng kpi targets import TỆP.xlsx"},
		{noUnits, "en", "the workspace has no units yet: kpi targets import FILE.xlsx"},
		{wrapper{noUnits}, "vi", "chưa có đơn vị nào: nhập biểu giao chỉ tiêu bằng kpi targets import TỆP.xlsx"},
		// context added around it is kept, the sentence said in the language
		{fmt.Errorf("kpi.db: %w", noUnits), "vi", "kpi.db: chưa có đơn vị nào: nhập biểu giao chỉ tiêu bằng kpi targets import TỆP.xlsx"},
		{fmt.Errorf("kpi.db: %w", noUnits), "en", "kpi.db: the workspace has no units yet: kpi targets import FILE.xlsx"},
		// an error kpi cannot say is never bare English in Vietnamese
		{errors.New("disk full"), "en", "disk full"},
		{errors.New("disk full"), "vi", "kpi gặp lỗi chưa lường trước: disk full — hãy chạy lại lệnh; nếu vẫn lỗi, gửi nguyên văn thông báo này cho người phụ trách kpi"},
		{errors.New("không hiểu kỳ báo cáo"), "vi", "không hiểu kỳ báo cáo"},
	} {
		if got := Say(tc.err, tc.lang); got != tc.want {
			t.Errorf("Say(%v, %s) = %q, want %q", tc.err, tc.lang, got, tc.want)
		}
	}
}
