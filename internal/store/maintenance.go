package store

import (
	"context"
	"fmt"
	"os"
)

// Backup writes a consistent copy of the workspace to the new file path,
// as the dialect can (or says what to use instead). An existing file is
// refused.
func (s *DB) Backup(ctx context.Context, path string) error {
	if _, err := os.Stat(path); err == nil {
		return fmt.Errorf("%s already exists: name a new file for the backup", path)
	}
	return reword(s.d, path, s.d.backup(ctx, s.db, path))
}

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
		rows, err := s.db.QueryContext(ctx, q.query)
		if err != nil {
			return nil, s.reword(err)
		}
		for rows.Next() {
			var d string
			if err := rows.Scan(&d); err != nil {
				rows.Close()
				return nil, err
			}
			problems = append(problems, Problem{q.name, d})
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return problems, nil
}

// problemQuery is a check: a query returning one line per problem found.
type problemQuery struct{ name, query string }
