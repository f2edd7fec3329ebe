// Package xlsxout writes the workbooks kpi hands to people: report and
// targets templates, and the styled progress and award exports, drawn from
// the tables of internal/view (their print columns). Every sheet gets a
// title block, a bold bordered header, frozen panes and A4 print settings.
package xlsxout

import (
	"strconv"

	"github.com/bhxh/kpi/internal/view"
	"github.com/xuri/excelize/v2"
)

// Number formats.
const (
	FmtCount   = "#,##0"
	FmtAmount  = "#,##0"
	FmtPercent = "0.00"
	FmtRatio   = "0.0%"
	FmtScore   = "0.00"
)

// styles are the styles one workbook uses, created once per file.
type styles struct {
	title, subtitle, header, text, label, count, percent int
	inputCount, inputPercent, inputText                  int
	int, ratio, score, amount, center, wrap, grey        int
	sign, signNote                                       int
	// the heading and the signature block of an official document
	headParent, headOffice, headNational, headMotto, headNumber, headDate int
	signTitle, signName, docTitle                                         int
	// wraps are the styles whose text wraps, with their font: a row's
	// height is made for its wrapped text (rowHeight)
	wraps map[int]fontSize
}

// fontSize is what a wrapped style's text takes: the font's points and the
// width of a character in column units.
type fontSize struct{ points, factor float64 }

// of is the style of a view's cells of a kind.
func (s *styles) of(k view.Kind) int {
	switch k {
	case view.Short:
		return s.center
	case view.Note:
		return s.wrap
	case view.Int:
		return s.int
	case view.Score:
		return s.score
	case view.Ratio:
		return s.ratio
	case view.Amount:
		return s.amount
	case view.Count:
		return s.count
	case view.Percent:
		return s.percent
	}
	return s.text
}

func border() []excelize.Border {
	return []excelize.Border{
		{Type: "left", Color: "808080", Style: 1}, {Type: "right", Color: "808080", Style: 1},
		{Type: "top", Color: "808080", Style: 1}, {Type: "bottom", Color: "808080", Style: 1},
	}
}

func newStyles(f *excelize.File) (*styles, error) {
	var s styles
	var err error
	mk := func(dst *int, st *excelize.Style) {
		if err != nil {
			return
		}
		*dst, err = f.NewStyle(st)
	}
	font := func(bold bool, size float64) *excelize.Font {
		return &excelize.Font{Bold: bold, Size: size, Family: "Times New Roman"}
	}
	fmtp := func(code string) *string { return &code }
	locked := &excelize.Protection{Locked: true}
	unlocked := &excelize.Protection{Locked: false}
	mk(&s.title, &excelize.Style{Font: font(true, 13), Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}})
	mk(&s.subtitle, &excelize.Style{Font: &excelize.Font{Italic: true, Size: 11, Family: "Times New Roman"}, Alignment: &excelize.Alignment{Horizontal: "center"}})
	mk(&s.header, &excelize.Style{Font: font(true, 11), Border: border(), Protection: locked,
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}})
	mk(&s.text, &excelize.Style{Font: font(false, 11), Border: border(), Protection: locked, Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}})
	mk(&s.label, &excelize.Style{Font: font(true, 11), Protection: locked})
	middle := &excelize.Alignment{Vertical: "center"}
	mk(&s.count, &excelize.Style{Font: font(false, 11), Border: border(), CustomNumFmt: fmtp(FmtCount), Protection: locked, Alignment: middle})
	mk(&s.percent, &excelize.Style{Font: font(false, 11), Border: border(), CustomNumFmt: fmtp(FmtPercent), Protection: locked, Alignment: middle})
	input := excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFF2CC"}}
	mk(&s.inputCount, &excelize.Style{Font: font(false, 11), Border: border(), Fill: input, CustomNumFmt: fmtp(FmtCount), Protection: unlocked})
	mk(&s.inputPercent, &excelize.Style{Font: font(false, 11), Border: border(), Fill: input, CustomNumFmt: fmtp(FmtPercent), Protection: unlocked})
	mk(&s.inputText, &excelize.Style{Font: font(false, 11), Border: border(), Fill: input, NumFmt: 49, Protection: unlocked})
	mk(&s.int, &excelize.Style{Font: font(false, 11), Border: border(), NumFmt: 1, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}})
	mk(&s.ratio, &excelize.Style{Font: font(false, 11), Border: border(), CustomNumFmt: fmtp(FmtRatio), Alignment: middle})
	mk(&s.score, &excelize.Style{Font: font(true, 11), Border: border(), CustomNumFmt: fmtp(FmtScore), Alignment: middle})
	mk(&s.amount, &excelize.Style{Font: font(false, 11), Border: border(), CustomNumFmt: fmtp(FmtAmount), Alignment: middle})
	mk(&s.center, &excelize.Style{Font: font(false, 11), Border: border(), Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}})
	mk(&s.wrap, &excelize.Style{Font: font(false, 10), Border: border(), Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}})
	mk(&s.grey, &excelize.Style{Font: font(false, 11), Border: border(), Protection: locked,
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9D9D9"}}})
	mk(&s.sign, &excelize.Style{Font: font(true, 12), Alignment: &excelize.Alignment{Horizontal: "center"}})
	mk(&s.signNote, &excelize.Style{Font: &excelize.Font{Italic: true, Size: 11, Family: "Times New Roman"}, Alignment: &excelize.Alignment{Horizontal: "center"}})
	centred := &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}
	mk(&s.headParent, &excelize.Style{Font: font(false, 12), Alignment: centred})
	mk(&s.headOffice, &excelize.Style{Font: font(true, 12), Alignment: centred})
	mk(&s.headNational, &excelize.Style{Font: font(true, 12), Alignment: centred})
	mk(&s.headMotto, &excelize.Style{Font: &excelize.Font{Bold: true, Underline: "single", Size: 13, Family: "Times New Roman"}, Alignment: centred})
	mk(&s.headNumber, &excelize.Style{Font: font(false, 12), Alignment: centred})
	mk(&s.headDate, &excelize.Style{Font: &excelize.Font{Italic: true, Size: 12, Family: "Times New Roman"}, Alignment: centred})
	mk(&s.signTitle, &excelize.Style{Font: font(true, 12), Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}})
	mk(&s.signName, &excelize.Style{Font: font(true, 12), Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}})
	mk(&s.docTitle, &excelize.Style{Font: font(true, 14), Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}})
	// Times New Roman is narrower than the digit Excel measures columns by:
	// a character of text takes about 0.85 of a column unit at 11 points
	s.wraps = map[int]fontSize{s.text: {11, 0.85}, s.wrap: {10, 0.78}, s.header: {11, 0.95}, s.inputText: {11, 0.85}}
	return &s, err
}

// printSetup applies A4 landscape, fit to one page wide, the header rows
// repeated on each page and page numbers in the footer.
func printSetup(f *excelize.File, sheet string, headerRow int) error {
	size, orient, one, zero := 9, "landscape", 1, 0
	if err := f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &size, Orientation: &orient, FitToWidth: &one, FitToHeight: &zero}); err != nil {
		return err
	}
	fit := true
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	if err := f.SetHeaderFooter(sheet, &excelize.HeaderFooterOptions{OddFooter: "&CTrang &P / &N"}); err != nil {
		return err
	}
	if headerRow > 0 {
		return f.SetDefinedName(&excelize.DefinedName{
			Name:     "_xlnm.Print_Titles",
			RefersTo: quoteSheet(sheet) + "!$" + strconv.Itoa(headerRow) + ":$" + strconv.Itoa(headerRow),
			Scope:    sheet,
		})
	}
	return nil
}
