package xlsxgrid

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"hash/crc32"
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
	rezip := func(data []byte, wrong bool) []byte {
		good, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			t.Fatal(err)
		}
		var out bytes.Buffer
		zw := zip.NewWriter(&out)
		for _, f := range good.File {
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			var plain bytes.Buffer
			if _, err := plain.ReadFrom(rc); err != nil {
				t.Fatal(err)
			}
			rc.Close()
			var zipped bytes.Buffer
			fw, _ := flate.NewWriter(&zipped, flate.DefaultCompression)
			fw.Write(plain.Bytes())
			fw.Close()
			h := &zip.FileHeader{Name: f.Name, Method: zip.Deflate, CRC32: crc32.ChecksumIEEE(plain.Bytes()),
				CompressedSize64: uint64(zipped.Len()), UncompressedSize64: uint64(plain.Len())}
			if f.Name == "xl/workbook.xml" && wrong {
				h.CRC32++
			}
			w, err := zw.CreateRaw(h)
			if err != nil {
				t.Fatal(err)
			}
			w.Write(zipped.Bytes())
		}
		zw.Close()
		return out.Bytes()
	}
	bad := rezip(book("3"), true)
	clear(parts.m)
	_, alone := openLean("c.xlsx", bad, DefaultLimits)
	if alone == nil {
		t.Fatal("a wrong checksum read")
	}
	if _, err := openLean("d.xlsx", rezip(book("4"), false), DefaultLimits); err != nil {
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
