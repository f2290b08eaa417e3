package org.gpconnect.accessrecord.filing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import org.gpconnect.common.event.DocumentEventV1.Attachment;
import org.gpconnect.common.event.DocumentEventV1;
import org.junit.jupiter.api.Test;

/** What a FILED event must carry to be recorded, and what makes it poison (issue 7 item 5). */
class FiledDocumentTest {

    private static final Instant FILED_AT = Instant.parse("2026-01-05T10:00:00Z");

    @Test
    void aCompleteEventIsReadWithItsCodedTypeAndMainAttachment() {
        FiledDocument d = FiledDocument.of(event(e -> e));
        assertThat(d.typeSystem()).isEqualTo("http://snomed.info/sct");
        assertThat(d.typeCode()).isEqualTo("371531000");
        assertThat(d.typeDisplay()).isEqualTo("Report of clinical encounter");
        assertThat(d.typeText()).isEqualTo("Report of clinical encounter");
        assertThat(d.description()).isEqualTo("Consultation report");
        assertThat(d.attachment().attachmentId()).isEqualTo("main");
        assertThat(d.encounterStart()).isEqualTo(Instant.parse("2025-12-30T21:40:00Z"));
    }

    @Test
    void uncodedTypesTitlesAndDatesFallBack() {
        FiledDocument d = FiledDocument.of(event(e -> copy(e, "Discharge letter", null, null, e.attachments())));
        assertThat(d.typeCode()).isNull();
        assertThat(d.typeSystem()).isNull();
        assertThat(d.typeText()).isEqualTo("Discharge letter");
        assertThat(d.description()).isEqualTo("Report for patient2"); // the MESH subject when there is no title
        assertThat(d.encounterStart()).isEqualTo(FILED_AT);           // filed time when the document is undated
    }

    @Test
    void eventsMissingWhatTheRecordNeedsArePoison() {
        List<UnaryOperator<DocumentEventV1>> broken = List.of(
                e -> new DocumentEventV1(null, e.kind(), e.occurredAt(), e.documentId(), e.practiceOds(), null, null, null, null,
                        e.patientNhsNumber(), null, null, null, null, null, null, null, null, e.attachments(), null, null),
                e -> new DocumentEventV1(e.eventId(), e.kind(), e.occurredAt(), " ", e.practiceOds(), null, null, null, null,
                        e.patientNhsNumber(), null, null, null, null, null, null, null, null, e.attachments(), null, null),
                e -> new DocumentEventV1(e.eventId(), e.kind(), e.occurredAt(), e.documentId(), null, null, null, null, null,
                        e.patientNhsNumber(), null, null, null, null, null, null, null, null, e.attachments(), null, null),
                e -> new DocumentEventV1(e.eventId(), e.kind(), e.occurredAt(), e.documentId(), e.practiceOds(), null, null, null, null,
                        "12345", null, null, null, null, null, null, null, null, e.attachments(), null, null),
                e -> new DocumentEventV1(e.eventId(), e.kind(), null, e.documentId(), e.practiceOds(), null, null, null, null,
                        e.patientNhsNumber(), null, null, null, null, null, null, null, null, e.attachments(), null, null),
                e -> copy(e, e.documentType(), e.title(), e.documentDate(), List.of()),
                e -> copy(e, e.documentType(), e.title(), e.documentDate(), List.of(new Attachment("x", " ", 1, "00", true))),
                e -> new DocumentEventV1(e.eventId(), e.kind(), e.occurredAt(), "d".repeat(65), e.practiceOds(), null, null, null, null,
                        e.patientNhsNumber(), null, null, null, null, null, null, null, null, e.attachments(), null, null));
        for (UnaryOperator<DocumentEventV1> b : broken) {
            assertThatThrownBy(() -> FiledDocument.of(event(b))).isInstanceOf(PoisonEventException.class);
        }
    }

    private static DocumentEventV1 event(UnaryOperator<DocumentEventV1> change) {
        return change.apply(new DocumentEventV1("event-1", DocumentEventV1.Kind.FILED, FILED_AT, "document-1", "B82617",
                "mesh-1", "itk-1", "Y12345", "Y12345OT01", "9690937286", "20013", "30001", null, "Report for patient2",
                "Consultation report", "http://snomed.info/sct|371531000|Report of clinical encounter",
                Instant.parse("2025-12-30T21:40:00Z"), null,
                List.of(new Attachment("extra", "image/png", 10, "00", false), new Attachment("main", "application/pdf", 2048, "11", true)),
                "clerk", "trace-1"));
    }

    private static DocumentEventV1 copy(DocumentEventV1 e, String type, String title, Instant date, List<Attachment> attachments) {
        return new DocumentEventV1(e.eventId(), e.kind(), e.occurredAt(), e.documentId(), e.practiceOds(), e.meshMessageId(),
                e.itkTrackingId(), e.senderOds(), e.senderMailbox(), e.patientNhsNumber(), e.infrastructureAckCode(),
                e.businessAckCode(), e.diagnostics(), e.subject(), title, type, date, e.replacesDocumentId(), attachments,
                e.filedBy(), e.traceId());
    }
}
