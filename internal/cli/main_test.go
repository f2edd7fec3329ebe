package cli

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
)

func run(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = Main(args, &IOStreams{In: strings.NewReader(""), Out: &out, ErrOut: &errOut})
	return code, out.String(), errOut.String()
}

func TestExitCodes(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "kpi.db")
	cases := []struct {
		args []string
		want int
	}{
		{[]string{"frobnicate"}, ExitUsage},
		{[]string{"units", "--nope"}, ExitUsage},
		{[]string{"init", "extra"}, ExitUsage},
		{[]string{"units", "--db", db}, ExitError}, // no workspace yet
		{[]string{"init", "--db", db}, ExitOK},
		{[]string{"units", "--db", db, "--format", "xml"}, ExitUsage},
		{[]string{"units", "--db", db, "--format", "json"}, ExitOK},
	}
	for _, c := range cases {
		if got, _, stderr := run(t, c.args...); got != c.want {
			t.Errorf("kpi %v: exit %d, want %d (stderr %q)", c.args, got, c.want, stderr)
		}
	}
}

func TestUnitsJSONEmptyIsArray(t *testing.T) {
	db := filepath.Join(t.TempDir(), "kpi.db")
	run(t, "init", "--db", db)
	_, out, _ := run(t, "units", "--db", db, "--format", "json")
	if strings.TrimSpace(out) != "[]" {
		t.Fatalf("units json = %q", out)
	}
}
