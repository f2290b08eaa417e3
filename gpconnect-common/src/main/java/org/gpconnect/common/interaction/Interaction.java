package org.gpconnect.common.interaction;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The GP Connect interaction-ID catalogue (foundations.md §7; Access Record HTML in access-record-html.md
 * §1): each interaction with its ID (and accepted aliases), HTTP method, path relative to the service
 * root, capability and the scope its JWT must ask for. {@link #matches(String, String)} answers "does this
 * ID fit this request" in one call.
 */
public enum Interaction {
    METADATA_READ("fhir:rest:read:metadata-1", "GET", "/metadata", Capability.FOUNDATIONS_AND_APPOINTMENTS, Scope.ORGANIZATION_READ),
    PATIENT_READ("fhir:rest:read:patient-1", "GET", "/Patient/{id}", Capability.FOUNDATIONS_AND_APPOINTMENTS, Scope.PATIENT_READ),
    PATIENT_SEARCH("fhir:rest:search:patient-1", "GET", "/Patient", Capability.FOUNDATIONS_AND_APPOINTMENTS, Scope.PATIENT_READ),
    REGISTER_PATIENT("fhir:operation:gpc.registerpatient-1", "POST", "/Patient/$gpc.registerpatient", Capability.FOUNDATIONS_AND_APPOINTMENTS, Scope.PATIENT_WRITE),
    PRACTITIONER_READ("fhir:rest:read:practitioner-1", "GET", "/Practitioner/{id}", Capability.FOUNDATIONS_AND_APPOINTMENTS, Scope.ORGANIZATION_READ),
    PRACTITIONER_SEARCH("fhir:rest:search:practitioner-1", "GET", "/Practitioner", Capability.FOUNDATIONS_AND_APPOINTMENTS, Scope.ORGANIZATION_READ),
    ORGANIZATION_READ("fhir:rest:read:organization-1", "GET", "/Organization/{id}", Capability.FOUNDATIONS_AND_APPOINTMENTS, Scope.ORGANIZATION_READ),
    ORGANIZATION_SEARCH("fhir:rest:search:organization-1", "GET", "/Organization", Capability.FOUNDATIONS_AND_APPOINTMENTS, Scope.ORGANIZATION_READ),
    LOCATION_READ("fhir:rest:read:location-1", "GET", "/Location/{id}", Capability.FOUNDATIONS_AND_APPOINTMENTS, Scope.ORGANIZATION_READ),
    SLOT_SEARCH("fhir:rest:search:slot-1", "GET", "/Slot", Capability.FOUNDATIONS_AND_APPOINTMENTS, Scope.ORGANIZATION_READ),
    APPOINTMENT_CREATE("fhir:rest:create:appointment-1", "POST", "/Appointment", Capability.FOUNDATIONS_AND_APPOINTMENTS, Scope.PATIENT_WRITE),
    APPOINTMENT_READ("fhir:rest:read:appointment-1", "GET", "/Appointment/{id}", Capability.FOUNDATIONS_AND_APPOINTMENTS, Scope.PATIENT_READ),
    /** Same method and path as {@link #APPOINTMENT_CANCEL}: only the interaction ID tells them apart. */
    APPOINTMENT_AMEND("fhir:rest:update:appointment-1", "PUT", "/Appointment/{id}", Capability.FOUNDATIONS_AND_APPOINTMENTS, Scope.PATIENT_WRITE),
    APPOINTMENT_CANCEL("fhir:rest:cancel:appointment-1", "PUT", "/Appointment/{id}", Capability.FOUNDATIONS_AND_APPOINTMENTS, Scope.PATIENT_WRITE),
    PATIENT_APPOINTMENTS("fhir:rest:search:patient_appointments-1", "GET", "/Patient/{id}/Appointment", Capability.FOUNDATIONS_AND_APPOINTMENTS, Scope.PATIENT_READ),
    STRUCTURED_RECORD("fhir:operation:gpc.getstructuredrecord-1", "POST", "/Patient/$gpc.getstructuredrecord", Capability.ACCESS_RECORD_STRUCTURED, Scope.PATIENT_READ),
    STRUCTURED_METADATA_READ("structured:fhir:rest:read:metadata-1", "GET", "/metadata", Capability.ACCESS_RECORD_STRUCTURED, Scope.ORGANIZATION_READ),
    /** 0.7.4 has no "-1" suffix; the withdrawn STU3 draft (and the reference demonstrator) used it, so both are accepted. */
    HTML_CARE_RECORD(List.of("fhir:operation:gpc.getcarerecord", "fhir:operation:gpc.getcarerecord-1"), "POST", "/Patient/$gpc.getcarerecord", Capability.ACCESS_RECORD_HTML, Scope.PATIENT_READ),
    HTML_METADATA_READ("fhir:rest:read:metadata", "GET", "/metadata", Capability.ACCESS_RECORD_HTML, Scope.ORGANIZATION_READ),
    MIGRATE_STRUCTURED_RECORD("fhir:operation:gpc.migratestructuredrecord-1", "POST", "/Patient/$gpc.migratestructuredrecord", Capability.MIGRATE_STRUCTURED_RECORD, Scope.PATIENT_READ),
    DOCUMENTS_METADATA_READ("documents:fhir:rest:read:metadata-1", "GET", "/metadata", Capability.ACCESS_DOCUMENT, Scope.ORGANIZATION_READ),
    DOCUMENTS_PATIENT_SEARCH("documents:fhir:rest:search:patient-1", "GET", "/Patient", Capability.ACCESS_DOCUMENT, Scope.PATIENT_READ),
    DOCUMENTS_SEARCH("documents:fhir:rest:search:documentreference-1", "GET", "/Patient/{id}/DocumentReference", Capability.ACCESS_DOCUMENT, Scope.PATIENT_READ),
    DOCUMENTS_BINARY_READ("documents:fhir:rest:read:binary-1", "GET", "/Binary/{id}", Capability.ACCESS_DOCUMENT, Scope.PATIENT_READ),
    DOCUMENTS_BINARY_MIGRATE("documents:fhir:rest:migrate:binary-1", "GET", "/Binary/{id}", Capability.MIGRATE_STRUCTURED_RECORD, Scope.PATIENT_READ);

    public static final String PREFIX = "urn:nhs:names:services:gpconnect:";
    /**
     * A FHIR logical id: 1-64 of [A-Za-z0-9-.] (FHIR id datatype; GP Connect ids are at most 64 chars),
     * but never the dot segments "." and "..", which are path navigation, not ids.
     */
    static final String LOGICAL_ID = "(?!\\.{1,2}(?:/|$))[A-Za-z0-9\\-.]{1,64}";

    private final List<String> ids;
    private final String method;
    private final String pathTemplate;
    private final Pattern path;
    private final Capability capability;
    private final Scope scope;

    Interaction(String suffix, String method, String pathTemplate, Capability capability, Scope scope) {
        this(List.of(suffix), method, pathTemplate, capability, scope);
    }

    Interaction(List<String> suffixes, String method, String pathTemplate, Capability capability, Scope scope) {
        this.ids = suffixes.stream().map(s -> PREFIX + s).toList();
        this.method = method;
        this.pathTemplate = pathTemplate;
        this.path = compile(pathTemplate);
        this.capability = capability;
        this.scope = scope;
    }

    /** The interaction ID as the spec names it. */
    public String id() {
        return ids.get(0);
    }

    /** Every ID accepted for this interaction, the spec's first. */
    public List<String> ids() {
        return ids;
    }

    public String method() {
        return method;
    }

    /** The path relative to the service root, {@code {id}} standing for a logical id. */
    public String pathTemplate() {
        return pathTemplate;
    }

    public Capability capability() {
        return capability;
    }

    /** The {@code requested_scope} a JWT must carry for this interaction. */
    public Scope scope() {
        return scope;
    }

    /**
     * Whether a request fits this interaction: same method (exact, upper case) and a path, relative to
     * the service root and without its query string, that matches the template byte for byte.
     */
    public boolean matches(String httpMethod, String relativePath) {
        return method.equals(httpMethod) && relativePath != null && path.matcher(relativePath).matches();
    }

    private static Pattern compile(String template) {
        StringBuilder regex = new StringBuilder();
        for (String part : template.split("\\{id}", -1)) {
            if (!regex.isEmpty()) {
                regex.append(LOGICAL_ID);
            }
            regex.append(Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }
}
