{{- define "gpconnect-suite.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Values.global.imageTag | default .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: gpconnect-suite
{{- with .Values.global.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end }}

{{/* The full name a service chart gets in this release. */}}
{{- define "gpconnect-suite.serviceName" -}}
{{- if contains .chart .root.Release.Name }}{{ .root.Release.Name | trunc 63 | trimSuffix "-" }}{{ else }}{{ printf "%s-%s" .root.Release.Name .chart | trunc 63 | trimSuffix "-" }}{{ end }}
{{- end }}
