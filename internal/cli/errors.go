package cli

import (
	"errors"
	"os"
	"regexp"
	"strings"

	"github.com/bhxh/kpi/internal/i18n"
	"github.com/bhxh/kpi/internal/store"
	"github.com/bhxh/kpi/internal/xlsxgrid"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// Every error reaches the officer through Main, in the catalogue's words:
// cobra's and pflag's own errors become usage errors said by cobraUsage
// and flagWords; the errors of the domain packages are said by said.

var (
	unknownCommandRE = regexp.MustCompile(`^unknown command "(.*)" for "(.*)"(?:\s+Did you mean this\?\s+((?s).*))?$`)
	requiredFlagsRE  = regexp.MustCompile(`^required flag\(s\) (.*) not set$`)
	cobraArgsRE      = regexp.MustCompile(`^(accepts|requires) .*arg\(s\)`)
)

// cobraUsage says the errors cobra returns itself — an unknown command, a
// required flag not set, a wrong number of arguments — as usage errors in
// the catalogue's words; nil for any other error.
func cobraUsage(cmd *cobra.Command, err error) error {
	var ue usageError
	if errors.As(err, &ue) {
		return nil
	}
	path := "kpi"
	if cmd != nil {
		path = cmd.CommandPath()
	}
	msg := err.Error()
	if m := unknownCommandRE.FindStringSubmatch(msg); m != nil {
		if s := strings.Fields(m[3]); len(s) > 0 {
			return usageError{i18n.Errorf(i18n.UnknownCommandSuggest, m[1], m[2], withPath(m[2], s))}
		}
		return usageError{i18n.Errorf(i18n.UnknownCommand, m[1], m[2])}
	}
	if m := requiredFlagsRE.FindStringSubmatch(msg); m != nil {
		var names []string
		for _, n := range strings.Split(m[1], ", ") {
			names = append(names, "--"+strings.Trim(n, `"`))
		}
		return usageError{i18n.Errorf(i18n.RequiredFlags, strings.Join(names, ", "), path)}
	}
	if cobraArgsRE.MatchString(msg) {
		return usageError{i18n.Errorf(i18n.BadArgs, path)}
	}
	return nil
}

// withPath writes the commands named under path: "kpi progress, kpi
// awards".
func withPath(path string, names []string) string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = path + " " + n
	}
	return strings.Join(out, ", ")
}

// flagWords says why a flag does not parse.
func flagWords(c *cobra.Command, err error) error {
	var (
		notExist *pflag.NotExistError
		noValue  *pflag.ValueRequiredError
		badValue *pflag.InvalidValueError
		syntax   *pflag.InvalidSyntaxError
	)
	switch {
	case errors.As(err, &notExist):
		return i18n.Errorf(i18n.UnknownFlag, flagName(notExist.GetSpecifiedName(), notExist.GetSpecifiedShortnames()), c.CommandPath())
	case errors.As(err, &noValue):
		return i18n.Errorf(i18n.FlagNeedsValue, flagName(noValue.GetSpecifiedName(), noValue.GetSpecifiedShortnames()))
	case errors.As(err, &badValue):
		want := i18n.ValueOther
		switch badValue.GetFlag().Value.Type() {
		case "int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32", "uint64":
			want = i18n.ValueNumber
		case "bool":
			want = i18n.ValueBool
		}
		return i18n.Errorf(i18n.FlagBadValue, "--"+badValue.GetFlag().Name, badValue.GetValue(), i18n.M(want))
	case errors.As(err, &syntax):
		return i18n.Errorf(i18n.FlagSyntax, syntax.GetSpecifiedFlag())
	}
	return err
}

// flagName writes a flag as typed: --name, or -n for a shorthand.
func flagName(name, shorthands string) string {
	if shorthands != "" {
		return "-" + name[:1]
	}
	return "--" + name
}

// readable refuses a file that is not there or is a folder, in the
// catalogue's words, before a reader says so in its own.
func readable(path string) error {
	info, err := os.Stat(path)
	if err != nil {
		return err
	}
	if info.IsDir() {
		return i18n.Errorf(i18n.IsFolder, path)
	}
	return nil
}

// said writes err for people in lang: the store's refusals that name no
// file in the catalogue's words, everything else as i18n.Say says it.
func said(err error, lang string) string {
	switch {
	case errors.Is(err, store.ErrNoCampaign):
		return i18n.T(lang, i18n.NoCampaign)
	case strings.Contains(err.Error(), xlsxgrid.ErrTooBig.Error()):
		// the reader's sentence after the sentinel's English name (which a
		// cell's error keeps as text only)
		err = &replaced{err, xlsxgrid.ErrTooBig.Error(), i18n.T(lang, i18n.TooBig)}
	}
	return i18n.Say(err, lang)
}

// replaced is err with one phrase of its text replaced.
type replaced struct {
	err       error
	old, with string
}

func (r *replaced) Error() string { return strings.Replace(r.err.Error(), r.old, r.with, 1) }
func (r *replaced) Unwrap() error { return r.err }
