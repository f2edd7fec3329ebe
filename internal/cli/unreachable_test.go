package cli

import (
	"bytes"
	"database/sql"
	"fmt"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/bhxh/kpi/internal/xlsxspec"
)

// PostgreSQL going down in the middle of a batch: the files before are in,
// the one being saved is named as failed, the rest are not tried, and one
// message says how far it got and what to do; the same command finishes
// the batch once the server is back.
func TestImportStopsWhenServerGoesDown(t *testing.T) {
	admin := os.Getenv("KPI_TEST_POSTGRES")
	if admin == "" {
		t.Skip("KPI_TEST_POSTGRES not set")
	}
	db, err := sql.Open("pgx", admin)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	name := fmt.Sprintf("kpi_cli_down_%d", os.Getpid())
	if _, err := db.Exec("DROP DATABASE IF EXISTS " + name); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("CREATE DATABASE " + name); err != nil {
		t.Fatal(err)
	}
	defer db.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")
	u, err := url.Parse(admin)
	if err != nil {
		t.Fatal(err)
	}
	u.Path = "/" + name
	direct := u.String()

	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "thang03"), 0o755); err != nil {
		t.Fatal(err)
	}
	targets := "row 1: Mã đơn vị | Tên đơn vị | thu\n"
	for i := 1; i <= 6; i++ {
		targets += fmt.Sprintf("row %d: H0%d | Huyện %d | 100\n", i+1, i, i)
		spec := fmt.Sprintf("row 1: Mã đơn vị: H0%d\nrow 2: Kỳ báo cáo: 03/2024\nrow 4: Mã chỉ tiêu | Trong tháng\nrow 5: thu | %d\n", i, 10*i)
		if err := xlsxspec.WriteFile(filepath.Join(dir, "thang03", fmt.Sprintf("H0%d_2024-03.xlsx", i)), spec); err != nil {
			t.Fatal(err)
		}
	}
	if err := xlsxspec.WriteFile(filepath.Join(dir, "chitieu.xlsx"), targets); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"init"}, {"targets", "import", filepath.Join(dir, "chitieu.xlsx")}} {
		if code, _, stderr := run(t, append(args, "--db", direct)...); code != ExitOK {
			t.Fatal(stderr)
		}
	}

	// the server goes down as the fourth file is being saved: when its
	// name, in the statement recording it, is on its way to the server.
	// The first three are in already (files saved in the transaction of
	// the one that failed would be lost with it, and saved by the next
	// run: a file is reported only once the commit that holds it is done)
	p := newDownProxy(t, u.Host, []byte("H04_2024-03.xlsx"))
	u.Host = p.addr
	var first []string
	for i := 1; i <= 3; i++ {
		first = append(first, filepath.Join(dir, "thang03", fmt.Sprintf("H0%d_2024-03.xlsx", i)))
	}
	code, stdout, stderr := run(t, append([]string{"import", "--db", u.String()}, first...)...)
	if code != ExitOK || !strings.Contains(stdout, "✓ H01_2024-03.xlsx #1") || !strings.Contains(stdout, "✓ H03_2024-03.xlsx #3") {
		t.Fatalf("exit %d:\n%s\n%s", code, stdout, stderr)
	}
	code, stdout, stderr = run(t, "import", "--db", u.String(), filepath.Join(dir, "thang03"))
	if code != ExitError {
		t.Errorf("exit %d", code)
	}
	for _, want := range []string{"= H01_2024-03.xlsx: đã nhập trước đó (lần nhập #1)", "= H03_2024-03.xlsx", "✗ H04_2024-03.xlsx: 1 lỗi, không nhập"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, stdout)
		}
	}
	if strings.Contains(stdout, "H05") || strings.Contains(stderr, "H05") {
		t.Errorf("files after the failure were tried:\n%s\n%s", stdout, stderr)
	}
	if !strings.Contains(stderr, "lỗi: H04_2024-03.xlsx: lưu không thành công, không có gì được ghi: mất kết nối tới PostgreSQL") {
		t.Errorf("the failed file is not named:\n%s", stderr)
	}
	var errs, stops int
	for _, line := range strings.Split(strings.TrimSpace(stderr), "\n") {
		switch {
		case strings.HasPrefix(line, "lỗi: "):
			errs++
		case strings.HasPrefix(line, "đã dừng sau 4/6 tệp vì không tới được cơ sở dữ liệu") && strings.Contains(line, "2 tệp còn lại chưa thử") &&
			strings.Contains(line, "chạy lại cùng lệnh"):
			stops++
		case strings.HasPrefix(line, "cảnh báo: "):
		default:
			t.Errorf("unexpected line %q", line)
		}
	}
	if errs != 1 || stops != 1 {
		t.Errorf("want the file's error and one message saying what to do:\n%s", stderr)
	}

	// back up: the same command finishes the batch
	code, stdout, stderr = run(t, "import", "--db", direct, filepath.Join(dir, "thang03"))
	if code != ExitOK || !strings.Contains(stdout, "Tổng: 3 tệp nhập mới, 0 thay thế, 3 bỏ qua, 0 lỗi") {
		t.Errorf("exit %d:\n%s\n%s", code, stdout, stderr)
	}
}

// downProxy is a TCP proxy to the server that goes down — closes every
// connection and stops listening — when the client sends trigger.
type downProxy struct {
	addr    string
	l       net.Listener
	trigger []byte
	mu      sync.Mutex
	conns   []net.Conn
}

func newDownProxy(t *testing.T, target string, trigger []byte) *downProxy {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &downProxy{addr: l.Addr().String(), l: l, trigger: trigger}
	t.Cleanup(p.down)
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
			p.conns = append(p.conns, c, srv)
			p.mu.Unlock()
			go p.pipe(srv, c, true)
			go p.pipe(c, srv, false)
		}
	}()
	return p
}

func (p *downProxy) pipe(dst, src net.Conn, watch bool) {
	buf := make([]byte, 1<<16)
	var tail []byte
	for {
		n, err := src.Read(buf)
		if n > 0 {
			if watch {
				seen := append(tail, buf[:n]...)
				if bytes.Contains(seen, p.trigger) {
					p.down()
					return
				}
				tail = append([]byte(nil), seen[max(0, len(seen)-len(p.trigger)):]...)
			}
			if _, err := dst.Write(buf[:n]); err != nil {
				return
			}
		}
		if err != nil {
			dst.Close()
			return
		}
	}
}

func (p *downProxy) down() {
	p.l.Close()
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, c := range p.conns {
		c.Close()
	}
	p.conns = nil
}
