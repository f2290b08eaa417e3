{{/*
Hooks: the `helm test` pod and the optional pre-install/pre-upgrade migration Job. Both run with the same
restricted security context as the service.
*/}}

{{/* The test pod: (dict "root" . "script" "<sh script>"). Its image is tests.image (curl and a POSIX shell). */}}
{{- define "gpconnect.testPod" -}}
{{- $root := .root -}}
{{- $t := $root.Values.tests -}}
{{- if $t.enabled -}}
apiVersion: v1
kind: Pod
metadata:
  name: {{ printf "%s-test" (include "gpconnect.fullname" $root) | trunc 63 | trimSuffix "-" }}
  namespace: {{ $root.Release.Namespace }}
  labels:
    {{- include "gpconnect.helperLabels" (dict "root" $root "component" "test") | nindent 4 }}
  annotations:
    helm.sh/hook: test
    helm.sh/hook-delete-policy: before-hook-creation,hook-succeeded
spec:
  restartPolicy: Never
  automountServiceAccountToken: false
  enableServiceLinks: false
  {{- with include "gpconnect.imagePullSecrets" $root | trim }}{{ . | nindent 2 }}{{ end }}
  securityContext:
    {{- toYaml $root.Values.podSecurityContext | nindent 4 }}
  containers:
    - name: test
      image: {{ printf "%s/%s:%s" ($root.Values.global.imageRegistry | default $t.image.registry) $t.image.repository $t.image.tag | trimPrefix "/" }}
      imagePullPolicy: {{ $t.image.pullPolicy }}
      securityContext:
        {{- toYaml $root.Values.securityContext | nindent 8 }}
      command: ["/bin/sh", "-ec"]
      args:
        - |
          {{- .script | nindent 10 }}
      resources:
        {{- toYaml $t.resources | nindent 8 }}
      volumeMounts:
        - name: tmp
          mountPath: /tmp
  volumes:
    - name: tmp
      emptyDir:
        sizeLimit: 16Mi
{{- end }}
{{- end }}

{{/* The shell lines that wait for, then check, a readiness endpoint: (dict "url" "http://...") */}}
{{- define "gpconnect.readinessCheck" -}}
echo "GET {{ .url }}"
curl --silent --show-error --fail --max-time 10 --retry 5 --retry-delay 3 --retry-all-errors {{ .url }} > /tmp/ready.json
cat /tmp/ready.json; echo
grep -Eq '"status" *: *"UP"' /tmp/ready.json
{{- end }}

{{- define "gpconnect.migrationJob" -}}
{{- if .Values.migration.job.enabled -}}
{{- $m := .Values.migration.job -}}
apiVersion: batch/v1
kind: Job
metadata:
  name: {{ printf "%s-migration" (include "gpconnect.fullname" .) | trunc 63 | trimSuffix "-" }}
  namespace: {{ .Release.Namespace }}
  labels:
    {{- include "gpconnect.helperLabels" (dict "root" . "component" "migration") | nindent 4 }}
  annotations:
    helm.sh/hook: pre-install,pre-upgrade
    helm.sh/hook-weight: "-5"
    helm.sh/hook-delete-policy: before-hook-creation,hook-succeeded
spec:
  backoffLimit: {{ $m.backoffLimit }}
  activeDeadlineSeconds: {{ $m.activeDeadlineSeconds }}
  template:
    metadata:
      labels:
        {{- include "gpconnect.helperLabels" (dict "root" . "component" "migration") | nindent 8 }}
    spec:
      restartPolicy: Never
      # a pre-install hook runs before the chart's ServiceAccount exists
      serviceAccountName: {{ $m.serviceAccountName | default "default" }}
      automountServiceAccountToken: false
      enableServiceLinks: false
      {{- with include "gpconnect.imagePullSecrets" . | trim }}{{ . | nindent 6 }}{{ end }}
      securityContext:
        {{- toYaml .Values.podSecurityContext | nindent 8 }}
      containers:
        - name: migrate
          image: {{ include "gpconnect.image" . }}
          imagePullPolicy: {{ .Values.image.pullPolicy }}
          securityContext:
            {{- toYaml .Values.securityContext | nindent 12 }}
          # the ConfigMaps do not exist yet before an install: the same settings, inlined, without the
          # chart's config files (only the operator's own QUARKUS_CONFIG_LOCATIONS, if any)
          env:
            {{- $cfg := include "gpconnect.configData" . | fromYaml }}
            {{- if (include "gpconnect.configFiles" . | fromJson).files }}
            {{- $_ := unset $cfg "QUARKUS_CONFIG_LOCATIONS" }}
            {{- with .Values.config.QUARKUS_CONFIG_LOCATIONS }}
            {{- $_ := set $cfg "QUARKUS_CONFIG_LOCATIONS" (toString .) }}
            {{- end }}
            {{- end }}
            {{- range $name, $value := $cfg }}
            {{- if not (has $name (list "QUARKUS_FLYWAY_MIGRATE_AT_START" "GPC_SEED_DEMO_DATA")) }}
            - name: {{ $name }}
              value: {{ $value | quote }}
            {{- end }}
            {{- end }}
            # Quarkus runs its initialisation tasks (Flyway's migrate-at-start) and exits
            - name: QUARKUS_FLYWAY_MIGRATE_AT_START
              value: "true"
            - name: QUARKUS_INIT_AND_EXIT
              value: "true"
            - name: GPC_SEED_DEMO_DATA
              value: "false"
            {{- include "gpconnect.secretEnv" . | nindent 12 }}
          resources:
            {{- toYaml .Values.resources | nindent 12 }}
          volumeMounts:
            {{- include "gpconnect.volumeMounts" (dict "root" . "hook" true) | nindent 12 }}
      volumes:
        {{- include "gpconnect.volumes" (dict "root" . "hook" true) | nindent 8 }}
{{- end }}
{{- end }}
