package campaign

import (
	"reflect"
	"strings"
	"testing"
)

// An exported campaign keeps every comment of the default that explains a
// rule, reads back as the same campaign, and keeps them when the rules
// were changed: a KPI's comments follow its code, a new KPI has none.
func TestCommentedYAML(t *testing.T) {
	var comments []string
	for _, l := range strings.Split(string(DefaultYAML()), "\n") {
		if strings.HasPrefix(strings.TrimSpace(l), "#") {
			comments = append(comments, strings.TrimSpace(l))
		}
	}
	if len(comments) < 40 {
		t.Fatalf("the default explains itself in %d comment lines", len(comments))
	}
	c := Default()
	c.KPIs[4].Weight, c.KPIs[5].Weight = 20, 15 // thu, cham_dong
	c.KPIs = append([]KPI{c.KPIs[4]}, append(c.KPIs[:4:4], c.KPIs[5:]...)...)
	c.Organisation = "BẢO HIỂM XÃ HỘI TỈNH HÀ NAM"
	y, err := c.CommentedYAML()
	if err != nil {
		t.Fatal(err)
	}
	out := string(y)
	for _, l := range comments {
		if !strings.Contains(out, l) {
			t.Errorf("the export lost %q", l)
		}
	}
	back, err := Parse(y)
	if err != nil {
		t.Fatal(err)
	}
	back.index, c.index = nil, nil
	if !reflect.DeepEqual(back, c) {
		t.Errorf("read back %+v\nwant %+v", back, c)
	}
	// thu's comment moved with it, to the first KPI
	if i, j := strings.Index(out, "# the amount due, the arrears"), strings.Index(out, "code: bhxh_bb"); i < 0 || i > j {
		t.Errorf("thu's comment is not with thu:\n%s", out)
	}
	if !strings.Contains(out, "# (kpi settings set organisation …); this is its default until set\norganisation: BẢO HIỂM XÃ HỘI TỈNH HÀ NAM") {
		t.Errorf("the organisation is not said to be a setting:\n%s", out[:2000])
	}
	if !strings.Contains(out, "    aliases: [BHXH bắt buộc, BHXH BB,") {
		t.Error("short lists are not on one line")
	}
}
