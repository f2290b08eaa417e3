package org.gpconnect.accessrecord.filing;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import org.gpconnect.common.event.DocumentEventV1;

/**
 * A FILED event of {@code gpconnect.documents.v1}, checked for what the record needs (issue 7 item 5): the
 * event, the document, the practice, the patient, when it was filed and the document's main attachment.
 * Anything missing or out of shape makes it poison ({@link PoisonEventException}).
 *
 * @param typeSystem  Composition.type's system (null when the type is not coded)
 * @param typeCode    Composition.type's code
 * @param typeDisplay Composition.type's display
 */
public record FiledDocument(
        String eventId,
        String documentId,
        String practiceOds,
        String patientNhsNumber,
        Instant filedAt,
        String filedBy,
        String senderOds,
        String title,
        String subject,
        String typeSystem,
        String typeCode,
        String typeDisplay,
        Instant documentDate,
        String replacesDocumentId,
        DocumentEventV1.Attachment attachment) {

    private static final Pattern NHS_NUMBER = Pattern.compile("\\d{10}");

    /** The checked FILED event; {@link PoisonEventException} when it cannot be recorded. */
    public static FiledDocument of(DocumentEventV1 e) {
        require(e.eventId(), "eventId", 64);
        require(e.documentId(), "documentId", 64);
        require(e.practiceOds(), "practiceOds", 20);
        if (e.patientNhsNumber() == null || !NHS_NUMBER.matcher(e.patientNhsNumber()).matches()) {
            throw new PoisonEventException("FILED event " + e.eventId() + " has no valid patientNhsNumber");
        }
        if (e.occurredAt() == null) {
            throw new PoisonEventException("FILED event " + e.eventId() + " has no occurredAt");
        }
        optional(e.senderOds(), "senderOds", 20);
        optional(e.replacesDocumentId(), "replacesDocumentId", 64);
        List<DocumentEventV1.Attachment> attachments = e.attachments() == null ? List.of() : e.attachments();
        DocumentEventV1.Attachment main = attachments.stream()
                .filter(a -> a != null && a.contentType() != null && !a.contentType().isBlank())
                .sorted(Comparator.comparing(a -> !a.primary()))
                .findFirst()
                .orElseThrow(() -> new PoisonEventException("FILED event " + e.eventId() + " names no attachment with a content type"));
        String[] type = e.documentType() == null ? new String[0] : e.documentType().split("\\|", -1);
        String typeSystem = type.length == 3 && !type[0].isBlank() ? type[0] : null;
        String typeCode = type.length == 3 && !type[1].isBlank() ? type[1] : null;
        String typeDisplay = type.length == 3 ? blankToNull(type[2]) : blankToNull(e.documentType());
        optional(typeCode, "documentType code", 64);
        return new FiledDocument(e.eventId(), e.documentId(), e.practiceOds(), e.patientNhsNumber(), e.occurredAt(),
                blankToNull(e.filedBy()), blankToNull(e.senderOds()), blankToNull(e.title()), blankToNull(e.subject()),
                typeCode == null ? null : typeSystem, typeCode, typeDisplay, e.documentDate(), blankToNull(e.replacesDocumentId()), main);
    }

    /** What the document is, as the record shows it (DocumentReference.type.text). */
    public String typeText() {
        return typeDisplay != null ? typeDisplay : title != null ? title : "Document";
    }

    /** What the topic and the DocumentReference are called (the report's title, else the MESH subject). */
    public String description() {
        return title != null ? title : subject != null ? subject : typeText();
    }

    /** When the encounter is dated: the document's own date when known, else when it was filed. */
    public Instant encounterStart() {
        return documentDate != null ? documentDate : filedAt;
    }

    private static void require(String value, String name, int max) {
        if (value == null || value.isBlank()) {
            throw new PoisonEventException("Document event has no " + name);
        }
        optional(value, name, max);
    }

    private static void optional(String value, String name, int max) {
        if (value != null && value.length() > max) {
            throw new PoisonEventException("Document event " + name + " is longer than " + max + " characters");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
