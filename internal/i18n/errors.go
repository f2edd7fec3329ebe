package i18n

import (
	"archive/zip"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"unicode"

	"github.com/bhxh/kpi/internal/campaign"
)

// Say writes err for people in lang. The errors kpi can say — its own
// (an Error, anything Localized), a campaign's problems, the operating
// system's about files and folders, a damaged zip, a file cut short —
// are said in the catalogue's words, in place of their own wherever they
// are in err (the context added around them is kept). In Vietnamese, an
// error that is still without a Vietnamese word is said as unexpected,
// with what to do: the officer never meets a bare English sentence.
func Say(err error, lang string) string {
	msg := sayIn(err, lang)
	if lang != "en" && !vietnamese(msg) {
		msg = T(lang, Unexpected, msg)
	}
	return msg
}

// sayIn is Say without the last resort: the words of err with the errors
// kpi can say said in lang.
func sayIn(err error, lang string) string {
	msg := err.Error()
	for _, e := range chain(err) {
		if s, ok := sayOne(e, lang); ok {
			if inner := e.Error(); inner != "" && strings.Contains(msg, inner) {
				return strings.Replace(msg, inner, s, 1)
			}
			return s
		}
	}
	return msg
}

// chain lists err and the errors it wraps, outermost first.
func chain(err error) []error {
	var out []error
	queue := []error{err}
	for len(queue) > 0 && len(out) < 64 {
		e := queue[0]
		queue = queue[1:]
		if e == nil {
			continue
		}
		out = append(out, e)
		switch u := e.(type) {
		case interface{ Unwrap() error }:
			queue = append(queue, u.Unwrap())
		case interface{ Unwrap() []error }:
			queue = append(queue, u.Unwrap()...)
		}
	}
	return out
}

// sayOne says e itself, when it is an error kpi knows the words of.
func sayOne(e error, lang string) (string, bool) {
	switch e := e.(type) {
	case Localized:
		return e.In(lang), true
	case *campaign.InvalidError:
		return CampaignProblems(lang, e), true
	case *fs.PathError:
		return pathError(lang, e.Op, e.Path, e.Err)
	case *os.LinkError:
		return pathError(lang, e.Op, e.New, e.Err)
	}
	switch {
	case e == zip.ErrFormat || e == zip.ErrChecksum || e == zip.ErrAlgorithm:
		return T(lang, DamagedZip), true
	case e == io.ErrUnexpectedEOF || e == io.EOF:
		return T(lang, CutShort), true
	}
	return "", false
}

// pathError says what the operating system refused to do with a file or a
// folder.
func pathError(lang, op, path string, err error) (string, bool) {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		switch op {
		case "mkdir", "createtemp", "write", "rename", "link", "symlink":
			return T(lang, NoFolder, filepath.Dir(path)), true
		}
		return T(lang, FileNotFound, path), true
	case errors.Is(err, fs.ErrPermission):
		if op == "createtemp" {
			path = filepath.Dir(path)
		}
		return T(lang, NoPermission, path), true
	case errors.Is(err, fs.ErrExist):
		return T(lang, AlreadyThere, path), true
	case errors.Is(err, syscall.EISDIR):
		return T(lang, IsFolder, path), true
	case errors.Is(err, syscall.ENOTDIR):
		return T(lang, NotAFolder, path), true
	case errors.Is(err, syscall.ENOSPC):
		return T(lang, DiskFull, path), true
	case errors.Is(err, syscall.EROFS):
		return T(lang, ReadOnlyDisk, path), true
	}
	return "", false
}

// vietnamese reports whether s has a letter only Vietnamese writes: a
// sentence of kpi's, or of the reader's, in Vietnamese.
func vietnamese(s string) bool {
	for _, r := range s {
		if r < 0x80 || !unicode.IsLetter(r) {
			continue
		}
		if strings.ContainsRune(vietnameseLetters, unicode.ToLower(r)) {
			return true
		}
	}
	return false
}

const vietnameseLetters = "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"

// CampaignProblems says why a campaign is refused: a heading, then each
// problem on a line of its own — the YAML line or the setting it is about,
// and what to change.
func CampaignProblems(lang string, e *campaign.InvalidError) string {
	var b strings.Builder
	b.WriteString(T(lang, CampaignInvalid))
	for _, p := range e.Problems {
		b.WriteString("\n  ")
		if p.Line > 0 {
			b.WriteString(T(lang, AtLine, p.Line))
			b.WriteString(": ")
		}
		if p.Where != "" {
			b.WriteString(p.Where)
			b.WriteString(": ")
		}
		b.WriteString(problem(lang, p))
	}
	return b.String()
}

// problem says one problem of a campaign.
func problem(lang string, p campaign.Problem) string {
	w, ok := problems[p.Kind]
	if !ok {
		return p.String()
	}
	format := w.vi
	if lang == "en" {
		format = w.en
	}
	args := make([]any, len(p.Args))
	for i, a := range p.Args {
		switch a := a.(type) {
		case campaign.ValueKind:
			args[i] = valueKind(lang, a)
		case float64:
			args[i] = fmt.Sprintf("%g", a)
		default:
			args[i] = a
		}
	}
	if len(args) == 0 {
		return format
	}
	return fmt.Sprintf(format, args...)
}

func valueKind(lang string, k campaign.ValueKind) string {
	w := map[campaign.ValueKind]struct{ vi, en string }{
		campaign.ValueNumber:  {"một số", "a number"},
		campaign.ValueBool:    {"true hoặc false", "true or false"},
		campaign.ValueText:    {"một đoạn chữ", "text"},
		campaign.ValueList:    {"một danh sách [ … ]", "a list [ … ]"},
		campaign.ValueMapping: {"các mục con (khoá: giá trị)", "keys and values (key: value)"},
	}[k]
	if lang == "en" {
		return w.en
	}
	return w.vi
}

// problems holds the words of each problem a campaign can have; numbers
// come as the YAML writes them (0.9, not 0,9), since they are to be
// corrected in the YAML.
var problems = map[campaign.ProblemKind]struct{ vi, en string }{
	campaign.YAMLEmpty: {"tệp trống: chưa có phong trào nào (lấy một tệp mẫu bằng kpi campaign export -o phong-trao.yaml)",
		"the file is empty: no campaign in it (write one to start from with kpi campaign export -o campaign.yaml)"},
	campaign.YAMLSyntax: {"sai cú pháp YAML%.0[1]s: kiểm tra thụt lề bằng dấu cách (không dùng Tab), dấu hai chấm sau mỗi khoá và các dấu ngoặc",
		"YAML syntax error (%s): check the indentation (spaces, not tabs), the colon after each key and the brackets"},
	campaign.YAMLUnknownField: {"không có mục %q ở chỗ này: có thể viết sai tên, hoặc thụt lề sai (xem tệp mẫu: kpi campaign export)",
		"no setting %q here: a misspelt key, or wrong indentation (see kpi campaign export)"},
	campaign.YAMLWrongType: {"giá trị %q không đúng kiểu: ở đây cần %s",
		"the value %q has the wrong type: %s expected here"},
	campaign.YAMLDuplicate: {"mục %q được ghi hai lần: giữ một", "%q is set twice: keep one"},

	campaign.CodeEmpty:      {"mã phong trào (code) để trống", "the campaign's code is empty"},
	campaign.BadYear:        {"năm thi đua (year) %d không hợp lệ", "the campaign year %d is not a year"},
	campaign.BadScoreBasis:  {"score_basis %q phải là to_date hoặc annual", "score_basis %q must be to_date or annual"},
	campaign.CapBelowOne:    {"trần (cap) %s nhỏ hơn 1", "cap %s is below 1"},
	campaign.BadMethod:      {"method %q phải là capped hoặc leader", "method %q must be capped or leader"},
	campaign.BadLeaderScope: {"leader_scope %q phải là cluster hoặc province", "leader_scope %q must be cluster or province"},
	campaign.ScopeWithoutLeader: {"leader_scope %q chỉ dùng với method: leader",
		"leader_scope %q is only for method: leader"},
	campaign.AdjustBoundRange: {"%s %s phải từ 0 đến %d điểm", "%s %s must be between 0 and %d points"},
	campaign.NoKPIs:           {"phong trào chưa có chỉ tiêu nào (kpis)", "the campaign has no KPIs"},
	campaign.BadCode: {"mã (code) chỉ được gồm chữ thường không dấu, chữ số và dấu _, bắt đầu bằng một chữ",
		"code must be lower-case letters, digits and _"},
	campaign.DuplicateCode:      {"mã (code) bị trùng", "duplicate code"},
	campaign.NameEmpty:          {"tên (name) để trống", "name is empty"},
	campaign.DuplicateName:      {"tên %q bị trùng", "duplicate name %q"},
	campaign.BadKind:            {"loại (kind) %q phải là stock, flow hoặc rate", "kind %q must be stock, flow or rate"},
	campaign.BadBetter:          {"better %q phải là higher hoặc lower", "better %q must be higher or lower"},
	campaign.WeightNotPositive:  {"trọng số (weight) %s phải lớn hơn 0", "weight %s must be positive"},
	campaign.BadPhasing:         {"phasing phải có đúng 12 trọng số (tháng 1 đến tháng 12), không số nào âm, không phải tất cả bằng 0", "phasing must be 12 weights (January to December), none negative, not all zero"},
	campaign.NotEmpty:           {"not: có một cụm từ để trống", "not: an empty phrase"},
	campaign.NotOwnName:         {"not: %q là một tên của chính chỉ tiêu này", "not: %q is one of the KPI's own names"},
	campaign.DefaultNotPositive: {"default_target %s phải lớn hơn 0", "default_target %s must be positive"},
	campaign.WeightsSum:         {"tổng trọng số là %s, phải bằng 100", "weights sum to %s, they must sum to 100"},
	campaign.ShortNameClash:     {"tên ngắn (short_name) %q trùng với của %s", "short_name %q is also %s's"},
	campaign.TopNegative:        {"top_in_cluster %d là số âm", "top_in_cluster %d is negative"},
	campaign.MinScoreRange:      {"min_score %s nằm ngoài khoảng cho phép (0 đến 1000)", "min_score %s is out of range (0 to 1000)"},
	campaign.MinAttainmentRange: {"min_attainment %s nằm ngoài khoảng cho phép (đây là tỷ lệ: 0.9 nghĩa là 90%%)", "min_attainment %s is out of range (it is a ratio: 0.9 means 90%%)"},
	campaign.MaxShareRange:      {"max_share %s phải lớn hơn 0 và không quá 1", "max_share %s must be in (0, 1]"},
	campaign.NoCondition:        {"danh hiệu chưa có điều kiện nào", "the rule has no condition"},
	campaign.MaxPerUnitNegative: {"max_per_unit %d là số âm", "max_per_unit %d is negative"},
	campaign.MinScoreUnreachable: {"min_score %s không bao giờ đạt được: với method %s điểm cao nhất là %s (100 + max_bonus)",
		"min_score %s can never be reached: under method %s the highest score is %s (100 + max_bonus)"},
	campaign.NameClash: {"%q là tên của cả %s và %s: mỗi tên gọi chỉ được thuộc một chỉ tiêu",
		"%q names both %s and %s: a name belongs to one KPI"},
}
