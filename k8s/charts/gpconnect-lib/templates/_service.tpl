{{/*
Services. The chart's settings list them: providers have one (port "http"); the gateway has its consumer
Service (port "http", the only one an Ingress may point at) and a cluster-internal admin Service (port
"admin": probes, metrics, operator APIs). The Service that carries /q/metrics is labelled for the
ServiceMonitor.
*/}}
{{- define "gpconnect.services" -}}
{{- $root := . -}}
{{- $s := include "gpconnect.settings" . | fromYaml -}}
{{- range $svc := $s.services }}
---
apiVersion: v1
kind: Service
metadata:
  name: {{ printf "%s%s" (include "gpconnect.fullname" $root) $svc.suffix | trunc 63 | trimSuffix "-" }}
  namespace: {{ $root.Release.Namespace }}
  labels:
    {{- include "gpconnect.selectorLabels" $root | nindent 4 }}
    {{- include "gpconnect.baseLabels" (dict "root" $root "component" $svc.component) | nindent 4 }}
    {{- if eq $svc.port $s.metricsPort }}
    gpconnect-suite/metrics: "true"
    {{- end }}
  {{- with (ternary $root.Values.service.annotations $root.Values.service.adminAnnotations (eq $svc.component "server")) }}
  annotations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
spec:
  type: {{ ternary $root.Values.service.type "ClusterIP" (eq $svc.component "server") }}
  selector:
    {{- include "gpconnect.selectorLabels" $root | nindent 4 }}
  ports:
    - name: {{ $svc.port }}
      port: {{ ternary $root.Values.service.port $root.Values.service.adminPort (eq $svc.component "server") }}
      targetPort: {{ $svc.port }}
      protocol: TCP
{{- end }}
{{- end }}

{{- define "gpconnect.hpa" -}}
{{- if .Values.autoscaling.enabled -}}
{{- $a := .Values.autoscaling -}}
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: {{ include "gpconnect.fullname" . }}
  namespace: {{ .Release.Namespace }}
  labels:
    {{- include "gpconnect.labels" . | nindent 4 }}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: {{ include "gpconnect.fullname" . }}
  minReplicas: {{ $a.minReplicas }}
  maxReplicas: {{ $a.maxReplicas }}
  metrics:
    {{- with $a.targetCPUUtilizationPercentage }}
    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
          averageUtilization: {{ . }}
    {{- end }}
    {{- with $a.targetMemoryUtilizationPercentage }}
    - type: Resource
      resource:
        name: memory
        target:
          type: Utilization
          averageUtilization: {{ . }}
    {{- end }}
    {{- with $a.extraMetrics }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
  {{- with $a.behavior }}
  behavior:
    {{- toYaml . | nindent 4 }}
  {{- end }}
{{- end }}
{{- end }}

{{- define "gpconnect.pdb" -}}
{{- if .Values.podDisruptionBudget.enabled -}}
{{- $p := .Values.podDisruptionBudget -}}
{{- $useMax := not (or (kindIs "invalid" $p.maxUnavailable) (eq (toString $p.maxUnavailable) "")) -}}
{{- if and (not $useMax) (not (kindIs "string" $p.minAvailable)) -}}
{{- $floor := ternary (int .Values.autoscaling.minReplicas) (int .Values.replicaCount) .Values.autoscaling.enabled -}}
{{- if ge (int $p.minAvailable) $floor -}}
{{- fail (printf "podDisruptionBudget.minAvailable (%d) must be lower than the replica count (%d: replicaCount, or autoscaling.minReplicas with autoscaling on), or no node can ever be drained" (int $p.minAvailable) $floor) -}}
{{- end -}}
{{- end -}}
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: {{ include "gpconnect.fullname" . }}
  namespace: {{ .Release.Namespace }}
  labels:
    {{- include "gpconnect.labels" . | nindent 4 }}
spec:
  {{- if $useMax }}
  maxUnavailable: {{ $p.maxUnavailable }}
  {{- else }}
  minAvailable: {{ $p.minAvailable }}
  {{- end }}
  unhealthyPodEvictionPolicy: {{ $p.unhealthyPodEvictionPolicy }}
  selector:
    matchLabels:
      {{- include "gpconnect.selectorLabels" . | nindent 6 }}
{{- end }}
{{- end }}

{{- define "gpconnect.serviceMonitor" -}}
{{- if or .Values.serviceMonitor.enabled .Values.global.serviceMonitor.enabled -}}
{{- $s := include "gpconnect.settings" . | fromYaml -}}
{{- $m := .Values.serviceMonitor -}}
apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata:
  name: {{ include "gpconnect.fullname" . }}
  namespace: {{ .Release.Namespace }}
  labels:
    {{- include "gpconnect.labels" . | nindent 4 }}
    {{- with $m.labels }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
spec:
  selector:
    matchLabels:
      {{- include "gpconnect.selectorLabels" . | nindent 6 }}
      gpconnect-suite/metrics: "true"
  namespaceSelector:
    matchNames:
      - {{ .Release.Namespace }}
  endpoints:
    - port: {{ $s.metricsPort }}
      path: /q/metrics
      interval: {{ $m.interval }}
      scrapeTimeout: {{ $m.scrapeTimeout }}
      {{- with $m.relabelings }}
      relabelings:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with $m.metricRelabelings }}
      metricRelabelings:
        {{- toYaml . | nindent 8 }}
      {{- end }}
{{- end }}
{{- end }}
