// Package openapi holds the OpenAPI definitions of the built-in Kubernetes types, generated
// from k8s.io/api by openapi-gen: the same generator and sources the API server's published
// schema comes from. The generated file is not committed (it is 1 MB, and the module
// versions in go.sum fix its content); scripts/bootstrap.mjs ensureGoTools runs this
// directive before building k8s-schemas.
//
// Every package of k8s.io/api (alpha and beta groups too: GA types refer to some of their
// types), plus the apimachinery types they refer to; openapi-gen leaves a reference to a
// package it was not given dangling, and k8s-schemas then stops and names it.
package openapi

//go:generate go tool openapi-gen --output-dir . --output-pkg github.com/local/provider-deploy-tools/k8s-schemas/openapi --output-file zz_generated.openapi.go --go-header-file /dev/null --report-filename /dev/null k8s.io/api/... k8s.io/apimachinery/pkg/apis/meta/v1 k8s.io/apimachinery/pkg/api/resource k8s.io/apimachinery/pkg/util/intstr k8s.io/apimachinery/pkg/runtime k8s.io/apimachinery/pkg/version
