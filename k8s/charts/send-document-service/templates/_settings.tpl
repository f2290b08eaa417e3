{{/* What the gpconnect-lib templates need to know about send-document-service (not configurable). */}}
{{- define "send-document-service.settings" -}}
role: provider
# quarkus.datasource.jdbc.max-size of the service's application.properties (k8s-tests checks it): Flyway,
# the seed loader, the outbox relay and the MESH receiving pipeline (docs/adr/0010)
jdbcMaxSize: 8
databaseName: documents
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
Where the service finds its MESH files (send-document-service/src/main/resources/application.properties and
SendDocumentConfig): the Secret mesh.existingSecret is mounted at meshDir, the mailboxes file (a ConfigMap)
at mailboxesDir, the spool emptyDir at spoolDir.
*/}}
{{- define "send-document-service.paths" -}}
meshDir: /etc/gpconnect/mesh
mailboxesDir: /etc/gpconnect/mesh-mailboxes
mailboxesFile: mailboxes.properties
spoolDir: /var/spool/send-document
{{- end }}

{{/* The MESH endpoint (scheme, host and port of mesh.url), after the checks a schema cannot make. */}}
{{- define "send-document-service.mesh" -}}
{{- $m := .Values.mesh -}}
{{- if $m.enabled -}}
{{- if not $m.url }}{{ fail "mesh.url is required when mesh.enabled is true" }}{{ end -}}
{{- if not $m.existingSecret }}{{ fail "mesh.existingSecret is required when mesh.enabled is true (shared secret, mailbox passwords, client certificate, key and CA)" }}{{ end -}}
{{- if not $m.mailboxes }}{{ fail "mesh.mailboxes must list at least one practice's mailbox when mesh.enabled is true (without one the service receives nothing)" }}{{ end -}}
{{- $seen := dict -}}
{{- range $m.mailboxes -}}
{{- if hasKey $seen .ods }}{{ fail (printf "mesh.mailboxes: practice %s is listed twice (one mailbox per practice)" .ods) }}{{ end -}}
{{- $_ := set $seen .ods true -}}
{{- end -}}
{{- $u := urlParse $m.url -}}
{{- if and $m.tls.enabled (ne $u.scheme "https") -}}
{{- fail "mesh.url must be https:// while mesh.tls.enabled is true (MESH needs mutual TLS; plain http:// only for a test double, with mesh.tls.enabled=false)" -}}
{{- end -}}
{{- $hostPort := splitList ":" $u.host -}}
host: {{ first $hostPort | quote }}
port: {{ ternary (last $hostPort | int) (ternary 443 80 (eq $u.scheme "https")) (gt (len $hostPort) 1) }}
{{- end -}}
{{- end }}

{{- define "send-document-service.config" -}}
{{- $m := .Values.mesh -}}
{{- $p := include "send-document-service.paths" . | fromYaml -}}
{{- if $m.enabled }}
{{- $_ := include "send-document-service.mesh" . }}
GPC_MESH_URL: {{ $m.url | quote }}
GPC_MESH_SHARED_SECRET_FILE: {{ printf "%s/shared-secret" $p.meshDir | quote }}
GPC_MESH_TLS: {{ $m.tls.enabled | toString | quote }}
{{- if $m.tls.enabled }}
GPC_MESH_CLIENT_CERT: {{ printf "%s/tls/client.crt" $p.meshDir | quote }}
GPC_MESH_CLIENT_KEY: {{ printf "%s/tls/client.key" $p.meshDir | quote }}
{{- if $m.tls.caKey }}
GPC_MESH_CA_CERT: {{ printf "%s/tls/ca.crt" $p.meshDir | quote }}
{{- end }}
{{- end }}
GPC_MESH_POLL_INTERVAL: {{ $m.pollInterval | quote }}
GPCONNECT_SEND_DOCUMENT_SPOOL_DIRECTORY: {{ $p.spoolDir | quote }}
{{- end }}
{{- end }}

{{/* MESH secrets are files, never environment variables. */}}
{{- define "send-document-service.secretEnv" -}}
{{- end }}

{{/* The practices' mailboxes as the service reads them: gpconnect.send-document.mailboxes."<ODS>".* */}}
{{- define "send-document-service.mailboxesProperties" -}}
{{- $p := include "send-document-service.paths" . | fromYaml -}}
# send-document-service's practice mailboxes (the chart's mesh.mailboxes). No secret here: each password is a
# file of the Secret mesh.existingSecret, named by its password-file.
{{- range .Values.mesh.mailboxes }}
{{- $key := printf "gpconnect.send-document.mailboxes.\"%s\"" .ods }}
{{ $key }}.mailbox-id={{ .mailboxId }}
{{- if eq (toString .enabled) "false" }}
{{ $key }}.enabled=false
{{- else }}
{{ $key }}.password-file={{ $p.meshDir }}/mailboxes/{{ .ods }}.password
{{- end }}
{{- end }}
{{- end }}

{{/* The mailboxes file, mounted read-only and named by QUARKUS_CONFIG_LOCATIONS (application.properties' advice). */}}
{{- define "send-document-service.configFiles" -}}
{{- $p := include "send-document-service.paths" . | fromYaml -}}
{{- if .Values.mesh.enabled }}
- volume: mesh-mailboxes
  path: {{ $p.mailboxesDir }}
  suffix: mesh-mailboxes
  files:
    {{ $p.mailboxesFile }}: |
      {{- include "send-document-service.mailboxesProperties" . | nindent 6 }}
{{- else }}
[]
{{- end }}
{{- end }}

{{/* The spool of messages being received (gpconnect.send-document.spool-directory): writable, bounded, emptied after each message. */}}
{{- define "send-document-service.scratchDirs" -}}
{{- $p := include "send-document-service.paths" . | fromYaml -}}
{{- if .Values.mesh.enabled }}
- volume: spool
  path: {{ $p.spoolDir }}
  sizeLimit: {{ .Values.mesh.spool.sizeLimit }}
{{- else }}
[]
{{- end }}
{{- end }}

{{/* One Secret volume: the shared secret, the TLS files (with mesh.tls.enabled) and each enabled mailbox's password. */}}
{{- define "send-document-service.secretFiles" -}}
{{- $m := .Values.mesh -}}
{{- $p := include "send-document-service.paths" . | fromYaml -}}
{{- if $m.enabled }}
- volume: mesh
  path: {{ $p.meshDir }}
  secret: {{ $m.existingSecret }}
  purpose: "MESH shared secret, mailbox passwords{{ if $m.tls.enabled }}, client certificate and key{{ if $m.tls.caKey }}, CA{{ end }}{{ end }}"
  items:
    - key: {{ $m.sharedSecretKey }}
      path: shared-secret
    {{- if $m.tls.enabled }}
    - key: {{ $m.tls.clientCertKey }}
      path: tls/client.crt
    - key: {{ $m.tls.clientKeyKey }}
      path: tls/client.key
    {{- if $m.tls.caKey }}
    - key: {{ $m.tls.caKey }}
      path: tls/ca.crt
    {{- end }}
    {{- end }}
    {{- range $m.mailboxes }}
    {{- if ne (toString .enabled) "false" }}
    - key: {{ .passwordKey }}
      path: mailboxes/{{ .ods }}.password
    {{- end }}
    {{- end }}
{{- else }}
[]
{{- end }}
{{- end }}

{{/* Nobody calls send-document-service but Prometheus and helm test: MESH is polled, not pushed. */}}
{{- define "send-document-service.networkPolicyIngress" -}}
{{- end }}

{{/* Egress to MESH (networkPolicy.mesh.to, or anywhere on the port of mesh.url). */}}
{{- define "send-document-service.networkPolicyEgress" -}}
{{- if .Values.mesh.enabled }}
{{- $mesh := include "send-document-service.mesh" . | fromYaml }}
{{ include "gpconnect.networkPolicyRule" (dict "peers" .Values.networkPolicy.mesh.to "peerKey" "to" "ports" (list (dict "port" ($mesh.port | int)))) }}
{{- end }}
{{- end }}
