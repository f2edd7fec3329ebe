package cli

import (
	"context"
	"strings"

	"github.com/spf13/cobra"
)

// Shell completion (kpi completion bash|zsh|fish|powershell) of the names
// the workspace holds: unit codes, cluster names, KPI codes. Completion
// reads the workspace the command line names (--db, else $KPI_DB, else
// ./kpi.db) and offers nothing when there is none.

type completeKind int

const (
	completeUnits completeKind = iota
	completeClusters
	completeKPIs
)

// completer returns cobra's completion function for names of one kind.
func completer(ws *Workspace, kind completeKind) func(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
	return func(cmd *cobra.Command, args []string, prefix string) ([]cobra.Completion, cobra.ShellCompDirective) {
		names := workspaceNames(cmd.Context(), ws, kind)
		var out []cobra.Completion
		for _, n := range names {
			if strings.HasPrefix(strings.ToLower(n), strings.ToLower(prefix)) {
				out = append(out, n)
			}
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	}
}

func workspaceNames(ctx context.Context, ws *Workspace, kind completeKind) []string {
	if ctx == nil {
		ctx = context.Background()
	}
	st, c, err := ws.Open(ctx)
	if err != nil {
		return nil
	}
	defer st.Close()
	if kind == completeKPIs {
		var out []string
		for _, k := range c.KPIs {
			out = append(out, k.Code)
		}
		return out
	}
	units, err := st.UnitNames(ctx)
	if err != nil {
		return nil
	}
	var out []string
	seen := map[string]bool{}
	for _, u := range units {
		name := u.Code
		if kind == completeClusters {
			name = u.Cluster
		}
		if name != "" && !seen[name] {
			seen[name] = true
			out = append(out, name)
		}
	}
	return sortedStrings(out)
}

// completeFlag registers a flag's completion, when the command has it.
func completeFlag(cmd *cobra.Command, flag string, ws *Workspace, kind completeKind) {
	if cmd.Flags().Lookup(flag) != nil {
		_ = cmd.RegisterFlagCompletionFunc(flag, completer(ws, kind))
	}
}

// registerCompletions adds workspace completion to the commands that take
// unit codes, clusters or KPI codes.
func registerCompletions(root *cobra.Command, ws *Workspace) {
	for _, cmd := range root.Commands() {
		completeFlag(cmd, "unit", ws, completeUnits)
		completeFlag(cmd, "explain", ws, completeUnits)
		completeFlag(cmd, "cluster", ws, completeClusters)
		completeFlag(cmd, "kpi", ws, completeKPIs)
		if cmd.Name() == "unit" {
			cmd.ValidArgsFunction = completer(ws, completeUnits)
		}
		if cmd.HasSubCommands() {
			registerCompletions(cmd, ws)
		}
	}
}
