package org.gpconnect.appointment.registration;

import static io.restassured.RestAssured.given;

import ca.uhn.fhir.context.FhirContext;
import io.restassured.response.ValidatableResponse;
import org.gpconnect.appointment.foundations.FoundationsApi;
import org.gpconnect.common.interaction.Interaction;
import org.gpconnect.testsupport.InternalTokens;
import org.hl7.fhir.dstu3.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.dstu3.model.HumanName.NameUse;
import org.hl7.fhir.dstu3.model.Parameters;
import org.hl7.fhir.dstu3.model.Patient;
import org.hl7.fhir.dstu3.model.Resource;

/** What the register-patient tests share: request bodies as a consumer builds them, and the call. */
public final class RegistrationApi {

    public static final String REGISTER = FoundationsApi.BASE + "/Patient/$gpc.registerpatient";
    public static final String PATIENT_PROFILE = FoundationsApi.SD + "CareConnect-GPC-Patient-1";
    public static final String FHIR_JSON = "application/fhir+json;charset=utf-8";
    private static final FhirContext FHIR = FhirContext.forDstu3Cached();

    private RegistrationApi() {
    }

    /** The minimum a consumer must send (foundations.md §9.2): profile, NHS number, official name, birth date. */
    public static Patient patient(String nhsNumber, String family, String given, String birthDate) {
        Patient patient = new Patient();
        patient.getMeta().addProfile(PATIENT_PROFILE);
        patient.addIdentifier().setSystem(FoundationsApi.NHS_NUMBER).setValue(nhsNumber);
        patient.addName().setUse(NameUse.OFFICIAL).setFamily(family).addGiven(given);
        patient.setBirthDateElement(new org.hl7.fhir.dstu3.model.DateType(birthDate));
        return patient;
    }

    public static Patient patient(String nhsNumber, String family, String given, String gender, String birthDate) {
        return patient(nhsNumber, family, given, birthDate).setGender(AdministrativeGender.fromCode(gender));
    }

    /** {@code Parameters} with the one parameter {@code registerPatient}. */
    public static Parameters parameters(Resource patient) {
        Parameters parameters = new Parameters();
        parameters.addParameter().setName("registerPatient").setResource(patient);
        return parameters;
    }

    public static String json(Resource resource) {
        return FHIR.newJsonParser().encodeResourceToString(resource);
    }

    public static String xml(Resource resource) {
        return FHIR.newXmlParser().encodeResourceToString(resource);
    }

    public static ValidatableResponse register(Patient patient) {
        return register(json(parameters(patient)));
    }

    public static ValidatableResponse register(String body) {
        // the $ as consumers send it: never percent-encoded (foundations.md §1 "no normalisation")
        return given().urlEncodingEnabled(false).auth().oauth2(InternalTokens.forInteraction(Interaction.REGISTER_PATIENT))
                .contentType(FHIR_JSON).body(body)
                .when().post(REGISTER).then();
    }
}
