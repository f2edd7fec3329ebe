package store

import (
	"context"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"net"
	"net/url"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/bhxh/kpi/internal/report"
	"github.com/jackc/pgx/v5/pgconn"
)

// cutProxy is a TCP proxy to a PostgreSQL server that can be cut: then it
// closes every connection and stops listening, as a server going down (or
// its network) looks to kpi.
type cutProxy struct {
	addr string
	l    net.Listener
	mu   sync.Mutex
	cs   []net.Conn
}

func newCutProxy(t *testing.T, target string) *cutProxy {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &cutProxy{addr: l.Addr().String(), l: l}
	t.Cleanup(p.cut)
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
			p.mu.Lock()
			p.cs = append(p.cs, c, srv)
			p.mu.Unlock()
			go pipe(c, srv)
			go pipe(srv, c)
		}
	}()
	return p
}

func pipe(dst, src net.Conn) {
	buf := make([]byte, 1<<16)
	for {
		n, err := src.Read(buf)
		if n > 0 {
			if _, werr := dst.Write(buf[:n]); werr != nil {
				return
			}
		}
		if err != nil {
			dst.Close()
			return
		}
	}
}

func (p *cutProxy) cut() {
	p.l.Close()
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, c := range p.cs {
		c.Close()
	}
	p.cs = nil
}

// The server going away mid-batch: every operation after it fails with
// ErrUnreachable, in words saying what to do — whether the connection
// broke under a query or no new one can be made.
func TestPostgresConnectionLost(t *testing.T) {
	admin := os.Getenv("KPI_TEST_POSTGRES")
	if admin == "" {
		t.Skip("KPI_TEST_POSTGRES not set")
	}
	ctx := context.Background()
	u, err := url.Parse(admin)
	if err != nil {
		t.Fatal(err)
	}
	p := newCutProxy(t, u.Host)
	u.Host = p.addr
	if err := DropWorkspace(ctx, admin); err != nil {
		t.Fatal(err)
	}
	s, err := OpenPostgres(ctx, u.String(), true)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	seed(t, s, 3)
	if _, _, err := s.SaveImport(ctx, rec("a.xlsx", "lost-a"), []report.Report{rep("H01", 3, 1)}, false); err != nil {
		t.Fatal(err)
	}
	p.cut()
	check := func(what string, err error) {
		t.Helper()
		if !errors.Is(err, ErrUnreachable) || !strings.Contains(err.Error(), "PostgreSQL") || !strings.Contains(err.Error(), "chạy lại") {
			t.Errorf("%s: %v (%T), want ErrUnreachable in words", what, err, errors.Unwrap(err))
		}
	}
	_, _, err = s.FindImport(ctx, "lost-b")
	check("find", err)
	_, _, err = s.SaveImport(ctx, rec("b.xlsx", "lost-b"), []report.Report{rep("H02", 3, 1)}, false)
	check("one-report save", err)
	_, _, err = s.SaveImport(ctx, rec("c.xlsx", "lost-c"), []report.Report{rep("H02", 3, 1), rep("H03", 3, 1)}, false)
	check("save", err)
}

// What counts as the server gone: a shutdown, a connection exception, a
// broken stream; not a cancelled command, nor an error of the statement.
func TestConnectionLostKinds(t *testing.T) {
	for _, c := range []struct {
		err  error
		lost bool
	}{
		{&pgconn.PgError{Code: "57P01", Message: "terminating connection due to administrator command"}, true},
		{&pgconn.PgError{Code: "08006", Message: "connection failure"}, true},
		{fmt.Errorf("reading: %w", io.ErrUnexpectedEOF), true},
		{driver.ErrBadConn, true},
		{&net.OpError{Op: "read", Net: "tcp", Err: errors.New("connection reset by peer")}, true},
		{fmt.Errorf("saving: %w", pgconn.ErrConnClosed), true}, // a connection the driver closed under an earlier command
		{context.Canceled, false},
		{&pgconn.PgError{Code: "23505", Message: "duplicate key"}, false},
		{errors.New("syntax error"), false},
	} {
		got := reword(pgDialect{}, "kpi", c.err)
		if errors.Is(got, ErrUnreachable) != c.lost {
			t.Errorf("%v → %v: unreachable %v, want %v", c.err, got, !c.lost, c.lost)
		}
	}
	if errors.Is(reword(sqliteDialect{}, "kpi.db", io.ErrUnexpectedEOF), ErrUnreachable) {
		t.Error("a file is never unreachable")
	}
}
