package org.gpconnect.accessrecord.html.mapping;

import ca.uhn.fhir.model.dstu2.composite.AddressDt;
import ca.uhn.fhir.model.dstu2.composite.HumanNameDt;
import ca.uhn.fhir.model.dstu2.composite.ResourceReferenceDt;
import ca.uhn.fhir.model.dstu2.resource.Organization;
import ca.uhn.fhir.model.dstu2.resource.Patient;
import ca.uhn.fhir.model.dstu2.resource.Practitioner;
import ca.uhn.fhir.model.dstu2.valueset.AddressUseEnum;
import ca.uhn.fhir.model.dstu2.valueset.AdministrativeGenderEnum;
import ca.uhn.fhir.model.dstu2.valueset.ContactPointSystemEnum;
import ca.uhn.fhir.model.dstu2.valueset.ContactPointUseEnum;
import ca.uhn.fhir.model.dstu2.valueset.NameUseEnum;
import ca.uhn.fhir.model.primitive.DateDt;
import ca.uhn.fhir.model.primitive.DateTimeDt;
import java.util.Optional;
import org.gpconnect.accessrecord.record.RecordPatient;
import org.gpconnect.common.fhir.careconnect.CareConnectAdministration.OrganizationDetails;
import org.gpconnect.common.fhir.careconnect.CareConnectAdministration.PractitionerDetails;
import org.gpconnect.common.identifier.IdentifierSystems;

/**
 * The DSTU2 Patient, Practitioner and Organization of a care record (access-record-html.md §3), with the 0.x
 * identifier systems ({@code http://fhir.nhs.net/Id/...}). The Patient is minimal: what a consumer must
 * cross-check against its own data (NHS number, name, gender, birth date, practice, usual GP, deceased date)
 * and the address.
 */
public final class Dstu2Administration {

    private Dstu2Administration() {
    }

    public static Patient patient(RecordPatient p, String organizationId) {
        Patient patient = new Patient();
        patient.setId(p.id());
        patient.getMeta().addProfile(Dstu2Profiles.PATIENT);
        patient.addIdentifier().setSystem(IdentifierSystems.DSTU2_NHS_NUMBER).setValue(p.nhsNumber());
        HumanNameDt name = patient.addName().setUse(NameUseEnum.USUAL);
        name.addFamily(p.familyName());
        p.givenNames().forEach(name::addGiven);
        if (p.title() != null) {
            name.addPrefix(p.title());
        }
        if (p.phoneHome() != null) {
            patient.addTelecom().setSystem(ContactPointSystemEnum.PHONE).setUse(ContactPointUseEnum.HOME).setValue(p.phoneHome());
        }
        if (p.phoneMobile() != null) {
            patient.addTelecom().setSystem(ContactPointSystemEnum.PHONE).setUse(ContactPointUseEnum.MOBILE).setValue(p.phoneMobile());
        }
        gender(p.gender()).ifPresent(patient::setGender);
        patient.setBirthDate(new DateDt(p.birthDate().toString()));
        if (p.deceasedDate() != null) {
            patient.setDeceased(new DateTimeDt(p.deceasedDate().toString()));
        }
        if (!p.addressLines().isEmpty() || p.postalCode() != null) {
            AddressDt address = patient.addAddress().setUse(AddressUseEnum.HOME);
            p.addressLines().forEach(address::addLine);
            address.setPostalCode(p.postalCode());
        }
        if (p.generalPractitionerId() != null) {
            patient.addCareProvider().setReference("Practitioner/" + p.generalPractitionerId());
        }
        patient.setManagingOrganization(new ResourceReferenceDt("Organization/" + organizationId));
        return patient;
    }

    public static Practitioner practitioner(PractitionerDetails d) {
        Practitioner practitioner = new Practitioner();
        practitioner.setId(d.id());
        practitioner.getMeta().addProfile(Dstu2Profiles.PRACTITIONER);
        practitioner.addIdentifier().setSystem(IdentifierSystems.DSTU2_SDS_USER_ID).setValue(d.sdsUserId());
        HumanNameDt name = new HumanNameDt().setUse(NameUseEnum.USUAL);
        if (d.familyName() != null) {
            name.addFamily(d.familyName());
        }
        d.givenNames().forEach(name::addGiven);
        if (d.namePrefix() != null) {
            name.addPrefix(d.namePrefix());
        }
        practitioner.setName(name);
        gender(d.gender()).ifPresent(practitioner::setGender);
        return practitioner;
    }

    public static Organization organization(OrganizationDetails d) {
        Organization organization = new Organization();
        organization.setId(d.id());
        organization.getMeta().addProfile(Dstu2Profiles.ORGANIZATION);
        organization.addIdentifier().setSystem(IdentifierSystems.DSTU2_ODS_ORGANIZATION_CODE).setValue(d.odsCode());
        organization.setName(d.name());
        if (d.phone() != null) {
            organization.addTelecom().setSystem(ContactPointSystemEnum.PHONE).setUse(ContactPointUseEnum.WORK).setValue(d.phone());
        }
        if (!d.addressLines().isEmpty() || d.city() != null || d.postalCode() != null) {
            AddressDt address = organization.addAddress().setUse(AddressUseEnum.WORK);
            d.addressLines().forEach(address::addLine);
            address.setCity(d.city()).setDistrict(d.district()).setPostalCode(d.postalCode()).setCountry(d.country());
        }
        return organization;
    }

    private static Optional<AdministrativeGenderEnum> gender(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(AdministrativeGenderEnum.forCode(code));
    }
}
