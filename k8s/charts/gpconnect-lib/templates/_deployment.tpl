{{/* Probes on Quarkus' SmallRye Health endpoints; only the timings are configurable. */}}
{{- define "gpconnect.probes" -}}
{{- $s := include "gpconnect.settings" . | fromYaml -}}
{{- $p := .Values.probes -}}
startupProbe:
  httpGet:
    path: /q/health/started
    port: {{ $s.healthPort }}
  {{- toYaml $p.startup | nindent 2 }}
livenessProbe:
  httpGet:
    path: /q/health/live
    port: {{ $s.healthPort }}
  {{- toYaml $p.liveness | nindent 2 }}
readinessProbe:
  httpGet:
    path: /q/health/ready
    port: {{ $s.healthPort }}
  {{- toYaml $p.readiness | nindent 2 }}
{{- end }}

{{/* Topology spread: the chart's soft spread over zones and nodes, then any constraints given verbatim. */}}
{{- define "gpconnect.topologySpread" -}}
{{- $root := . -}}
{{- $t := .Values.topologySpread -}}
{{- if $t.enabled }}
{{- range $t.topologyKeys }}
- maxSkew: {{ $t.maxSkew }}
  topologyKey: {{ . }}
  whenUnsatisfiable: {{ $t.whenUnsatisfiable }}
  labelSelector:
    matchLabels:
      {{- include "gpconnect.selectorLabels" $root | nindent 6 }}
  matchLabelKeys:
    - pod-template-hash
{{- end }}
{{- end }}
{{- with .Values.topologySpreadConstraints }}
{{ toYaml . }}
{{- end }}
{{- end }}

{{- define "gpconnect.deployment" -}}
{{- $s := include "gpconnect.settings" . | fromYaml -}}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "gpconnect.fullname" . }}
  namespace: {{ .Release.Namespace }}
  labels:
    {{- include "gpconnect.labels" . | nindent 4 }}
spec:
  {{- if not .Values.autoscaling.enabled }}
  replicas: {{ .Values.replicaCount }}
  {{- end }}
  revisionHistoryLimit: {{ .Values.revisionHistoryLimit }}
  selector:
    matchLabels:
      {{- include "gpconnect.selectorLabels" . | nindent 6 }}
  strategy:
    {{- toYaml .Values.updateStrategy | nindent 4 }}
  template:
    metadata:
      annotations:
        checksum/config: {{ include "gpconnect.configChecksum" . }}
        {{- with .Values.podAnnotations }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
      labels:
        {{- include "gpconnect.labels" . | nindent 8 }}
        {{- with .Values.podLabels }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
    spec:
      {{- with include "gpconnect.imagePullSecrets" . | trim }}{{ . | nindent 6 }}{{ end }}
      serviceAccountName: {{ include "gpconnect.serviceAccountName" . }}
      automountServiceAccountToken: false
      # no <SERVICE>_PORT variables: a Service named "kafka" would otherwise turn into kafka.port settings
      enableServiceLinks: false
      {{- with .Values.priorityClassName }}
      priorityClassName: {{ . }}
      {{- end }}
      terminationGracePeriodSeconds: {{ .Values.terminationGracePeriodSeconds }}
      securityContext:
        {{- toYaml .Values.podSecurityContext | nindent 8 }}
      containers:
        - name: {{ .Chart.Name }}
          image: {{ include "gpconnect.image" . }}
          imagePullPolicy: {{ .Values.image.pullPolicy }}
          securityContext:
            {{- toYaml .Values.securityContext | nindent 12 }}
          ports:
            {{- range $name, $port := $s.ports }}
            - name: {{ $name }}
              containerPort: {{ $port }}
              protocol: TCP
            {{- end }}
          envFrom:
            - configMapRef:
                name: {{ include "gpconnect.fullname" . }}
          env:
            {{- include "gpconnect.secretEnv" . | nindent 12 }}
            {{- with .Values.extraEnv }}
            {{- toYaml . | nindent 12 }}
            {{- end }}
          {{- include "gpconnect.probes" . | nindent 10 }}
          {{- with .Values.lifecycle }}
          lifecycle:
            {{- toYaml . | nindent 12 }}
          {{- end }}
          resources:
            {{- toYaml .Values.resources | nindent 12 }}
          volumeMounts:
            {{- include "gpconnect.volumeMounts" (dict "root" . "hook" false) | nindent 12 }}
      volumes:
        {{- include "gpconnect.volumes" (dict "root" . "hook" false) | nindent 8 }}
      {{- $spread := include "gpconnect.topologySpread" . | trim }}
      {{- if $spread }}
      topologySpreadConstraints:
        {{- $spread | nindent 8 }}
      {{- end }}
      {{- with .Values.nodeSelector }}
      nodeSelector:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with .Values.affinity }}
      affinity:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with .Values.tolerations }}
      tolerations:
        {{- toYaml . | nindent 8 }}
      {{- end }}
{{- end }}

{{- define "gpconnect.serviceAccount" -}}
{{- if .Values.serviceAccount.create -}}
apiVersion: v1
kind: ServiceAccount
metadata:
  name: {{ include "gpconnect.serviceAccountName" . }}
  namespace: {{ .Release.Namespace }}
  labels:
    {{- include "gpconnect.labels" . | nindent 4 }}
  {{- with .Values.serviceAccount.annotations }}
  annotations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
automountServiceAccountToken: false
{{- end }}
{{- end }}
