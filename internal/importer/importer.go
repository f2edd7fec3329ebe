// Package importer brings monthly report workbooks into the workspace: it
// finds the files, reads each with xlsxin, resolves its unit and period,
// checks it against what the workspace already holds, and saves each file
// in its own transaction. It prints nothing: results are returned.
package importer

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"runtime/debug"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/bhxh/kpi/internal/campaign"
	"github.com/bhxh/kpi/internal/report"
	"github.com/bhxh/kpi/internal/store"
	"github.com/bhxh/kpi/internal/xlsxgrid"
	"github.com/bhxh/kpi/internal/xlsxin"
)

// Options steer an import.
type Options struct {
	DryRun bool            // check everything, write nothing
	Force  bool            // import a file even if the same bytes were imported before
	Unit   string          // --unit: the unit when the workbook and file name do not say
	Period report.Period   // --period: likewise for the period
	Limits xlsxgrid.Limits // --max-size; zero fields take xlsxgrid.DefaultLimits
	// PriorYear imports reports of the year before the campaign's (cùng
	// kỳ), kept for comparison and never scored.
	PriorYear bool
}

// Status is what happened to one file.
type Status string

// Statuses.
const (
	Imported Status = "imported" // new data
	Replaced Status = "replaced" // superseded earlier reports
	Skipped  Status = "skipped"  // same bytes already imported
	Failed   Status = "failed"
	Checked  Status = "checked" // --dry-run: valid, not written
)

// FileResult is the outcome for one file.
type FileResult struct {
	Path     string
	File     string
	SHA256   string
	Status   Status
	ImportID int64 // the new import, or for Skipped the earlier one
	Layout   string
	Sheet    string
	Period   report.Period
	Units    []string
	Values   int
	Warnings []string
	// MoreWarnings counts the warnings past the first MaxWarnings, not
	// listed (a national sheet may have one per unit)
	MoreWarnings int
	Err          error // for Failed: an xlsxin.Errors, *xlsxin.CellError or other error
	Superseded   []store.Superseded
	// Conversions: amounts the workbook gave in another unit of measure,
	// converted to the KPI's
	Conversions []xlsxin.Conversion
	// Kept: KPIs of the report in force that this file does not give, kept
	// in the new report (see keepEarlier)
	Kept []Kept
}

// Kept says that a report took over KPIs from the one in force for the same
// unit and month, which the file did not give.
type Kept struct {
	Unit     string
	Period   report.Period
	KPIs     []string
	ImportID int64 // the import they came from (0: a file earlier in a dry run)
}

// Importer imports files into one workspace.
type Importer struct {
	Store    store.Store
	Campaign *campaign.Campaign
	Now      func() time.Time
	// BeforeWrite, when set, is asked before ImportFiles gives out or
	// writes anything (the workspace's quick check, run meanwhile): an
	// error stops the batch before its first file.
	BeforeWrite func() error

	units []campaign.Unit        // with their names, read when first needed (names)
	names func() []campaign.Unit // reads the units with their names, once
	// table: every unit's code, and its targets in the campaign's KPI
	// order (NaN: none)
	table      *store.UnitTable
	byName     map[string]string   // folded name → code, built on first use
	byShort    map[string][]string // name without office words → codes (see xlsxin.UnitNameKey)
	byNameOnce sync.Once

	// the year's live observations, kept by the writer (see unitObservations);
	// partial: the workspace is too big to hold a year of them, obs holds
	// the units read so far (see prefetch)
	obs     map[string][]report.Observation
	obsYear int
	partial bool
	// dry: in a partial dry run, the figures of the batch's files checked
	// so far, which the workspace does not have (laid over what is read)
	dry map[string][]report.Observation
	// what the files of the group being saved changed in obs, to take
	// back if the group is not committed (nil outside a group)
	undo []obsUndo
	// streamed counts the files saved (or checked) as they were read
	streamed int
}

// ErrNoUnits: the workspace has no units to import reports for yet.
var ErrNoUnits = errors.New("chưa có đơn vị nào: nhập biểu giao chỉ tiêu trước (kpi targets import TỆP.xlsx)")

// New prepares an importer for the workspace's campaign and units.
func New(ctx context.Context, st store.Store) (*Importer, error) {
	c, err := st.Campaign(ctx)
	if err != nil {
		return nil, err
	}
	// the plausibility checks compare head-counts and amounts with the
	// targets; the units' names are read when a file names a unit by its
	// name (names)
	kpis := make([]string, len(c.KPIs))
	for i, k := range c.KPIs {
		if k.Kind == campaign.Stock || k.Kind == campaign.Flow {
			kpis[i] = k.Code
		}
	}
	table, err := st.UnitTable(ctx, kpis)
	if err != nil {
		return nil, err
	}
	if table.Len() == 0 {
		return nil, ErrNoUnits
	}
	im := &Importer{Store: st, Campaign: c, Now: time.Now, table: table, partial: table.Len() > wholeYear}
	im.names = sync.OnceValue(func() []campaign.Unit {
		units, err := st.UnitNames(context.WithoutCancel(ctx))
		if err != nil {
			return nil // names are a help: a unit not found by its code is then unknown
		}
		return units
	})
	return im, nil
}

// lookupAll is how many files a batch has for the imports to be looked up
// all at once.
const lookupAll = 32

// findImport looks a file's bytes up among the imports (known, or the
// store).
func findImport(ctx context.Context, st store.Store, known map[string]int64, sha string) (int64, bool, error) {
	if known != nil {
		id, found := known[sha]
		return id, found, nil
	}
	return st.FindImport(ctx, sha)
}

// wholeYear is how many units a workspace may have for an import to hold
// the figures of a whole year, for its checks (unitObservations): 5,000
// units' are some 35 MB in December. Past it the figures of each file's
// units are read with it, a thousand units at a time, and let go
// (partial): a national sheet of 200,000 units in its twelfth month would
// hold 15 million (a variable for the tests).
var wholeYear = 5000

// CollectFiles expands the command-line paths: files are taken as given,
// directories are walked for .xlsx and .xlsm files, skipping Excel lock
// files (~$…) and hidden files and folders. The result is sorted within
// each directory and free of duplicates.
func CollectFiles(paths []string) ([]string, error) {
	var out []string
	seen := map[string]bool{}
	add := func(p string) {
		if abs, err := filepath.Abs(p); err == nil && !seen[abs] {
			seen[abs] = true
			out = append(out, p)
		}
	}
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			return nil, err
		}
		if !info.IsDir() {
			add(p)
			continue
		}
		var found []string
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			name := d.Name()
			if path != p && strings.HasPrefix(name, ".") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.IsDir() || strings.HasPrefix(name, "~$") {
				return nil
			}
			switch strings.ToLower(filepath.Ext(name)) {
			case ".xlsx", ".xlsm":
				found = append(found, path)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
		sort.Strings(found)
		for _, f := range found {
			add(f)
		}
	}
	return out, nil
}

// prepared is a file read and checked as far as it can be without the
// workspace's reports: what a worker hands to the single writer.
type prepared struct {
	res     FileResult
	reports []report.Report
	done    bool // res is final (skipped or failed)
	// stream: the file's reports come from a streamed sheet (stream.go);
	// reports is then nil
	stream *fileStream
}

// ImportFile imports one file. It never leaves a file half-imported:
// either SaveImport committed all its reports or nothing was written.
func (im *Importer) ImportFile(ctx context.Context, path string, opts Options) FileResult {
	return im.commit(ctx, single{im.Store}, im.prepare(ctx, context.WithoutCancel(ctx), im.Store, nil, path, opts), opts)
}

// Group commit: how many files, and for how long, one transaction of
// ImportFiles may hold. A file's line waits at most about groupTime for the
// commit that holds it.
const (
	groupFiles = 1000
	groupTime  = 100 * time.Millisecond
)

// ImportFiles imports files in order: workers (one per CPU) read and check
// them in parallel while a single writer checks each against the
// workspace and commits it, in the order given, so results and history
// are the same as a sequential run. The writer saves many files in one
// transaction when the store can (store.GroupSaver: up to groupFiles
// files or groupTime, each file in its own savepoint, so that one that
// fails is left out alone); a file's result is passed to done once the
// commit that holds it is done, in order. When ctx is cancelled the files
// of the transaction under way are committed and the rest are left alone:
// the results then cover only the files dealt with. So do they when the
// workspace cannot be reached (store.ErrUnreachable: the server went down,
// the network broke): the batch stops at the first file that failed so,
// which ends the results, instead of failing every file after it.
func (im *Importer) ImportFiles(ctx context.Context, paths []string, opts Options, workers int, done func(FileResult)) []FileResult {
	if workers < 1 {
		workers = 1
	}
	defer heapForImport()()
	parent := ctx
	// the readers use the store the batch began with: one still reading
	// a file when the batch stops ends on its own
	st := im.Store
	ctx, stop := context.WithCancel(ctx) // the readers stop with the batch
	defer stop()
	// a streamed file is read as the writer takes its reports, Ctrl-C or
	// not, until the writer is done with the batch
	life, abandon := context.WithCancel(context.WithoutCancel(parent))
	defer abandon()
	// the files imported already, looked up at once for many (a round trip
	// each to a database server); a file imported meanwhile by another
	// process is found by the writer's transaction all the same
	var known map[string]int64 // nil: each file is looked up
	if !opts.Force && len(paths) >= lookupAll {
		known, _ = st.ImportsBySHA(ctx) // if it fails, each file says why
	}
	slots := make([]chan prepared, len(paths))
	for i := range slots {
		slots[i] = make(chan prepared, 1)
	}
	// a worker may run at most `ahead` files ahead of the writer, which
	// bounds the memory held by prepared files
	ahead := make(chan struct{}, 2*workers)
	next := make(chan int)
	go func() {
		defer close(next)
		for i := range paths {
			select {
			case ahead <- struct{}{}:
			case <-ctx.Done():
				return
			}
			next <- i
		}
	}()
	for w := 0; w < workers; w++ {
		go func() {
			for i := range next {
				slots[i] <- im.prepare(ctx, life, st, known, paths[i], opts)
			}
		}()
	}
	results := make([]FileResult, 0, len(paths))
	emit := func(r FileResult) bool {
		results = append(results, r)
		if done != nil {
			done(r)
		}
		return !Unreachable(results)
	}
	// take returns the next file once read; ok is false when the batch
	// stops first (ctx cancelled: a file still being read is left for the
	// next run) or, with a deadline, when the deadline passes first
	i := 0
	var timer *time.Timer
	take := func(deadline time.Time) (p prepared, ok bool) {
		var expired <-chan time.Time
		if !deadline.IsZero() {
			d := time.Until(deadline)
			if d <= 0 {
				return prepared{}, false
			}
			if timer == nil {
				timer = time.NewTimer(d)
			} else {
				timer.Reset(d)
			}
			defer timer.Stop()
			expired = timer.C
		}
		if parent.Err() != nil {
			return prepared{}, false
		}
		select {
		case p = <-slots[i]:
		case <-parent.Done():
			return prepared{}, false
		case <-expired:
			return prepared{}, false
		}
		<-ahead
		if parent.Err() != nil && !p.done {
			return prepared{}, false // cancelled while it was being read: leave it for the next run
		}
		i++
		return p, true
	}
	if im.BeforeWrite != nil {
		if err := im.BeforeWrite(); err != nil {
			return results
		}
	}
	// a file being committed is finished even when ctx is cancelled
	// (Ctrl-C stops after the current transaction, never inside a file)
	commitCtx := context.WithoutCancel(parent)
	gs, grouped := im.Store.(store.GroupSaver)
	if opts.DryRun || !grouped {
		for i < len(paths) {
			p, ok := take(time.Time{})
			if !ok {
				return results
			}
			var r FileResult
			if p.stream != nil && opts.DryRun {
				// a streamed file is kept for the checks of the files after
				// it, if any: a dry run of the big sheet alone holds none
				r = im.commitStream(commitCtx, nil, p, opts, i < len(paths))
			} else {
				r = im.commit(commitCtx, single{im.Store}, p, opts)
			}
			if !emit(r) {
				return results
			}
		}
		return results
	}
	type held struct {
		p   prepared
		res FileResult
	}
	var carried *prepared // taken while a group was under way, for the next
	for carried != nil || i < len(paths) {
		var p prepared
		if carried != nil {
			if parent.Err() != nil {
				return results // stopped: left for the next run
			}
			p, carried = *carried, nil
		} else {
			var ok bool
			if p, ok = take(time.Time{}); !ok {
				return results
			}
		}
		if p.done { // skipped or failed while read: nothing to write
			if !emit(p.res) {
				return results
			}
			continue
		}
		if p.stream != nil { // a streamed file: a transaction of its own
			if !emit(im.commitStreamAlone(commitCtx, gs, p, opts, i < len(paths))) {
				return results
			}
			continue
		}
		var group []held
		im.undo = []obsUndo{}
		err := gs.SaveImports(commitCtx, func(g store.ImportGroup) error {
			deadline := time.Now().Add(groupTime)
			for {
				r := im.commit(commitCtx, g, p, opts)
				group = append(group, held{p, r})
				if g.Err() != nil || r.Status == Failed && errors.Is(r.Err, store.ErrUnreachable) ||
					len(group) == groupFiles || i == len(paths) {
					return g.Err()
				}
				q, ok := take(deadline)
				if !ok {
					return nil
				}
				if q.stream != nil {
					carried = &q
					return nil
				}
				p = q
			}
		})
		undo := im.undo
		im.undo = nil
		if err != nil {
			// nothing of the group is in: take back what its files taught
			// the checks, and save each alone, as they would have been
			im.forget(undo)
			for _, h := range group {
				if !emit(im.commit(commitCtx, single{im.Store}, h.p, opts)) {
					return results
				}
			}
			continue
		}
		for _, h := range group {
			if !emit(h.res) {
				return results
			}
		}
	}
	return results
}

// obsUndo is a unit's kept observations before a file of a group changed
// them.
type obsUndo struct {
	m    map[string][]report.Observation
	unit string
	obs  []report.Observation
	had  bool
}

// keep remembers a saved file's reports for the checks of the files after
// it; in a group, undoably.
func (im *Importer) keep(reports []report.Report) {
	if im.undo != nil && im.obs != nil {
		for _, r := range reports {
			old, had := im.obs[r.Unit]
			im.undo = append(im.undo, obsUndo{im.obs, r.Unit, old, had})
		}
	}
	im.remember(reports)
}

// forget takes back what a group that was not committed changed in the
// kept observations, latest first.
func (im *Importer) forget(undo []obsUndo) {
	for i := len(undo) - 1; i >= 0; i-- {
		u := undo[i]
		if reflect.ValueOf(u.m).UnsafePointer() != reflect.ValueOf(im.obs).UnsafePointer() {
			im.obs = nil // read again from the workspace when next needed
			return
		}
		if u.had {
			im.obs[u.unit] = u.obs
		} else {
			delete(im.obs, u.unit)
		}
	}
}

// An import allocates much and keeps little: a file's cells, its report's
// figures and their text live as long as the file is read and saved. The
// collector's default (a cycle each time the heap doubles) would run
// twice as often as needed while the heap is small, and let garbage grow
// to as much again as what is kept while a consolidated sheet streams.
// So, while a batch is imported, a cycle comes when the heap has tripled
// (gcPercent), within importHeap in all (a soft limit, see
// runtime/debug.SetMemoryLimit; never raising one set lower, and twice
// what is live if that is more): a national month takes 5 % less time, a
// year 10 %, and the 200,000-row sheet stays within its budget of 200 MB
// for the whole process (what it keeps is some 70-80 MB).
const (
	gcPercent  = 200
	importHeap = 128 << 20
)

var (
	heapMu      sync.Mutex
	imports     int   // batches under way
	heapPercent int   // the collector's settings before the first
	heapLimit   int64 //
)

// heapForImport sets the collector for a batch; the returned func puts it
// back once the last batch under way ends.
func heapForImport() (restore func()) {
	heapMu.Lock()
	defer heapMu.Unlock()
	if imports == 0 {
		heapPercent = debug.SetGCPercent(gcPercent)
		heapLimit = debug.SetMemoryLimit(-1)
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		debug.SetMemoryLimit(min(heapLimit, max(importHeap, 2*int64(m.HeapAlloc))))
	}
	imports++
	return func() {
		heapMu.Lock()
		defer heapMu.Unlock()
		if imports--; imports == 0 {
			debug.SetGCPercent(heapPercent)
			debug.SetMemoryLimit(heapLimit)
		}
	}
}

// saver is where commit saves a file: the store, in a transaction of its
// own (single), or a group of files in one transaction.
type saver interface {
	Save(ctx context.Context, rec store.ImportRecord, reports []report.Report, force bool) (int64, []store.Superseded, error)
	Reports(ctx context.Context, year int, unit, period string) ([]store.StoredReport, error)
	ObservationsOf(ctx context.Context, year int, units []string) ([]report.Observation, error)
}

// single saves each file in its own transaction.
type single struct{ store.Store }

func (s single) Save(ctx context.Context, rec store.ImportRecord, reports []report.Report, force bool) (int64, []store.Superseded, error) {
	return s.SaveImport(ctx, rec, reports, force)
}

// Unreachable reports whether a batch stopped because the workspace could
// not be reached: its last file failed so (see ImportFiles).
func Unreachable(results []FileResult) bool {
	return len(results) > 0 && results[len(results)-1].Status == Failed && errors.Is(results[len(results)-1].Err, store.ErrUnreachable)
}

// prepare reads, parses and resolves one file; safe to run concurrently.
//
// life bounds a streamed file's reading (see prepareStream): it ends when
// the writer will not take the file any more. st is the store the batch
// began with; known, when not nil, holds the imports in force by SHA-256
// (Store.ImportsBySHA).
func (im *Importer) prepare(ctx, life context.Context, st store.Store, known map[string]int64, path string, opts Options) prepared {
	res := FileResult{Path: path, File: filepath.Base(path)}
	fail := func(err error) prepared {
		res.Status, res.Err = Failed, err
		return prepared{res: res, done: true}
	}
	unreadable := func(err error) prepared {
		return fail(&xlsxin.CellError{File: res.File, Msg: fmt.Sprintf("không đọc được tệp: %v", err)})
	}
	var data []byte
	var f *os.File
	if info, err := os.Stat(path); err == nil && info.Size() >= streamFileMin(opts.Limits) && canStream(st, opts) {
		// a big file: hashed as it is read, and maybe streamed (stream.go)
		if f, err = os.Open(path); err != nil {
			return unreadable(err)
		}
		h := sha256.New()
		if _, err := io.Copy(h, f); err != nil {
			f.Close()
			return unreadable(err)
		}
		res.SHA256 = hex.EncodeToString(h.Sum(nil))
	} else {
		if data, err = os.ReadFile(path); err != nil {
			return unreadable(err)
		}
		sum := sha256.Sum256(data)
		res.SHA256 = hex.EncodeToString(sum[:])
	}
	if !opts.Force {
		id, found, err := findImport(ctx, st, known, res.SHA256)
		if err != nil {
			if f != nil {
				f.Close()
			}
			return fail(fmt.Errorf("%s: %w", res.File, err))
		}
		if found {
			if f != nil {
				f.Close()
			}
			res.Status, res.ImportID = Skipped, id
			return prepared{res: res, done: true}
		}
	}
	if f != nil {
		if p, ok := im.prepareStream(life, res, f, opts); ok {
			return p
		}
		f.Close()
		var err error
		if data, err = os.ReadFile(path); err != nil {
			return unreadable(err)
		}
	}
	return im.prepareBytes(res, data, opts)
}

// prepareBytes reads, parses and resolves a file read whole.
func (im *Importer) prepareBytes(res FileResult, data []byte, opts Options) prepared {
	fail := func(err error) prepared {
		res.Status, res.Err = Failed, err
		return prepared{res: res, done: true}
	}
	wb, err := xlsxgrid.OpenBytes(res.File, data, opts.Limits)
	if err != nil {
		return fail(err)
	}
	book, err := xlsxin.ReadReport(wb, im.Campaign)
	if err != nil {
		return fail(err)
	}
	res.Layout, res.Sheet = book.Layout, book.Sheet
	reports, err := im.resolve(book, opts)
	if err != nil {
		res.Warnings = append(res.Warnings, book.Warnings...) // the rows it left out may say why
		return fail(err)
	}
	if err := im.plausible(book.File, reports); err != nil {
		return fail(err)
	}
	res.Warnings = append(res.Warnings, book.Warnings...)
	res.Conversions = book.Conversions
	res.Period = reports[0].Period
	for _, r := range reports {
		res.Units = append(res.Units, r.Unit)
		res.Values += len(r.Values)
	}
	return prepared{res: res, reports: reports}
}

// MaxWarnings is how many warnings a file's result lists, and its
// history keeps; the others are counted (MoreWarnings).
const MaxWarnings = 100

// capWarnings cuts ws to MaxWarnings, adding those cut to more.
func capWarnings(ws []string, more int) ([]string, int) {
	if len(ws) > MaxWarnings {
		more += len(ws) - MaxWarnings
		ws = slices.Clip(ws[:MaxWarnings])
	}
	return ws, more
}

// storedWarnings are a file's warnings as its history keeps them: with a
// last line counting those not listed.
func storedWarnings(r FileResult) []string {
	if r.MoreWarnings == 0 {
		return r.Warnings
	}
	return append(slices.Clone(r.Warnings), fmt.Sprintf("… và %d cảnh báo khác", r.MoreWarnings))
}

// checkAll keeps the earlier KPIs of the reports (keepEarlier) and checks
// them (check), a part at a time: in a workspace too big to hold a year of
// figures (partial), each part's units' are read, then let go.
func (im *Importer) checkAll(ctx context.Context, sv saver, file string, reports []report.Report) ([]Kept, []string, error) {
	var kept []Kept
	var warnings []string
	for start := 0; start < len(reports); start += checkPart {
		part := reports[start:min(start+checkPart, len(reports))]
		if err := im.prefetch(ctx, sv, part); err != nil {
			return nil, nil, err
		}
		k, err := im.keepEarlier(ctx, sv, part)
		if err != nil {
			return nil, nil, err
		}
		w, err := im.check(ctx, file, part)
		if err != nil {
			return nil, nil, err
		}
		kept, warnings = append(kept, k...), append(warnings, w...)
		if im.partial {
			im.drop(part)
		}
	}
	return kept, warnings, nil
}

// checkPart is how many reports checkAll checks at a time.
const checkPart = 1024

// commit checks a prepared file against the workspace's reports and saves
// it through sv; it runs in one goroutine, file after file. The prepared
// file is left as it was, so that a file of a group that failed as a
// whole can be committed again alone.
func (im *Importer) commit(ctx context.Context, sv saver, p prepared, opts Options) FileResult {
	res := p.res
	if p.done {
		return res
	}
	if p.stream != nil { // a streamed file (ImportFiles gives it a transaction of its own)
		if gs, ok := im.Store.(store.GroupSaver); ok && !opts.DryRun {
			return im.commitStreamAlone(ctx, gs, p, opts, true)
		}
		return im.commitStream(ctx, nil, p, opts, false) // a dry run of one file (ImportFile)
	}
	reports := slices.Clone(p.reports) // keepEarlier adds to them
	kept, warnings, err := im.checkAll(ctx, sv, res.File, reports)
	if err != nil {
		res.Status, res.Err = Failed, fmt.Errorf("%s: %w", res.File, err)
		return res
	}
	res.Kept = kept
	res.Warnings, res.MoreWarnings = capWarnings(append(slices.Clip(res.Warnings), warnings...), res.MoreWarnings)
	if opts.DryRun {
		im.rememberDry(reports) // later files of the batch are checked against it, as in a real run
		res.Status = Checked
		return res
	}
	rec := store.ImportRecord{
		ImportedAt: im.Now(), File: res.File, Path: res.Path, SHA256: res.SHA256, Layout: res.Layout,
		Sheet: res.Sheet, Period: res.Period.String(), Values: res.Values, Warnings: storedWarnings(res),
	}
	id, superseded, err := sv.Save(ctx, rec, reports, opts.Force)
	var already *store.AlreadyImportedError
	if errors.As(err, &already) {
		// as if found before reading (another process, or an earlier
		// file of the batch, imported the same bytes meanwhile)
		return FileResult{Path: res.Path, File: res.File, SHA256: res.SHA256, Status: Skipped, ImportID: already.ID}
	}
	if err != nil {
		res.Status, res.Err = Failed, fmt.Errorf("%s: lưu không thành công, không có gì được ghi: %w", res.File, err)
		return res
	}
	im.keep(reports)
	res.ImportID, res.Superseded = id, superseded
	res.Status = Imported
	if len(superseded) > 0 {
		res.Status = Replaced
	}
	return res
}
