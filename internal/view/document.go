package view

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/bhxh/kpi/internal/campaign"
	"github.com/bhxh/kpi/internal/i18n"
)

// Document is what an official document says about itself, as Nghị định
// 30/2020/NĐ-CP lays it out: at the top left the parent body over the
// issuing office and the document's number, at the top right the national
// name and motto over the place and date; at the end the signature block,
// the preparer at the left and the signer at the right. Every printed
// workbook and the HTML report take it from the workspace's settings (kpi
// settings), with the defaults of NewDocument.
type Document struct {
	Lang         string
	Parent       string    // cơ quan chủ quản: "BẢO HIỂM XÃ HỘI VIỆT NAM"
	Organisation string    // cơ quan ban hành: "BẢO HIỂM XÃ HỘI TỈNH HẢI DƯƠNG"
	Code         string    // the number's code: "BC-BHXH" (Số: …/BC-BHXH)
	Place        string    // "Hải Dương"; "" when neither set nor known from the office
	Date         time.Time // the date of export, which the document is dated
	Signer       Signature // "GIÁM ĐỐC", the director's name
	Preparer     Signature // "NGƯỜI LẬP BIỂU", the officer's name
}

// Signature is one side of a signature block.
type Signature struct {
	Title string // in capitals: "GIÁM ĐỐC", "KT. GIÁM ĐỐC"
	Name  string // "" leaves the line blank, for the name written by hand
}

// The settings of a workspace (kpi settings set KEY VALUE).
const (
	SetOrganisation  = "organisation"   // the issuing office
	SetParent        = "parent"         // its parent body
	SetPlace         = "place"          // the place of the place-and-date line
	SetSigner        = "signer"         // the signer's name
	SetSignerTitle   = "signer_title"   // the signer's title
	SetPreparer      = "preparer"       // the preparer's name
	SetPreparerTitle = "preparer_title" // the preparer's title
)

// SettingKeys are the settings in the order kpi settings show lists them.
var SettingKeys = []string{SetOrganisation, SetParent, SetPlace, SetSigner, SetSignerTitle, SetPreparer, SetPreparerTitle}

// Setting is one setting as in force: its value, and whether it was set
// or is a default.
type Setting struct {
	Key   string `json:"key"`
	Value string `json:"value"`
	Set   bool   `json:"set"`
}

// Settings are the workspace's settings in force: those stored, else the
// defaults — the issuing office from the campaign's organisation (older
// campaigns named it) else "BẢO HIỂM XÃ HỘI TỈNH", the parent body
// "BẢO HIỂM XÃ HỘI VIỆT NAM", the place from the office's name
// ("… TỈNH HẢI DƯƠNG": Hải Dương), the titles "GIÁM ĐỐC" and "NGƯỜI LẬP
// BIỂU" (in lang), no names.
func Settings(stored map[string]string, c *campaign.Campaign, lang string) []Setting {
	out := make([]Setting, 0, len(SettingKeys))
	values := map[string]string{}
	for _, k := range SettingKeys {
		v, set := stored[k], stored[k] != ""
		if !set {
			switch k {
			case SetOrganisation:
				v = i18n.DefaultOrganisation
				if c != nil && strings.TrimSpace(c.Organisation) != "" {
					v = strings.ToUpper(strings.TrimSpace(c.Organisation))
				}
			case SetParent:
				v = i18n.ParentBody
			case SetPlace:
				v = PlaceOf(values[SetOrganisation])
			case SetSignerTitle:
				v = i18n.T(lang, i18n.DocSigner)
			case SetPreparerTitle:
				v = i18n.T(lang, i18n.DocPreparer)
			}
		}
		values[k] = v
		out = append(out, Setting{Key: k, Value: v, Set: set})
	}
	return out
}

// NewDocument is the document of a report of the workspace: its settings
// in force (Settings), dated date.
func NewDocument(stored map[string]string, c *campaign.Campaign, date time.Time, lang string) Document {
	v := map[string]string{}
	for _, s := range Settings(stored, c, lang) {
		v[s.Key] = s.Value
	}
	return Document{Lang: lang, Parent: v[SetParent], Organisation: v[SetOrganisation], Code: "BC-BHXH", Place: v[SetPlace], Date: date,
		Signer:   Signature{Title: v[SetSignerTitle], Name: v[SetSigner]},
		Preparer: Signature{Title: v[SetPreparerTitle], Name: v[SetPreparer]}}
}

// National is the national name: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM".
func (d Document) National() string { return i18n.T(d.Lang, i18n.DocNational) }

// Motto is the motto under it: "Độc lập - Tự do - Hạnh phúc".
func (d Document) Motto() string { return i18n.T(d.Lang, i18n.DocMotto) }

// Number is the number line, to be numbered by hand: "Số: …/BC-BHXH".
func (d Document) Number() string { return i18n.T(d.Lang, i18n.DocNumber, d.Code) }

// PlaceDate is the place-and-date line: "Hải Dương, ngày 28 tháng 11 năm
// 2026".
func (d Document) PlaceDate() string { return i18n.PlaceDate(d.Lang, d.Place, d.Date) }

// SignNote is what goes under the signer's title: "(Ký, ghi rõ họ tên,
// đóng dấu)".
func (d Document) SignNote() string { return i18n.T(d.Lang, i18n.DocSignNote) }

// PrepareNote is what goes under the preparer's: "(Ký, ghi rõ họ tên)".
func (d Document) PrepareNote() string { return i18n.T(d.Lang, i18n.DocPrepareNote) }

// Office is how a unit's name heads its own documents: "BHXH huyện Cẩm
// Giàng" → "BẢO HIỂM XÃ HỘI HUYỆN CẨM GIÀNG".
func Office(name string) string {
	s := strings.TrimSpace(name)
	switch {
	case hasPrefixFold(s, "BHXH "):
		s = "Bảo hiểm xã hội " + strings.TrimSpace(s[len("BHXH "):])
	case !hasPrefixFold(s, "Bảo hiểm xã hội "):
		s = "Bảo hiểm xã hội " + s
	}
	return strings.ToUpper(s)
}

// PlaceOf is the place an office is at, from its name: "BẢO HIỂM XÃ HỘI
// TỈNH HẢI DƯƠNG" → "Hải Dương", "BHXH huyện Cẩm Giàng" → "Cẩm Giàng";
// "" for a name without one ("BẢO HIỂM XÃ HỘI TỈNH").
func PlaceOf(office string) string {
	s := strings.TrimSpace(office)
	for _, p := range []string{"BẢO HIỂM XÃ HỘI ", "BHXH "} {
		if hasPrefixFold(s, p) {
			s = strings.TrimSpace(s[len(p):])
			break
		}
	}
	for _, w := range []string{"tỉnh ", "thành phố ", "thị xã ", "huyện ", "quận ", "TP. ", "TP ", "TX. ", "TX ", "H. "} {
		if hasPrefixFold(s, w) {
			s = strings.TrimSpace(s[len(w):])
			break
		}
	}
	if s == "" || strings.EqualFold(s, "tỉnh") || strings.EqualFold(s, "Việt Nam") {
		return ""
	}
	return titleCase(s)
}

// titleCase writes each word with a capital and the rest small, as a
// place is named in the date line: "HẢI DƯƠNG" → "Hải Dương".
func titleCase(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		r, n := utf8.DecodeRuneInString(w)
		words[i] = string(unicode.ToUpper(r)) + strings.ToLower(w[n:])
	}
	return strings.Join(words, " ")
}
