package xlsxgrid

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"hash/crc32"
	"io"
	"testing"

	"github.com/bhxh/kpi/internal/xlsxin/badfiles"
)

// Workbooks of one template share their package parts, unzipped once
// (readShared): each reads as it would alone; a part with the same zipped
// bytes but another declared checksum is not taken for the one kept.
func TestSharedParts(t *testing.T) {
	clear(parts.m)
	book := func(v string) []byte {
		data, err := badfiles.Book(sheet1(`<row r="1"><c r="A1" s="1"><v>` + v + `</v></c></row>`))
		if err != nil {
			t.Fatal(err)
		}
		return data
	}
	first, err := openLean("a.xlsx", book("1"), DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	kept := len(parts.m)
	if kept == 0 {
		t.Fatal("no part kept")
	}
	second, err := openLean("b.xlsx", book("2"), DefaultLimits)
	if err != nil || len(parts.m) != kept {
		t.Fatalf("%v; %d parts kept, then %d", err, kept, len(parts.m))
	}
	if first.Sheets[0].At(0, 0).Raw != "1" || second.Sheets[0].At(0, 0).Raw != "2" || second.Sheets[0].Name != first.Sheets[0].Name {
		t.Errorf("read %+v and %+v", first.Sheets[0].Rows, second.Sheets[0].Rows)
	}

	// the same zipped workbook part, its checksum declared wrong: it fails
	// as it does when nothing is kept
	wrongSum := func(h *zip.FileHeader, zipped []byte) []byte {
		if h.Name == "xl/workbook.xml" {
			h.CRC32++
		}
		return zipped
	}
	bad := rezip(t, book("3"), wrongSum)
	clear(parts.m)
	_, alone := openLean("c.xlsx", bad, DefaultLimits)
	if alone == nil {
		t.Fatal("a wrong checksum read")
	}
	if _, err := openLean("d.xlsx", rezip(t, book("4"), nil), DefaultLimits); err != nil {
		t.Fatal(err)
	}
	if _, err := openLean("c.xlsx", bad, DefaultLimits); err == nil || err.Error() != alone.Error() {
		t.Errorf("with the parts kept: %v, alone: %v", err, alone)
	}
}

// A part whose data descriptor (written after its data) gives another
// CRC-32 than the directory fails as it does alone after a twin workbook
// with the same zipped bytes was read: readShared checks the descriptor.
func TestSharedPartsDataDescriptor(t *testing.T) {
	data, err := badfiles.Book(sheet1(`<row r="1"><c r="A1"><v>1</v></c></row>`))
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	bad := bytes.Clone(data)
	found := false
	for _, f := range zr.File {
		if f.Name != "xl/workbook.xml" {
			continue
		}
		if f.Flags&0x8 == 0 {
			t.Fatal("no data descriptor (the test's zips are written by archive/zip, which writes them)")
		}
		off, err := f.DataOffset()
		if err != nil {
			t.Fatal(err)
		}
		d := off + int64(f.CompressedSize64)
		if bytes.Equal(bad[d:d+4], []byte{0x50, 0x4b, 0x07, 0x08}) {
			d += 4
		}
		bad[d] ^= 0xff // the descriptor's CRC
		found = true
	}
	if !found {
		t.Fatal("no workbook part")
	}
	clear(parts.m)
	_, alone := openLean("bad.xlsx", bad, DefaultLimits)
	if alone == nil {
		t.Fatal("a damaged data descriptor read")
	}
	clear(parts.m)
	if _, err := openLean("good.xlsx", data, DefaultLimits); err != nil {
		t.Fatal(err)
	}
	if _, after := openLean("bad.xlsx", bad, DefaultLimits); after == nil || after.Error() != alone.Error() {
		t.Errorf("damaged data descriptor: alone %v, after a twin %v", alone, after)
	}
}

// rezip writes a zip anew, each entry deflated here and given with its
// sizes (no data descriptor); change, when not nil, may change an entry's
// header and give other zipped bytes for it.
func rezip(t *testing.T, data []byte, change func(h *zip.FileHeader, zipped []byte) []byte) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		plain, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		var zipped bytes.Buffer
		fw, _ := flate.NewWriter(&zipped, flate.DefaultCompression)
		fw.Write(plain)
		fw.Close()
		h := &zip.FileHeader{Name: f.Name, Method: zip.Deflate, CRC32: crc32.ChecksumIEEE(plain), UncompressedSize64: uint64(len(plain))}
		b := zipped.Bytes()
		if change != nil {
			b = change(h, b)
		}
		h.CompressedSize64 = uint64(len(b))
		w, err := zw.CreateRaw(h)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(b)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}
