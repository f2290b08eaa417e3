package org.gpconnect.pdsdouble;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The PDS side of the standard test dataset ({@code pds-patients.tsv}, generated from testdata/patients.yaml and
 * testdata/register_patient.yaml): every patient registered at B82617 except patient14 (not on PDS), the
 * register-patient {@code pds_patients} and {@code register_candidates}. patient9/10 and HARDY are restricted,
 * patient18 and the pds_patients with a death date deceased, patient11's number superseded by
 * {@value #PATIENT11_NEW_NHS_NUMBER}.
 */
public final class PdsDataset {

    /** The number patient11's record carries on PDS since it was re-numbered (a valid, otherwise unused one). */
    public static final String PATIENT11_NEW_NHS_NUMBER = "9690938630";

    /** The records, by NHS number, and the superseded numbers (old → new). */
    public record Standard(Map<String, PdsRecord> records, Map<String, String> superseded) {
    }

    private PdsDataset() {
    }

    public static Standard standard() {
        Map<String, PdsRecord> records = new LinkedHashMap<>();
        Map<String, String> superseded = new LinkedHashMap<>();
        try (InputStream in = PdsDataset.class.getResourceAsStream("pds-patients.tsv")) {
            if (in == null) {
                throw new IllegalStateException("pds-patients.tsv is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String> columns = null;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                List<String> cells = Arrays.asList(line.split("\t", -1));
                if (columns == null) {
                    columns = cells;
                    continue;
                }
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < columns.size(); i++) {
                    String cell = i < cells.size() ? cells.get(i).strip() : "";
                    row.put(columns.get(i), cell.isEmpty() ? null : cell);
                }
                PdsRecord record = record(row);
                String newNumber = row.get("superseded_by");
                if (newNumber != null) {
                    superseded.put(record.nhsNumber(), newNumber);
                    records.put(newNumber, record.renumbered(newNumber));
                } else {
                    records.put(record.nhsNumber(), record);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Standard(records, superseded);
    }

    private static PdsRecord record(Map<String, String> row) {
        List<PdsRecord.Telecom> telecoms = new ArrayList<>();
        if (row.get("phone_home") != null) {
            telecoms.add(new PdsRecord.Telecom("phone", "home", row.get("phone_home")));
        }
        if (row.get("phone_mobile") != null) {
            telecoms.add(new PdsRecord.Telecom("phone", "mobile", row.get("phone_mobile")));
        }
        List<String> lines = row.get("address_lines") == null ? List.of() : List.of(row.get("address_lines").split(";"));
        return new PdsRecord(row.get("nhs_number"), 1, row.get("family"), PdsRecord.names(row.get("given"), row.get("other_given")),
                row.get("title"), row.get("gender") == null ? "unknown" : row.get("gender"), row.get("birth_date"),
                row.get("death_date"), lines, row.get("postcode"), telecoms, row.get("gp_ods"),
                "true".equals(row.get("restricted")) ? "R" : "U");
    }
}
