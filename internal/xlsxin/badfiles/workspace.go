package badfiles

import (
	"encoding/binary"
	"errors"
	"os"
)

// What a failing disk, a careless copy or a newer kpi leaves of a
// workspace, made from a good SQLite workspace file (closed, so that its
// write-ahead log is folded in) by changing its bytes: no SQL, so that the
// damage is exactly the one named.

// DamageHeader overwrites the SQLite header's magic string ("SQLite format
// 3"): SQLite no longer recognises the file as a database.
func DamageHeader(path string) error {
	return patch(path, 0, []byte("kpi: damaged!!!\x00"))
}

// NewerSchema sets the schema version kept in the header (PRAGMA
// user_version, bytes 60–63, big-endian) to v, as a newer kpi would.
func NewerSchema(path string, v uint32) error {
	b := make([]byte, 4)
	binary.BigEndian.PutUint32(b, v)
	return patch(path, 60, b)
}

// DamageRows overwrites with garbage the last page of the database that
// holds table rows (a table b-tree leaf, type 0x0D: where the latest
// reports are), leaving the header and the schema (page 1 and, when the
// schema outgrew it, the pages page 1 points to) readable: SQLite opens the file, and its integrity and quick checks fail,
// and so does anything that reads every row (VACUUM INTO).
func DamageRows(path string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if len(data) < 100 {
		return errors.New("not an SQLite database: shorter than its header")
	}
	size := int(binary.BigEndian.Uint16(data[16:18]))
	if size == 1 {
		size = 65536
	}
	if size < 512 {
		return errors.New("not an SQLite database: bad page size")
	}
	schema := schemaPages(data, size)
	for p := len(data)/size - 1; p >= 1; p-- {
		if data[p*size] != 0x0D || schema[p+1] {
			continue
		}
		garbage := make([]byte, size)
		for i := range garbage {
			garbage[i] = "kpi-damage "[i%11]
		}
		return patch(path, int64(p)*int64(size), garbage)
	}
	return errors.New("no page of table rows after the first")
}

// schemaPages are the pages (numbered from 1) of the schema table: page 1,
// and when the schema outgrew it, the leaves its interior page points to.
func schemaPages(data []byte, size int) map[int]bool {
	pages := map[int]bool{1: true}
	const hdr = 100                              // the database header comes before page 1's own
	if len(data) < hdr+12 || data[hdr] != 0x05 { // not an interior table page
		return pages
	}
	cells := int(binary.BigEndian.Uint16(data[hdr+3 : hdr+5]))
	pages[int(binary.BigEndian.Uint32(data[hdr+8:hdr+12]))] = true // the right-most child
	for i := 0; i < cells; i++ {
		at := hdr + 12 + 2*i
		if at+2 > len(data) {
			break
		}
		cell := int(binary.BigEndian.Uint16(data[at : at+2]))
		if cell+4 <= size && cell+4 <= len(data) {
			pages[int(binary.BigEndian.Uint32(data[cell:cell+4]))] = true
		}
	}
	return pages
}

func patch(path string, at int64, b []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return err
	}
	if _, err := f.WriteAt(b, at); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
