package org.gpconnect.common.fhir.careconnect;

import java.util.List;
import org.gpconnect.common.identifier.IdentifierSystems;
import org.hl7.fhir.dstu3.model.Address;
import org.hl7.fhir.dstu3.model.Address.AddressUse;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.Coding;
import org.hl7.fhir.dstu3.model.ContactPoint;
import org.hl7.fhir.dstu3.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.dstu3.model.Extension;
import org.hl7.fhir.dstu3.model.Organization;
import org.hl7.fhir.dstu3.model.Practitioner;
import org.hl7.fhir.dstu3.model.PractitionerRole;

/**
 * The administrative resources clinical records point at, as CareConnect-GPC profiles (foundations.md
 * §9.3, §9.4): Organization, Practitioner and PractitionerRole. Each takes a plain record so any service
 * can build them from its own storage.
 */
public final class CareConnectAdministration {

    private CareConnectAdministration() {
    }

    /**
     * @param versionId {@code meta.versionId}, or null to leave it out
     */
    public record OrganizationDetails(String id, String versionId, String odsCode, String name, String phone,
                                      List<String> addressLines, String city, String district, String postalCode,
                                      String country) {
    }

    /**
     * @param roleProfileIds SDS role profile ids (one identifier each; may be empty)
     * @param languages      NHSCommunication languages as (code, display) pairs
     */
    public record PractitionerDetails(String id, String versionId, String sdsUserId, List<String> roleProfileIds,
                                      String namePrefix, List<String> givenNames, String familyName, String gender,
                                      List<Language> languages) {
    }

    /** A CareConnect-HumanLanguage-1 code and display. */
    public record Language(String code, String display) {
    }

    /**
     * @param roleCode    SDS job role code (CareConnect-SDSJobRoleName-1), or null when not known
     * @param roleDisplay its display
     */
    public record PractitionerRoleDetails(String id, String practitionerId, String organizationId, String roleCode,
                                          String roleDisplay) {
    }

    /** Identifier (ODS), name, address and telecom; never {@code contact} or {@code endpoint} (§9.3). */
    public static Organization organization(OrganizationDetails d) {
        Organization organization = new Organization();
        organization.setId(d.id());
        organization.getMeta().addProfile(CareConnectProfiles.ORGANIZATION);
        if (d.versionId() != null) {
            organization.getMeta().setVersionId(d.versionId());
        }
        organization.addIdentifier().setSystem(IdentifierSystems.ODS_ORGANIZATION_CODE).setValue(d.odsCode());
        organization.setName(d.name());
        ContactPoint phone = CareConnectDataTypes.workPhone(d.phone());
        if (phone != null) {
            organization.addTelecom(phone);
        }
        Address address = CareConnectDataTypes.address(AddressUse.WORK, d.addressLines(), d.city(), d.district(), null,
                d.postalCode(), d.country());
        if (address != null) {
            organization.addAddress(address);
        }
        return organization;
    }

    /**
     * One SDS user id, one role-profile identifier per role profile, the name, gender and one
     * NHSCommunication per language; never {@code telecom}, {@code address}, {@code birthDate},
     * {@code photo} or {@code qualification} (§9.4).
     */
    public static Practitioner practitioner(PractitionerDetails d) {
        Practitioner practitioner = new Practitioner();
        practitioner.setId(d.id());
        practitioner.getMeta().addProfile(CareConnectProfiles.PRACTITIONER);
        if (d.versionId() != null) {
            practitioner.getMeta().setVersionId(d.versionId());
        }
        for (Language language : d.languages()) {
            Extension communication = new Extension(CareConnectProfiles.EXT_NHS_COMMUNICATION);
            communication.addExtension("language", new CodeableConcept()
                    .addCoding(new Coding(CareConnectProfiles.CS_HUMAN_LANGUAGE, language.code(), language.display())));
            practitioner.addExtension(communication);
        }
        practitioner.addIdentifier().setSystem(IdentifierSystems.SDS_USER_ID).setValue(d.sdsUserId());
        d.roleProfileIds().forEach(roleProfileId ->
                practitioner.addIdentifier().setSystem(IdentifierSystems.SDS_ROLE_PROFILE_ID).setValue(roleProfileId));
        practitioner.addName(CareConnectDataTypes.officialName(d.namePrefix(), d.givenNames(), d.familyName()));
        if (d.gender() != null) {
            practitioner.setGender(AdministrativeGender.fromCode(d.gender()));
        }
        return practitioner;
    }

    /** The practitioner's role at an organisation, coded with the SDS job role when known. */
    public static PractitionerRole practitionerRole(PractitionerRoleDetails d) {
        PractitionerRole role = new PractitionerRole();
        role.setId(d.id());
        role.getMeta().addProfile(CareConnectProfiles.PRACTITIONER_ROLE);
        role.setPractitioner(CareConnectDataTypes.reference("Practitioner", d.practitionerId()));
        role.setOrganization(CareConnectDataTypes.reference("Organization", d.organizationId()));
        if (d.roleCode() != null) {
            role.addCode(new CodeableConcept().addCoding(
                    new Coding(CareConnectProfiles.CS_SDS_JOB_ROLE_NAME, d.roleCode(), d.roleDisplay())));
        }
        return role;
    }
}
