package org.gpconnect.accessrecord.structured.mapping;

import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gpconnect.accessrecord.config.AccessRecordConfig;
import org.gpconnect.common.fhir.careconnect.CareConnectProfiles;
import org.hl7.fhir.dstu3.model.CapabilityStatement.CapabilityStatementKind;
import org.hl7.fhir.dstu3.model.CapabilityStatement.CapabilityStatementRestComponent;
import org.hl7.fhir.dstu3.model.CapabilityStatement.RestfulCapabilityMode;
import org.hl7.fhir.dstu3.model.CapabilityStatement.UnknownContentCode;
import org.hl7.fhir.dstu3.model.CapabilityStatement;
import org.hl7.fhir.dstu3.model.Enumerations.PublicationStatus;
import org.hl7.fhir.dstu3.model.Reference;

/**
 * The Access Record Structured CapabilityStatement (access-record-structured.md §12). Truthful: it names
 * the one operation this service implements ({@code gpc.getstructuredrecord}; migrate is not offered) and
 * only the profiles it can actually return, with the {@code _history} versions of §12.
 */
public final class StructuredCapabilityStatement {

    public static final String OPERATION_DEFINITION =
            "https://fhir.nhs.uk/STU3/OperationDefinition/GPConnect-GetStructuredRecord-Operation-1/_history/1.16";

    /** Where §12 puts versioned references (HAPI must not strip their {@code _history/n} there). */
    public static final Set<String> VERSIONED_REFERENCE_PATHS = Set.of(
            "CapabilityStatement.rest.operation.definition", "CapabilityStatement.profile");

    /** §12's profile versions. */
    private static final Map<String, String> VERSIONS = new LinkedHashMap<>();

    static {
        VERSIONS.put(CareConnectProfiles.PATIENT, "1.8");
        VERSIONS.put(CareConnectProfiles.ORGANIZATION, "1.4");
        VERSIONS.put(CareConnectProfiles.PRACTITIONER, "1.3");
        VERSIONS.put(CareConnectProfiles.PRACTITIONER_ROLE, "1.2");
        VERSIONS.put(CareConnectProfiles.LIST, "1.7");
        VERSIONS.put(CareConnectProfiles.STRUCTURED_RECORD_BUNDLE, "1.3");
        VERSIONS.put(CareConnectProfiles.OPERATION_OUTCOME, "1.2");
        VERSIONS.put(CareConnectProfiles.ALLERGY_INTOLERANCE, "1.7");
        VERSIONS.put(CareConnectProfiles.MEDICATION, "1.2");
        VERSIONS.put(CareConnectProfiles.MEDICATION_STATEMENT, "1.7");
        VERSIONS.put(CareConnectProfiles.MEDICATION_REQUEST, "1.6");
        VERSIONS.put(CareConnectProfiles.IMMUNIZATION, "1.5");
        VERSIONS.put(CareConnectProfiles.PROBLEM_HEADER, "1.7");
        VERSIONS.put(CareConnectProfiles.ENCOUNTER, "1.5");
        VERSIONS.put(CareConnectProfiles.OBSERVATION, "1.7");
        VERSIONS.put(CareConnectProfiles.DIAGNOSTIC_REPORT, "1.3");
        VERSIONS.put(CareConnectProfiles.SPECIMEN, "1.3");
        VERSIONS.put(CareConnectProfiles.PROCEDURE_REQUEST, "1.4");
        VERSIONS.put(CareConnectProfiles.REFERRAL_REQUEST, "1.2");
        VERSIONS.put(CareConnectProfiles.DOCUMENT_REFERENCE, "1.3");
        VERSIONS.put(CareConnectProfiles.HEALTHCARE_SERVICE, "1.0");
    }

    private static final List<String> ALWAYS = List.of(CareConnectProfiles.PATIENT, CareConnectProfiles.ORGANIZATION,
            CareConnectProfiles.PRACTITIONER, CareConnectProfiles.PRACTITIONER_ROLE, CareConnectProfiles.LIST,
            CareConnectProfiles.STRUCTURED_RECORD_BUNDLE, CareConnectProfiles.OPERATION_OUTCOME);

    private StructuredCapabilityStatement() {
    }

    /** @param areaProfiles the profiles of the clinical areas that are switched on estate-wide */
    public static CapabilityStatement build(AccessRecordConfig.Software software, Collection<String> areaProfiles) {
        CapabilityStatement statement = new CapabilityStatement();
        statement.setVersion("1.6.2");
        statement.setName("GP Connect API - Access Record Structured");
        statement.setStatus(PublicationStatus.ACTIVE);
        statement.setDate(new Date());
        statement.setPublisher(software.publisher());
        statement.setKind(CapabilityStatementKind.CAPABILITY);
        statement.getSoftware().setName(software.name()).setVersion(software.version());
        statement.setFhirVersion("3.0.1");
        statement.setAcceptUnknown(UnknownContentCode.BOTH);
        statement.addFormat("application/fhir+json");
        statement.addFormat("application/fhir+xml");
        VERSIONS.forEach((profile, version) -> {
            if (ALWAYS.contains(profile) || areaProfiles.contains(profile)) {
                statement.addProfile(new Reference(profile + "/_history/" + version));
            }
        });
        CapabilityStatementRestComponent rest = statement.addRest().setMode(RestfulCapabilityMode.SERVER);
        rest.getSecurity().setCors(true);
        rest.addOperation().setName("gpc.getstructuredrecord").setDefinition(new Reference(OPERATION_DEFINITION));
        return statement;
    }
}
