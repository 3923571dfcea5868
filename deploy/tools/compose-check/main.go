// Command compose-check loads a Compose file the way `docker compose config` does, with
// compose-go (the library Docker Compose itself uses): interpolation, the Compose
// specification's JSON schema (compose-go embeds schema/compose-spec.json), and the
// cross-reference checks (depends_on, volumes, networks). No container engine is needed.
//
//	compose-check -file docker-compose.yml -env-file .env.example -require SESSION_SECRET,…
//
// Beyond "the file is valid" it holds two promises of the quick start:
//   - every variable the file reads is documented in the env file;
//   - every variable named in -require, and every one written ${NAME:?message}, really is
//     required: loading without it fails and names it, so no secret can silently fall back
//     to a default or to "" (-require is what catches a ${SECRET:?} turned into ${SECRET:-}).
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/compose-spec/compose-go/v2/cli"
	"github.com/compose-spec/compose-go/v2/dotenv"
	"github.com/compose-spec/compose-go/v2/types"
)

var (
	// ${NAME}, ${NAME:-default}, ${NAME:?message}… ($$ escapes are not references).
	referencePattern = regexp.MustCompile(`(?:^|[^$])\$\{([A-Za-z_][A-Za-z0-9_]*)`)
	requiredPattern  = regexp.MustCompile(`\$\{([A-Za-z_][A-Za-z0-9_]*):\?`)
)

func main() {
	file := flag.String("file", "docker-compose.yml", "the Compose file")
	envFile := flag.String("env-file", ".env.example", "the documented variables, in .env syntax")
	require := flag.String("require", "", "comma-separated variables the file must refuse to load without")
	flag.Parse()

	var mandatory []string
	for _, name := range strings.Split(*require, ",") {
		if name = strings.TrimSpace(name); name != "" {
			mandatory = append(mandatory, name)
		}
	}
	failures, err := check(*file, *envFile, mandatory)
	if err != nil {
		fmt.Fprintf(os.Stderr, "compose-check: %v\n", err)
		os.Exit(1)
	}
	for _, failure := range failures {
		fmt.Fprintf(os.Stderr, "FAIL %s\n", failure)
	}
	if len(failures) > 0 {
		os.Exit(1)
	}
}

func check(file, envFile string, mandatory []string) ([]string, error) {
	source, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	documented, err := dotenv.GetEnvFromFile(map[string]string{}, []string{envFile})
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", envFile, err)
	}

	var failures []string
	referenced := matches(referencePattern, string(source))
	for _, name := range referenced {
		if _, ok := documented[name]; !ok {
			failures = append(failures, fmt.Sprintf("%s reads ${%s} but %s does not document it", file, name, envFile))
		}
	}

	project, err := load(file, documented)
	if err != nil {
		// The documented example must load; nothing else can be checked without it.
		return append(failures, fmt.Sprintf("%s with %s: %v", file, envFile, err)), nil
	}
	fmt.Printf("%s: valid against the Compose specification with %s (%d services: %s)\n",
		file, envFile, len(project.Services), strings.Join(project.ServiceNames(), ", "))

	required := union(matches(requiredPattern, string(source)), mandatory)
	before := len(failures)
	for _, name := range required {
		without := map[string]string{}
		for key, value := range documented {
			if key != name {
				without[key] = value
			}
		}
		_, err := load(file, without)
		if err == nil {
			failures = append(failures, fmt.Sprintf("%s loads without %s: write it ${%s:?message}", file, name, name))
		} else if !strings.Contains(err.Error(), name) {
			failures = append(failures, fmt.Sprintf("%s without %s fails for another reason: %v", file, name, err))
		}
	}
	if len(failures) == before {
		fmt.Printf("%s: refuses to load without each of its %d required variables (%s)\n",
			file, len(required), strings.Join(required, ", "))
	}
	return failures, nil
}

// load reads the project with exactly the given environment: the shell's own variables and
// a stray .env must not hide a missing one.
func load(file string, environment map[string]string) (*types.Project, error) {
	absolute, err := filepath.Abs(file)
	if err != nil {
		return nil, err
	}
	env := make([]string, 0, len(environment))
	for key, value := range environment {
		env = append(env, key+"="+value)
	}
	options, err := cli.NewProjectOptions(
		[]string{absolute},
		cli.WithWorkingDirectory(filepath.Dir(absolute)),
		cli.WithEnv(env),
		cli.WithInterpolation(true),
		cli.WithConsistency(true),
		cli.WithResolvedPaths(true),
	)
	if err != nil {
		return nil, err
	}
	return options.LoadProject(context.Background())
}

func union(lists ...[]string) []string {
	seen := map[string]bool{}
	var names []string
	for _, list := range lists {
		for _, name := range list {
			if !seen[name] {
				seen[name] = true
				names = append(names, name)
			}
		}
	}
	sort.Strings(names)
	return names
}

func matches(pattern *regexp.Regexp, text string) []string {
	seen := map[string]bool{}
	for _, match := range pattern.FindAllStringSubmatch(text, -1) {
		seen[match[1]] = true
	}
	names := make([]string, 0, len(seen))
	for name := range seen {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}
