package store

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
)

// Backup writes a consistent copy of the workspace to the new file path,
// as the dialect can (or says what to use instead). An existing file is
// refused.
func (s *DB) Backup(ctx context.Context, path string) error {
	if _, err := os.Stat(path); err == nil {
		return fmt.Errorf("%s already exists: name a new file for the backup", path)
	}
	return reword(s.d, path, s.d.backup(ctx, s.db, s.path, path))
}

// ErrDamaged is returned by QuickCheck for a workspace whose file is
// damaged.
var ErrDamaged = errors.New("workspace damaged")

// QuickCheck runs the database's cheap check of its own structure (see the
// dialect's quickCheck), before a command writes into the workspace: a
// damaged file is refused with ErrDamaged, naming the workspace and the
// first problem found, rather than written into.
func (s *DB) QuickCheck(ctx context.Context) error {
	q := s.d.quickCheck()
	if q == "" {
		return nil
	}
	var first string
	err := s.db.QueryRowContext(ctx, q).Scan(&first)
	switch {
	case err == nil && first == "ok":
		return nil
	case err == nil:
	case s.d.damaged(err):
		first = err.Error()
	default:
		return s.reword(err)
	}
	first = strings.Join(strings.Fields(strings.ReplaceAll(first, "*** in database main ***", "")), " ")
	return damagedError(fmt.Sprintf("%s bị hỏng (kiểm tra nhanh: %s); không ghi gì vào tệp này — chạy 'kpi check' để xem chỗ hỏng, "+
		"rồi dùng bản sao lưu gần nhất (đặt nó làm --db, hoặc chép đè lên %s khi không có lệnh kpi nào đang chạy) và nhập lại các báo cáo gửi sau ngày sao lưu",
		s.path, first, s.path))
}

// damagedError is QuickCheck's refusal, in words; it is ErrDamaged.
type damagedError string

func (e damagedError) Error() string        { return string(e) }
func (e damagedError) Is(target error) bool { return target == ErrDamaged }

// Problem is one finding of Check.
type Problem struct {
	Check  string // what was checked
	Detail string
}

// Check runs the database's integrity checks and the workspace's own
// invariants: every import not undone has reports and every report values; no two
// live reports for one unit and period; every superseding import exists;
// every report's unit exists.
func (s *DB) Check(ctx context.Context) ([]Problem, error) {
	invariants := []problemQuery{
		{"lần nhập không có báo cáo (nhập dở)", `SELECT 'lần nhập #' || CAST(id AS TEXT) || ' (' || file || ')' FROM imports i WHERE i.undone_at IS NULL AND NOT EXISTS (SELECT 1 FROM reports r WHERE r.import_id = i.id)`},
		{"báo cáo không có số liệu", `SELECT 'báo cáo ' || unit_code || ' ' || period || ' của lần nhập #' || CAST(import_id AS TEXT) FROM reports r WHERE vals = '[]' OR vals = ''`},
		{"báo cáo không thuộc lần nhập nào", `SELECT 'báo cáo #' || CAST(id AS TEXT) FROM reports r WHERE NOT EXISTS (SELECT 1 FROM imports i WHERE i.id = r.import_id)`},
		{"hai báo cáo có hiệu lực cho một đơn vị và kỳ", `SELECT unit_code || ' ' || period || ': ' || CAST(count(*) AS TEXT) || ' báo cáo' FROM reports WHERE superseded_by IS NULL GROUP BY unit_code, period HAVING count(*) > 1`},
		{"bị thay bởi lần nhập không tồn tại", `SELECT 'báo cáo ' || unit_code || ' ' || period || ' → #' || CAST(superseded_by AS TEXT) FROM reports r WHERE superseded_by IS NOT NULL AND NOT EXISTS (SELECT 1 FROM imports i WHERE i.id = r.superseded_by)`},
		{"báo cáo của đơn vị không có trong danh sách", `SELECT 'báo cáo ' || unit_code || ' ' || period FROM reports r WHERE NOT EXISTS (SELECT 1 FROM units u WHERE u.code = r.unit_code)`},
	}
	var problems []Problem
	for _, q := range append(s.d.integrityChecks(), invariants...) {
		found, err := s.problems(ctx, q)
		if err != nil && s.d.damaged(err) {
			// a damaged file is a finding, not the end of the check
			found = append(found, Problem{q.name, "không đọc được: " + err.Error()})
		} else if err != nil {
			return nil, s.reword(err)
		}
		problems = append(problems, found...)
	}
	return problems, nil
}

// problems runs one check.
func (s *DB) problems(ctx context.Context, q problemQuery) ([]Problem, error) {
	rows, err := s.db.QueryContext(ctx, q.query)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var found []Problem
	for rows.Next() {
		var d string
		if err := rows.Scan(&d); err != nil {
			return found, err
		}
		found = append(found, Problem{q.name, d})
	}
	return found, rows.Err()
}

// problemQuery is a check: a query returning one line per problem found.
type problemQuery struct{ name, query string }
