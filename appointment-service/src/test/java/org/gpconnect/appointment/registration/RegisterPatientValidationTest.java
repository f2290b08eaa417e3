package org.gpconnect.appointment.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gpconnect.appointment.foundations.FoundationsApi.assertOutcome;
import static org.gpconnect.appointment.registration.RegistrationApi.json;
import static org.gpconnect.appointment.registration.RegistrationApi.parameters;
import static org.gpconnect.appointment.registration.RegistrationApi.register;

import io.quarkus.test.junit.QuarkusTest;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.gpconnect.appointment.PdsDoubleResource;
import org.gpconnect.appointment.foundations.FoundationsApi;
import org.hl7.fhir.dstu3.model.Address;
import org.hl7.fhir.dstu3.model.Appointment;
import org.hl7.fhir.dstu3.model.BooleanType;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.ContactPoint;
import org.hl7.fhir.dstu3.model.DateType;
import org.hl7.fhir.dstu3.model.Extension;
import org.hl7.fhir.dstu3.model.HumanName;
import org.hl7.fhir.dstu3.model.Parameters;
import org.hl7.fhir.dstu3.model.Patient;
import org.hl7.fhir.dstu3.model.Reference;
import org.hl7.fhir.dstu3.model.StringType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * foundations.md §9.2, the request table: the required elements, the SHOULD/MAY elements' limits and "anything else
 * must not be sent", each a 422 INVALID_RESOURCE; an NHS number that is not one, 400 INVALID_NHS_NUMBER. None of
 * these requests reaches PDS or writes anything.
 */
@QuarkusTest
class RegisterPatientValidationTest {

    /** HOLT Kerry, a register candidate: valid as sent by {@link #valid()}. */
    private static final String NHS_NUMBER = "9651258640";
    private static final String SD = FoundationsApi.SD;

    static Patient valid() {
        return RegistrationApi.patient(NHS_NUMBER, "HOLT", "Kerry", "female", "1923-01-26");
    }

    static Stream<Arguments> invalidPatients() {
        return Stream.of(
                // required (§9.2 "required (for PDS trace)")
                Arguments.of("no meta.profile", (Consumer<Patient>) p -> p.getMeta().getProfile().clear()),
                Arguments.of("another profile", (Consumer<Patient>) p -> p.getMeta().getProfile().get(0).setValue(SD + "CareConnect-Patient-1")),
                Arguments.of("no NHS number identifier", (Consumer<Patient>) p -> p.getIdentifier().clear()),
                Arguments.of("two NHS number identifiers", (Consumer<Patient>) p -> p.addIdentifier()
                        .setSystem(FoundationsApi.NHS_NUMBER).setValue("9651258640")),
                Arguments.of("an identifier of another system", (Consumer<Patient>) p -> p.addIdentifier()
                        .setSystem("https://example.org/local-id").setValue("123")),
                Arguments.of("no name", (Consumer<Patient>) p -> p.getName().clear()),
                Arguments.of("a usual, not official, name", (Consumer<Patient>) p -> p.getNameFirstRep().setUse(HumanName.NameUse.USUAL)),
                Arguments.of("two official names", (Consumer<Patient>) p -> p.addName().setUse(HumanName.NameUse.OFFICIAL)
                        .setFamily("HOLT").addGiven("K")),
                Arguments.of("no family name", (Consumer<Patient>) p -> p.getNameFirstRep().setFamily(null)),
                Arguments.of("no given name", (Consumer<Patient>) p -> p.getNameFirstRep().getGiven().clear()),
                Arguments.of("no birth date", (Consumer<Patient>) p -> p.setBirthDateElement(null)),
                Arguments.of("a partial birth date", (Consumer<Patient>) p -> p.setBirthDateElement(new DateType("1923-01"))),
                // SHOULD/MAY limits
                Arguments.of("two home addresses", (Consumer<Patient>) p -> {
                    p.addAddress().setUse(Address.AddressUse.HOME).addLine("1 A Street");
                    p.addAddress().setUse(Address.AddressUse.HOME).addLine("2 B Street");
                }),
                Arguments.of("a work address", (Consumer<Patient>) p -> p.addAddress().setUse(Address.AddressUse.WORK).addLine("1 A Street")),
                Arguments.of("two temporary addresses", (Consumer<Patient>) p -> {
                    p.addAddress().setUse(Address.AddressUse.TEMP).addLine("1 A Street");
                    p.addAddress().setUse(Address.AddressUse.TEMP).addLine("2 B Street");
                }),
                Arguments.of("an address with text", (Consumer<Patient>) p -> p.addAddress().setUse(Address.AddressUse.HOME)
                        .setText("1 A Street, Leeds")),
                Arguments.of("a phone number without use", (Consumer<Patient>) p -> p.addTelecom()
                        .setSystem(ContactPoint.ContactPointSystem.PHONE).setValue("0113 000 0000")),
                Arguments.of("two mobile numbers", (Consumer<Patient>) p -> {
                    p.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setUse(ContactPoint.ContactPointUse.MOBILE).setValue("07700 900001");
                    p.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setUse(ContactPoint.ContactPointUse.MOBILE).setValue("07700 900002");
                }),
                Arguments.of("two e-mail addresses", (Consumer<Patient>) p -> {
                    p.addTelecom().setSystem(ContactPoint.ContactPointSystem.EMAIL).setValue("a@example.org");
                    p.addTelecom().setSystem(ContactPoint.ContactPointSystem.EMAIL).setValue("b@example.org");
                }),
                Arguments.of("a fax number", (Consumer<Patient>) p -> p.addTelecom().setSystem(ContactPoint.ContactPointSystem.FAX)
                        .setUse(ContactPoint.ContactPointUse.WORK).setValue("0113 000 0000")),
                Arguments.of("two nhsCommunication extensions", (Consumer<Patient>) p -> {
                    p.addExtension(communication("en"));
                    p.addExtension(communication("de"));
                }),
                Arguments.of("nhsCommunication without a language", (Consumer<Patient>) p -> p.addExtension(
                        complex(SD + "Extension-CareConnect-GPC-NHSCommunication-1", "interpreterRequired", new BooleanType(true)))),
                // anything else (§9.2 "must not be sent"; §4 providers reject extra elements in write payloads)
                Arguments.of("registration details", (Consumer<Patient>) p -> p.addExtension(
                        complex(SD + "Extension-CareConnect-GPC-RegistrationDetails-1", "registrationType",
                                new CodeableConcept().setText("Temporary")))),
                Arguments.of("an unknown extension", (Consumer<Patient>) p -> p.addExtension(
                        new Extension("https://example.org/ext", new StringType("x")))),
                Arguments.of("maritalStatus", (Consumer<Patient>) p -> p.setMaritalStatus(new CodeableConcept().setText("Single"))),
                Arguments.of("active", (Consumer<Patient>) p -> p.setActive(true)),
                Arguments.of("deceased", (Consumer<Patient>) p -> p.setDeceased(new BooleanType(false))),
                Arguments.of("multipleBirth", (Consumer<Patient>) p -> p.setMultipleBirth(new BooleanType(false))),
                Arguments.of("generalPractitioner", (Consumer<Patient>) p -> p.addGeneralPractitioner(new Reference("Practitioner/1"))),
                Arguments.of("managingOrganization", (Consumer<Patient>) p -> p.setManagingOrganization(new Reference("Organization/1"))),
                Arguments.of("contact", (Consumer<Patient>) p -> p.addContact().addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE)
                        .setValue("0113 000 0000")),
                Arguments.of("communication", (Consumer<Patient>) p -> p.addCommunication().setLanguage(new CodeableConcept().setText("en"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidPatients")
    void invalidPatientIs422InvalidResource(String description, Consumer<Patient> change) {
        Patient patient = valid();
        change.accept(patient);
        assertOutcome(register(patient), 422, "INVALID_RESOURCE")
                .body("issue[0].diagnostics", org.hamcrest.Matchers.not(org.hamcrest.Matchers.emptyOrNullString()));
        assertNothingHappened();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1234567891", "hello", "969093727", "96909372788", "9999999990", "34555##4"})
    void anInvalidNhsNumberIs400InvalidNhsNumber(String nhsNumber) {
        Patient patient = valid();
        patient.getIdentifierFirstRep().setValue(nhsNumber);
        assertOutcome(register(patient), 400, "INVALID_NHS_NUMBER");
        assertNothingHappened();
    }

    static Stream<Arguments> invalidParameters() {
        Parameters two = parameters(valid());
        two.addParameter().setName("registerPatient").setResource(valid());
        Parameters misnamed = new Parameters();
        misnamed.addParameter().setName("patient").setResource(valid());
        Parameters noResource = new Parameters();
        noResource.addParameter().setName("registerPatient");
        Parameters appointment = new Parameters();
        appointment.addParameter().setName("registerPatient").setResource(new Appointment().setStatus(Appointment.AppointmentStatus.BOOKED));
        Parameters extra = parameters(valid());
        extra.addParameter().setName("registerAppointment").setValue(new StringType("x"));
        Parameters withValue = parameters(valid());
        withValue.getParameterFirstRep().setValue(new StringType("x"));
        return Stream.of(
                Arguments.of("no parameter", json(new Parameters())),
                Arguments.of("registerPatient twice", json(two)),
                Arguments.of("another parameter name", json(misnamed)),
                Arguments.of("no resource", json(noResource)),
                Arguments.of("a resource that is not a Patient", json(appointment)),
                Arguments.of("a second, unknown parameter", json(extra)),
                Arguments.of("a parameter with a resource and a value", json(withValue)),
                Arguments.of("a Patient instead of Parameters", json(valid())),
                Arguments.of("an unknown element in the Patient", json(parameters(valid())).replace("\"birthDate\"", "\"favouriteColour\":\"blue\",\"birthDate\"")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidParameters")
    void invalidParametersAre422InvalidResource(String description, String body) {
        assertOutcome(register(body), 422, "INVALID_RESOURCE");
        assertNothingHappened();
    }

    private static Extension communication(String language) {
        CodeableConcept concept = new CodeableConcept();
        concept.addCoding().setSystem("https://fhir.nhs.uk/STU3/CodeSystem/CareConnect-HumanLanguage-1").setCode(language);
        return complex(SD + "Extension-CareConnect-GPC-NHSCommunication-1", "language", concept);
    }

    private static Extension complex(String url, String part, org.hl7.fhir.dstu3.model.Type value) {
        Extension extension = new Extension(url);
        extension.addExtension(part, value);
        return extension;
    }

    private static void assertNothingHappened() {
        assertThat(PdsDoubleResource.pds().requestsFor(NHS_NUMBER)).isEmpty();
    }
}
