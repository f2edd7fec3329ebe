//go:build windows

package cli

import (
	"errors"
	"os"
	"unsafe"

	"golang.org/x/sys/windows"
)

// cpUTF8 is the UTF-8 code page.
const cpUTF8 = 65001

func init() {
	consoleSetup = windowsConsole
	doubleClicked = windowsDoubleClicked
	fileInUse = windowsFileInUse
	lastColumn = 1
}

// windowsFileInUse recognises the errors of a file another program holds
// open: Excel keeps a workbook it shows locked, and replacing it fails
// with "Access is denied" or a sharing violation.
func windowsFileInUse(err error) bool {
	return errors.Is(err, windows.ERROR_SHARING_VIOLATION) || errors.Is(err, windows.ERROR_LOCK_VIOLATION) ||
		errors.Is(err, windows.ERROR_ACCESS_DENIED)
}

// windowsConsole sets the console's output code page to UTF-8 and turns on
// escape-sequence processing for stdout and stderr, returning how to put
// the console back as it was.
func windowsConsole() (restore func()) {
	var undo []func()
	if cp, err := windows.GetConsoleOutputCP(); err == nil && cp != cpUTF8 {
		if windows.SetConsoleOutputCP(cpUTF8) == nil {
			undo = append(undo, func() { _ = windows.SetConsoleOutputCP(cp) })
		}
	}
	for _, f := range []*os.File{os.Stdout, os.Stderr} {
		h := windows.Handle(f.Fd())
		var mode uint32
		if windows.GetConsoleMode(h, &mode) != nil {
			continue // redirected: bytes go out as UTF-8 anyway
		}
		if mode&windows.ENABLE_VIRTUAL_TERMINAL_PROCESSING == 0 &&
			windows.SetConsoleMode(h, mode|windows.ENABLE_VIRTUAL_TERMINAL_PROCESSING) == nil {
			undo = append(undo, func() { _ = windows.SetConsoleMode(h, mode) })
		}
	}
	return func() {
		for i := len(undo) - 1; i >= 0; i-- {
			undo[i]()
		}
	}
}

var getConsoleProcessList = windows.NewLazySystemDLL("kernel32.dll").NewProc("GetConsoleProcessList")

// windowsDoubleClicked reports whether kpi owns its console alone: started
// from Explorer rather than typed in cmd.exe or PowerShell (whose console
// it shares).
func windowsDoubleClicked() bool {
	if getConsoleProcessList.Find() != nil {
		return false
	}
	var pids [2]uint32
	n, _, _ := getConsoleProcessList.Call(uintptr(unsafe.Pointer(&pids[0])), uintptr(len(pids)))
	return n == 1
}
