package org.gpconnect.appointment.foundations.mapping;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import org.gpconnect.appointment.foundations.PractitionerEntity;
import org.gpconnect.appointment.foundations.PractitionerLanguage;
import org.gpconnect.common.identifier.IdentifierSystems;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.Coding;
import org.hl7.fhir.dstu3.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.dstu3.model.Extension;
import org.hl7.fhir.dstu3.model.Practitioner;

/**
 * A practitioner as a CareConnect-GPC-Practitioner-1 (foundations.md §9.4): exactly one SDS user id
 * identifier and one SDS role profile identifier per role profile, the name, gender and one NHSCommunication
 * extension per language. Never {@code telecom}, {@code address}, {@code birthDate}, {@code photo} or
 * {@code qualification}.
 */
@ApplicationScoped
public class PractitionerMapper {

    public Practitioner toFhir(PractitionerEntity entity) {
        Practitioner practitioner = ResourceMeta.stamp(new Practitioner(), entity.id, FhirProfiles.PRACTITIONER, entity.version);
        // sorted here rather than trusting the fetch order of two joined collections
        entity.languages.stream().sorted(Comparator.comparing((PractitionerLanguage l) -> l.code)).forEach(language -> {
            Extension communication = new Extension(FhirProfiles.EXT_NHS_COMMUNICATION);
            communication.addExtension("language", new CodeableConcept()
                    .addCoding(new Coding(FhirProfiles.CS_HUMAN_LANGUAGE, language.code, language.display)));
            practitioner.addExtension(communication);
        });
        practitioner.addIdentifier().setSystem(IdentifierSystems.SDS_USER_ID).setValue(entity.sdsUserId);
        entity.roleProfileIds.stream().sorted().forEach(roleProfileId ->
                practitioner.addIdentifier().setSystem(IdentifierSystems.SDS_ROLE_PROFILE_ID).setValue(roleProfileId));
        practitioner.addName(DataTypes.officialName(entity.namePrefix, entity.givenNames, entity.familyName));
        if (entity.gender != null) {
            practitioner.setGender(AdministrativeGender.fromCode(entity.gender));
        }
        return practitioner;
    }
}
