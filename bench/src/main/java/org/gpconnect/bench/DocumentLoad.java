package org.gpconnect.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToLongFunction;

/**
 * Send Document end to end (issue 7's benchmark): an out-of-hours service sends N consultation reports with
 * a PDF of the given size to practice B82617's MESH mailbox, one after the other as fast as MESH takes them
 * (a backlog, as after a busy evening), and the bench watches each report from the outside until it is
 * <ol>
 *   <li><b>received</b>: the business ack 30001 is in the sender's MESH inbox, RECEIVED is on
 *       {@code gpconnect.documents.v1}, and the practice inbox API lists it (stored with its attachment);</li>
 *   <li><b>in the record</b>: the bench files it through the inbox API as soon as it is listed (the
 *       clinician's step: only filed documents are part of the record, send-document.md §6), and
 *       access-record-service has committed its DocumentReference.</li>
 * </ol>
 * Prints one Markdown row of throughput (from the first upload to the last report, so it includes the waits
 * for the service's polls; and the service's own mean time per report, from its processing histogram) and
 * latency (from MESH accepting the upload), and one row of the median time of each stage.
 *
 * <p>Usage: {@code DocumentLoad <label> <pdf-MiB> <count> <devstack-state-dir> [pid=name ...]}; the pids are
 * the service processes whose CPU per report is reported.
 */
public final class DocumentLoad {

    private static final System.Logger LOG = System.getLogger(DocumentLoad.class.getName());

    // the local suite (scripts/run-local.sh; README "Ports") and devstack's names for it (SuiteLauncher)
    private static final String MESH_URL = "http://127.0.0.1:18095";
    private static final String KAFKA = "127.0.0.1:19092";
    private static final String SEND_DOCUMENT_URL = "http://127.0.0.1:18083";
    private static final String RECORDS_JDBC_URL = "jdbc:postgresql://127.0.0.1:15432/records";
    private static final String PRACTICE_ODS = "B82617";
    private static final String PRACTICE_MAILBOX = "B82617OT01";
    private static final String SENDER_MAILBOX = "Y12345OT01";
    private static final String WORKFLOW = "GPFED_CONSULT_REPORT";
    private static final String PROCESSING = "gpconnect_send_document_message_processing_duration_seconds";
    private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(15);
    private static final long MIB = 1024 * 1024;

    private final List<ReportTimeline> reports = new CopyOnWriteArrayList<>();
    private final Map<String, ReportTimeline> byHeaderId = new ConcurrentHashMap<>();
    private final Map<String, ReportTimeline> byTrackingId = new ConcurrentHashMap<>();
    private final Map<String, ReportTimeline> byDocumentId = new ConcurrentHashMap<>();
    private final AtomicInteger watchErrors = new AtomicInteger();
    private volatile boolean stopped;

    public static void main(String[] args) throws Exception {
        String label = args[0];
        int pdfMiB = Integer.parseInt(args[1]);
        int count = Integer.parseInt(args[2]);
        Path state = Path.of(args[3]);
        Map<Long, String> processes = new LinkedHashMap<>();
        for (int i = 4; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            processes.put(Long.parseLong(kv[0]), kv[1]);
        }
        new DocumentLoad().run(label, pdfMiB, count, state, processes);
    }

    private void run(String label, int pdfMiB, int count, Path state, Map<Long, String> processes) throws Exception {
        Path keys = state.resolve("keys");
        // devstack generates the MESH secrets once per state directory (SuiteLauncher.secret): read, never stored
        String sharedSecret = Files.readString(keys.resolve("mesh-shared-secret")).strip();
        MeshMailbox sender = new MeshMailbox(MESH_URL, SENDER_MAILBOX,
                Files.readString(keys.resolve("mesh-" + SENDER_MAILBOX + "-password")).strip(), sharedSecret);
        SenderAcks acks = new SenderAcks(sender);
        PracticeInbox inbox = new PracticeInbox(SEND_DOCUMENT_URL, PRACTICE_ODS, keys.resolve("internal-token-private.pem"));
        acks.drain();
        // devstack's database password rule for the local run: "local-" + database (SuiteLauncher.environment)
        try (DocumentEventsTopic events = new DocumentEventsTopic(KAFKA);
             RecordDocuments record = new RecordDocuments(RECORDS_JDBC_URL, "records", "local-records")) {
            List<Thread> watchers = List.of(
                    watch("sender-acks", 200, () -> acks.poll(byHeaderId)),
                    watch("document-events", 0, () -> events.poll(byTrackingId, byDocumentId)),
                    watch("practice-inbox", 250, () -> fileWhatIsListed(inbox)),
                    watch("record", 250, () -> record.poll(filedNotRecorded(), byDocumentId)));
            long[] cpuBefore = LoadClient.cpu(processes);
            double[] processingBefore = processingHistogram();
            send(sender, pdfMiB, count);
            long deadline = System.nanoTime() + GIVE_UP_AFTER.toNanos();
            while (!reports.stream().allMatch(ReportTimeline::finished) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            long[] cpuAfter = LoadClient.cpu(processes);
            double[] processingAfter = processingHistogram();
            stopped = true;
            for (Thread watcher : watchers) {
                watcher.join();
            }
            report(label, pdfMiB, processes, cpuBefore, cpuAfter, processingBefore, processingAfter);
        }
    }

    /** Sends the reports back to back; each is built just before it is sent (one in memory at a time). */
    private void send(MeshMailbox sender, int pdfMiB, int count) {
        for (int i = 0; i < count; i++) {
            ConsultationReport report = new ConsultationReport();
            ReportTimeline timeline = new ReportTimeline(report);
            reports.add(timeline);
            byHeaderId.put(report.headerId, timeline);
            byTrackingId.put(report.trackingId, timeline);
            byte[] body = report.xml((int) (pdfMiB * MIB), i);
            timeline.messageBytes = body.length;
            try {
                timeline.postStarted = System.nanoTime();
                timeline.meshMessageId = sender.send(PRACTICE_MAILBOX, WORKFLOW, ConsultationReport.SUBJECT,
                        ConsultationReport.SENDER_ODS, "consultation-report-" + i + ".xml", "application/fhir+xml", body);
                timeline.sent = System.nanoTime();
            } catch (Exception e) {
                timeline.fail("MESH send: " + e.getMessage());
            }
        }
    }

    /** Reports listed by the inbox API are stamped, then filed at once (the FILED event feeds the record). */
    private void fileWhatIsListed(PracticeInbox inbox) throws Exception {
        Map<String, PracticeInbox.Item> pending = inbox.pendingByTrackingId();
        long now = System.nanoTime();
        for (Map.Entry<String, PracticeInbox.Item> entry : pending.entrySet()) {
            ReportTimeline timeline = byTrackingId.get(entry.getKey());
            if (timeline == null || timeline.inInbox > 0) {
                continue;
            }
            timeline.inInbox = now;
            timeline.itemId = entry.getValue().itemId();
            timeline.documentId = entry.getValue().documentId();
            byDocumentId.put(timeline.documentId, timeline);
            timeline.filingRequested = System.nanoTime();
            try {
                inbox.file(timeline.itemId);
            } catch (Exception e) {
                timeline.fail(e.getMessage());
            }
        }
    }

    private List<ReportTimeline> filedNotRecorded() {
        return reports.stream().filter(t -> t.filingRequested > 0 && t.inRecord == 0 && t.failure == null).toList();
    }

    /** A thread that repeats {@code step} every {@code everyMillis} until the run stops; errors are counted. */
    private Thread watch(String name, long everyMillis, Step step) {
        Thread thread = new Thread(() -> {
            while (!stopped) {
                try {
                    step.run();
                } catch (Exception e) {
                    if (watchErrors.getAndIncrement() < 5) {
                        LOG.log(System.Logger.Level.WARNING, name + ": " + e);
                    }
                }
                try {
                    Thread.sleep(everyMillis);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, name);
        thread.start();
        return thread;
    }

    private interface Step {
        void run() throws Exception;
    }

    private void report(String label, int pdfMiB, Map<Long, String> processes, long[] cpuBefore, long[] cpuAfter,
                        double[] processingBefore, double[] processingAfter) {
        int n = reports.size();
        long start = reports.get(0).postStarted;
        List<ReportTimeline> received = reports.stream().filter(ReportTimeline::received).toList();
        List<ReportTimeline> recorded = reports.stream().filter(t -> t.inRecord > 0).toList();
        long lastReceived = received.stream().mapToLong(ReportTimeline::receivedAt).max().orElse(start);
        long firstReceived = received.stream().mapToLong(ReportTimeline::receivedAt).min().orElse(start);
        long lastRecorded = recorded.stream().mapToLong(t -> t.inRecord).max().orElse(start);
        double receivedSeconds = (lastReceived - start) / 1e9;
        double recordSeconds = (lastRecorded - start) / 1e9;
        long failed = reports.stream().filter(t -> t.failure != null).count();
        long unfinished = reports.stream().filter(t -> !t.finished()).count();
        double messageMiB = reports.stream().mapToLong(t -> t.messageBytes).average().orElse(0) / MIB;

        StringBuilder cpu = new StringBuilder();
        int i = 0;
        for (String name : processes.values()) {
            // USER_HZ: /proc/<pid>/stat counts in 1/100 s on Linux
            cpu.append(String.format(" %s %.0f ms", name, (cpuAfter[i] - cpuBefore[i]) * 10.0 / Math.max(1, received.size())));
            i++;
        }
        // the service's own histogram (claim to committed outcome and acks sent): its time per report, and so the
        // rate one poller sustains once it is working, leaving out the waits for the next poll (5 s locally)
        double[] processing = {processingAfter[0] - processingBefore[0], processingAfter[1] - processingBefore[1]};
        double serviceSeconds = processing[0] == 0 ? Double.NaN : processing[1] / processing[0];
        ResultRows.row("RESULT | %s | %.1f MiB | %d | %.2f | %.1f | %.2f s (%.1f/s) | %s | %s | %s | %s | %.2f | %s | %s | %s |%s |",
                label, messageMiB, n,
                received.size() / receivedSeconds, received.size() * pdfMiB / receivedSeconds, serviceSeconds, 1 / serviceSeconds,
                seconds(percentile(received, t -> t.receivedAt() - t.sent, 50)),
                seconds(percentile(received, t -> t.receivedAt() - t.sent, 99)),
                seconds(firstReceived - start), seconds(lastReceived - start),
                recorded.size() / recordSeconds,
                seconds(percentile(recorded, t -> t.inRecord - t.sent, 50)),
                seconds(percentile(recorded, t -> t.inRecord - t.sent, 99)),
                (failed + unfinished) + (failed + unfinished + watchErrors.get() == 0 ? "" : " (" + failed + " failed, "
                        + unfinished + " unfinished, " + watchErrors.get() + " watch errors)"),
                cpu);
        List<ReportTimeline> sent = reports.stream().filter(t -> t.sent > 0).toList();
        ResultRows.row("STAGES | %s | %s | %s | %s | %s | %s | %s | %s |", label,
                seconds(percentile(sent, t -> t.sent - t.postStarted, 50)),
                seconds(percentile(sent, t -> t.infrastructureAck - t.sent, 50)),
                seconds(percentile(received, t -> t.inInbox - t.sent, 50)),
                seconds(percentile(received, t -> t.receivedEvent - t.sent, 50)),
                seconds(percentile(received, t -> t.businessAck - t.sent, 50)),
                seconds(percentile(recorded, t -> t.filedEvent > 0 ? t.filedEvent - t.filingRequested : 0, 50)),
                seconds(percentile(recorded, t -> t.inRecord - t.filingRequested, 50)));
        reports.stream().filter(t -> t.failure != null).limit(5)
                .forEach(t -> LOG.log(System.Logger.Level.ERROR, "failed: report " + reports.indexOf(t) + " (MESH message "
                        + t.meshMessageId + ", tracking id " + t.report.trackingId + "): " + t.failure));
    }

    /** Count and sum (s) of send-document-service's processed-message histogram, from its /q/metrics. */
    private static double[] processingHistogram() throws Exception {
        String metrics = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(SEND_DOCUMENT_URL + "/q/metrics")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        double[] countAndSum = new double[2];
        for (String line : metrics.split("\n")) {
            if (line.startsWith(PROCESSING + "_count{") && line.contains("result=\"processed\"")) {
                countAndSum[0] += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            } else if (line.startsWith(PROCESSING + "_sum{") && line.contains("result=\"processed\"")) {
                countAndSum[1] += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return countAndSum;
    }

    /** The p-th percentile (nearest rank) of a stage's duration, in nanoseconds; -1 with no samples. */
    private static long percentile(List<ReportTimeline> timelines, ToLongFunction<ReportTimeline> stage, int p) {
        long[] sorted = timelines.stream().mapToLong(stage).filter(d -> d > 0).sorted().toArray();
        if (sorted.length == 0) {
            return -1;
        }
        return sorted[Math.max(0, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static String seconds(long nanos) {
        return nanos < 0 ? "–" : String.format("%.2f s", nanos / 1e9);
    }
}
