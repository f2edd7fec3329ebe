// Command kpi follows a provincial BHXH emulation campaign: it imports the
// districts' monthly Excel reports, scores and ranks the units, and writes
// the award shortlist. See README.md.
package main

import (
	"os"

	"github.com/bhxh/kpi/internal/cli"
)

func main() {
	os.Exit(cli.Main(os.Args[1:], cli.SystemIO()))
}
