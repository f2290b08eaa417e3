{{/*
Settings: the non-secret environment of a service (its ConfigMap, also inlined into the migration Job,
which runs before the ConfigMap exists), config files (further ConfigMaps, named by
QUARKUS_CONFIG_LOCATIONS), the environment read from Secrets, the volumes that mount Secret files, and
bounded scratch directories. Secret values never pass through values.yaml: only Secret names and keys do.
*/}}

{{/* PostgreSQL: global.postgresql.* overridden by the chart's database.*, as a YAML dict. */}}
{{- define "gpconnect.database" -}}
{{- $s := include "gpconnect.settings" . | fromYaml -}}
{{- $g := .Values.global.postgresql -}}
{{- $d := .Values.database -}}
host: {{ $d.host | default $g.host | quote }}
port: {{ $d.port | default $g.port | int }}
name: {{ $d.name | default $s.databaseName | quote }}
sslMode: {{ $d.sslMode | default $g.sslMode | quote }}
caSecret: {{ $d.caSecret | default $g.caSecret | quote }}
caKey: {{ $d.caKey | default $g.caKey | quote }}
existingSecret: {{ $d.existingSecret | default (printf "%s-db" (include "gpconnect.fullname" .)) | quote }}
usernameKey: {{ $d.usernameKey | quote }}
passwordKey: {{ $d.passwordKey | quote }}
{{- end }}

{{/* Name and key of the Secret with the internal-token public key (services) or signing key (gateway). */}}
{{- define "gpconnect.publicKeySecret" -}}
{{- .Values.global.internalToken.publicKeySecret | default (printf "%s-internal-token" .Release.Name) -}}
{{- end }}
{{- define "gpconnect.signingKeySecret" -}}
{{- .Values.global.internalToken.signingKeySecret | default (printf "%s-internal-token-signing" .Release.Name) -}}
{{- end }}

{{/* Ports of the Kafka bootstrap servers ("host:port,host:port"), for the NetworkPolicy. */}}
{{- define "gpconnect.kafkaPorts" -}}
{{- $ports := list -}}
{{- range splitList "," .Values.global.kafka.bootstrapServers -}}
{{- $parts := splitList ":" (trim .) -}}
{{- if gt (len $parts) 1 -}}
{{- $ports = append $ports (last $parts | int) -}}
{{- end -}}
{{- end -}}
{{- $ports = concat $ports (.Values.global.networkPolicy.kafka.extraPorts | default list) -}}
{{- toJson (dict "ports" ($ports | uniq)) -}}
{{- end }}

{{/* The non-secret environment, as a YAML dict of strings (sorted by toYaml, so its checksum is stable). */}}
{{- define "gpconnect.configData" -}}
{{- $s := include "gpconnect.settings" . | fromYaml -}}
{{- $db := include "gpconnect.database" . | fromYaml -}}
{{- $k := .Values.global.kafka -}}
{{- $cfg := dict -}}
{{- if eq $s.role "gateway" -}}
{{- $_ := set $cfg "GPC_CONSUMER_PORT" (toString $s.ports.http) -}}
{{- $_ := set $cfg "GPC_CONSUMER_HOST" "0.0.0.0" -}}
{{- $_ := set $cfg "GPC_ADMIN_PORT" (toString $s.ports.admin) -}}
{{- else -}}
{{- $_ := set $cfg "PORT" (toString $s.ports.http) -}}
{{- end -}}
{{- /* PostgreSQL */ -}}
{{- $params := list -}}
{{- if $db.sslMode -}}
{{- $params = append $params (printf "sslmode=%s" $db.sslMode) -}}
{{- $_ := set $cfg "QUARKUS_DATASOURCE_REACTIVE_POSTGRESQL_SSL_MODE" $db.sslMode -}}
{{- if eq $db.sslMode "verify-full" -}}
{{- $_ := set $cfg "QUARKUS_DATASOURCE_REACTIVE_HOSTNAME_VERIFICATION_ALGORITHM" "HTTPS" -}}
{{- end -}}
{{- end -}}
{{- if $db.caSecret -}}
{{- $params = append $params "sslrootcert=/etc/gpconnect/postgresql/ca.crt" -}}
{{- $_ := set $cfg "QUARKUS_DATASOURCE_REACTIVE_TRUST_CERTIFICATE_PEM" "true" -}}
{{- $_ := set $cfg "QUARKUS_DATASOURCE_REACTIVE_TRUST_CERTIFICATE_PEM_CERTS" "/etc/gpconnect/postgresql/ca.crt" -}}
{{- end -}}
{{- $query := ternary "" (printf "?%s" (join "&" $params)) (empty $params) -}}
{{- $_ := set $cfg "GPC_DB_URL" (printf "postgresql://%s:%d/%s" $db.host ($db.port | int) $db.name) -}}
{{- $_ := set $cfg "GPC_DB_JDBC_URL" (printf "jdbc:postgresql://%s:%d/%s%s" $db.host ($db.port | int) $db.name $query) -}}
{{- $_ := set $cfg "GPC_DB_POOL_SIZE" (toString .Values.database.poolSize) -}}
{{- /* Kafka: KAFKA_* variables become kafka.* client properties (lower case, "_" read as ".") */ -}}
{{- $_ := set $cfg "GPC_KAFKA_BOOTSTRAP" $k.bootstrapServers -}}
{{- $_ := set $cfg "KAFKA_SECURITY_PROTOCOL" $k.securityProtocol -}}
{{- if $k.saslMechanism -}}
{{- $_ := set $cfg "KAFKA_SASL_MECHANISM" $k.saslMechanism -}}
{{- end -}}
{{- if $k.caSecret -}}
{{- $_ := set $cfg "KAFKA_SSL_TRUSTSTORE_TYPE" "PEM" -}}
{{- $_ := set $cfg "KAFKA_SSL_TRUSTSTORE_LOCATION" "/etc/gpconnect/kafka/ca.crt" -}}
{{- end -}}
{{- if $k.clientCertSecret -}}
{{- $_ := set $cfg "KAFKA_SSL_KEYSTORE_TYPE" "PKCS12" -}}
{{- $_ := set $cfg "KAFKA_SSL_KEYSTORE_LOCATION" "/etc/gpconnect/kafka/client/keystore.p12" -}}
{{- end -}}
{{- /* Start-up */ -}}
{{- $_ := set $cfg "GPC_SEED_DEMO_DATA" (toString .Values.demoData.enabled) -}}
{{- if .Values.migration.job.enabled -}}
{{- $_ := set $cfg "QUARKUS_FLYWAY_MIGRATE_AT_START" "false" -}}
{{- end -}}
{{- $_ := set $cfg "QUARKUS_LOG_LEVEL" .Values.logLevel -}}
{{- $_ := set $cfg "QUARKUS_SHUTDOWN_TIMEOUT" .Values.shutdownTimeout -}}
{{- $_ := set $cfg "JAVA_TOOL_OPTIONS" (trim (printf "-XX:MaxRAMPercentage=%s -XX:+ExitOnOutOfMemoryError %s" (toString .Values.jvm.maxRamPercentage) .Values.jvm.extraOptions)) -}}
{{- /* Internal token */ -}}
{{- $t := .Values.global.internalToken -}}
{{- if eq $s.role "gateway" -}}
{{- $_ := set $cfg "GPC_INTERNAL_TOKEN_SIGNING_KEY" "/etc/gpconnect/internal-token/signing-key.pem" -}}
{{- $_ := set $cfg "GPCONNECT_GATEWAY_TOKEN_ISSUER" $t.issuer -}}
{{- $_ := set $cfg "GPCONNECT_GATEWAY_TOKEN_AUDIENCE" $t.audience -}}
{{- else -}}
{{- $_ := set $cfg "MP_JWT_VERIFY_PUBLICKEY_LOCATION" "/etc/gpconnect/internal-token/public-key.pem" -}}
{{- $_ := set $cfg "GPC_INTERNAL_TOKEN_ISSUER" $t.issuer -}}
{{- $_ := set $cfg "GPC_INTERNAL_TOKEN_AUDIENCE" $t.audience -}}
{{- end -}}
{{- /* The chart's own settings (templates/_settings.tpl "<chart>.config"), then the operator's */ -}}
{{- $own := include (printf "%s.config" .Chart.Name) . | fromYaml -}}
{{- range $key, $value := $own -}}
{{- $_ := set $cfg $key (toString $value) -}}
{{- end -}}
{{- range $key, $value := .Values.config -}}
{{- $_ := set $cfg $key (toString $value) -}}
{{- end -}}
{{- /* The chart's config files (mounted from their ConfigMaps), then any locations of the operator's own */ -}}
{{- $locations := (include "gpconnect.configLocations" . | fromJson).locations -}}
{{- if $locations -}}
{{- with .Values.config.QUARKUS_CONFIG_LOCATIONS -}}
{{- $locations = append $locations (toString .) -}}
{{- end -}}
{{- $_ := set $cfg "QUARKUS_CONFIG_LOCATIONS" (join "," $locations) -}}
{{- end -}}
{{- toYaml $cfg -}}
{{- end }}

{{/*
Config files: properties files Quarkus reads besides its environment (e.g. a map of settings keyed by name,
which environment variables express badly). "<chart>.configFiles" lists them as (volume, path, suffix,
files: file name → content); each entry becomes the ConfigMap <fullname>-<suffix>, mounted read-only at
path, and every file is named in QUARKUS_CONFIG_LOCATIONS. Never anything secret: secrets are files of a
Secret volume ("<chart>.secretFiles"), which a config file may name by path.
*/}}
{{- define "gpconnect.configFiles" -}}
{{- $own := include (printf "%s.configFiles" .Chart.Name) . | fromYamlArray -}}
{{- toJson (dict "files" $own) -}}
{{- end }}

{{/* The file: URIs of the chart's config files, as JSON (dict "locations" list). */}}
{{- define "gpconnect.configLocations" -}}
{{- $locations := list -}}
{{- range (include "gpconnect.configFiles" . | fromJson).files -}}
{{- $dir := .path -}}
{{- range $name, $_ := .files -}}
{{- $locations = append $locations (printf "file://%s/%s" $dir $name) -}}
{{- end -}}
{{- end -}}
{{- toJson (dict "locations" $locations) -}}
{{- end }}

{{/* The ConfigMap of one config-file entry: (dict "root" . "entry" <entry of gpconnect.configFiles>) */}}
{{- define "gpconnect.configFileName" -}}
{{- printf "%s-%s" (include "gpconnect.fullname" .root) .entry.suffix | trunc 63 | trimSuffix "-" -}}
{{- end }}

{{/*
What the pods read from ConfigMaps, hashed into the checksum/config annotation: the environment, plus the
config files when the chart has any (without them the checksum is the environment's alone, as it always was).
*/}}
{{- define "gpconnect.configChecksum" -}}
{{- $files := (include "gpconnect.configFiles" . | fromJson).files -}}
{{- if $files -}}
{{- printf "%s\n%s" (include "gpconnect.configData" .) (toJson $files) | sha256sum -}}
{{- else -}}
{{- include "gpconnect.configData" . | sha256sum -}}
{{- end -}}
{{- end }}

{{/*
Scratch directories: writable emptyDirs besides /tmp that the service needs on its read-only root file
system, from "<chart>.scratchDirs" as (volume, path, sizeLimit). Always bounded.
*/}}
{{- define "gpconnect.scratchDirs" -}}
{{- $own := include (printf "%s.scratchDirs" .Chart.Name) . | fromYamlArray -}}
{{- range $own -}}
{{- if not .sizeLimit }}{{ fail (printf "scratch directory %s has no size limit" .path) }}{{ end -}}
{{- end -}}
{{- toJson (dict "dirs" $own) -}}
{{- end }}

{{- define "gpconnect.configMap" -}}
apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ include "gpconnect.fullname" . }}
  namespace: {{ .Release.Namespace }}
  labels:
    {{- include "gpconnect.labels" . | nindent 4 }}
data:
  {{- include "gpconnect.configData" . | nindent 2 }}
{{- $root := . }}
{{- range (include "gpconnect.configFiles" . | fromJson).files }}
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ include "gpconnect.configFileName" (dict "root" $root "entry" .) }}
  namespace: {{ $root.Release.Namespace }}
  labels:
    {{- include "gpconnect.labels" $root | nindent 4 }}
data:
  {{- toYaml .files | nindent 2 }}
{{- end }}
{{- end }}

{{/* Environment read from Secrets: database credentials, Kafka SASL and keystore password, the chart's own. */}}
{{- define "gpconnect.secretEnv" -}}
{{- $db := include "gpconnect.database" . | fromYaml -}}
{{- $k := .Values.global.kafka -}}
- name: GPC_DB_USER
  valueFrom:
    secretKeyRef:
      name: {{ $db.existingSecret }}
      key: {{ $db.usernameKey }}
- name: GPC_DB_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ $db.existingSecret }}
      key: {{ $db.passwordKey }}
{{- if $k.saslSecret }}
- name: KAFKA_SASL_JAAS_CONFIG
  valueFrom:
    secretKeyRef:
      name: {{ $k.saslSecret }}
      key: {{ $k.saslJaasConfigKey }}
{{- end }}
{{- if $k.clientCertSecret }}
- name: KAFKA_SSL_KEYSTORE_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ $k.clientCertSecret }}
      key: {{ $k.clientKeystorePasswordKey }}
{{- end }}
{{- include (printf "%s.secretEnv" .Chart.Name) . }}
{{- end }}

{{/* Secret-backed files: (volume, mount path, secret, key → file name). The chart adds its own in "<chart>.secretFiles". */}}
{{- define "gpconnect.secretFiles" -}}
{{- $s := include "gpconnect.settings" . | fromYaml -}}
{{- $db := include "gpconnect.database" . | fromYaml -}}
{{- $k := .Values.global.kafka -}}
{{- $t := .Values.global.internalToken -}}
{{- $files := list -}}
{{- if eq $s.role "gateway" -}}
{{- $files = append $files (dict "volume" "internal-token" "path" "/etc/gpconnect/internal-token" "secret" (include "gpconnect.signingKeySecret" .) "items" (list (dict "key" $t.signingKeyKey "path" "signing-key.pem"))) -}}
{{- else -}}
{{- $files = append $files (dict "volume" "internal-token" "path" "/etc/gpconnect/internal-token" "secret" (include "gpconnect.publicKeySecret" .) "items" (list (dict "key" $t.publicKeyKey "path" "public-key.pem"))) -}}
{{- end -}}
{{- if $db.caSecret -}}
{{- $files = append $files (dict "volume" "postgresql-ca" "path" "/etc/gpconnect/postgresql" "secret" $db.caSecret "items" (list (dict "key" $db.caKey "path" "ca.crt"))) -}}
{{- end -}}
{{- if $k.caSecret -}}
{{- $files = append $files (dict "volume" "kafka-ca" "path" "/etc/gpconnect/kafka" "secret" $k.caSecret "items" (list (dict "key" $k.caKey "path" "ca.crt"))) -}}
{{- end -}}
{{- if $k.clientCertSecret -}}
{{- $files = append $files (dict "volume" "kafka-client" "path" "/etc/gpconnect/kafka/client" "secret" $k.clientCertSecret "items" (list (dict "key" $k.clientKeystoreKey "path" "keystore.p12"))) -}}
{{- end -}}
{{- $own := include (printf "%s.secretFiles" .Chart.Name) . | fromYamlArray -}}
{{- toJson (dict "files" (concat $files $own)) -}}
{{- end }}

{{/*
Volumes and mounts of a pod: (dict "root" . "hook" bool). A hook (the pre-install migration Job) runs
before the chart's ConfigMaps exist, so it mounts no config files (and its environment names none).
*/}}
{{- define "gpconnect.volumeMounts" -}}
{{- $root := .root -}}
- name: tmp
  mountPath: /tmp
{{- range (include "gpconnect.scratchDirs" $root | fromJson).dirs }}
- name: {{ .volume }}
  mountPath: {{ .path }}
{{- end }}
{{- if not .hook }}
{{- range (include "gpconnect.configFiles" $root | fromJson).files }}
- name: {{ .volume }}
  mountPath: {{ .path }}
  readOnly: true
{{- end }}
{{- end }}
{{- range (include "gpconnect.secretFiles" $root | fromJson).files }}
- name: {{ .volume }}
  mountPath: {{ .path }}
  readOnly: true
{{- end }}
{{- with $root.Values.extraVolumeMounts }}
{{ toYaml . }}
{{- end }}
{{- end }}

{{- define "gpconnect.volumes" -}}
{{- $root := .root -}}
- name: tmp
  emptyDir:
    sizeLimit: {{ $root.Values.tmpVolume.sizeLimit }}
    {{- with $root.Values.tmpVolume.medium }}
    medium: {{ . }}
    {{- end }}
{{- range (include "gpconnect.scratchDirs" $root | fromJson).dirs }}
- name: {{ .volume }}
  emptyDir:
    sizeLimit: {{ .sizeLimit }}
{{- end }}
{{- if not .hook }}
{{- range (include "gpconnect.configFiles" $root | fromJson).files }}
- name: {{ .volume }}
  configMap:
    name: {{ include "gpconnect.configFileName" (dict "root" $root "entry" .) }}
    defaultMode: 0444
{{- end }}
{{- end }}
{{- range (include "gpconnect.secretFiles" $root | fromJson).files }}
- name: {{ .volume }}
  secret:
    secretName: {{ .secret }}
    defaultMode: 0440
    items:
      {{- range .items }}
      - key: {{ .key }}
        path: {{ .path }}
      {{- end }}
{{- end }}
{{- with $root.Values.extraVolumes }}
{{ toYaml . }}
{{- end }}
{{- end }}
