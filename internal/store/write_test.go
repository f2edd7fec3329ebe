package store

import (
	"context"
	"errors"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgconn"

	"github.com/bhxh/kpi/internal/report"
)

// A writing transaction whose function fails leaves nothing behind, and
// the function's error comes back.
func TestWriteRollsBackOnError(t *testing.T) {
	ctx := context.Background()
	backends(t, func(t *testing.T, open func() *DB) {
		s := open()
		seed(t, s, 1)
		boom := errors.New("boom")
		err := s.write(ctx, func(w *writeTx) error {
			if _, err := w.ExecContext(ctx, "INSERT INTO units (code, name, cluster, position) VALUES (?, ?, ?, ?)", "X", "X", "", 9); err != nil {
				return err
			}
			if _, err := w.ExecContext(ctx, "UPDATE units SET targets = ''"); err != nil {
				return err
			}
			return boom
		})
		if !errors.Is(err, boom) {
			t.Fatalf("err = %v, want boom", err)
		}
		units, err := s.Units(ctx)
		if err != nil || len(units) != 1 || units[0].Code != "H01" || units[0].Targets["thu"] != 100 {
			t.Fatalf("units after a failed write = %+v, %v", units, err)
		}
	})
}

// Writing transactions take turns, across handles as across processes:
// the second waits for the first to commit, then sees what it wrote.
func TestWritersTakeTurns(t *testing.T) {
	ctx := context.Background()
	backends(t, func(t *testing.T, open func() *DB) {
		first, second := open(), open()
		var mu sync.Mutex
		var order []string
		note := func(s string) { mu.Lock(); order = append(order, s); mu.Unlock() }
		started := make(chan struct{})
		done := make(chan error)
		go func() {
			done <- first.write(ctx, func(w *writeTx) error {
				if _, err := w.ExecContext(ctx, "INSERT INTO units (code, name, cluster, position) VALUES ('A', 'A', '', 1)"); err != nil {
					close(started)
					return err
				}
				close(started)
				time.Sleep(200 * time.Millisecond)
				note("first")
				return nil
			})
		}()
		<-started
		var seen int
		if err := second.write(ctx, func(w *writeTx) error {
			if err := w.QueryRowContext(ctx, "SELECT count(*) FROM units").Scan(&seen); err != nil {
				return err
			}
			note("second")
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		if err := <-done; err != nil {
			t.Fatal(err)
		}
		if strings.Join(order, " ") != "first second" || seen != 1 {
			t.Fatalf("order %v, the second saw %d units: the writers did not take turns", order, seen)
		}
	})
}

// Each dialect rewords its own database's failures, and only those: what
// SQLite says of a damaged file is not said of a PostgreSQL error that
// happens to contain "malformed".
func TestRewordPerDialect(t *testing.T) {
	pg := func(code, msg string) error { return &pgconn.PgError{Severity: "FATAL", Code: code, Message: msg} }
	refused := &net.OpError{Op: "dial", Net: "tcp", Err: os.NewSyscallError("connect", syscall.ECONNREFUSED)}
	for _, c := range []struct {
		name string
		d    dialect
		err  error
		want string // "" for unchanged
	}{
		{"sqlite disk full", sqliteDialect{}, errors.New("database or disk is full (13)"), "ổ đĩa đầy"},
		{"sqlite read-only", sqliteDialect{}, errors.New("attempt to write a readonly database (8)"), "chỉ đọc (read-only)"},
		{"sqlite cannot open", sqliteDialect{}, errors.New("unable to open database file (14)"), "không mở được"},
		{"sqlite damaged", sqliteDialect{}, errors.New("database disk image is malformed (11)"), "hỏng hoặc không phải cơ sở dữ liệu kpi"},
		{"sqlite other", sqliteDialect{}, errors.New("no such table: x"), ""},
		{"pg refused", pgDialect{}, refused, "không tới được máy chủ"},
		{"pg unknown host", pgDialect{}, &net.OpError{Op: "dial", Net: "tcp", Err: &net.DNSError{Err: "no such host", Name: "db.bhxh"}}, "không tới được máy chủ"},
		{"pg wrong password", pgDialect{}, pg("28P01", `password authentication failed for user "kpi"`), "từ chối đăng nhập"},
		{"pg no such role", pgDialect{}, pg("28000", `role "kpi" does not exist`), "từ chối đăng nhập"},
		{"pg no such database", pgDialect{}, pg("3D000", `database "kpi" does not exist`), "chưa có trên máy chủ PostgreSQL"},
		{"pg disk full", pgDialect{}, pg("53100", "could not extend file"), "hết chỗ trống trên đĩa"},
		{"pg too many connections", pgDialect{}, pg("53300", "sorry, too many clients already"), "đủ số kết nối"},
		{"pg standby", pgDialect{}, pg("25006", "cannot execute INSERT in a read-only transaction"), "chỉ đọc"},
		{"pg malformed is not damage", pgDialect{}, pg("22P02", "malformed array literal"), ""},
		{"pg disk words are not a full disk", pgDialect{}, errors.New("database or disk is full"), ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := reword(c.d, "kpi", c.err)
			if c.want == "" {
				if got != c.err {
					t.Fatalf("reworded %v as %v", c.err, got)
				}
				return
			}
			if !strings.Contains(got.Error(), c.want) || !strings.Contains(got.Error(), c.err.Error()) || !errors.Is(got, c.err) {
				t.Fatalf("%v → %v, want %q and the original", c.err, got, c.want)
			}
			if again := reword(c.d, "kpi", got); again != got {
				t.Fatalf("reworded twice: %v", again)
			}
		})
	}
}

// Opening an unreachable server, or a database that is not there, says
// what to do.
func TestPostgresOpenErrors(t *testing.T) {
	ctx := context.Background()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closed := l.Addr().String()
	l.Close()
	if _, err := OpenPostgres(ctx, "postgres://kpi:secret@"+closed+"/kpi?sslmode=disable", false); err == nil ||
		!strings.Contains(err.Error(), "không tới được máy chủ") || strings.Contains(err.Error(), "secret") {
		t.Fatalf("closed port: %v", err)
	}
	admin := os.Getenv("KPI_TEST_POSTGRES")
	if admin == "" {
		t.Skip("KPI_TEST_POSTGRES not set")
	}
	u, err := url.Parse(admin)
	if err != nil {
		t.Fatal(err)
	}
	u.Path = "/kpi_no_such_database"
	if _, err := OpenPostgres(ctx, u.String(), true); err == nil || !strings.Contains(err.Error(), "chưa có trên máy chủ PostgreSQL") {
		t.Fatalf("missing database: %v", err)
	}
}

// A one-report file is saved on PostgreSQL in three round trips: BEGIN,
// one batch of the write lock and the statements, COMMIT.
func TestOneReportFileThreeRoundTrips(t *testing.T) {
	admin := os.Getenv("KPI_TEST_POSTGRES")
	if admin == "" {
		t.Skip("KPI_TEST_POSTGRES not set")
	}
	ctx := context.Background()
	u, err := url.Parse(admin)
	if err != nil {
		t.Fatal(err)
	}
	p := newTurnCounter(t, u.Host)
	u.Host = p.addr
	if err := DropWorkspace(ctx, admin); err != nil {
		t.Fatal(err)
	}
	s, err := OpenPostgres(ctx, u.String(), true)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	seed(t, s, 2)
	s.db.SetMaxOpenConns(1)
	// the first file prepares the statements on the connection
	if _, _, err := s.SaveImport(ctx, rec("h01.xlsx", "one-1"), []report.Report{rep("H01", 3, 1)}, false); err != nil {
		t.Fatal(err)
	}
	p.turns.Store(0)
	if _, sup, err := s.SaveImport(ctx, rec("h01-fix.xlsx", "one-2"), []report.Report{rep("H01", 3, 2)}, false); err != nil || len(sup) != 1 {
		t.Fatalf("%v %v", sup, err)
	}
	if n := p.turns.Load(); n != 3 {
		t.Fatalf("%d round trips, want 3", n)
	}
}

// turnCounter is a TCP proxy that counts round trips: the times the
// client speaks after the server has.
type turnCounter struct {
	addr  string
	turns atomic.Int64
}

func newTurnCounter(t *testing.T, target string) *turnCounter {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	p := &turnCounter{addr: l.Addr().String()}
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			srv, err := net.Dial("tcp", target)
			if err != nil {
				c.Close()
				continue
			}
			var serverSpoke atomic.Bool
			serverSpoke.Store(true)
			go func() {
				defer srv.Close()
				buf := make([]byte, 1<<16)
				for {
					n, err := c.Read(buf)
					if n > 0 {
						if serverSpoke.Swap(false) {
							p.turns.Add(1)
						}
						srv.Write(buf[:n])
					}
					if err != nil {
						return
					}
				}
			}()
			go func() {
				defer c.Close()
				buf := make([]byte, 1<<16)
				for {
					n, err := srv.Read(buf)
					if n > 0 {
						c.Write(buf[:n])
						serverSpoke.Store(true)
					}
					if err != nil {
						return
					}
				}
			}()
		}
	}()
	return p
}

// Generic code asks the dialect and never names it: only the dialect
// files (sqlite*.go, postgres*.go) may speak of a particular database.
func TestGenericCodeNamesNoDialect(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	named := regexp.MustCompile(`(?i)sqlite|postgres|\bpg`)
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") || strings.HasPrefix(f, "sqlite") || strings.HasPrefix(f, "postgres") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(string(src), "\n") {
			if m := named.FindString(line); m != "" {
				t.Errorf("%s:%d names a database (%q): make it a hook of the dialect", f, i+1, m)
			}
		}
	}
}
