package org.gpconnect.pdsdouble;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A patient as PDS holds it, and its R4 {@code Patient} JSON as the PDS FHIR API returns it: the NHS number as
 * logical id and identifier, {@code meta.versionId}, {@code meta.security} with the confidentiality code
 * ({@code U} unrestricted, {@code R} restricted = S-flagged, {@code V} very restricted), the current usual name,
 * gender, birth date, {@code deceasedDateTime}, the home address, telecoms and the registered GP practice. As PDS
 * does for a restricted record, the address, telecoms and GP practice are left out of the answer.
 *
 * @param nhsNumber      the record's NHS number (its logical id)
 * @param versionId      {@code meta.versionId}
 * @param family         family name of the usual name
 * @param given          given names in order
 * @param title          name prefix, or null
 * @param gender         {@code male}, {@code female}, {@code other} or {@code unknown}
 * @param birthDate      {@code YYYY-MM-DD}
 * @param deathDate      {@code YYYY-MM-DD}, or null while alive
 * @param addressLines   home address lines (empty when none)
 * @param postalCode     home postcode, or null
 * @param telecoms       contact points
 * @param gpOds          ODS code of the registered GP practice, or null
 * @param confidentiality {@code U}, {@code R} or {@code V}
 */
public record PdsRecord(String nhsNumber, int versionId, String family, List<String> given, String title, String gender,
                        String birthDate, String deathDate, List<String> addressLines, String postalCode,
                        List<Telecom> telecoms, String gpOds, String confidentiality) {

    /** A contact point: FHIR ContactPoint system ({@code phone}, {@code email}), use and value. */
    public record Telecom(String system, String use, String value) {
    }

    public PdsRecord {
        Objects.requireNonNull(nhsNumber, "nhsNumber");
        given = List.copyOf(given == null ? List.of() : given);
        addressLines = List.copyOf(addressLines == null ? List.of() : addressLines);
        telecoms = List.copyOf(telecoms == null ? List.of() : telecoms);
        confidentiality = confidentiality == null ? "U" : confidentiality;
    }

    /** A living, unrestricted record with just the demographics the register-patient candidates have. */
    public static PdsRecord of(String nhsNumber, String family, String given, String gender, String birthDate) {
        return new PdsRecord(nhsNumber, 1, family, List.of(given), null, gender, birthDate, null, List.of(), null,
                List.of(), null, "U");
    }

    /** The same record under another NHS number (the surviving record of a merge). */
    public PdsRecord renumbered(String newNhsNumber) {
        return new PdsRecord(newNhsNumber, versionId, family, given, title, gender, birthDate, deathDate, addressLines,
                postalCode, telecoms, gpOds, confidentiality);
    }

    public PdsRecord withBirthDate(String date) {
        return new PdsRecord(nhsNumber, versionId, family, given, title, gender, date, deathDate, addressLines,
                postalCode, telecoms, gpOds, confidentiality);
    }

    public PdsRecord withDeathDate(String date) {
        return new PdsRecord(nhsNumber, versionId, family, given, title, gender, birthDate, date, addressLines,
                postalCode, telecoms, gpOds, confidentiality);
    }

    public PdsRecord withConfidentiality(String code) {
        return new PdsRecord(nhsNumber, versionId, family, given, title, gender, birthDate, deathDate, addressLines,
                postalCode, telecoms, gpOds, code);
    }

    public PdsRecord withAddress(List<String> lines, String postcode) {
        return new PdsRecord(nhsNumber, versionId, family, given, title, gender, birthDate, deathDate, lines,
                postcode, telecoms, gpOds, confidentiality);
    }

    public PdsRecord withTelecoms(List<Telecom> contactPoints) {
        return new PdsRecord(nhsNumber, versionId, family, given, title, gender, birthDate, deathDate, addressLines,
                postalCode, contactPoints, gpOds, confidentiality);
    }

    public boolean restricted() {
        return !"U".equals(confidentiality);
    }

    /** The R4 Patient as the PDS FHIR API returns it. */
    public String toJson() {
        Json json = new Json();
        json.open().field("resourceType", "Patient").field("id", nhsNumber);
        json.name("meta").open().field("versionId", Integer.toString(versionId));
        json.name("security").openArray().open()
                .field("system", "http://terminology.hl7.org/CodeSystem/v3-Confidentiality")
                .field("code", confidentiality)
                .field("display", switch (confidentiality) {
                    case "R" -> "restricted";
                    case "V" -> "very restricted";
                    default -> "unrestricted";
                })
                .close().closeArray().close();
        json.name("identifier").openArray().open()
                .field("system", "https://fhir.nhs.uk/Id/nhs-number")
                .field("value", nhsNumber)
                .name("extension").openArray().open()
                .field("url", "https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-NHSNumberVerificationStatus")
                .name("valueCodeableConcept").open().name("coding").openArray().open()
                .field("system", "https://fhir.hl7.org.uk/CodeSystem/UKCore-NHSNumberVerificationStatus")
                .field("version", "1.0.0")
                .field("code", "01")
                .field("display", "Number present and verified")
                .close().closeArray().close()
                .close().closeArray()
                .close().closeArray();
        json.name("name").openArray().open()
                .field("id", "1")
                .field("use", "usual")
                .name("period").open().field("start", birthDate).close()
                .name("given").strings(given)
                .field("family", family);
        if (title != null) {
            json.name("prefix").strings(List.of(title));
        }
        json.close().closeArray();
        json.field("gender", gender).field("birthDate", birthDate);
        if (deathDate != null) {
            json.field("deceasedDateTime", deathDate + "T00:00:00+00:00");
        }
        if (!restricted()) {
            if (!addressLines.isEmpty() || postalCode != null) {
                json.name("address").openArray().open()
                        .field("id", "1")
                        .name("period").open().field("start", birthDate).close()
                        .field("use", "home")
                        .name("line").strings(addressLines);
                if (postalCode != null) {
                    json.field("postalCode", postalCode);
                }
                json.close().closeArray();
            }
            if (!telecoms.isEmpty()) {
                json.name("telecom").openArray();
                int id = 1;
                for (Telecom telecom : telecoms) {
                    json.open().field("id", Integer.toString(id++)).field("system", telecom.system())
                            .field("value", telecom.value());
                    if (telecom.use() != null) {
                        json.field("use", telecom.use());
                    }
                    json.close();
                }
                json.closeArray();
            }
            if (gpOds != null) {
                json.name("generalPractitioner").openArray().open()
                        .field("id", "1")
                        .field("type", "Organization")
                        .name("identifier").open()
                        .field("system", "https://fhir.nhs.uk/Id/ods-organization-code")
                        .field("value", gpOds)
                        .close()
                        .close().closeArray();
            }
        }
        return json.close().toString();
    }

    /** Given names and other names in one list, for records built from the dataset. */
    static List<String> names(String first, String others) {
        List<String> names = new ArrayList<>();
        if (first != null && !first.isBlank()) {
            names.add(first);
        }
        if (others != null && !others.isBlank()) {
            names.addAll(List.of(others.trim().split("\\s+")));
        }
        return names;
    }
}
