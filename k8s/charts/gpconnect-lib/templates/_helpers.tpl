{{/*
Names, labels and images. Every template of this library takes the chart's root context (.) unless its
comment says otherwise. Each service chart defines "<chart name>.settings" (ports, role, database name),
read here with gpconnect.settings.
*/}}

{{/* The service chart's fixed facts (templates/_settings.tpl of each chart), as a dict. */}}
{{- define "gpconnect.settings" -}}
{{- include (printf "%s.settings" .Chart.Name) . -}}
{{- end }}

{{- define "gpconnect.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Release-qualified name; the release name alone when it already contains the chart's name. */}}
{{- define "gpconnect.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/* The full name another chart of the suite gets in the same release: (dict "root" . "chart" "appointment-service") */}}
{{- define "gpconnect.siblingFullname" -}}
{{- if contains .chart .root.Release.Name }}
{{- .root.Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .root.Release.Name .chart | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}

{{- define "gpconnect.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "gpconnect.imageTag" -}}
{{- .Values.image.tag | default .Values.global.imageTag | default .Chart.AppVersion }}
{{- end }}

{{/* Labels that select this service's pods. Test and migration pods carry other names, so no selector matches them. */}}
{{- define "gpconnect.selectorLabels" -}}
app.kubernetes.io/name: {{ include "gpconnect.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/* Labels every resource carries, without the selector labels: (dict "root" . "component" "server") */}}
{{- define "gpconnect.baseLabels" -}}
helm.sh/chart: {{ include "gpconnect.chart" .root }}
app.kubernetes.io/version: {{ include "gpconnect.imageTag" .root | trunc 63 | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
app.kubernetes.io/part-of: gpconnect-suite
app.kubernetes.io/component: {{ .component }}
{{- with .root.Values.global.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- with .root.Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end }}

{{/* Standard labels of the service's own resources. */}}
{{- define "gpconnect.labels" -}}
{{ include "gpconnect.selectorLabels" . }}
{{ include "gpconnect.baseLabels" (dict "root" . "component" "server") }}
{{- end }}

{{/* Labels of helper pods (helm test, migration Job): (dict "root" . "component" "test") */}}
{{- define "gpconnect.helperLabels" -}}
app.kubernetes.io/name: {{ printf "%s-%s" (include "gpconnect.name" .root) .component | trunc 63 | trimSuffix "-" }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{ include "gpconnect.baseLabels" . }}
{{- end }}

{{- define "gpconnect.image" -}}
{{- $registry := .Values.global.imageRegistry | default .Values.image.registry -}}
{{- $ref := ternary .Values.image.repository (printf "%s/%s" $registry .Values.image.repository) (empty $registry) -}}
{{- if .Values.image.digest -}}
{{- printf "%s@%s" $ref .Values.image.digest -}}
{{- else -}}
{{- printf "%s:%s" $ref (include "gpconnect.imageTag" .) -}}
{{- end -}}
{{- end }}

{{- define "gpconnect.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "gpconnect.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "gpconnect.imagePullSecrets" -}}
{{- $secrets := concat (.Values.global.imagePullSecrets | default list) (.Values.image.pullSecrets | default list) | uniq -}}
{{- if $secrets }}
imagePullSecrets:
{{- range $secrets }}
  - name: {{ . }}
{{- end }}
{{- end }}
{{- end }}
