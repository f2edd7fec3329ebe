package badfiles

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"

	"github.com/bhxh/kpi/internal/xlsxspec"
)

var byteEscape = regexp.MustCompile(`\\x([0-9a-fA-F]{2})`)

// WithBytes builds the workbook of an xlsxspec spec in which \xHH stands
// for the byte HH written raw into the workbook's XML — in a cell's text
// or a sheet's name —, as a broken or hostile program would: bytes that
// are not UTF-8, a NUL, the control characters of terminal escape
// sequences (ESC, BEL, the C1 CSI), which Excel never writes raw.
func WithBytes(spec string) ([]byte, error) {
	marks := map[string]byte{}
	spec = byteEscape.ReplaceAllStringFunc(spec, func(m string) string {
		b, _ := strconv.ParseUint(m[2:], 16, 8)
		mark := fmt.Sprintf("QZQ%02XQZQ", b)
		marks[mark] = byte(b)
		return mark
	})
	data, err := xlsxspec.Build(spec)
	if err != nil {
		return nil, err
	}
	return xlsxspec.RewriteParts(data, func(_ string, body []byte) ([]byte, error) {
		for mark, b := range marks {
			body = bytes.ReplaceAll(body, []byte(mark), []byte{b})
		}
		return body, nil
	})
}
