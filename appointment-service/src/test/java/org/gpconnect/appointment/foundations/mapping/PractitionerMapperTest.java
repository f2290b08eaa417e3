package org.gpconnect.appointment.foundations.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashSet;
import java.util.List;
import org.gpconnect.appointment.foundations.PractitionerEntity;
import org.gpconnect.appointment.foundations.PractitionerLanguage;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.Identifier;
import org.hl7.fhir.dstu3.model.Practitioner;
import org.junit.jupiter.api.Test;

/** foundations.md §9.4 rules the seed data does not exercise: the name without a family name, ordering. */
class PractitionerMapperTest {

    private final PractitionerMapper mapper = new PractitionerMapper();

    @Test
    void withoutAFamilyNameTheNameIsText() {
        PractitionerEntity entity = practitioner();
        entity.familyName = null;
        Practitioner practitioner = mapper.toFhir(entity);
        assertThat(practitioner.getNameFirstRep().getText()).isEqualTo("Dr Ann Beth");
        assertThat(practitioner.getNameFirstRep().hasFamily()).isFalse();
        assertThat(practitioner.getNameFirstRep().hasGiven()).isFalse();
    }

    @Test
    void withAFamilyNameTheNameIsStructuredWithoutText() {
        Practitioner practitioner = mapper.toFhir(practitioner());
        assertThat(practitioner.getNameFirstRep().getFamily()).isEqualTo("Cole");
        assertThat(practitioner.getNameFirstRep().getGivenAsSingleString()).isEqualTo("Ann Beth");
        assertThat(practitioner.getNameFirstRep().hasText()).isFalse();
    }

    @Test
    void roleProfilesAndLanguagesComeOutInAStableOrderWhateverTheFetchOrder() {
        Practitioner practitioner = mapper.toFhir(practitioner());
        assertThat(practitioner.getIdentifier()).extracting(Identifier::getValue).containsExactly("G1", "PT1", "PT2");
        assertThat(practitioner.getExtension()).extracting(e -> ((CodeableConcept) e.getExtensionByUrl("language").getValue())
                .getCodingFirstRep().getCode()).containsExactly("de", "en");
    }

    @Test
    void noGenderRecordedMeansNoGender() {
        PractitionerEntity entity = practitioner();
        entity.gender = null;
        assertThat(mapper.toFhir(entity).hasGender()).isFalse();
    }

    private static PractitionerEntity practitioner() {
        PractitionerEntity entity = new PractitionerEntity();
        entity.id = "9";
        entity.sdsUserId = "G1";
        entity.namePrefix = "Dr";
        entity.givenNames = List.of("Ann", "Beth");
        entity.familyName = "Cole";
        entity.gender = "female";
        entity.version = 3;
        entity.roleProfileIds = new LinkedHashSet<>(List.of("PT2", "PT1"));
        entity.languages = new LinkedHashSet<>(List.of(language("en", "English"), language("de", "German")));
        return entity;
    }

    private static PractitionerLanguage language(String code, String display) {
        PractitionerLanguage language = new PractitionerLanguage();
        language.code = code;
        language.display = display;
        return language;
    }
}
