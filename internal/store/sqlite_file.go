package store

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"os"
)

// KeepCopy copies the SQLite workspace file at path to the new file dst
// byte for byte, with its write-ahead log when it has one (as dst-wal,
// where SQLite looks for it when dst is opened): whatever state the file
// is in — damaged, written by a newer kpi, not a database at all — the
// copy holds exactly what was there. It opens no database (kpi init
// --force keeps the file it is about to replace this way, VACUUM INTO
// cannot copy what SQLite cannot read). The copy is flushed to disk and
// read back before KeepCopy returns; on any error nothing is left at dst.
func KeepCopy(path, dst string) error {
	if err := copyFile(path, dst); err != nil {
		return err
	}
	wal := path + "-wal"
	if info, err := os.Stat(wal); err == nil && info.Size() > 0 {
		if err := copyFile(wal, dst+"-wal"); err != nil {
			os.Remove(dst)
			return err
		}
	}
	return nil
}

// RemoveFile removes the SQLite workspace file at path with its
// write-ahead log and shared-memory index.
func RemoveFile(path string) error {
	for _, p := range []string{path, path + "-wal", path + "-shm"} {
		if err := os.Remove(p); err != nil && !errors.Is(err, os.ErrNotExist) {
			return err
		}
	}
	return nil
}

// copyFile copies src to the new file dst, syncs it and checks that it
// reads back the same; on an error dst is removed.
func copyFile(src, dst string) (err error) {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			out.Close()
			os.Remove(dst)
		}
	}()
	want := sha256.New()
	n, err := io.Copy(io.MultiWriter(out, want), in)
	if err != nil {
		return fmt.Errorf("copying %s to %s: %w", src, dst, err)
	}
	if err := out.Sync(); err != nil {
		return fmt.Errorf("writing %s: %w", dst, err)
	}
	if err := out.Close(); err != nil {
		return fmt.Errorf("writing %s: %w", dst, err)
	}
	back, err := os.Open(dst)
	if err != nil {
		return err
	}
	defer back.Close()
	got := sha256.New()
	m, err := io.Copy(got, back)
	if err != nil {
		return fmt.Errorf("reading back %s: %w", dst, err)
	}
	if m != n || !bytes.Equal(got.Sum(nil), want.Sum(nil)) {
		return fmt.Errorf("the copy %s differs from %s (%d of %d bytes)", dst, src, m, n)
	}
	return nil
}
