// Command dockerfile-check runs BuildKit's Dockerfile checks, the ones `docker build --check`
// reports, without a container engine: the Dockerfile is parsed by the frontend Docker
// uses and every rule of its linter runs over all stages. hadolint is not available on
// these machines; this needs nothing beyond the Go module proxy.
//
//	dockerfile-check Dockerfile
//
// Exits 1 on a parse error or any warning, printing each with its line.
package main

import (
	"context"
	"fmt"
	"os"
	"runtime"

	"github.com/moby/buildkit/client/llb"
	"github.com/moby/buildkit/client/llb/sourceresolver"
	"github.com/moby/buildkit/frontend/dockerfile/dockerfile2llb"
	"github.com/moby/buildkit/frontend/dockerui"
	"github.com/opencontainers/go-digest"
)

// offlineImages answers every base image lookup with an empty image for this platform
// instead of asking a registry (the default resolver would, and none is reachable here).
// So the checks run on the Dockerfile alone; the one that needs a base image's real
// platform (InvalidBaseImagePlatform) cannot fail.
type offlineImages struct{}

func (offlineImages) ResolveImageConfig(_ context.Context, ref string, _ sourceresolver.Opt) (string, digest.Digest, []byte, error) {
	config := fmt.Sprintf(`{"architecture":%q,"os":"linux","config":{"Env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"]},"rootfs":{"type":"layers","diff_ids":[]}}`, runtime.GOARCH)
	return ref, digest.FromString(ref), []byte(config), nil
}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: dockerfile-check <Dockerfile>")
		os.Exit(2)
	}
	path := os.Args[1]
	source, err := os.ReadFile(path)
	if err != nil {
		fmt.Fprintf(os.Stderr, "dockerfile-check: %v\n", err)
		os.Exit(1)
	}
	sourceMap := llb.NewSourceMap(nil, path, "Dockerfile", source)
	// Nothing is built, so there is no LLB definition; the lint results only need one to exist.
	sourceMap.Definition = &llb.Definition{}
	results, err := dockerfile2llb.DockerfileLint(context.Background(), source, dockerfile2llb.ConvertOpt{
		Config:       dockerui.Config{},
		SourceMap:    sourceMap,
		MetaResolver: offlineImages{},
	})
	if err != nil {
		fmt.Fprintf(os.Stderr, "%s: %v\n", path, err)
		os.Exit(1)
	}
	for _, warning := range results.Warnings {
		line := 0
		if len(warning.Location.Ranges) > 0 {
			line = int(warning.Location.Ranges[0].Start.Line)
		}
		fmt.Printf("%s:%d: %s: %s (%s)\n", path, line, warning.RuleName, warning.Detail, warning.URL)
	}
	if results.Error != nil {
		fmt.Printf("%s: %s\n", path, results.Error.Message)
		os.Exit(1)
	}
	if len(results.Warnings) > 0 {
		os.Exit(1)
	}
	fmt.Printf("%s: no findings from BuildKit's Dockerfile checks\n", path)
}
