package org.gpconnect.appointment.foundations.mapping;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import org.gpconnect.appointment.foundations.PractitionerEntity;
import org.gpconnect.common.fhir.careconnect.CareConnectAdministration;
import org.gpconnect.common.fhir.careconnect.CareConnectAdministration.Language;
import org.gpconnect.common.fhir.careconnect.CareConnectAdministration.PractitionerDetails;
import org.hl7.fhir.dstu3.model.Practitioner;

/**
 * A practitioner as a CareConnect-GPC-Practitioner-1 (foundations.md §9.4), built by the suite's
 * {@link CareConnectAdministration}: exactly one SDS user id identifier and one SDS role profile identifier per
 * role profile, the name, gender and one NHSCommunication extension per language. Never {@code telecom},
 * {@code address}, {@code birthDate}, {@code photo} or {@code qualification}.
 */
@ApplicationScoped
public class PractitionerMapper {

    public Practitioner toFhir(PractitionerEntity entity) {
        // sorted here rather than trusting the fetch order of two joined collections
        return CareConnectAdministration.practitioner(new PractitionerDetails(entity.id, Integer.toString(entity.version),
                entity.sdsUserId, entity.roleProfileIds.stream().sorted().toList(), entity.namePrefix, entity.givenNames,
                entity.familyName, entity.gender,
                entity.languages.stream().map(l -> new Language(l.code, l.display))
                        .sorted(Comparator.comparing(Language::code)).toList()));
    }
}
