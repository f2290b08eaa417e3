{{/* What the gpconnect-lib templates need to know about send-document-service (not configurable). */}}
{{- define "send-document-service.settings" -}}
role: provider
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

{{/* The MESH endpoint: scheme, host and port of mesh.url. */}}
{{- define "send-document-service.mesh" -}}
{{- $m := .Values.mesh -}}
{{- if $m.enabled -}}
{{- if not $m.url }}{{ fail "mesh.url is required when mesh.enabled is true" }}{{ end -}}
{{- if not $m.existingSecret }}{{ fail "mesh.existingSecret is required when mesh.enabled is true (client certificate, key, CA, mailbox password, shared key)" }}{{ end -}}
{{- $u := urlParse $m.url -}}
{{- $hostPort := splitList ":" $u.host -}}
host: {{ first $hostPort | quote }}
port: {{ ternary (last $hostPort | int) (ternary 443 80 (eq $u.scheme "https")) (gt (len $hostPort) 1) }}
{{- end -}}
{{- end }}

{{- define "send-document-service.config" -}}
{{- $m := .Values.mesh -}}
{{- if $m.enabled }}
{{- $_ := include "send-document-service.mesh" . }}
GPC_MESH_URL: {{ $m.url | quote }}
GPC_MESH_MAILBOX_ID: {{ $m.mailboxId | quote }}
GPC_MESH_TLS_CERT: /etc/gpconnect/mesh/tls.crt
GPC_MESH_TLS_KEY: /etc/gpconnect/mesh/tls.key
GPC_MESH_CA: /etc/gpconnect/mesh/ca.crt
{{- end }}
{{- end }}

{{- define "send-document-service.secretEnv" -}}
{{- $m := .Values.mesh -}}
{{- if $m.enabled }}
- name: GPC_MESH_MAILBOX_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ $m.existingSecret }}
      key: {{ $m.mailboxPasswordKey }}
- name: GPC_MESH_SHARED_KEY
  valueFrom:
    secretKeyRef:
      name: {{ $m.existingSecret }}
      key: {{ $m.sharedKeyKey }}
{{- end }}
{{- end }}

{{- define "send-document-service.secretFiles" -}}
{{- $m := .Values.mesh -}}
{{- if $m.enabled }}
- volume: mesh-tls
  path: /etc/gpconnect/mesh
  secret: {{ $m.existingSecret }}
  items:
    - key: {{ $m.tlsCertKey }}
      path: tls.crt
    - key: {{ $m.tlsKeyKey }}
      path: tls.key
    - key: {{ $m.caKey }}
      path: ca.crt
{{- else }}
[]
{{- end }}
{{- end }}

{{/* Nobody calls send-document-service but Prometheus and helm test: MESH is polled, not pushed. */}}
{{- define "send-document-service.networkPolicyIngress" -}}
{{- end }}

{{/* Egress to MESH (networkPolicy.mesh.to, or anywhere on the MESH port). */}}
{{- define "send-document-service.networkPolicyEgress" -}}
{{- if .Values.mesh.enabled }}
{{- $mesh := include "send-document-service.mesh" . | fromYaml }}
{{ include "gpconnect.networkPolicyRule" (dict "peers" .Values.networkPolicy.mesh.to "peerKey" "to" "ports" (list (dict "port" ($mesh.port | int)))) }}
{{- end }}
{{- end }}
