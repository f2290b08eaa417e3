{{/* What the gpconnect-lib templates need to know about appointment-service (not configurable). */}}
{{- define "appointment-service.settings" -}}
role: provider
# quarkus.datasource.jdbc.max-size of the service's application.properties (k8s-tests checks it)
jdbcMaxSize: 4
databaseName: appointments
ports:
  http: 8080
healthPort: http
metricsPort: http
services:
  - suffix: ""
    component: server
    port: http
{{- end }}

{{/*
Where the service finds its PDS files (appointment-service/src/main/resources/application.properties and
AppointmentServiceConfig.Pds): the Secret pds.existingSecret is mounted at pdsDir as a directory (no
subPath), so a token rewritten in the Secret reaches the file the service re-reads every token-refresh.
*/}}
{{- define "appointment-service.paths" -}}
pdsDir: /etc/gpconnect/pds
tokenFile: token
caFile: ca.crt
{{- end }}

{{/* The PDS endpoint (scheme, host and port of pds.url), after the checks a schema cannot make. */}}
{{- define "appointment-service.pds" -}}
{{- $p := .Values.pds -}}
{{- if $p.enabled -}}
{{- if not $p.url }}{{ fail "pds.url is required when pds.enabled is true (the PDS FHIR R4 base URL, GPC_PDS_URL)" }}{{ end -}}
{{- if not $p.existingSecret }}{{ fail "pds.existingSecret is required when pds.enabled is true (the Secret holding the PDS access token, pds.tokenKey)" }}{{ end -}}
{{- $u := urlParse $p.url -}}
{{- if and $p.tls.enabled (ne $u.scheme "https") -}}
{{- fail "pds.url must be https:// while pds.tls.enabled is true (PDS carries patient data; the service refuses to start otherwise; plain http:// only for a test double, with pds.tls.enabled=false)" -}}
{{- end -}}
{{- $hostPort := splitList ":" $u.host -}}
scheme: {{ $u.scheme | quote }}
host: {{ first $hostPort | quote }}
port: {{ ternary (last $hostPort | int) (ternary 443 80 (eq $u.scheme "https")) (gt (len $hostPort) 1) }}
{{- end -}}
{{- end }}

{{/* Whether the CA file is mounted and named: a CA key, TLS on. */}}
{{- define "appointment-service.pdsCa" -}}
{{- if and .Values.pds.enabled .Values.pds.tls.enabled .Values.pds.tls.caKey }}true{{ end -}}
{{- end }}

{{/*
PDS settings exactly as the service reads them: the four GPC_PDS_* variables of its application.properties,
then the PDS properties without a variable of their own under their canonical environment names
(gpconnect.appointments.pds.connect-timeout → GPCONNECT_APPOINTMENTS_PDS_CONNECT_TIMEOUT). Off: nothing,
and the service starts with a warning (register patient answers 500).
*/}}
{{- define "appointment-service.config" -}}
{{- $p := .Values.pds -}}
{{- $paths := include "appointment-service.paths" . | fromYaml -}}
{{- if $p.enabled }}
{{- $_ := include "appointment-service.pds" . }}
GPC_PDS_URL: {{ $p.url | quote }}
GPC_PDS_TOKEN_FILE: {{ printf "%s/%s" $paths.pdsDir $paths.tokenFile | quote }}
GPC_PDS_TLS: {{ $p.tls.enabled | toString | quote }}
{{- if include "appointment-service.pdsCa" . }}
GPC_PDS_CA_CERT: {{ printf "%s/%s" $paths.pdsDir $paths.caFile | quote }}
{{- end }}
GPCONNECT_APPOINTMENTS_PDS_TOKEN_REFRESH: {{ $p.tokenRefresh | quote }}
GPCONNECT_APPOINTMENTS_PDS_CONNECT_TIMEOUT: {{ $p.connectTimeout | quote }}
GPCONNECT_APPOINTMENTS_PDS_REQUEST_TIMEOUT: {{ $p.requestTimeout | quote }}
GPCONNECT_APPOINTMENTS_PDS_MAX_ATTEMPTS: {{ $p.maxAttempts | toString | quote }}
GPCONNECT_APPOINTMENTS_PDS_RETRY_BACKOFF: {{ $p.retryBackoff | quote }}
{{- end }}
{{- end }}

{{/* The PDS token is a file, never an environment variable. */}}
{{- define "appointment-service.secretEnv" -}}
{{- end }}

{{/* No config files or scratch directories beyond /tmp. */}}
{{- define "appointment-service.configFiles" -}}
[]
{{- end }}

{{- define "appointment-service.scratchDirs" -}}
[]
{{- end }}

{{/* One Secret volume with PDS: the access token and (with a CA key and TLS on) the CA certificates. */}}
{{- define "appointment-service.secretFiles" -}}
{{- $p := .Values.pds -}}
{{- $paths := include "appointment-service.paths" . | fromYaml -}}
{{- if $p.enabled }}
- volume: pds
  path: {{ $paths.pdsDir }}
  secret: {{ $p.existingSecret }}
  purpose: "PDS access token{{ if include "appointment-service.pdsCa" . }}, PDS CA certificates{{ end }}"
  items:
    - key: {{ $p.tokenKey }}
      path: {{ $paths.tokenFile }}
    {{- if include "appointment-service.pdsCa" . }}
    - key: {{ $p.tls.caKey }}
      path: {{ $paths.caFile }}
    {{- end }}
{{- else }}
[]
{{- end }}
{{- end }}

{{/*
Ingress, all on the one HTTP port: the spine-gateway pods of this release (or networkPolicy.gatewayPodLabels),
for the FHIR endpoints; the practice administration API's callers (networkPolicy.admin.from, none by
default), for /admin/practices/... A NetworkPolicy cannot tell paths apart: the service's token roles do
(the gateway's consumer role for the FHIR roots, practice-admin for /admin/).
*/}}
{{- define "appointment-service.networkPolicyIngress" -}}
- from:
    - podSelector:
        matchLabels:
          {{- if .Values.networkPolicy.gatewayPodLabels }}
          {{- toYaml .Values.networkPolicy.gatewayPodLabels | nindent 10 }}
          {{- else }}
          app.kubernetes.io/name: spine-gateway
          app.kubernetes.io/instance: {{ .Release.Name }}
          {{- end }}
  ports:
    - port: http
      protocol: TCP
{{- with .Values.networkPolicy.admin.from }}
- from:
    {{- toYaml . | nindent 4 }}
  ports:
    - port: http
      protocol: TCP
{{- end }}
{{- end }}

{{/* Egress to PDS (networkPolicy.pds.to, or anywhere on the port of pds.url), only with pds.enabled. */}}
{{- define "appointment-service.networkPolicyEgress" -}}
{{- if .Values.pds.enabled }}
{{- $pds := include "appointment-service.pds" . | fromYaml }}
{{ include "gpconnect.networkPolicyRule" (dict "peers" .Values.networkPolicy.pds.to "peerKey" "to" "ports" (list (dict "port" ($pds.port | int)))) }}
{{- end }}
{{- end }}
