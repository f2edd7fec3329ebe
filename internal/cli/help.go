package cli

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/bhxh/kpi/internal/i18n"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// The words of --help. Commands are built without them; localize gives
// every command of the tree its summary, description, examples and flag
// usages from i18n's help table in the language of --lang (KPI_LANG), and
// cobra's own words — the headings of the usage text, the help command, the
// help flag, the usage line's placeholders — in the same language.

// groupAnnotation marks a command that only groups others (kpi campaign,
// kpi export): it runs nothing itself.
const groupAnnotation = "kpi:group"

func init() {
	cobra.AddTemplateFunc("kpiUseLine", useLine)
	cobra.AddTemplateFunc("kpiFlags", flagUsages)
	cobra.AddTemplateFunc("kpiGroup", func(c *cobra.Command) bool { return c.Annotations[groupAnnotation] == "true" })
	cobra.AddTemplateFunc("kpiMoreHelp", func(c *cobra.Command, lang string) string {
		return fmt.Sprintf(i18n.UsageFor(lang).MoreHelp, c.CommandPath())
	})
}

// localize gives the tree under root its words in lang.
func localize(root *cobra.Command, lang string) {
	root.SetHelpCommand(newCmdHelp())
	root.InitDefaultHelpCmd()
	root.InitDefaultCompletionCmd()
	walk(root, func(c *cobra.Command) {
		c.InitDefaultHelpFlag()
		if !c.Runnable() && c.HasSubCommands() {
			asGroup(c)
		}
		h, ok := i18n.HelpFor(lang, helpPath(c))
		if !ok {
			return
		}
		if h.Use != "" {
			c.Use = c.Name() + " " + h.Use
		}
		c.Short, c.Long, c.Example = h.Short, h.Long, h.Example
		c.Flags().VisitAll(func(f *pflag.Flag) {
			if u, ok := h.Flags[f.Name]; ok {
				f.Usage = u
			}
		})
	})
	root.SetUsageTemplate(usageTemplate(lang))
}

// walk calls fn on c and every command under it.
func walk(c *cobra.Command, fn func(*cobra.Command)) {
	fn(c)
	for _, sub := range c.Commands() {
		walk(sub, fn)
	}
}

// helpPath is the command's path after "kpi": "" for kpi itself.
func helpPath(c *cobra.Command) string {
	p := c.CommandPath()
	if i := strings.IndexByte(p, ' '); i >= 0 {
		return p[i+1:]
	}
	return ""
}

// asGroup makes a command that only groups others refuse a subcommand it
// does not have (a usage error, where cobra would show the help and exit
// 0) and show its help when run alone.
func asGroup(c *cobra.Command) {
	if c.Annotations == nil {
		c.Annotations = map[string]string{}
	}
	c.Annotations[groupAnnotation] = "true"
	if c.SuggestionsMinimumDistance <= 0 {
		c.SuggestionsMinimumDistance = 2 // as cobra's root
	}
	c.Args = cobra.ArbitraryArgs
	c.RunE = func(cmd *cobra.Command, args []string) error {
		if len(args) > 0 {
			return usageError{unknownCommand(cmd, args[0])}
		}
		return cmd.Help()
	}
}

// unknownCommand says that cmd has no subcommand name, with cobra's
// suggestions when it has some.
func unknownCommand(cmd *cobra.Command, name string) error {
	if s := cmd.SuggestionsFor(name); len(s) > 0 {
		return i18n.Errorf(i18n.UnknownCommandSuggest, name, cmd.CommandPath(), withPath(cmd.CommandPath(), s))
	}
	return i18n.Errorf(i18n.UnknownCommand, name, cmd.CommandPath())
}

// newCmdHelp is kpi help [command], in place of cobra's, which says an
// unknown topic in English and exits 0.
func newCmdHelp() *cobra.Command {
	return &cobra.Command{
		Use: "help [command]",
		RunE: func(c *cobra.Command, args []string) error {
			cmd, rest, err := c.Root().Find(args)
			if err != nil || cmd == nil || len(rest) > 0 {
				return usageError{i18n.Errorf(i18n.NoHelpTopic, strings.Join(args, " "))}
			}
			return cmd.Help()
		},
	}
}

// usageTemplate is cobra's usage template in lang: the same layout, kpi's
// words, flags written by flagUsages.
func usageTemplate(lang string) string {
	w := i18n.UsageFor(lang)
	return w.Usage + `{{if and .Runnable (not (kpiGroup .))}}
  {{kpiUseLine . "` + lang + `"}}{{end}}{{if .HasAvailableSubCommands}}
  {{.CommandPath}} ` + w.CommandPlaceholder + `{{end}}{{if gt (len .Aliases) 0}}

` + w.Aliases + `
  {{.NameAndAliases}}{{end}}{{if .HasExample}}

` + w.Examples + `
{{.Example}}{{end}}{{if .HasAvailableSubCommands}}

` + w.Commands + `{{range .Commands}}{{if (or .IsAvailableCommand (eq .Name "help"))}}
  {{rpad .Name .NamePadding }} {{.Short}}{{end}}{{end}}{{end}}{{if .HasAvailableLocalFlags}}

` + w.Flags + `
{{kpiFlags .LocalFlags "` + lang + `"}}{{end}}{{if .HasAvailableInheritedFlags}}

` + w.GlobalFlags + `
{{kpiFlags .InheritedFlags "` + lang + `"}}{{end}}{{if .HasAvailableSubCommands}}

{{kpiMoreHelp . "` + lang + `"}}{{end}}
`
}

// useLine is the command's usage line with the placeholder of its flags
// in lang ("[tùy chọn]").
func useLine(c *cobra.Command, lang string) string {
	line := c.Use
	if c.HasParent() {
		line = c.Parent().CommandPath() + " " + c.Use
	}
	ph := i18n.UsageFor(lang).FlagsPlaceholder
	if c.HasAvailableFlags() && !strings.Contains(line, ph) && !strings.Contains(line, "[flags]") {
		line += " " + ph
	}
	return line
}

// flagUsages writes the flags of fs as pflag does — "  -o, --output TỆP",
// then the usage — with the name of a value in lang when the usage names
// none, and the default in lang's words.
func flagUsages(fs *pflag.FlagSet, lang string) string {
	w := i18n.UsageFor(lang)
	type line struct{ left, usage string }
	var lines []line
	width := 0
	fs.VisitAll(func(f *pflag.Flag) {
		if f.Hidden {
			return
		}
		left := "      --" + f.Name
		if f.Shorthand != "" && f.ShorthandDeprecated == "" {
			left = "  -" + f.Shorthand + ", --" + f.Name
		}
		name, usage := pflag.UnquoteUsage(f)
		if !strings.Contains(f.Usage, "`") {
			switch name {
			case "string":
				name = w.Value
			case "int", "uint", "float":
				name = w.Number
			}
		}
		if name != "" {
			left += " " + name
		}
		if !zeroDefault(f) {
			def := f.DefValue
			if f.Value.Type() == "string" && lang == "en" {
				def = fmt.Sprintf("%q", def)
			}
			usage += " " + fmt.Sprintf(w.Default, def)
		}
		lines = append(lines, line{left, usage})
		width = max(width, utf8.RuneCountInString(left))
	})
	var b strings.Builder
	for i, l := range lines {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(l.left)
		b.WriteString(strings.Repeat(" ", width-utf8.RuneCountInString(l.left)+3))
		b.WriteString(strings.ReplaceAll(l.usage, "\n", "\n"+strings.Repeat(" ", width+3)))
	}
	return b.String()
}

// zeroDefault reports whether a flag's default is its type's zero value,
// which the usage leaves unsaid.
func zeroDefault(f *pflag.Flag) bool {
	switch f.DefValue {
	case "", "false", "0", "[]", "<nil>":
		return true
	}
	return false
}
