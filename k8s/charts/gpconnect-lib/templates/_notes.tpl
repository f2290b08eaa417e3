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
{{- range (include (printf "%s.secretFiles" $root.Chart.Name) $root | fromYamlArray) }}
{{- $keys := list }}
{{- range .items }}{{ $keys = append $keys .key }}{{ end }}
- {{ .secret }}: {{ ternary "key" "keys" (eq (len ($keys | uniq)) 1) }} {{ $keys | uniq | join ", " }} ({{ .purpose | default "mounted as files" }})
{{- end }}
{{- end }}

{{/*
PostgreSQL connections one pod may open: the reactive pool (database.poolSize, GPC_DB_POOL_SIZE) plus the
JDBC pool of Flyway, the seed loader, the outbox relay and any blocking pipeline (the service's
quarkus.datasource.jdbc.max-size, "jdbcMaxSize" of "<chart>.settings"); either overridden through config.
As a dict: perPod, pods (the most pods: autoscaling.maxReplicas or replicaCount), total.
*/}}
{{- define "gpconnect.connectionBudget" -}}
{{- $s := include "gpconnect.settings" . | fromYaml -}}
{{- $reactive := .Values.config.GPC_DB_POOL_SIZE | default .Values.database.poolSize | int -}}
{{- $jdbc := .Values.config.QUARKUS_DATASOURCE_JDBC_MAX_SIZE | default $s.jdbcMaxSize | int -}}
{{- $pods := ternary .Values.autoscaling.maxReplicas .Values.replicaCount .Values.autoscaling.enabled | int -}}
reactive: {{ $reactive }}
jdbc: {{ $jdbc }}
perPod: {{ add $reactive $jdbc }}
pods: {{ $pods }}
total: {{ mul (add $reactive $jdbc) $pods }}
{{- end }}

{{- define "gpconnect.notes" -}}
{{- $budget := include "gpconnect.connectionBudget" . | fromYaml -}}
{{ .Chart.Name }} {{ include "gpconnect.imageTag" . }} is installed as {{ include "gpconnect.fullname" . }} in namespace {{ .Release.Namespace }}.

It starts only when these Secrets exist (created outside the chart; see the chart's README, "Secrets"):
{{ include "gpconnect.secretsNeeded" (dict "root" .) | indent 2 }}

PostgreSQL connections: up to {{ $budget.perPod | int }} per pod ({{ $budget.reactive | int }} reactive, database.poolSize; {{ $budget.jdbc | int }} JDBC), {{ $budget.total | int }} at {{ $budget.pods | int }} pods; keep the sum over the suite below max_connections.

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
