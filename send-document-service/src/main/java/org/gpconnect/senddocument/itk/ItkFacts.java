package org.gpconnect.senddocument.itk;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What was learnt from an ITK3 message, filled in as validation goes: a message rejected half-way still
 * tells what it could (the MessageHeader id the acknowledgement must quote, whether acks were asked for).
 */
public final class ItkFacts {

    /** One attachment of the document: the Binary and its place in the Composition. */
    public record Attachment(int index, String contentType, boolean primary, ExtractedAttachment content) {
    }

    public MessageSplitter.Format format = MessageSplitter.Format.XML;
    /** Bundle.identifier: the ITK tracking id. */
    public String trackingId;
    /** MessageHeader.id: quoted by the acknowledgements (response.identifier). */
    public String messageHeaderId;
    public String senderReference;
    /** Absent handling specifications: negative infrastructure acks are sent all the same. */
    public boolean infrastructureAckRequested = true;
    public boolean businessAckRequested;
    public String senderOds;
    public String senderName;
    public String patientNhsNumber;
    public String patientFamilyName;
    public LocalDate patientBirthDate;
    /** Identifier of the document Bundle (duplicate documents, replacements). */
    public String documentIdentifier;
    /** Composition.relatesTo (code replaces) target identifier, when this document replaces another. */
    public String replacesIdentifier;
    public String title;
    public String documentType;
    public Instant documentDate;
    public final List<Attachment> attachments = new ArrayList<>();
}
