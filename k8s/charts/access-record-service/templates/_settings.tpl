{{/* What the gpconnect-lib templates need to know about access-record-service (not configurable). */}}
{{- define "access-record-service.settings" -}}
role: provider
# quarkus.datasource.jdbc.max-size of the service's application.properties (k8s-tests checks it)
jdbcMaxSize: 4
databaseName: records
ports:
  http: 8080
healthPort: http
metricsPort: http
services:
  - suffix: ""
    component: server
    port: http
{{- end }}

{{/* Settings of this service only. */}}
{{- define "access-record-service.config" -}}
GPC_DOCUMENTS_CONSUMER_GROUP: {{ .Values.documents.consumerGroup | quote }}
{{- end }}

{{- define "access-record-service.secretEnv" -}}
{{- end }}

{{/* No config files or scratch directories beyond /tmp. */}}
{{- define "access-record-service.configFiles" -}}
[]
{{- end }}

{{- define "access-record-service.scratchDirs" -}}
[]
{{- end }}

{{- define "access-record-service.secretFiles" -}}
[]
{{- end }}

{{/* Ingress: the spine-gateway pods of this release (or networkPolicy.gatewayPodLabels) on the HTTP port. */}}
{{- define "access-record-service.networkPolicyIngress" -}}
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
{{- end }}

{{- define "access-record-service.networkPolicyEgress" -}}
{{- end }}
