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

{{/* Settings of this service only (none beyond the shared ones). */}}
{{- define "appointment-service.config" -}}
{{- end }}

{{- define "appointment-service.secretEnv" -}}
{{- end }}

{{/* No config files or scratch directories beyond /tmp. */}}
{{- define "appointment-service.configFiles" -}}
[]
{{- end }}

{{- define "appointment-service.scratchDirs" -}}
[]
{{- end }}

{{- define "appointment-service.secretFiles" -}}
[]
{{- end }}

{{/* Ingress: the spine-gateway pods of this release (or networkPolicy.gatewayPodLabels) on the HTTP port. */}}
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
{{- end }}

{{- define "appointment-service.networkPolicyEgress" -}}
{{- end }}
