package org.gpconnect.bench;

/**
 * What happened to one sent report and when (System.nanoTime; 0 = not yet), from the outside only: MESH,
 * the Kafka topic, the practice inbox API and the record's database. Written by one watcher each, read by
 * the reporter.
 */
final class ReportTimeline {

    final ConsultationReport report;
    volatile int messageBytes;
    volatile String meshMessageId;
    /** send-document-service's id of the stored document (from the RECEIVED event or the inbox item). */
    volatile String documentId;
    volatile String itemId;
    volatile String failure;

    /** The sender starts uploading to MESH. */
    volatile long postStarted;
    /** MESH accepted it (202): from here it waits in the practice's mailbox. */
    volatile long sent;
    /** Infrastructure ack 20013 in the sender's MESH inbox. */
    volatile long infrastructureAck;
    /** Business ack 30001 in the sender's MESH inbox. */
    volatile long businessAck;
    /** RECEIVED on gpconnect.documents.v1. */
    volatile long receivedEvent;
    /** Listed by the practice inbox API (stored, attachment included, and visible to the GP system). */
    volatile long inInbox;
    /** The bench asks the inbox API to file it (the clinician's action). */
    volatile long filingRequested;
    /** FILED on gpconnect.documents.v1. */
    volatile long filedEvent;
    /** access-record-service committed its DocumentReference (what the structured record returns). */
    volatile long inRecord;

    ReportTimeline(ConsultationReport report) {
        this.report = report;
    }

    /** Received end to end: acknowledged to the sender, announced, and in the practice's inbox. */
    boolean received() {
        return businessAck > 0 && receivedEvent > 0 && inInbox > 0;
    }

    long receivedAt() {
        return Math.max(businessAck, Math.max(receivedEvent, inInbox));
    }

    boolean finished() {
        return failure != null || inRecord > 0;
    }

    void fail(String why) {
        if (failure == null) {
            failure = why;
        }
    }
}
