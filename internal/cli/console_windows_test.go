//go:build windows

package cli

import "testing"

// On Windows the console is switched to UTF-8 and back.
func TestWindowsConsole(t *testing.T) {
	restore := windowsConsole()
	restore()
	_ = windowsDoubleClicked()
}
