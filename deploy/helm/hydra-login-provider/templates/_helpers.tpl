{{/* The chart's name, or nameOverride. */}}
{{- define "provider.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Resource names: the release name, followed by the chart's unless it already contains it. */}}
{{- define "provider.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{- define "provider.selectorLabels" -}}
app.kubernetes.io/name: {{ include "provider.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "provider.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{ include "provider.selectorLabels" . }}
app.kubernetes.io/version: {{ .Values.image.tag | default .Chart.AppVersion | trunc 63 | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end -}}

{{- define "provider.testLabels" -}}
app.kubernetes.io/name: {{ include "provider.name" . }}-test
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end -}}

{{- define "provider.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "provider.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{- define "provider.secretName" -}}
{{- default (include "provider.fullname" .) .Values.secret.existingSecret -}}
{{- end -}}

{{- define "provider.image" -}}
{{- $repository := .Values.image.repository -}}
{{- with .Values.image.registry }}{{ $repository = printf "%s/%s" . $repository }}{{ end -}}
{{- if .Values.image.digest -}}
{{- printf "%s@%s" $repository .Values.image.digest -}}
{{- else -}}
{{- printf "%s:%s" $repository (.Values.image.tag | default .Chart.AppVersion) -}}
{{- end -}}
{{- end -}}

{{- define "provider.sqlite" -}}
{{- if eq .Values.database.type "sqlite" }}true{{ end -}}
{{- end -}}

{{/*
Refuses values that would deploy something broken, with a message that names the value.
Included by the Deployment, so `helm template` and `helm install` both stop on it.
*/}}
{{- define "provider.validate" -}}
{{- $_ := required "config.appUrl is required: the https URL browsers reach this app at" .Values.config.appUrl -}}
{{- $_ := required "config.hydraAdminUrl is required: Hydra's admin API as the pods reach it" .Values.config.hydraAdminUrl -}}
{{- $_ := required "config.hydraPublicUrl is required: Hydra's public URL as browsers reach it" .Values.config.hydraPublicUrl -}}
{{- range $key, $url := dict "config.appUrl" .Values.config.appUrl "config.hydraAdminUrl" .Values.config.hydraAdminUrl "config.hydraPublicUrl" .Values.config.hydraPublicUrl -}}
{{- if not (regexMatch "^https?://[^/]+(/.*[^/])?$" $url) -}}
{{- fail (printf "%s must be an http(s) URL without a trailing slash, got %q" $key $url) -}}
{{- end -}}
{{- end -}}
{{- if not (has .Values.database.type (list "postgres" "sqlite")) -}}
{{- fail (printf "database.type must be postgres or sqlite, got %q" .Values.database.type) -}}
{{- end -}}
{{- if include "provider.sqlite" . -}}
{{- if or (gt (int .Values.replicaCount) 1) .Values.autoscaling.enabled -}}
{{- fail "database.type sqlite serves exactly one replica: set replicaCount 1 and autoscaling.enabled false, or use database.type postgres" -}}
{{- end -}}
{{- end -}}
{{- if not .Values.secret.existingSecret -}}
{{- if not (or .Values.secret.sessionSecret .Values.secret.sessionSecrets) -}}
{{- fail "secret.sessionSecret (at least 32 characters) or secret.sessionSecrets is required, or name a Secret that holds it in secret.existingSecret" -}}
{{- end -}}
{{- if and .Values.secret.sessionSecret (lt (len .Values.secret.sessionSecret) 32) -}}
{{- fail "secret.sessionSecret needs at least 32 characters" -}}
{{- end -}}
{{- if and (not (include "provider.sqlite" .)) (not .Values.secret.databaseUrl) -}}
{{- fail "database.type postgres needs secret.databaseUrl (postgres://…), or a Secret that holds it in secret.existingSecret" -}}
{{- end -}}
{{- end -}}
{{- end -}}
