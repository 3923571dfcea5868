// Command k8s-schemas writes the JSON schemas kubeconform validates Kubernetes manifests
// against, for every built-in kind, from the OpenAPI definitions openapi-gen derives from
// k8s.io/api (package openapi). kubeconform normally downloads them; here nothing but the
// Go module proxy is reachable, and the types themselves are the source the published
// schemas are generated from anyway.
//
//	k8s-schemas -out .bin/kubernetes-json-schema
//
// writes, in kubeconform's own folder layout (its -schema-location for a local folder):
//
//	<out>/v<version>-standalone-strict/<kind>-<group>-<version>.json   (-strict)
//	<out>/v<version>-standalone/<kind>-<group>-<version>.json
//	<out>/kubernetes-version                                           (e.g. 1.37.1)
//
// The Kubernetes version is the one of the k8s.io/api module this was built with.
// Each schema is standalone (every $ref inlined), like kubeconform's published ones. The
// strict set forbids fields the type does not have, which is what catches a misspelt or
// misplaced key in a chart template.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"runtime/debug"
	"sort"
	"strings"

	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/client-go/kubernetes/scheme"
	"k8s.io/kube-openapi/pkg/validation/spec"

	"github.com/local/provider-deploy-tools/k8s-schemas/openapi"
)

const definitionPrefix = "#/definitions/"

type object = map[string]any

func main() {
	out := flag.String("out", "", "folder to write the schemas into")
	flag.Parse()
	if *out == "" {
		fmt.Fprintln(os.Stderr, "k8s-schemas: -out is required")
		os.Exit(2)
	}
	if err := run(*out); err != nil {
		fmt.Fprintf(os.Stderr, "k8s-schemas: %v\n", err)
		os.Exit(1)
	}
}

func run(out string) error {
	version, err := kubernetesVersion()
	if err != nil {
		return err
	}
	definitions, err := loadDefinitions()
	if err != nil {
		return err
	}

	written := 0
	for _, strict := range []bool{true, false} {
		folder := filepath.Join(out, "v"+version+"-standalone")
		if strict {
			folder += "-strict"
		}
		if err := os.MkdirAll(folder, 0o755); err != nil {
			return err
		}
		expander := &expander{definitions: definitions, strict: strict}
		for gvk, typ := range scheme.Scheme.AllKnownTypes() {
			// The scheme also registers apimachinery's options and events in every group;
			// only the group's own kinds are resources a manifest can hold.
			if gvk.Version == runtime.APIVersionInternal || !strings.HasPrefix(typ.PkgPath(), "k8s.io/api/") {
				continue
			}
			namer, ok := reflect.New(typ).Interface().(interface{ OpenAPIModelName() string })
			if !ok {
				continue
			}
			if _, generated := definitions[namer.OpenAPIModelName()]; !generated {
				continue // a group left out of the openapi-gen list (alpha and beta ones)
			}
			schema := expander.expand(object{"$ref": definitionPrefix + namer.OpenAPIModelName()}, nil).(object)
			identify(schema, gvk.GroupVersion().String(), gvk.Kind)
			data, err := json.Marshal(schema)
			if err != nil {
				return err
			}
			if err := os.WriteFile(filepath.Join(folder, fileName(gvk.Group, gvk.Version, gvk.Kind)), data, 0o644); err != nil {
				return err
			}
			written++
		}
	}
	if err := os.WriteFile(filepath.Join(out, "kubernetes-version"), []byte(version+"\n"), 0o644); err != nil {
		return err
	}
	fmt.Printf("k8s-schemas: %d schemas for Kubernetes %s in %s\n", written, version, out)
	return nil
}

// kubernetesVersion maps the k8s.io/api module version (v0.37.1) to Kubernetes' (1.37.1).
func kubernetesVersion() (string, error) {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "", fmt.Errorf("no build information")
	}
	for _, dependency := range info.Deps {
		if dependency.Path == "k8s.io/api" {
			return strings.Replace(strings.TrimPrefix(dependency.Version, "v"), "0.", "1.", 1), nil
		}
	}
	return "", fmt.Errorf("k8s.io/api is not among the dependencies")
}

func loadDefinitions() (map[string]object, error) {
	reference := func(name string) spec.Ref { return spec.MustCreateRef(definitionPrefix + name) }
	definitions := map[string]object{}
	for name, definition := range openapi.GetOpenAPIDefinitions(reference) {
		data, err := json.Marshal(definition.Schema)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		var schema object
		if err := json.Unmarshal(data, &schema); err != nil {
			return nil, err
		}
		definitions[name] = schema
	}
	return definitions, nil
}

// fileName follows kubeconform's template {{ .ResourceKind }}{{ .KindSuffix }}.json: the kind
// in lower case, the first label of the group, the version (core kinds have no group).
func fileName(group, version, kind string) string {
	name := strings.ToLower(kind)
	if group != "" {
		name += "-" + strings.ToLower(strings.Split(group, ".")[0])
	}
	return name + "-" + strings.ToLower(version) + ".json"
}

// identify pins apiVersion and kind, as the published schemas do.
func identify(schema object, apiVersion, kind string) {
	properties, _ := schema["properties"].(object)
	if properties == nil {
		return
	}
	properties["apiVersion"] = object{"type": "string", "enum": []any{apiVersion}}
	properties["kind"] = object{"type": "string", "enum": []any{kind}}
}

type expander struct {
	definitions map[string]object
	strict      bool
}

// expand returns a copy of node with every $ref replaced by its definition. A type that
// contains itself (none among the built-in kinds today) is cut off as "any value".
func (e *expander) expand(node any, visiting []string) any {
	switch value := node.(type) {
	case []any:
		expanded := make([]any, len(value))
		for i, item := range value {
			expanded[i] = e.expand(item, visiting)
		}
		return expanded
	case object:
		return e.expandObject(value, visiting)
	default:
		return value
	}
}

func (e *expander) expandObject(node object, visiting []string) any {
	if ref, ok := node["$ref"].(string); ok {
		name := strings.TrimPrefix(ref, definitionPrefix)
		definition, found := e.definitions[name]
		if !found {
			panic(fmt.Sprintf("no definition for %s: add its package to the openapi-gen list in k8s-schemas/openapi/doc.go", name))
		}
		for _, seen := range visiting {
			if seen == name {
				return object{}
			}
		}
		resolved := e.expand(definition, append(visiting[:len(visiting):len(visiting)], name)).(object)
		// Keys beside a $ref (a field's default) refine the referenced type.
		for key, value := range node {
			if key != "$ref" && key != "description" {
				resolved[key] = value
			}
		}
		return resolved
	}
	// openapi-gen writes a field with a default as allOf: [$ref]; one branch is that type.
	if all, ok := node["allOf"].([]any); ok && len(all) == 1 {
		merged := e.expand(all[0], visiting).(object)
		for key, value := range node {
			if key != "allOf" && key != "description" {
				merged[key] = e.expand(value, visiting)
			}
		}
		return merged
	}

	expanded := object{}
	for key, value := range node {
		switch {
		case key == "description" || key == "format" || strings.HasPrefix(key, "x-kubernetes-"):
			// Documentation, and formats (int32, quantity…) no JSON schema validator knows.
		case key == "properties":
			properties := object{}
			for name, property := range value.(object) {
				properties[name] = e.expand(property, visiting)
			}
			expanded[key] = properties
		default:
			expanded[key] = e.expand(value, visiting)
		}
	}
	if properties, ok := expanded["properties"].(object); ok {
		allowNullWhenOptional(properties, expanded["required"])
		_, open := expanded["additionalProperties"]
		preserve, _ := node["x-kubernetes-preserve-unknown-fields"].(bool)
		if e.strict && !open && !preserve {
			expanded["additionalProperties"] = false
		}
	}
	return expanded
}

// allowNullWhenOptional lets an optional field be null: the API server treats `key: null` as
// absent, and charts render it (an empty value in values.yaml). Required fields stay non-null.
func allowNullWhenOptional(properties object, required any) {
	mandatory := map[string]bool{}
	if list, ok := required.([]any); ok {
		for _, name := range list {
			mandatory[name.(string)] = true
		}
	}
	names := make([]string, 0, len(properties))
	for name := range properties {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if mandatory[name] {
			continue
		}
		property, ok := properties[name].(object)
		if !ok {
			continue
		}
		switch kind := property["type"].(type) {
		case string:
			property["type"] = []any{kind, "null"}
		case []any:
			property["type"] = append(kind, "null")
		case nil:
			if oneOf, ok := property["oneOf"].([]any); ok {
				property["oneOf"] = append(oneOf, object{"type": "null"})
			}
		}
		if enum, ok := property["enum"].([]any); ok {
			property["enum"] = append(enum, nil)
		}
	}
}
