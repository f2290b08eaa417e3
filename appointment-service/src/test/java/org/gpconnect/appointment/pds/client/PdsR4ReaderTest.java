package org.gpconnect.appointment.pds.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.gpconnect.appointment.pds.PdsPatient;
import org.gpconnect.pdsdouble.PdsDataset;
import org.gpconnect.pdsdouble.PdsRecord;
import org.junit.jupiter.api.Test;

/** Reading PDS FHIR R4 answers: a Patient's fields this service uses, and a PDS OperationOutcome's code. */
class PdsR4ReaderTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 1, 15);

    @Test
    void aPdsPatientAsTheApiReturnsIt() {
        String body = """
                {"resourceType":"Patient","id":"9000000009",
                 "meta":{"versionId":"2","security":[{"system":"http://terminology.hl7.org/CodeSystem/v3-Confidentiality","code":"U","display":"unrestricted"}]},
                 "identifier":[{"system":"https://fhir.nhs.uk/Id/nhs-number","value":"9000000009"}],
                 "name":[{"id":"1","use":"usual","period":{"start":"2020-01-01"},"given":["Jane","Anne"],"family":"Smith","prefix":["Mrs"],"suffix":["MBE"]},
                         {"id":"2","use":"nickname","given":["Janey"],"family":"Smith"}],
                 "gender":"female","birthDate":"2010-10-22","multipleBirthInteger":1,
                 "generalPractitioner":[{"id":"254406A3","type":"Organization","identifier":{"system":"https://fhir.nhs.uk/Id/ods-organization-code","value":"Y12345"}}],
                 "address":[{"id":"456","period":{"start":"2020-01-01","end":"2021-12-31"},"use":"home","line":["Old House"],"postalCode":"LS1 1AA"},
                            {"id":"457","period":{"start":"2022-01-01"},"use":"home","line":["1 Trevelyan Square","Boar Lane","Leeds"],"postalCode":"LS1 6AE"},
                            {"id":"458","use":"temp","line":["Holiday"]}],
                 "telecom":[{"id":"789","system":"phone","value":"01632960587","use":"home"},
                            {"id":"790","system":"email","value":"jane@example.org","use":"home","period":{"end":"2019-01-01"}},
                            {"id":"791","system":"phone","value":"07700900000","use":"mobile"}],
                 "extension":[{"url":"https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-NHSCommunication","extension":[]}]}
                """;
        PdsPatient patient = PdsR4Reader.patient(body, TODAY);
        assertThat(patient.nhsNumber()).isEqualTo("9000000009");
        assertThat(patient.versionId()).isEqualTo("2");
        assertThat(patient.sensitive()).isFalse();
        assertThat(patient.deceased()).isFalse();
        assertThat(patient.title()).isEqualTo("Mrs");
        assertThat(patient.givenNames()).containsExactly("Jane", "Anne");
        assertThat(patient.familyName()).isEqualTo("Smith");
        assertThat(patient.gender()).isEqualTo("female");
        assertThat(patient.birthDate()).isEqualTo(LocalDate.of(2010, 10, 22));
        // the current home address, not the ended one nor the temporary one
        assertThat(patient.homeAddress().lines()).containsExactly("1 Trevelyan Square", "Boar Lane", "Leeds");
        assertThat(patient.homeAddress().postalCode()).isEqualTo("LS1 6AE");
        // the ended e-mail is left out
        assertThat(patient.telecoms()).extracting(PdsPatient.Telecom::value).containsExactly("01632960587", "07700900000");
        assertThat(patient.gpOds()).isEqualTo("Y12345");
    }

    @Test
    void restrictedAndVeryRestrictedAreSensitive() {
        assertThat(PdsR4Reader.patient(minimal("\"meta\":{\"security\":[{\"code\":\"R\"}]}"), TODAY).sensitive()).isTrue();
        assertThat(PdsR4Reader.patient(minimal("\"meta\":{\"security\":[{\"code\":\"V\"}]}"), TODAY).sensitive()).isTrue();
        assertThat(PdsR4Reader.patient(minimal("\"meta\":{\"security\":[{\"code\":\"U\"}]}"), TODAY).sensitive()).isFalse();
    }

    @Test
    void deceasedIsADeceasedDateTimeOrATrueDeceasedBoolean() {
        assertThat(PdsR4Reader.patient(minimal("\"deceasedDateTime\":\"2010-10-22T00:00:00+00:00\""), TODAY).deceased()).isTrue();
        assertThat(PdsR4Reader.patient(minimal("\"deceasedBoolean\":true"), TODAY).deceased()).isTrue();
        assertThat(PdsR4Reader.patient(minimal("\"deceasedBoolean\":false"), TODAY).deceased()).isFalse();
    }

    @Test
    void aPartialBirthDateIsNoBirthDate() {
        assertThat(PdsR4Reader.patient(minimal("\"birthDate\":\"1970-05\""), TODAY).birthDate()).isNull();
        assertThat(PdsR4Reader.patient(minimal("\"birthDate\":\"1970\""), TODAY).birthDate()).isNull();
    }

    @Test
    void anOfficialNameIsUsedWhenThereIsNoUsualOne() {
        PdsPatient patient = PdsR4Reader.patient(minimal("\"name\":[{\"use\":\"old\",\"family\":\"Old\",\"period\":{\"end\":\"2000-01-01\"}},"
                + "{\"use\":\"official\",\"family\":\"Brown\",\"given\":[\"Ann\"]}]"), TODAY);
        assertThat(patient.familyName()).isEqualTo("Brown");
        assertThat(patient.givenNames()).containsExactly("Ann");
    }

    @Test
    void whatIsNotAPatientIsRefused() {
        assertThatThrownBy(() -> PdsR4Reader.patient("{\"resourceType\":\"OperationOutcome\"}", TODAY)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PdsR4Reader.patient("{\"resourceType\":\"Patient\"}", TODAY)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PdsR4Reader.patient("<html>", TODAY)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PdsR4Reader.patient("[1]", TODAY)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PdsR4Reader.patient("[".repeat(10_000), TODAY)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theCodeOfAPdsOperationOutcome() {
        assertThat(PdsR4Reader.errorCode("{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\",\"code\":\"not-found\","
                + "\"details\":{\"coding\":[{\"system\":\"https://fhir.nhs.uk/R4/CodeSystem/Spine-ErrorOrWarningCode\",\"code\":\"INVALIDATED_RESOURCE\"}]}}]}"))
                .isEqualTo("INVALIDATED_RESOURCE");
        assertThat(PdsR4Reader.errorCode("Service Unavailable")).isNull();
        assertThat(PdsR4Reader.errorCode("{}")).isNull();
    }

    @Test
    void everyRecordOfTheDoubleReadsBackAsWritten() {
        // the double's writer and this reader agree on the whole standard dataset
        for (PdsRecord record : PdsDataset.standard().records().values()) {
            PdsPatient read = PdsR4Reader.patient(record.toJson(), TODAY);
            assertThat(read.nhsNumber()).isEqualTo(record.nhsNumber());
            assertThat(read.familyName()).isEqualTo(record.family());
            assertThat(read.givenNames()).isEqualTo(record.given());
            assertThat(read.birthDate()).isEqualTo(LocalDate.parse(record.birthDate()));
            assertThat(read.deceased()).isEqualTo(record.deathDate() != null);
            assertThat(read.sensitive()).isEqualTo(record.restricted());
            assertThat(read.homeAddress() == null ? List.of() : read.homeAddress().lines())
                    .isEqualTo(record.restricted() ? List.of() : record.addressLines());
        }
    }

    private static String minimal(String more) {
        return "{\"resourceType\":\"Patient\",\"id\":\"9000000009\",\"name\":[{\"use\":\"usual\",\"family\":\"Smith\",\"given\":[\"Jane\"]}],"
                + "\"birthDate\":\"2010-10-22\"," + more + "}";
    }
}
