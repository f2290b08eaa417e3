{{/*
NetworkPolicies. Each policy lists both policy types, so whatever it does not allow is denied for the pods
it selects. Allowed flows: the chart's own ingress (gateway → provider services, consumers → gateway) and
egress (gateway → provider services, send-document → MESH) from "<chart>.networkPolicyIngress/Egress";
scraping from the monitoring namespace; helm test pods → this service; this service → DNS, its
PostgreSQL and Kafka. An empty peer list for PostgreSQL, Kafka or MESH allows that port to any address.
*/}}
{{- define "gpconnect.networkPolicyEnabled" -}}
{{- if or .Values.networkPolicy.enabled .Values.global.networkPolicy.enabled }}true{{ end -}}
{{- end }}

{{/* An egress or ingress rule: (dict "peers" list "peerKey" "to"|"from" "ports" list-of-(dict port protocol)); no peers means any address. */}}
{{- define "gpconnect.networkPolicyRule" -}}
{{- $ports := list -}}
{{- range .ports -}}
{{- $ports = append $ports (dict "port" .port "protocol" (.protocol | default "TCP")) -}}
{{- end -}}
{{- $rule := dict "ports" $ports -}}
{{- if .peers -}}
{{- $_ := set $rule .peerKey .peers -}}
{{- end -}}
{{- toYaml (list $rule) -}}
{{- end }}

{{/* Egress every pod of the suite needs: DNS. */}}
{{- define "gpconnect.dnsEgress" -}}
{{ include "gpconnect.networkPolicyRule" (dict "peers" .Values.global.networkPolicy.dns.to "peerKey" "to" "ports" (list (dict "port" 53 "protocol" "UDP") (dict "port" 53 "protocol" "TCP"))) }}
{{- end }}

{{- define "gpconnect.postgresqlEgress" -}}
{{- $db := include "gpconnect.database" . | fromYaml -}}
{{ include "gpconnect.networkPolicyRule" (dict "peers" .Values.global.networkPolicy.postgresql.to "peerKey" "to" "ports" (list (dict "port" ($db.port | int)))) }}
{{- end }}

{{- define "gpconnect.kafkaEgress" -}}
{{- $ports := list -}}
{{- range (include "gpconnect.kafkaPorts" . | fromJson).ports }}
{{- $ports = append $ports (dict "port" (int .)) -}}
{{- end -}}
{{- if $ports }}
{{ include "gpconnect.networkPolicyRule" (dict "peers" .Values.global.networkPolicy.kafka.to "peerKey" "to" "ports" $ports) }}
{{- end }}
{{- end }}

{{- define "gpconnect.networkPolicy" -}}
{{- if include "gpconnect.networkPolicyEnabled" . -}}
{{- $s := include "gpconnect.settings" . | fromYaml -}}
{{- $root := . -}}
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: {{ include "gpconnect.fullname" . }}
  namespace: {{ .Release.Namespace }}
  labels:
    {{- include "gpconnect.labels" . | nindent 4 }}
spec:
  podSelector:
    matchLabels:
      {{- include "gpconnect.selectorLabels" . | nindent 6 }}
  policyTypes:
    - Ingress
    - Egress
  ingress:
    {{- with include (printf "%s.networkPolicyIngress" .Chart.Name) . | trim }}{{ . | nindent 4 }}{{ end }}
    {{- with .Values.global.networkPolicy.monitoring.from }}
    - from:
        {{- toYaml . | nindent 8 }}
      ports:
        - port: {{ $s.metricsPort }}
          protocol: TCP
    {{- end }}
    {{- if .Values.tests.enabled }}
    - from:
        - podSelector:
            matchLabels:
              app.kubernetes.io/name: {{ printf "%s-test" (include "gpconnect.name" .) | trunc 63 | trimSuffix "-" }}
              app.kubernetes.io/instance: {{ .Release.Name }}
      ports:
        {{- range $name, $port := $s.ports }}
        - port: {{ $name }}
          protocol: TCP
        {{- end }}
    {{- end }}
    {{- with .Values.networkPolicy.extraIngress }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
  egress:
    {{- with include "gpconnect.dnsEgress" . | trim }}{{ . | nindent 4 }}{{ end }}
    {{- with include "gpconnect.postgresqlEgress" . | trim }}{{ . | nindent 4 }}{{ end }}
    {{- with include "gpconnect.kafkaEgress" . | trim }}{{ . | nindent 4 }}{{ end }}
    {{- with include (printf "%s.networkPolicyEgress" .Chart.Name) . | trim }}{{ . | nindent 4 }}{{ end }}
    {{- with .Values.networkPolicy.extraEgress }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
{{- if .Values.tests.enabled }}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: {{ printf "%s-test" (include "gpconnect.fullname" .) | trunc 63 | trimSuffix "-" }}
  namespace: {{ .Release.Namespace }}
  labels:
    {{- include "gpconnect.helperLabels" (dict "root" . "component" "test") | nindent 4 }}
spec:
  podSelector:
    matchLabels:
      app.kubernetes.io/name: {{ printf "%s-test" (include "gpconnect.name" .) | trunc 63 | trimSuffix "-" }}
      app.kubernetes.io/instance: {{ .Release.Name }}
  policyTypes:
    - Ingress
    - Egress
  egress:
    {{- with include "gpconnect.dnsEgress" . | trim }}{{ . | nindent 4 }}{{ end }}
    - to:
        - podSelector:
            matchLabels:
              {{- include "gpconnect.selectorLabels" . | nindent 14 }}
      ports:
        {{- range $name, $port := $s.ports }}
        - port: {{ $port }}
          protocol: TCP
        {{- end }}
{{- end }}
{{- if .Values.migration.job.enabled }}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: {{ printf "%s-migration" (include "gpconnect.fullname" .) | trunc 63 | trimSuffix "-" }}
  namespace: {{ .Release.Namespace }}
  labels:
    {{- include "gpconnect.helperLabels" (dict "root" . "component" "migration") | nindent 4 }}
  annotations:
    # the migration Job is a pre-install hook: its policy must exist before it
    helm.sh/hook: pre-install,pre-upgrade
    helm.sh/hook-weight: "-10"
    helm.sh/hook-delete-policy: before-hook-creation
spec:
  podSelector:
    matchLabels:
      app.kubernetes.io/name: {{ printf "%s-migration" (include "gpconnect.name" .) | trunc 63 | trimSuffix "-" }}
      app.kubernetes.io/instance: {{ .Release.Name }}
  policyTypes:
    - Ingress
    - Egress
  egress:
    {{- with include "gpconnect.dnsEgress" . | trim }}{{ . | nindent 4 }}{{ end }}
    {{- with include "gpconnect.postgresqlEgress" . | trim }}{{ . | nindent 4 }}{{ end }}
{{- end }}
{{- end }}
{{- end }}
