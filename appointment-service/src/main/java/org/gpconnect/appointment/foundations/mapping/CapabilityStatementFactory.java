package org.gpconnect.appointment.foundations.mapping;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gpconnect.appointment.config.AppointmentServiceConfig;
import org.gpconnect.appointment.foundations.rest.ServedInteractions;
import org.gpconnect.common.fhir.careconnect.CareConnectProfiles;
import org.gpconnect.common.interaction.Interaction;
import org.hl7.fhir.dstu3.model.CapabilityStatement;
import org.hl7.fhir.dstu3.model.CapabilityStatement.CapabilityStatementKind;
import org.hl7.fhir.dstu3.model.CapabilityStatement.CapabilityStatementRestComponent;
import org.hl7.fhir.dstu3.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.dstu3.model.CapabilityStatement.RestfulCapabilityMode;
import org.hl7.fhir.dstu3.model.CapabilityStatement.TypeRestfulInteraction;
import org.hl7.fhir.dstu3.model.CapabilityStatement.UnknownContentCode;
import org.hl7.fhir.dstu3.model.Enumerations.PublicationStatus;
import org.hl7.fhir.dstu3.model.Enumerations.SearchParamType;
import org.hl7.fhir.dstu3.model.Reference;

/**
 * The Foundations/Appointments CapabilityStatement (foundations.md §8), built from the set of
 * interactions this service actually implements ({@link ServedInteractions}), so it never claims an
 * interaction that would fail.
 */
@ApplicationScoped
public class CapabilityStatementFactory {

    public static final String SPEC_VERSION = "1.2.9";

    private final AppointmentServiceConfig config;

    public CapabilityStatementFactory(AppointmentServiceConfig config) {
        this.config = config;
    }

    public CapabilityStatement build(Set<Interaction> served) {
        CapabilityStatement cs = new CapabilityStatement();
        cs.setVersion(SPEC_VERSION);
        cs.setName("GP Connect");
        cs.setStatus(PublicationStatus.ACTIVE);
        cs.setKind(CapabilityStatementKind.CAPABILITY);
        cs.setPublisher(config.software().publisher());
        cs.addContact().setName(config.software().publisher());
        cs.setDescription("This server implements the GP Connect API version " + SPEC_VERSION);
        cs.getSoftware().setName(config.software().name()).setVersion(config.software().version());
        cs.setFhirVersion("3.0.1");
        cs.setAcceptUnknown(UnknownContentCode.BOTH);
        cs.addFormat("application/fhir+json");
        cs.addFormat("application/fhir+xml");
        for (String profile : List.of(CareConnectProfiles.PATIENT, CareConnectProfiles.ORGANIZATION,
                CareConnectProfiles.PRACTITIONER, CareConnectProfiles.PRACTITIONER_ROLE, CareConnectProfiles.LOCATION,
                CareConnectProfiles.OPERATION_OUTCOME, FhirProfiles.APPOINTMENT, FhirProfiles.SCHEDULE, FhirProfiles.SLOT)) {
            cs.addProfile(new Reference(profile));
        }
        CapabilityStatementRestComponent rest = cs.addRest().setMode(RestfulCapabilityMode.SERVER);
        rest.getSecurity().setCors(true);
        Map<String, CapabilityStatementRestResourceComponent> resources = new LinkedHashMap<>();
        for (Interaction interaction : EnumSet.copyOf(served)) {
            describe(interaction, rest, resources);
        }
        return cs;
    }

    private static void describe(Interaction interaction, CapabilityStatementRestComponent rest,
                                 Map<String, CapabilityStatementRestResourceComponent> resources) {
        switch (interaction) {
            case PATIENT_READ -> resource(rest, resources, "Patient").addInteraction().setCode(TypeRestfulInteraction.READ);
            case PATIENT_SEARCH -> identifierSearch(resource(rest, resources, "Patient"));
            case ORGANIZATION_READ -> resource(rest, resources, "Organization").addInteraction().setCode(TypeRestfulInteraction.READ);
            case ORGANIZATION_SEARCH -> identifierSearch(resource(rest, resources, "Organization"));
            case PRACTITIONER_READ -> resource(rest, resources, "Practitioner").addInteraction().setCode(TypeRestfulInteraction.READ);
            case PRACTITIONER_SEARCH -> identifierSearch(resource(rest, resources, "Practitioner"));
            case LOCATION_READ -> resource(rest, resources, "Location").addInteraction().setCode(TypeRestfulInteraction.READ);
            case APPOINTMENT_READ -> resource(rest, resources, "Appointment").addInteraction().setCode(TypeRestfulInteraction.READ);
            case APPOINTMENT_CREATE -> resource(rest, resources, "Appointment").addInteraction().setCode(TypeRestfulInteraction.CREATE);
            case APPOINTMENT_AMEND, APPOINTMENT_CANCEL -> {
                CapabilityStatementRestResourceComponent appointment = resource(rest, resources, "Appointment");
                if (appointment.getInteraction().stream().noneMatch(i -> i.getCode() == TypeRestfulInteraction.UPDATE)) {
                    appointment.addInteraction().setCode(TypeRestfulInteraction.UPDATE);
                }
            }
            case PATIENT_APPOINTMENTS -> resource(rest, resources, "Appointment").addInteraction().setCode(TypeRestfulInteraction.SEARCHTYPE);
            case SLOT_SEARCH -> {
                CapabilityStatementRestResourceComponent slot = resource(rest, resources, "Slot");
                slot.addInteraction().setCode(TypeRestfulInteraction.SEARCHTYPE);
                slot.addSearchParam().setName("start").setType(SearchParamType.DATE);
                slot.addSearchParam().setName("end").setType(SearchParamType.DATE);
                slot.addSearchParam().setName("status").setType(SearchParamType.TOKEN);
                slot.addSearchParam().setName("searchFilter").setType(SearchParamType.TOKEN);
                slot.addSearchInclude("Slot:schedule");
                slot.addSearchInclude("Schedule:actor:Practitioner");
                slot.addSearchInclude("Schedule:actor:Location");
                slot.addSearchInclude("Location:managingOrganization");
            }
            case REGISTER_PATIENT -> rest.addOperation().setName("gpc.registerpatient")
                    .setDefinition(new Reference("https://fhir.nhs.uk/STU3/OperationDefinition/GPConnect-RegisterPatient-Operation-1"));
            default -> {
                // metadata is implied by the statement itself; other capabilities are other services'
            }
        }
    }

    private static CapabilityStatementRestResourceComponent resource(CapabilityStatementRestComponent rest,
            Map<String, CapabilityStatementRestResourceComponent> resources, String type) {
        return resources.computeIfAbsent(type, t -> rest.addResource().setType(t));
    }

    private static void identifierSearch(CapabilityStatementRestResourceComponent resource) {
        resource.addInteraction().setCode(TypeRestfulInteraction.SEARCHTYPE);
        resource.addSearchParam().setName("identifier").setType(SearchParamType.TOKEN);
    }
}
