package org.gpconnect.appointment.pds.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.gpconnect.appointment.pds.PdsPatient;

/**
 * Reads the parts of PDS FHIR R4 answers this service uses, with Jackson's tree model: no R4 model classes (a
 * second FHIR version's structures would weigh more than everything else this service loads, for a dozen fields).
 * Unknown elements are ignored, as a FHIR client should.
 *
 * <p>From a Patient: the logical id (the NHS number), {@code meta.versionId}, the {@code meta.security} codes, the
 * current name (PDS's {@code usual} name whose period has not ended; else an {@code official} one; else the first),
 * gender, birth date (a full date only), {@code deceasedDateTime}/{@code deceasedBoolean}, the current home address,
 * current telecoms and the registered GP practice's ODS code. From an OperationOutcome: the Spine error code.
 */
public final class PdsR4Reader {

    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        JSON.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build());
    }

    private PdsR4Reader() {
    }

    /**
     * @param today the date against which name, address and telecom periods are judged current
     * @throws IllegalArgumentException when the body is not a readable R4 Patient with an id
     */
    public static PdsPatient patient(String body, LocalDate today) {
        JsonNode root = tree(body);
        if (!"Patient".equals(text(root.get("resourceType")))) {
            throw new IllegalArgumentException("not a Patient but " + text(root.get("resourceType")));
        }
        String id = text(root.get("id"));
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("the Patient has no id");
        }
        JsonNode meta = root.path("meta");
        Set<String> security = new LinkedHashSet<>();
        for (JsonNode label : meta.path("security")) {
            String code = text(label.get("code"));
            if (code != null) {
                security.add(code);
            }
        }
        JsonNode name = currentName(root.path("name"), today);
        List<String> given = new ArrayList<>();
        String title = null;
        String family = null;
        if (name != null) {
            name.path("given").forEach(g -> {
                String value = text(g);
                if (value != null && !value.isBlank()) {
                    given.add(value);
                }
            });
            family = text(name.get("family"));
            JsonNode prefix = name.path("prefix");
            title = prefix.isArray() && !prefix.isEmpty() ? text(prefix.get(0)) : null;
        }
        boolean deceased = root.hasNonNull("deceasedDateTime") || root.path("deceasedBoolean").asBoolean(false);
        return new PdsPatient(id, text(meta.get("versionId")), Set.copyOf(security), title, List.copyOf(given), family,
                text(root.get("gender")), fullDate(text(root.get("birthDate"))), deceased,
                homeAddress(root.path("address"), today), telecoms(root.path("telecom"), today), gpOds(root.path("generalPractitioner")));
    }

    /** The Spine error code of a PDS OperationOutcome ({@code RESOURCE_NOT_FOUND}, ...), or null when there is none. */
    public static String errorCode(String body) {
        try {
            JsonNode root = tree(body);
            for (JsonNode issue : root.path("issue")) {
                for (JsonNode coding : issue.path("details").path("coding")) {
                    String code = text(coding.get("code"));
                    if (code != null) {
                        return code;
                    }
                }
            }
        } catch (IllegalArgumentException unreadable) {
            // an error page that is not an OperationOutcome: no code
        }
        return null;
    }

    private static JsonNode tree(String body) {
        try {
            JsonNode root = JSON.readTree(body);
            if (root == null || !root.isObject()) {
                throw new IllegalArgumentException("not a JSON object");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
        }
    }

    private static JsonNode currentName(JsonNode names, LocalDate today) {
        JsonNode official = null;
        JsonNode first = null;
        for (JsonNode name : names) {
            if (!current(name, today)) {
                continue;
            }
            String use = text(name.get("use"));
            if ("usual".equals(use)) {
                return name;
            }
            if ("official".equals(use) && official == null) {
                official = name;
            }
            if (first == null) {
                first = name;
            }
        }
        return official != null ? official : first;
    }

    private static PdsPatient.Address homeAddress(JsonNode addresses, LocalDate today) {
        for (JsonNode address : addresses) {
            if ("home".equals(text(address.get("use"))) && current(address, today)) {
                List<String> lines = new ArrayList<>();
                address.path("line").forEach(l -> {
                    String line = text(l);
                    if (line != null && !line.isBlank()) {
                        lines.add(line);
                    }
                });
                return new PdsPatient.Address(List.copyOf(lines), text(address.get("city")), text(address.get("district")),
                        text(address.get("postalCode")));
            }
        }
        return null;
    }

    private static List<PdsPatient.Telecom> telecoms(JsonNode telecoms, LocalDate today) {
        List<PdsPatient.Telecom> found = new ArrayList<>();
        for (JsonNode telecom : telecoms) {
            String system = text(telecom.get("system"));
            String value = text(telecom.get("value"));
            if (system != null && value != null && !value.isBlank() && current(telecom, today)) {
                found.add(new PdsPatient.Telecom(system, text(telecom.get("use")), value));
            }
        }
        return List.copyOf(found);
    }

    private static String gpOds(JsonNode practitioners) {
        for (JsonNode practitioner : practitioners) {
            String value = text(practitioner.path("identifier").get("value"));
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /** No period, or a period that has not ended before today. */
    private static boolean current(JsonNode element, LocalDate today) {
        LocalDate end = fullDate(text(element.path("period").get("end")));
        return end == null || !end.isBefore(today);
    }

    /** The date of a FHIR date or dateTime when it has a day; null for a partial date or none. */
    static LocalDate fullDate(String value) {
        if (value == null || value.length() < 10) {
            return null;
        }
        try {
            return LocalDate.parse(value.substring(0, 10));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() || !node.isValueNode() ? null : node.asText();
    }
}
