package xlsxout

import (
	"io"
	"strings"
	"time"

	"github.com/bhxh/kpi/internal/i18n"
	"github.com/bhxh/kpi/internal/score"
	"github.com/bhxh/kpi/internal/view"
	"github.com/xuri/excelize/v2"
)

// WriteAwards writes the awards workbook of e and its shortlist (see
// WriteAwardsView).
func WriteAwards(w io.Writer, e *Export, sl score.Shortlist) error {
	return WriteAwardsView(w, view.NewAwards(e.Campaign, e.Result, sl, e.Lang), e.Date)
}

// WriteAwardsView writes the awards workbook: one sheet per tier (rank,
// unit, cluster, score, reason) closed by the signature block of the
// decision, a sheet of field awards, a sheet of the individuals nominated
// who pass (when any is nominated), and sheets of the units that missed
// and of the nominations that do not pass, and why — each drawn from the
// view's print columns; the lists of the decision are signed.
func WriteAwardsView(w io.Writer, a *view.Awards, date time.Time) error {
	f := excelize.NewFile()
	defer f.Close()
	st, err := newStyles(f)
	if err != nil {
		return err
	}
	l := i18n.For(a.Lang)
	sections := a.Sections()
	var names []string
	for _, s := range sections {
		names = append(names, s.Sheet)
	}
	names = uniqueSheetNames(names)
	for i, s := range sections {
		title := strings.ToUpper(s.Name) // who missed: not part of the decision, not signed
		switch {
		case s.Title != "":
			title = s.Title
		case s.Signed:
			title = l.AwardsReport + ": " + title
		}
		t := sheetOf(st, names[i], titleLines(a.About, l, title, date), s.Table)
		if s.Signed {
			signature(st, l, a.Lang, date, t)
		}
		if err := writeTable(f, st, t, i == 0); err != nil {
			return err
		}
	}
	f.SetActiveSheet(0)
	_, err = f.WriteTo(w)
	return err
}

// signature closes an official list with its signature block: the date
// line, then "Người lập biểu" on the left and "Giám đốc" on the right, each
// merged across its half of the table.
func signature(st *styles, l i18n.Labels, lang string, d time.Time, t *sheetTable) {
	date := i18n.T(lang, i18n.SignDate, d.Day(), int(d.Month()), d.Year(), d.Month().String())
	right := (len(t.Headers) + 1) / 2 // 0-based column of the right half
	line := func(left, rightCell excelize.Cell) []excelize.Cell {
		row := make([]excelize.Cell, right+1)
		row[0], row[right] = left, rightCell
		return row
	}
	t.After = [][]excelize.Cell{
		line(excelize.Cell{}, text(st.signNote, date)),
		line(text(st.sign, l.PreparedBy), text(st.sign, strings.ToUpper(l.Director))),
		line(text(st.signNote, l.SignNote), text(st.signNote, l.SignNote)),
	}
	col := func(i int) string { c, _ := excelize.ColumnNumberToName(i); return c }
	t.AfterMerge = []string{"A{r}:" + col(right) + "{r}", col(right+1) + "{r}:" + col(len(t.Headers)) + "{r}"}
}
