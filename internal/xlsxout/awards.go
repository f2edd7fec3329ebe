package xlsxout

import (
	"io"
	"strings"

	"github.com/bhxh/kpi/internal/i18n"
	"github.com/bhxh/kpi/internal/score"
	"github.com/bhxh/kpi/internal/view"
	"github.com/xuri/excelize/v2"
)

// WriteAwards writes the awards workbook of e and its shortlist (see
// WriteAwardsView).
func WriteAwards(w io.Writer, e *Export, sl score.Shortlist) error {
	return WriteAwardsView(w, view.NewAwards(e.Campaign, e.Result, sl, e.Lang), e.document())
}

// WriteAwardsView writes the awards workbook: one sheet per tier (rank,
// unit, cluster, score, reason) closed by the signature block of the
// decision, a sheet of field awards, a sheet of the individuals nominated
// who pass (when any is nominated), and sheets of the units that missed
// and of the nominations that do not pass, and why — each drawn from the
// view's print columns under doc's heading; the lists of the decision are
// signed, an empty one says so.
func WriteAwardsView(w io.Writer, a *view.Awards, doc view.Document) error {
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
		t := sheetOf(st, names[i], doc, titleLines(a.About, l, title), s.Table)
		t.Empty = s.Empty()
		if s.Signed {
			t.Sign = signatureOf(doc)
		}
		if err := writeTable(f, st, t, i == 0); err != nil {
			return err
		}
	}
	f.SetActiveSheet(0)
	_, err = f.WriteTo(w)
	return err
}
