package importer

import (
	"context"
	"errors"
	"fmt"
	"os"

	"github.com/bhxh/kpi/internal/report"
	"github.com/bhxh/kpi/internal/store"
	"github.com/bhxh/kpi/internal/xlsxgrid"
	"github.com/bhxh/kpi/internal/xlsxin"
)

// Streaming: a consolidated sheet of a whole country (hundreds of
// thousands of rows) is never held whole. Its rows go from the reader
// (xlsxgrid.OpenStream, xlsxin.ReadReportStream) through the checks of
// prepare — units, period, plausibility — to the writer a few hundred at
// a time, and the writer saves them as they come (store.FileSaver) in a
// transaction of the file's own: whole or absent as any other file. What
// the file proves to hold wrong is known only at its end (a cell, a unit);
// the writer then takes the file out. A workbook that cannot be streamed
// as it would be read whole (see xlsxgrid.OpenStream) is read whole.

// streamFileMin is the size from which a file is considered for
// streaming (xlsxgrid.OpenStream decides by its biggest sheet's unzipped
// size, the limit's StreamFrom): a sixteenth of it, as sheets unzip to
// some six times their size.
func streamFileMin(lim xlsxgrid.Limits) int64 {
	if lim.StreamFrom <= 0 {
		lim.StreamFrom = xlsxgrid.DefaultLimits.StreamFrom
	}
	return lim.StreamFrom / 16
}

// fileStream carries a streamed file from its reader to the writer: parts
// of its reports, then its end.
type fileStream struct {
	msgs chan streamMsg
}

// streamMsg is a part of the file's reports, or (end) what the file is:
// the result as prepare gives it, or the file's error; restart says the
// parts given so far are void, and the file is given again from its
// start; whole is the file read whole, when it could not be streamed
// after all.
type streamMsg struct {
	reports []report.Report
	part    *store.Part // the reports made ready for saving (not in a dry run)
	layout  string
	sheet   string
	period  report.Period

	restart bool
	end     bool
	res     FileResult
	err     error
	whole   *prepared
}

// canStream says whether files of this import may be streamed: the
// writer saves them in a transaction of their own, in parts.
func canStream(st store.Store, opts Options) bool {
	_, grouped := st.(store.GroupSaver)
	return grouped || opts.DryRun
}

// prepareStream opens a big file for streaming; ok is false when it is to
// be read whole. The file f is the stream's from then on.
func (im *Importer) prepareStream(life context.Context, res FileResult, f *os.File, opts Options) (prepared, bool) {
	info, err := f.Stat()
	if err != nil {
		return prepared{}, false
	}
	wb, err := xlsxgrid.OpenStream(res.File, f, info.Size(), opts.Limits, nil)
	if errors.Is(err, xlsxgrid.ErrNoStream) {
		return prepared{}, false
	}
	if err != nil {
		f.Close()
		res.Status, res.Err = Failed, err
		return prepared{res: res, done: true}, true
	}
	st := &fileStream{msgs: make(chan streamMsg, 2)}
	go im.runStream(life, res, f, info.Size(), wb, opts, st)
	return prepared{res: res, stream: st}, true
}

// runStream reads a streamed file and gives its reports to the writer.
func (im *Importer) runStream(life context.Context, res FileResult, f *os.File, size int64, wb *xlsxgrid.Workbook, opts Options, st *fileStream) {
	defer close(st.msgs)
	defer f.Close()
	send := func(m streamMsg) bool {
		select {
		case st.msgs <- m:
			return true
		case <-life.Done():
			return false
		}
	}
	var known *xlsxgrid.RestreamError // the merged ranges, once known
	for {
		sheet := wb.Streamed().Name
		m, again := im.readStream(res, wb, opts, send)
		wb.Close()
		var re *xlsxgrid.RestreamError
		switch {
		case m == nil:
			return // abandoned
		case errors.As(again, &re) && known == nil:
			// merged ranges, known now: the file is streamed again
			known = re
			nwb, err := xlsxgrid.OpenStream(res.File, f, size, opts.Limits, known)
			if err == nil {
				if !send(streamMsg{restart: true}) {
					nwb.Close()
					return
				}
				wb = nwb
				continue
			}
			if !errors.Is(err, xlsxgrid.ErrNoStream) {
				send(streamMsg{end: true, res: res, err: err})
				return
			}
			again = err
		}
		if ns := (*xlsxgrid.NoStreamError)(nil); errors.As(again, &ns) && !opts.Limits.ReadWhole(ns.Size) {
			// too big to be read whole: refused, with what to do
			send(streamMsg{end: true, res: res, err: &xlsxin.CellError{File: res.File, Sheet: sheet, Msg: fmt.Sprintf(
				"bảng lớn (%d MB khi giải nén) nhưng không đọc từng phần được vì %s, và đọc cả bảng một lúc tốn quá nhiều bộ nhớ: "+
					"tệp không được nhập. Mở tệp bằng Excel và lưu lại (Excel lưu giá trị của công thức và các hàng theo thứ tự), "+
					"bỏ gộp ô trong phần số liệu, hoặc tách thành các tệp nhỏ hơn, rồi nhập lại", ns.Size>>20, ns.Why)}})
			return
		}
		if again != nil {
			// the file is read whole after all
			data, err := os.ReadFile(res.Path)
			var p prepared
			if err != nil {
				r := res
				r.Status, r.Err = Failed, &xlsxin.CellError{File: res.File, Msg: fmt.Sprintf("không đọc được tệp: %v", err)}
				p = prepared{res: r, done: true}
			} else {
				p = im.prepareBytes(res, data, opts)
			}
			send(streamMsg{end: true, whole: &p})
			return
		}
		send(*m)
		return
	}
}

// readStream reads a streamed workbook, giving its reports out as they
// are read and checked; it returns the end of the file, or (again) why
// the file must be read again: whole (ErrNoStream), or streamed knowing
// its merged ranges (*xlsxgrid.RestreamError). A nil end means the writer
// went away.
func (im *Importer) readStream(res FileResult, wb *xlsxgrid.Workbook, opts Options, send func(streamMsg) bool) (end *streamMsg, again error) {
	var (
		period        report.Period
		periodDone    bool
		fatal         error         // the file's error, found by resolvePeriod
		errs          xlsxin.Errors // resolve's, in the order it would give them
		plausibleErrs xlsxin.Errors
		resolveWarn   []string // resolve's warnings, given after the table's
		kept          int
		abandoned     bool
	)
	// resolve, as it would on the whole book: the period once, then the
	// units of each part; the warnings it adds go after the table's
	resolveOn := func(b *xlsxin.Book, rows []xlsxin.UnitRow) []xlsxin.UnitRow {
		scratch := *b
		scratch.Warnings = nil
		if !periodDone {
			periodDone = true
			var perrs xlsxin.Errors
			period, perrs, fatal = im.resolvePeriod(&scratch, opts)
			errs = append(errs, perrs...)
		}
		var k []xlsxin.UnitRow
		if fatal == nil {
			k, errs = im.wideRows(&scratch, rows, opts, errs)
		}
		resolveWarn = append(resolveWarn, scratch.Warnings...)
		return k
	}
	book, err := xlsxin.ReadReportStream(wb, im.Campaign, func(b *xlsxin.Book) error {
		rows := resolveOn(b, b.Rows)
		kept += len(rows)
		if fatal != nil || len(errs) > 0 || len(plausibleErrs) > 0 || len(rows) == 0 {
			return nil // the file fails: nothing more to give the writer
		}
		reports := make([]report.Report, len(rows))
		for i, row := range rows {
			reports[i] = report.Report{Unit: row.Unit, Period: period, Values: row.Values}
		}
		if err := im.plausible(b.File, reports); err != nil {
			var es xlsxin.Errors
			if !errors.As(err, &es) {
				return err
			}
			plausibleErrs = append(plausibleErrs, es...)
			return nil
		}
		// made ready for saving here: the writer is the slower
		var part *store.Part
		if !opts.DryRun {
			var err error
			if part, err = store.NewPart(reports); err != nil {
				return err
			}
		}
		if !send(streamMsg{reports: reports, part: part, layout: b.Layout, sheet: b.Sheet, period: period}) {
			abandoned = true
			return errors.New("abandoned")
		}
		return nil
	})
	if abandoned {
		return nil, nil
	}
	var re *xlsxgrid.RestreamError
	if errors.Is(err, xlsxgrid.ErrNoStream) || errors.As(err, &re) {
		return &streamMsg{}, err
	}
	m := &streamMsg{end: true, res: res}
	switch {
	case err != nil:
		m.err = err
		return m, nil
	case !periodDone:
		resolveOn(book, nil)
	}
	switch {
	case fatal != nil:
		m.err = fatal
	case len(errs) == 0 && kept == 0:
		m.err = xlsxin.Errors{noUnits(book, opts)}
	case len(errs) > 0:
		m.err = errs
	case len(plausibleErrs) > 0:
		m.err = plausibleErrs
	}
	if m.err != nil {
		return m, nil
	}
	m.res.Layout, m.res.Sheet, m.res.Period = book.Layout, book.Sheet, period
	m.res.Warnings = append(append(m.res.Warnings, book.Warnings...), resolveWarn...)
	m.res.Conversions = book.Conversions
	return m, nil
}

// commitStreamAlone saves a streamed file in a transaction of its own.
func (im *Importer) commitStreamAlone(ctx context.Context, gs store.GroupSaver, p prepared, opts Options, more bool) FileResult {
	var res FileResult
	im.undo = []obsUndo{}
	err := gs.SaveAlone(ctx, func(g store.ImportGroup) error {
		res = im.commitStream(ctx, g, p, opts, more)
		return g.Err()
	})
	undo := im.undo
	im.undo = nil
	if err != nil {
		im.forget(undo)
		if res.Status != Failed {
			res.Status, res.ImportID, res.Superseded = Failed, 0, nil
			res.Err = fmt.Errorf("%s: lưu không thành công, không có gì được ghi: %w", res.File, err)
		}
	}
	return res
}

// commitStream checks a streamed file's reports against the workspace's
// and saves them as they come, in g (nil for a dry run). Later files of the
// batch (more) are checked against it, as against any file.
func (im *Importer) commitStream(ctx context.Context, g store.ImportGroup, p prepared, opts Options, more bool) FileResult {
	res := p.res
	var (
		fs           store.FileSaver
		failed       error // the file fails: what the store said
		already      *store.AlreadyImportedError
		kept         []Kept
		warnings     []string
		moreWarnings int // past MaxWarnings
		superseded   []store.Superseded
		units        []string
		values       int
	)
	abort := func() {
		if fs != nil {
			if err := fs.Abort(ctx); err != nil && failed == nil {
				failed = err
			}
			fs = nil
		}
	}
	saveErr := func(err error) FileResult {
		res.Status, res.Err = Failed, fmt.Errorf("%s: lưu không thành công, không có gì được ghi: %w", res.File, err)
		return res
	}
	for m := range p.stream.msgs {
		switch {
		case m.restart:
			abort()
			im.forget(im.undo)
			if im.undo != nil {
				im.undo = []obsUndo{}
			}
			kept, warnings, moreWarnings, superseded, units, values, failed, already = nil, nil, 0, nil, nil, 0, nil, nil
			continue
		case m.end && m.whole != nil:
			abort()
			im.forget(im.undo)
			if im.undo != nil {
				im.undo = []obsUndo{}
			}
			if g == nil {
				return im.commit(ctx, single{im.Store}, *m.whole, opts)
			}
			return im.commit(ctx, g, *m.whole, opts)
		case m.end:
			if m.err != nil || failed != nil || already != nil {
				abort()
				im.forget(im.undo)
				if im.undo != nil {
					im.undo = []obsUndo{}
				}
			}
			switch {
			case m.err != nil:
				res.Status, res.Err = Failed, m.err
				return res
			case already != nil:
				return FileResult{Path: res.Path, File: res.File, SHA256: res.SHA256, Status: Skipped, ImportID: already.ID}
			case failed != nil:
				return saveErr(failed)
			}
			r := m.res
			r.Units, r.Values, r.Kept, r.Superseded = units, values, kept, superseded
			r.Warnings, r.MoreWarnings = capWarnings(append(r.Warnings, warnings...), r.MoreWarnings+moreWarnings)
			im.streamed++
			if g == nil {
				r.Status = Checked
				return r
			}
			if fs == nil { // no report was given: cannot be (the file would have failed)
				r.Status, r.Err = Failed, fmt.Errorf("%s: không có báo cáo nào", r.File)
				return r
			}
			id, err := fs.End(ctx, values, storedWarnings(r))
			if err != nil {
				res = r
				im.forget(im.undo)
				return saveErr(err)
			}
			r.ImportID, r.Status = id, Imported
			if len(superseded) > 0 {
				r.Status = Replaced
			}
			return r
		}
		if failed != nil || already != nil {
			continue // the rest of the file is read, and let go
		}
		// a part of the file's reports: checked and saved as a file's
		reports := m.reports
		sv := saver(single{im.Store})
		if g != nil {
			sv = g
		}
		given := 0 // the file's figures: the checks add those a report keeps
		for _, r := range reports {
			given += len(r.Values)
		}
		k, w, err := im.checkAll(ctx, sv, res.File, reports)
		if err != nil {
			failed = err
			continue
		}
		part := m.part
		if len(k) > 0 && g != nil {
			// reports that keep figures of the ones in force changed: made
			// ready again
			if part, err = store.NewPart(reports); err != nil {
				failed = err
				continue
			}
		}
		kept = append(kept, k...)
		warnings, moreWarnings = capWarnings(append(warnings, w...), moreWarnings)
		if g != nil {
			if fs == nil {
				rec := store.ImportRecord{ImportedAt: im.Now(), File: res.File, Path: res.Path, SHA256: res.SHA256,
					Layout: m.layout, Sheet: m.sheet, Period: m.period.String()}
				if fs, err = g.Begin(ctx, rec, opts.Force); err != nil {
					fs = nil
					if !errors.As(err, &already) {
						failed = err
					}
					continue
				}
			}
			sup, err := fs.Add(ctx, part)
			if err != nil {
				fs, failed = nil, err // Add took the file out
				continue
			}
			superseded = append(superseded, sup...)
		}
		for _, r := range reports {
			units = append(units, r.Unit)
		}
		values += given
		switch {
		case more && g == nil:
			im.rememberDry(reports) // a dry run: the files after it are checked against it
		case more && !im.partial: // partial: the files after it read it from the workspace
			im.keep(reports) // the files after it are checked against it
		}
	}
	// the reader went away before the end (the batch was stopped)
	abort()
	res.Status, res.Err = Failed, fmt.Errorf("%s: không đọc hết được tệp", res.File)
	return res
}
