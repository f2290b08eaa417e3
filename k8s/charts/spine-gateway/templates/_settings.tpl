{{/* What the gpconnect-lib templates need to know about spine-gateway (not configurable). */}}
{{- define "spine-gateway.settings" -}}
role: gateway
# quarkus.datasource.jdbc.max-size of the service's application.properties (k8s-tests checks it)
jdbcMaxSize: 4
databaseName: gateway
ports:
  http: 8080
  admin: 9000
healthPort: admin
metricsPort: admin
services:
  - suffix: ""
    component: server
    port: http
  - suffix: "-admin"
    component: admin
    port: admin
{{- end }}

{{- define "spine-gateway.appointmentsUrl" -}}
{{- .Values.upstreams.appointmentsUrl | default (printf "http://%s:8080" (include "gpconnect.siblingFullname" (dict "root" . "chart" "appointment-service"))) -}}
{{- end }}
{{- define "spine-gateway.accessRecordUrl" -}}
{{- .Values.upstreams.accessRecordUrl | default (printf "http://%s:8080" (include "gpconnect.siblingFullname" (dict "root" . "chart" "access-record-service"))) -}}
{{- end }}

{{- define "spine-gateway.config" -}}
GPC_APPOINTMENTS_URL: {{ include "spine-gateway.appointmentsUrl" . | quote }}
GPC_ACCESS_RECORD_URL: {{ include "spine-gateway.accessRecordUrl" . | quote }}
{{- with .Values.publicBaseUrl }}
GPC_PUBLIC_BASE_URL: {{ . | quote }}
{{- end }}
GPCONNECT_GATEWAY_TOKEN_REUSE: {{ .Values.tokenReuse | quote }}
GPC_OPERATOR_TOKEN_ISSUER: {{ .Values.operatorAuth.issuer | quote }}
GPC_OPERATOR_TOKEN_AUDIENCE: {{ .Values.operatorAuth.audience | quote }}
{{- if .Values.operatorAuth.jwksUrl }}
MP_JWT_VERIFY_PUBLICKEY_LOCATION: {{ .Values.operatorAuth.jwksUrl | quote }}
{{- else if .Values.operatorAuth.publicKeySecret }}
MP_JWT_VERIFY_PUBLICKEY_LOCATION: /etc/gpconnect/operator-idp/public-key.pem
{{- end }}
{{- with .Values.viewer }}
{{- if .asid }}
GPCONNECT_GATEWAY_VIEWER_ASID: {{ .asid | quote }}
GPCONNECT_GATEWAY_VIEWER_ORGANIZATION_ODS: {{ required "viewer.organizationOds is required with viewer.asid (the organisation the viewer's requests come from)" .organizationOds | quote }}
{{- with .organizationName }}
GPCONNECT_GATEWAY_VIEWER_ORGANIZATION_NAME: {{ . | quote }}
{{- end }}
{{- end }}
{{- if .demoPatients }}
{{- $patients := list }}
{{- range .demoPatients }}
{{- $patients = append $patients (printf "%s=%s" .nhsNumber .label) }}
{{- end }}
GPCONNECT_GATEWAY_VIEWER_DEMO_PATIENTS: {{ join "," $patients | quote }}
{{- end }}
{{- end }}
GPC_OTEL_DISABLED: {{ not .Values.tracing.enabled | toString | quote }}
{{- if .Values.tracing.enabled }}
GPC_OTEL_ENDPOINT: {{ .Values.tracing.endpoint | quote }}
{{- end }}
{{- end }}

{{- define "spine-gateway.secretEnv" -}}
{{- end }}

{{/* No config files or scratch directories beyond /tmp. */}}
{{- define "spine-gateway.configFiles" -}}
[]
{{- end }}

{{- define "spine-gateway.scratchDirs" -}}
[]
{{- end }}

{{- define "spine-gateway.secretFiles" -}}
{{- if and .Values.operatorAuth.publicKeySecret (not .Values.operatorAuth.jwksUrl) }}
- volume: operator-idp
  path: /etc/gpconnect/operator-idp
  secret: {{ .Values.operatorAuth.publicKeySecret }}
  purpose: operators' identity-provider public key
  items:
    - key: {{ .Values.operatorAuth.publicKeyKey }}
      path: public-key.pem
{{- else }}
[]
{{- end }}
{{- end }}

{{/* Consumers (through the ingress controller) on the consumer port; operators' tooling on the admin port. */}}
{{- define "spine-gateway.networkPolicyIngress" -}}
{{ include "gpconnect.networkPolicyRule" (dict "peers" .Values.networkPolicy.consumers.from "peerKey" "from" "ports" (list (dict "port" "http"))) }}
{{- with .Values.networkPolicy.admin.from }}
{{ include "gpconnect.networkPolicyRule" (dict "peers" . "peerKey" "from" "ports" (list (dict "port" "admin"))) }}
{{- end }}
{{- end }}

{{/* The provider services it routes to, and the OTLP collector when tracing is on. */}}
{{- define "spine-gateway.networkPolicyEgress" -}}
- to:
    - podSelector:
        matchLabels:
          {{- if .Values.networkPolicy.appointmentsPodLabels }}
          {{- toYaml .Values.networkPolicy.appointmentsPodLabels | nindent 10 }}
          {{- else }}
          app.kubernetes.io/name: appointment-service
          app.kubernetes.io/instance: {{ .Release.Name }}
          {{- end }}
    - podSelector:
        matchLabels:
          {{- if .Values.networkPolicy.accessRecordPodLabels }}
          {{- toYaml .Values.networkPolicy.accessRecordPodLabels | nindent 10 }}
          {{- else }}
          app.kubernetes.io/name: access-record-service
          app.kubernetes.io/instance: {{ .Release.Name }}
          {{- end }}
  ports:
    - port: 8080
      protocol: TCP
{{- if .Values.tracing.enabled }}
{{- $u := urlParse .Values.tracing.endpoint }}
{{- $hostPort := splitList ":" $u.host }}
{{ include "gpconnect.networkPolicyRule" (dict "peers" .Values.networkPolicy.tracing.to "peerKey" "to" "ports" (list (dict "port" (ternary (last $hostPort | int) 4317 (gt (len $hostPort) 1))))) }}
{{- end }}
{{- end }}

{{/*
The consumer-port check of `helm test`: a metadata read without Ssp-* headers or JWT. The gateway must
answer it itself with FHIR: a 400 OperationOutcome (headers missing) proves the consumer listener, its
checks and the FHIR error writer work; a CapabilityStatement would mean a consumer-facing proxy added the
headers. Anything else (no answer, HTML, a 5xx) fails the test.
*/}}
{{- define "spine-gateway.metadataCheck" -}}
echo "GET {{ .url }}"
code=$(curl --silent --show-error --max-time 10 --retry 5 --retry-delay 3 --retry-connrefused -H 'Accept: application/fhir+json' -o /tmp/metadata.json -w '%{http_code}' {{ .url }})
echo "HTTP $code"; cat /tmp/metadata.json; echo
case "$code" in 2??|4??) ;; *) echo "expected 2xx or 4xx, got $code"; exit 1 ;; esac
grep -Eq '"resourceType" *: *"(OperationOutcome|CapabilityStatement)"' /tmp/metadata.json
{{- end }}
