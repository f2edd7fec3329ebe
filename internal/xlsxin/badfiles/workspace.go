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
// reports are), leaving the header and the schema on the first page
// readable: SQLite opens the file, and its integrity and quick checks fail,
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
	for p := len(data)/size - 1; p >= 1; p-- {
		if data[p*size] != 0x0D {
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
