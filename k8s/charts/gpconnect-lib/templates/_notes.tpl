{{/* The Secrets a service reads, one line each: (dict "root" .) */}}
{{- define "gpconnect.secretsNeeded" -}}
{{- $root := .root -}}
{{- $s := include "gpconnect.settings" $root | fromYaml -}}
{{- $db := include "gpconnect.database" $root | fromYaml -}}
{{- $k := $root.Values.global.kafka -}}
{{- $t := $root.Values.global.internalToken -}}
- {{ $db.existingSecret }}: keys {{ $db.usernameKey }}, {{ $db.passwordKey }} (database {{ $db.name }} on {{ $db.host }}:{{ $db.port | int }})
{{- if eq $s.role "gateway" }}
- {{ include "gpconnect.signingKeySecret" $root }}: key {{ $t.signingKeyKey }} (internal-token EC P-256 PRIVATE key, gateway only)
{{- else }}
- {{ include "gpconnect.publicKeySecret" $root }}: key {{ $t.publicKeyKey }} (internal-token PUBLIC key)
{{- end }}
{{- if $db.caSecret }}
- {{ $db.caSecret }}: key {{ $db.caKey }} (PostgreSQL CA)
{{- end }}
{{- if $k.saslSecret }}
- {{ $k.saslSecret }}: key {{ $k.saslJaasConfigKey }} (Kafka SASL JAAS configuration)
{{- end }}
{{- if $k.caSecret }}
- {{ $k.caSecret }}: key {{ $k.caKey }} (Kafka CA)
{{- end }}
{{- if $k.clientCertSecret }}
- {{ $k.clientCertSecret }}: keys {{ $k.clientKeystoreKey }}, {{ $k.clientKeystorePasswordKey }} (Kafka client keystore)
{{- end }}
{{- end }}

{{- define "gpconnect.notes" -}}
{{ .Chart.Name }} {{ include "gpconnect.imageTag" . }} is installed as {{ include "gpconnect.fullname" . }} in namespace {{ .Release.Namespace }}.

It starts only when these Secrets exist (created outside the chart; see the chart's README, "Secrets"):
{{ include "gpconnect.secretsNeeded" (dict "root" .) | indent 2 }}

Watch it start (Flyway migrations run {{ ternary "in the pre-upgrade Job" "at start-up" .Values.migration.job.enabled }}):
  kubectl -n {{ .Release.Namespace }} rollout status deployment/{{ include "gpconnect.fullname" . }}
{{- if .Values.tests.enabled }}
Then check it from inside the cluster:
  helm test {{ .Release.Name }} -n {{ .Release.Namespace }}
{{- end }}
{{- if .Values.demoData.enabled }}

WARNING: demoData.enabled loads the GP Connect test dataset. Never in production.
{{- end }}
{{- end }}
