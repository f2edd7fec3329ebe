package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

func TestSettingsFlags(t *testing.T) {
	testFlags(t, NewCmdSettingsSet, []flagCase[SettingsSetOptions]{
		{args: args("place", "Hải Dương"), want: SettingsSetOptions{Key: "place", Value: "Hải Dương"}},
		{args: args("Signer", "Nguyễn Văn An", "--title", "Giám đốc"), want: SettingsSetOptions{Key: "signer", Value: "Nguyễn Văn An", Title: "Giám đốc"}},
		{args: args("preparer", ""), want: SettingsSetOptions{Key: "preparer"}},
		{args: args("office", "X"), wantErr: `no setting "office": use one of organisation, parent, place, signer`},
		{args: args("place", "X", "--title", "Y"), wantErr: "--title goes with signer or preparer only"},
		{args: args("place"), wantErr: "takes 2 argument(s)"},
	})
	testFlags(t, NewCmdSettingsShow, []flagCase[SettingsShowOptions]{
		{args: args(), want: SettingsShowOptions{Format: "table"}},
		{args: args("--format", "json"), want: SettingsShowOptions{Format: "json"}},
		{args: args("--format", "xml"), wantErr: "unknown format"},
	})
}

// Settings are kept in the workspace and shown as in force; office names
// and titles in capitals; "" brings the default back; each change is in
// the log.
func TestSettingsRun(t *testing.T) {
	db := filepath.Join(t.TempDir(), "kpi.db")
	if code, _, stderr := run(t, "--db", db, "init"); code != 0 {
		t.Fatal(stderr)
	}
	for _, a := range [][]string{
		{"organisation", "  Bảo hiểm xã hội tỉnh   Hải Dương "},
		{"signer", "Nguyễn Văn An", "--title", "kt. giám đốc"},
		{"preparer", "Trần Thị Bình"},
		{"preparer", ""},
	} {
		if code, _, stderr := run(t, append([]string{"--db", db, "settings", "set"}, a...)...); code != 0 {
			t.Fatal(stderr)
		}
	}
	_, out, _ := run(t, "--db", db, "settings", "show", "--format", "csv")
	for _, want := range []string{
		"organisation,BẢO HIỂM XÃ HỘI TỈNH HẢI DƯƠNG,đã đặt,",
		"parent,BẢO HIỂM XÃ HỘI VIỆT NAM,mặc định,",
		"place,Hải Dương,mặc định,",
		"signer,Nguyễn Văn An,đã đặt,",
		"signer_title,KT. GIÁM ĐỐC,đã đặt,",
		"preparer,,mặc định,",
		"preparer_title,NGƯỜI LẬP BIỂU,mặc định,",
	} {
		if !strings.Contains(out, want+"\n") && !strings.Contains(out, want) {
			t.Errorf("settings lack %q:\n%s", want, out)
		}
	}
	_, js, _ := run(t, "--db", db, "settings", "show", "--format", "json")
	if !strings.Contains(js, `"key": "place",`+"\n"+`    "value": "Hải Dương",`+"\n"+`    "set": false`) {
		t.Errorf("json %s", js)
	}
	_, log, _ := run(t, "--db", db, "log", "--format", "csv")
	if strings.Count(log, ",setting,") != 5 || !strings.Contains(log, ",setting,preparer,,Trần Thị Bình,,") {
		t.Errorf("log %s", log)
	}
}
