#!/usr/bin/env python3
"""Writes the Grafana dashboards of the suite to k8s/dashboards/*.json (one per service, one for the suite).

    scripts/gen-dashboards.py            # rewrite the JSON files
    scripts/gen-dashboards.py --check    # exit 1 if a file differs from what this script writes

The JSON files are what Grafana imports and what the umbrella chart ships as ConfigMaps
(`grafanaDashboards.enabled`); k8s-tests checks them (valid JSON, the expected panels, every metric a panel
reads registered in the services' code or on the documented allow-list of Quarkus/JVM/Kafka/Kubernetes
series). Edit this script and run it rather than editing the JSON by hand, so that the five dashboards
keep one layout.

Every query is scoped to the dashboard's `$namespace` (one suite release per namespace) and a service's
metrics are selected by `container` (the container of the scraped pod, which the charts name after the
service; the gateway's metrics come from its admin port). The interactions a provider service serves are
read from gpconnect-common's Interaction.java (capability of each interaction) and the gateway's routing
(capability -> service); k8s-tests checks the two stay in step.
"""
import json
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "k8s" / "dashboards"
SERVICES = ["spine-gateway", "appointment-service", "access-record-service", "send-document-service"]
# The gateway's Backends: which provider service answers each capability it serves.
SERVED_BY = {
    "FOUNDATIONS_AND_APPOINTMENTS": "appointment-service",
    "ACCESS_RECORD_STRUCTURED": "access-record-service",
    "ACCESS_RECORD_HTML": "access-record-service",
}
DS = {"type": "prometheus", "uid": "${datasource}"}
NS = 'namespace="$namespace"'
# Defaults of the umbrella chart's prometheusRule values, drawn as threshold lines.
ERROR_RATE = 0.05
P99_SECONDS = 2
OUTBOX_AGE = 300
OUTBOX_BACKLOG = 1000
AUDIT_BACKLOG = 1000
CONSUMER_LAG = 1000
MESH_AGE = 1800


def interactions_by_service():
    source = (ROOT / "gpconnect-common/src/main/java/org/gpconnect/common/interaction/Interaction.java").read_text()
    by_service = {s: [] for s in SERVICES}
    for name, capability in re.findall(r"^\s+([A-Z_]+)\((?:.|\n)*?Capability\.([A-Z_]+)", source, re.M):
        service = SERVED_BY.get(capability)
        if service:
            by_service[service].append(name)
    return by_service


class Board:
    def __init__(self, uid, title, description, container=None):
        self.uid, self.title, self.description, self.container = uid, title, description, container
        self.panels, self.next_id, self.x, self.y, self.row_height = [], 1, 0, 0, 0

    def sel(self, extra="", container=None):
        """A label selector: the namespace, the service's container and pods, then `extra`."""
        c = container or self.container
        parts = [NS]
        if c:
            parts.append(f'container="{c}"')
            if c == self.container:
                parts.append('pod=~"$pod"')
        if extra:
            parts.append(extra)
        return "{" + ", ".join(parts) + "}"

    def row(self, title):
        if self.x:
            self.y += self.row_height
        self.x, self.row_height = 0, 0
        self.panels.append({"id": self._id(), "type": "row", "title": title, "collapsed": False,
                            "gridPos": {"h": 1, "w": 24, "x": 0, "y": self.y}, "panels": []})
        self.y += 1

    def panel(self, title, description, targets, unit="short", kind="timeseries", width=12, height=8,
              threshold=None, minimum=0, stack=False):
        if self.x + width > 24:
            self.y += self.row_height
            self.x, self.row_height = 0, 0
        defaults = {"unit": unit}
        if minimum is not None:
            defaults["min"] = minimum
        steps = [{"color": "green", "value": None}]
        if threshold is not None:
            steps.append({"color": "red", "value": threshold})
        defaults["thresholds"] = {"mode": "absolute", "steps": steps}
        if kind == "timeseries":
            defaults["custom"] = {"drawStyle": "line", "lineWidth": 1, "fillOpacity": 10, "showPoints": "never",
                                  "spanNulls": False,
                                  "stacking": {"mode": "normal" if stack else "none", "group": "A"},
                                  "thresholdsStyle": {"mode": "line" if threshold is not None else "off"}}
            options = {"legend": {"displayMode": "table", "placement": "bottom", "showLegend": True,
                                  "calcs": ["lastNotNull", "max"]},
                       "tooltip": {"mode": "multi", "sort": "desc"}}
        else:
            options = {"reduceOptions": {"calcs": ["lastNotNull"], "fields": "", "values": False},
                       "colorMode": "background", "graphMode": "none", "justifyMode": "auto",
                       "orientation": "auto", "textMode": "value_and_name"}
        self.panels.append({
            "id": self._id(), "type": kind, "title": title, "description": description, "datasource": DS,
            "gridPos": {"h": height, "w": width, "x": self.x, "y": self.y},
            "fieldConfig": {"defaults": defaults, "overrides": []},
            "options": options,
            "targets": [{"refId": chr(ord("A") + i), "datasource": DS, "expr": expr, "legendFormat": legend,
                         "range": True, "instant": False}
                        for i, (expr, legend) in enumerate(targets)],
        })
        self.x += width
        self.row_height = max(self.row_height, height)

    def _id(self):
        self.next_id += 1
        return self.next_id - 1

    def json(self, variables):
        return {
            "uid": self.uid, "title": self.title, "description": self.description,
            "tags": ["gpconnect"], "editable": True, "graphTooltip": 1, "schemaVersion": 39, "version": 1,
            "timezone": "browser", "refresh": "1m", "time": {"from": "now-6h", "to": "now"},
            "links": [{"title": "GP Connect dashboards", "type": "dashboards", "tags": ["gpconnect"],
                       "asDropdown": True, "includeVars": True, "keepTime": True}],
            "annotations": {"list": []},
            "templating": {"list": variables},
            "panels": self.panels,
        }


def variables(container=None):
    up = f'up{{container="{container}"}}' if container else 'up{container=~"' + "|".join(SERVICES) + '"}'
    vs = [
        {"name": "datasource", "label": "Data source", "type": "datasource", "query": "prometheus",
         "current": {}, "hide": 0, "refresh": 1, "regex": "", "options": []},
        {"name": "namespace", "label": "Namespace", "type": "query", "datasource": DS,
         "query": {"query": f"label_values({up}, namespace)", "refId": "namespace"},
         "definition": f"label_values({up}, namespace)", "refresh": 2, "sort": 1,
         "includeAll": False, "multi": False, "current": {}, "hide": 0, "options": []},
    ]
    if container:
        q = f'label_values(up{{{NS}, container="{container}"}}, pod)'
        vs.append({"name": "pod", "label": "Pod", "type": "query", "datasource": DS,
                   "query": {"query": q, "refId": "pod"}, "definition": q, "refresh": 2, "sort": 1,
                   "includeAll": True, "multi": True, "allValue": ".*", "current": {}, "hide": 0, "options": []})
    return vs


# --- panels shared by the dashboards ------------------------------------------------------------

def interaction_panels(b, regex=None):
    """The gateway's view of GP Connect interactions (all of them, or those matching `regex`)."""
    extra = f'interaction=~"{regex}"' if regex else ""
    s = b.sel(extra, container="spine-gateway")
    s5 = b.sel(", ".join(x for x in [extra, 'status=~"5.."'] if x), container="spine-gateway")
    rate = "$__rate_interval"
    b.panel("Requests per interaction", "Consumer requests through the gateway, per second, by GP Connect interaction.",
            [(f"sum by (interaction) (rate(gpconnect_gateway_requests_total{s}[{rate}]))", "{{interaction}}")], unit="reqps")
    b.panel("5xx share per interaction",
            "Share of each interaction's requests the gateway answers with a 5xx (502/504: the provider service failed or "
            f"timed out). Alert GpConnectInteractionErrorRate at {ERROR_RATE:.0%} for 10 minutes.",
            [(f"sum by (interaction) (rate(gpconnect_gateway_requests_total{s5}[{rate}]))"
              f" / sum by (interaction) (rate(gpconnect_gateway_requests_total{s}[{rate}]))", "{{interaction}}")],
            unit="percentunit", threshold=ERROR_RATE)
    b.panel("p99 latency per interaction",
            f"99th percentile of the gateway's end-to-end time per interaction. Alert GpConnectInteractionLatencyP99 above {P99_SECONDS} s.",
            [(f"histogram_quantile(0.99, sum by (le, interaction) (rate(gpconnect_gateway_request_duration_seconds_bucket{s}[{rate}])))",
              "{{interaction}}")], unit="s", threshold=P99_SECONDS)
    b.panel("p50 latency per interaction", "Median of the gateway's end-to-end time per interaction.",
            [(f"histogram_quantile(0.5, sum by (le, interaction) (rate(gpconnect_gateway_request_duration_seconds_bucket{s}[{rate}])))",
              "{{interaction}}")], unit="s")
    b.panel("Responses by HTTP status", "Responses to consumers per second, by status.",
            [(f"sum by (status) (rate(gpconnect_gateway_requests_total{s}[{rate}]))", "{{status}}")], unit="reqps", stack=True)
    refused = b.sel(", ".join(x for x in [extra, 'outcome!="ok"'] if x), container="spine-gateway")
    b.panel("Refusals by Spine error code",
            "Requests answered with an OperationOutcome, per second, by Spine error code (outcome other than ok).",
            [(f"sum by (outcome) (rate(gpconnect_gateway_requests_total{refused}[{rate}]))", "{{outcome}}")],
            unit="reqps", stack=True)


def http_server_panels(b):
    s = b.sel()
    rate = "$__rate_interval"
    b.panel("HTTP requests by path and status",
            "Requests this service answers (from the gateway, and its own APIs), per second, by URI template and status "
            "(Quarkus HTTP server metrics; /q/* endpoints are not counted).",
            [(f"sum by (uri, status) (rate(http_server_requests_seconds_count{s}[{rate}]))", "{{status}} {{uri}}")], unit="reqps")
    b.panel("HTTP mean and max latency by path",
            "Mean time per request over the interval, and the longest request of the last scrape window, by URI template.",
            [(f"sum by (uri) (rate(http_server_requests_seconds_sum{s}[{rate}])) / sum by (uri) (rate(http_server_requests_seconds_count{s}[{rate}]))",
              "mean {{uri}}"),
             (f"max by (uri) (http_server_requests_seconds_max{s})", "max {{uri}}")], unit="s")


def outbox_panels(b, container=None):
    s = b.sel(container=container)
    by = "container" if container is None and b.container is None else "pod"
    legend = "{{container}}" if by == "container" else "{{pod}}"
    b.panel("Outbox: events waiting for Kafka",
            "Events written in a business transaction and not yet on Kafka (the relay holding the lock measures; the highest "
            f"replica is the truth). Alert GpConnectOutboxBacklog above {OUTBOX_BACKLOG}.",
            [(f"max by ({by}) (gpconnect_outbox_pending_events{s})", legend)], threshold=OUTBOX_BACKLOG)
    b.panel("Outbox: age of the oldest waiting event",
            f"How late events reach Kafka: Kafka unreachable or the relay stuck. Alert GpConnectOutboxStale above {OUTBOX_AGE} s.",
            [(f"max by ({by}) (gpconnect_outbox_oldest_pending_seconds{s})", legend)], unit="s", threshold=OUTBOX_AGE)


def database_panels(b):
    s = b.sel('pool_type="sql"')
    rate = "$__rate_interval"
    b.panel("Reactive PostgreSQL pool: in use and waiting",
            "Connections of the reactive pool in use, and requests queued for one (Vert.x SQL client metrics). A queue that "
            "stays above zero means database.poolSize is too small for the load, or PostgreSQL is slow.",
            [(f"sum by (pod) (sql_pool_active{s})", "in use {{pod}}"),
             (f"sum by (pod) (sql_pool_queue_size{s})", "waiting {{pod}}")])
    b.panel("Reactive PostgreSQL pool: wait for a connection",
            "Mean time a query waited for a pooled connection.",
            [(f"sum by (pod) (rate(sql_pool_queue_delay_seconds_sum{s}[{rate}])) / sum by (pod) (rate(sql_pool_queue_delay_seconds_count{s}[{rate}]))",
              "{{pod}}")], unit="s")


def kafka_consumer_panels(b):
    s = b.sel()
    b.panel("Kafka consumer lag",
            "Records the service's Kafka consumers are behind, per consumer client (Micrometer Kafka binder; the highest "
            f"partition lag of the last sample window). Alert GpConnectKafkaConsumerLag above {CONSUMER_LAG}.",
            [(f"max by (pod, client_id) (kafka_consumer_fetch_manager_records_lag_max{s})", "{{client_id}} {{pod}}")],
            threshold=CONSUMER_LAG)
    b.panel("Kafka records consumed",
            "Records consumed per second, per consumer client.",
            [(f"sum by (client_id) (kafka_consumer_fetch_manager_records_consumed_rate{s})", "{{client_id}}")], unit="rps")


def pod_panels(b, container=None):
    """CPU and memory against the limits (cAdvisor, kube-state-metrics), the JVM heap, restarts."""
    c = container or b.container
    if c:
        s = b.sel(container=c)
        by, legend = "pod", "{{pod}}"
    else:
        s = "{" + NS + ', container=~"' + "|".join(SERVICES) + '"}'
        by, legend = "pod, container", "{{pod}}"
    rate = "$__rate_interval"
    b.panel("CPU: share of the limit",
            "CPU used against the container's CPU limit. Alert GpConnectContainerNearCpuLimit above 90% for 15 minutes.",
            [(f"sum by ({by}) (rate(container_cpu_usage_seconds_total{s}[{rate}]))"
              f" / max by ({by}) (kube_pod_container_resource_limits{s[:-1]}, resource=\"cpu\"}})", legend)],
            unit="percentunit", threshold=0.9)
    b.panel("Memory: share of the limit",
            "Working set against the container's memory limit (the kernel OOM-kills above 100%). Alert "
            "GpConnectContainerNearMemoryLimit above 90% for 15 minutes.",
            [(f"max by ({by}) (container_memory_working_set_bytes{s})"
              f" / max by ({by}) (kube_pod_container_resource_limits{s[:-1]}, resource=\"memory\"}})", legend)],
            unit="percentunit", threshold=0.9)
    b.panel("JVM heap: used against max",
            "Heap in use against the heap's maximum (jvm.maxRamPercentage of the memory limit). Alert GpConnectHeapNearLimit above 90%.",
            [(f"sum by ({by}) (jvm_memory_used_bytes{s[:-1]}, area=\"heap\"}})"
              f" / sum by ({by}) (jvm_memory_max_bytes{s[:-1]}, area=\"heap\"}})", legend)],
            unit="percentunit", threshold=0.9)
    b.panel("CPU throttling",
            "Share of CFS periods in which the container was throttled by its CPU limit. Alert GpConnectContainerCpuThrottled above 25%.",
            [(f"sum by ({by}) (rate(container_cpu_cfs_throttled_periods_total{s}[{rate}]))"
              f" / sum by ({by}) (rate(container_cpu_cfs_periods_total{s}[{rate}]))", legend)],
            unit="percentunit", threshold=0.25)
    b.panel("Container restarts",
            "Restarts over the interval (OOM kills, failed liveness probes). Alert GpConnectContainerRestarting.",
            [(f"sum by ({by}) (increase(kube_pod_container_status_restarts_total{s}[{rate}]))", legend)])
    b.panel("JVM: time in GC",
            "Share of CPU time spent in garbage collection over the last minutes (Micrometer heap-pressure binder).",
            [(f"max by ({by}) (jvm_gc_overhead{s})", legend)], unit="percentunit")


# --- the dashboards -----------------------------------------------------------------------------

def gateway():
    b = Board("gpconnect-spine-gateway", "GP Connect / spine-gateway",
              "The SSP-like gateway: GP Connect interactions as consumers see them (rate, 5xx share, latency, refusals), the "
              "audit trail and its outbox, and the pods against their limits.", "spine-gateway")
    b.row("Interactions")
    interaction_panels(b)
    b.row("Audit trail")
    s = b.sel()
    rate = "$__rate_interval"
    b.panel("Audit records waiting in memory",
            "Audit records held in a pod's memory until the gateway database takes them. Alert GpConnectAuditBacklog above "
            f"{AUDIT_BACKLOG}; records are dropped at gpconnect.gateway.audit.max-pending.",
            [(f"max by (pod) (gpconnect_gateway_audit_records_pending{s})", "{{pod}}")], threshold=AUDIT_BACKLOG)
    b.panel("Audit records written and dropped",
            "Audit records written to the database per second, and records dropped (any is an audit gap: alert "
            "GpConnectAuditRecordsDropped).",
            [(f"sum by (pod) (rate(gpconnect_gateway_audit_records_written_total{s}[{rate}]))", "written {{pod}}"),
             (f"sum by (pod) (rate(gpconnect_gateway_audit_records_dropped_total{s}[{rate}]))", "dropped {{pod}}")],
            unit="rps")
    outbox_panels(b)
    b.row("Database")
    database_panels(b)
    b.row("Pods and JVM")
    pod_panels(b)
    return b


def provider(service, description, regex, kafka=False):
    b = Board(f"gpconnect-{service}", f"GP Connect / {service}", description, service)
    b.row("Interactions (as the gateway sees them)")
    interaction_panels(b, regex)
    b.row("HTTP server")
    http_server_panels(b)
    b.row("Outbox")
    outbox_panels(b)
    if kafka:
        b.row("Kafka consumers")
        kafka_consumer_panels(b)
    b.row("Database")
    database_panels(b)
    b.row("Pods and JVM")
    pod_panels(b)
    return b


def send_document():
    b = Board("gpconnect-send-document-service", "GP Connect / send-document-service",
              "Send Document over MESH: each practice mailbox's oldest unfinished message and depth, polls, messages by ITK3 "
              "acknowledgement, processing attempts and their duration, the document-event outbox and the pods.",
              "send-document-service")
    s = b.sel()
    rate = "$__rate_interval"
    b.row("MESH mailboxes")
    b.panel("Inbox: oldest unfinished message",
            "Age of the oldest message taken from each practice's mailbox and not finished (failing and waiting for a retry, or "
            f"its acknowledgements outstanding). Alert GpConnectMeshInboxAge above {MESH_AGE} s.",
            [(f"max by (practice, mailbox) (gpconnect_send_document_mesh_inbox_oldest_age_seconds{s})", "{{practice}} {{mailbox}}")],
            unit="s", threshold=MESH_AGE)
    b.panel("Inbox: messages listed",
            "Send Document messages in each mailbox when it was last listed (the inbox depth).",
            [(f"max by (practice, mailbox) (gpconnect_send_document_mesh_inbox_messages{s})", "{{practice}} {{mailbox}}")])
    b.panel("Polls by outcome",
            "Polls of each mailbox per second, successful or failed (MESH unreachable, authentication refused). Alert "
            "GpConnectMeshMailboxUnreachable when a mailbox has only failed polls for 15 minutes.",
            [(f"sum by (mailbox, outcome) (rate(gpconnect_send_document_mesh_polls_total{s}[{rate}]))", "{{outcome}} {{mailbox}}")],
            unit="ops")
    b.row("Messages")
    b.panel("Messages processed by acknowledgement",
            "Messages whose outcome was committed, per second, by infrastructure ack (20013 accepted; 10xxx/200xx rejected) and "
            "business ack (30001 patient known, 30002 not known, 30003 no longer here).",
            [(f"sum by (infrastructure_ack, business_ack) (rate(gpconnect_send_document_messages_processed_total{s}[{rate}]))",
              "{{infrastructure_ack}} / {{business_ack}}")], unit="rps", stack=True)
    rejected = b.sel('infrastructure_ack!="20013"')
    processed = b.sel('result="processed"')
    b.panel("Rejected share",
            "Share of committed messages answered with a negative infrastructure acknowledgement (anything but 20013).",
            [(f"sum(rate(gpconnect_send_document_messages_processed_total{rejected}[{rate}]))"
              f" / sum(rate(gpconnect_send_document_messages_processed_total{s}[{rate}]))", "rejected")],
            unit="percentunit")
    b.panel("Processing attempts by result",
            "Attempts at listed messages per second: processed, failed (MESH or database error; retried with back-off), busy "
            "(another replica has it), already processed, foreign workflow, gone from MESH.",
            [(f"sum by (result) (rate(gpconnect_send_document_message_attempts_total{s}[{rate}]))", "{{result}}")],
            unit="ops", stack=True)
    b.panel("Processing duration",
            "Claim to committed outcome and acknowledgements sent, for attempts that processed a message: p50 and p99.",
            [(f"histogram_quantile(0.5, sum by (le) (rate(gpconnect_send_document_message_processing_duration_seconds_bucket{processed}[{rate}])))", "p50"),
             (f"histogram_quantile(0.99, sum by (le) (rate(gpconnect_send_document_message_processing_duration_seconds_bucket{processed}[{rate}])))", "p99")],
            unit="s")
    b.row("Outbox (document events)")
    outbox_panels(b)
    b.row("Inbox API")
    http_server_panels(b)
    b.row("Database")
    database_panels(b)
    b.row("Pods and JVM")
    pod_panels(b)
    return b


def suite():
    b = Board("gpconnect-suite", "GP Connect / suite",
              "The whole suite at a glance: services answering, interactions through the gateway, every backlog an SRE is paged "
              "for (outboxes, audit, Kafka consumer lag, MESH inboxes) and the pods against their limits.")
    every = '"' + "|".join(SERVICES) + '"'
    rate = "$__rate_interval"
    b.row("Services")
    b.panel("Pods answering /q/metrics",
            "Pods of each service Prometheus can scrape (alert GpConnectServiceDown when one cannot be scraped for 5 minutes).",
            [(f"sum by (container) (up{{{NS}, container=~{every}}})", "{{container}}")], kind="stat", width=24, height=4)
    b.row("Interactions")
    interaction_panels(b)
    b.row("Backlogs")
    allc = "{" + NS + ", container=~" + every + "}"
    b.panel("Outbox: events waiting for Kafka, per service",
            f"Alert GpConnectOutboxBacklog above {OUTBOX_BACKLOG}.",
            [(f"max by (container) (gpconnect_outbox_pending_events{allc})", "{{container}}")], threshold=OUTBOX_BACKLOG)
    b.panel("Outbox: oldest waiting event, per service",
            f"Alert GpConnectOutboxStale above {OUTBOX_AGE} s.",
            [(f"max by (container) (gpconnect_outbox_oldest_pending_seconds{allc})", "{{container}}")], unit="s", threshold=OUTBOX_AGE)
    b.panel("Audit records waiting in the gateway",
            f"Alert GpConnectAuditBacklog above {AUDIT_BACKLOG}.",
            [(f"max by (pod) (gpconnect_gateway_audit_records_pending{b.sel(container='spine-gateway')})", "{{pod}}")],
            threshold=AUDIT_BACKLOG)
    b.panel("Kafka consumer lag",
            f"Records behind, per service and consumer client. Alert GpConnectKafkaConsumerLag above {CONSUMER_LAG}.",
            [(f"max by (container, client_id) (kafka_consumer_fetch_manager_records_lag_max{allc})", "{{container}} {{client_id}}")],
            threshold=CONSUMER_LAG)
    b.panel("MESH inbox: oldest unfinished message",
            f"Per practice mailbox. Alert GpConnectMeshInboxAge above {MESH_AGE} s.",
            [(f"max by (practice, mailbox) (gpconnect_send_document_mesh_inbox_oldest_age_seconds{b.sel(container='send-document-service')})",
              "{{practice}} {{mailbox}}")], unit="s", threshold=MESH_AGE)
    failed = b.sel('outcome="failure"', container="send-document-service")
    b.panel("MESH polls failing",
            "Failed polls per second, per mailbox.",
            [(f"sum by (mailbox) (rate(gpconnect_send_document_mesh_polls_total{failed}[{rate}]))",
              "{{mailbox}}")], unit="ops")
    b.row("Pods")
    pod_panels(b)
    return b


def dashboards():
    by_service = interactions_by_service()
    return {
        "gpconnect-suite.json": (suite(), variables()),
        "spine-gateway.json": (gateway(), variables("spine-gateway")),
        "appointment-service.json": (provider(
            "appointment-service",
            "Foundations and Appointment Management (STU3): its interactions through the gateway, its HTTP server, the "
            "appointment-event outbox, its PostgreSQL pool and the pods.",
            "|".join(by_service["appointment-service"])), variables("appointment-service")),
        "access-record-service.json": (provider(
            "access-record-service",
            "Access Record Structured (STU3) and HTML (DSTU2): its interactions through the gateway, its HTTP server, the "
            "outbox, its Kafka consumers (document events), its PostgreSQL pool and the pods.",
            "|".join(by_service["access-record-service"]), kafka=True), variables("access-record-service")),
        "send-document-service.json": (send_document(), variables("send-document-service")),
    }


def main():
    check = "--check" in sys.argv[1:]
    OUT.mkdir(parents=True, exist_ok=True)
    stale = []
    for name, (board, vs) in dashboards().items():
        text = json.dumps(board.json(vs), indent=2, ensure_ascii=False) + "\n"
        path = OUT / name
        if check:
            if not path.exists() or path.read_text() != text:
                stale.append(name)
        else:
            path.write_text(text)
            print(f"wrote {path.relative_to(ROOT)} ({len(board.panels)} panels)")
    if stale:
        print("out of step with scripts/gen-dashboards.py: " + ", ".join(stale) + " (run it)", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
