package org.gpconnect.meshdouble;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Sample messages for the local run and for tests that check the sample stays valid. */
public final class Samples {

    /** The MESH subject of the sample report (send-document.md §2.2). */
    public static final String CONSULTATION_REPORT_SUBJECT = "Consultation report for Horace SKELLY, NHS Number 9690937286,"
            + " seen at OUT OF HOURS SERVICE, ODS Code Y12345";
    /** ODS code of the sample's sender (an out-of-hours service). */
    public static final String SENDER_ODS = "Y12345";

    private Samples() {
    }

    /**
     * A consultation report about patient2 (Horace SKELLY, 9690937286) for practice B82617, as ITK3 FHIR
     * XML with a one-page PDF, with fresh tracking, MessageHeader and document ids on every call.
     */
    public static byte[] consultationReportForPatient2() {
        try (InputStream in = Samples.class.getResourceAsStream("consultation-report-patient2.xml")) {
            String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("{{TRACKING_ID}}", UUID.randomUUID().toString())
                    .replace("{{HEADER_ID}}", UUID.randomUUID().toString())
                    .replace("{{DOCUMENT_ID}}", UUID.randomUUID().toString());
            return xml.getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deposits the sample report from {@code senderMailbox} into {@code practiceMailbox}; returns the MESH message id. */
    public static String depositConsultationReport(MeshDouble mesh, String senderMailbox, String practiceMailbox) {
        return mesh.deposit(MeshDouble.Deposit.to(practiceMailbox).from(senderMailbox).workflow("GPFED_CONSULT_REPORT")
                .subject(CONSULTATION_REPORT_SUBJECT).localId(SENDER_ODS).header("mex-filename", "consultation-report.xml")
                .body(consultationReportForPatient2(), "application/fhir+xml"));
    }
}
