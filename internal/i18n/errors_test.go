package i18n

import (
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"strconv"
	"strings"
	"testing"

	"github.com/bhxh/kpi/internal/campaign"
)

// Every kind of problem campaign declares has words in both languages,
// which take the problem's arguments without a %! error.
func TestCampaignProblemsAreSaid(t *testing.T) {
	f, err := parser.ParseFile(token.NewFileSet(), "../campaign/problem.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, d := range f.Decls {
		g, ok := d.(*ast.GenDecl)
		if !ok || g.Tok != token.CONST {
			continue
		}
		for _, s := range g.Specs {
			vs := s.(*ast.ValueSpec)
			if id, ok := vs.Type.(*ast.Ident); !ok || id.Name != "ProblemKind" {
				continue
			}
			for _, v := range vs.Values {
				k, _ := strconv.Unquote(v.(*ast.BasicLit).Value)
				n++
				w, ok := problems[campaign.ProblemKind(k)]
				if !ok || w.vi == "" || w.en == "" {
					t.Errorf("problem %s has no words", k)
					continue
				}
				args := make([]any, strings.Count(w.en, "%")-2*strings.Count(w.en, "%%"))
				for i := range args {
					args[i] = 7
					if vs := verbs(w.en); vs[i+1] == 's' || vs[i+1] == 'q' {
						args[i] = "x"
					}
				}
				for _, lang := range []string{"vi", "en"} {
					if s := problem(lang, campaign.Problem{Kind: campaign.ProblemKind(k), Args: args}); strings.Contains(s, "%!") {
						t.Errorf("%s in %s: %s", k, lang, s)
					}
				}
			}
		}
	}
	if n != len(problems) {
		t.Errorf("%d kinds declared, %d with words", n, len(problems))
	}
}

// A campaign refused is said problem by problem, each with its YAML line
// or its setting.
func TestCampaignProblems(t *testing.T) {
	y := "code: x\nname: X\nyear: 2024\nkpis:\n  - {code: a, name: A, unit: người, kind: stock, better: higher, weight: 90, cap: 0.5}\n"
	_, err := campaign.Parse([]byte(y))
	want := "phong trào không hợp lệ, không thay đổi gì; sửa tệp YAML:\n" +
		"  kpis[0] \"a\": trần (cap) 0.5 nhỏ hơn 1\n" +
		"  tổng trọng số là 90, phải bằng 100"
	if got := Say(err, "vi"); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	_, err = campaign.Parse([]byte("code: x\nyeer: 2024\n"))
	if got := Say(fmt.Errorf("c.yaml: %w", err), "en"); got != "c.yaml: the campaign is not valid, nothing changed; correct the YAML:\n"+
		"  line 2: no setting \"yeer\" here: a misspelt key, or wrong indentation (see kpi campaign export)" {
		t.Errorf("got %q", got)
	}
}

// The operating system's errors about files are said with the file and
// what to do.
func TestPathErrors(t *testing.T) {
	for _, tc := range []struct {
		err  error
		want string
	}{
		{&fs.PathError{Op: "stat", Path: "baocao/", Err: fs.ErrNotExist}, "không tìm thấy baocao/: kiểm tra lại tên tệp và thư mục (gõ sai, hoặc tệp đã bị chuyển đi nơi khác)"},
		{&fs.PathError{Op: "write", Path: "ra/kt.xlsx", Err: fs.ErrNotExist}, "không có thư mục ra: tạo thư mục trước, hoặc chọn thư mục khác"},
		{fmt.Errorf("x: %w", errors.Join(errors.New("a"), &fs.PathError{Op: "open", Path: "p", Err: fs.ErrPermission})),
			"x: a\nkhông có quyền đọc hoặc ghi p: kiểm tra quyền của tệp, thư mục (hoặc tệp đang chỉ đọc), hoặc chọn chỗ khác"},
	} {
		if got := Say(tc.err, "vi"); got != tc.want {
			t.Errorf("Say(%v)\n got %q\nwant %q", tc.err, got, tc.want)
		}
	}
}
