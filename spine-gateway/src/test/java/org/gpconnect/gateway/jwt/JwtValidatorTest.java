package org.gpconnect.gateway.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.function.Consumer;
import org.gpconnect.common.error.GpConnectException;
import org.gpconnect.common.fhir.FhirVersion;
import org.gpconnect.common.interaction.Interaction;
import org.gpconnect.testsupport.GpConnectJwt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** foundations.md §3.2, row by row: each faulty token alone, and the variants that must be accepted. */
class JwtValidatorTest {

    private static final Instant NOW = Instant.now();

    private static GpConnectJwt valid() {
        return GpConnectJwt.withScope("organization/*.read", NOW);
    }

    private static void judge(GpConnectJwt token, Interaction interaction, FhirVersion version) {
        JwtValidator.validate(ConsumerJwtDecoder.decode(token.bearer()), new JwtContext(interaction, version, NOW));
    }

    private static GpConnectException rejected(GpConnectJwt token) {
        return rejected(token.bearer(), Interaction.METADATA_READ);
    }

    private static GpConnectException rejected(String authorization, Interaction interaction) {
        return catchThrowableOfType(GpConnectException.class, () -> JwtValidator.validate(
                ConsumerJwtDecoder.decode(authorization), new JwtContext(interaction, FhirVersion.STU3, NOW)));
    }

    private static void assertBadRequest(GpConnectException e) {
        assertThat(e).as("rejected").isNotNull();
        assertThat(e.httpStatus()).isEqualTo(400);
        assertThat(e.spineCode().code()).isEqualTo("BAD_REQUEST");
    }

    private static void assertInvalidResource(GpConnectException e) {
        assertThat(e).as("rejected").isNotNull();
        assertThat(e.httpStatus()).isEqualTo(422);
        assertThat(e.spineCode().code()).isEqualTo("INVALID_RESOURCE");
    }

    @Test
    void theTestPacksTokenIsAccepted() {
        assertThatCode(() -> judge(valid(), Interaction.METADATA_READ, FhirVersion.STU3)).doesNotThrowAnyException();
    }

    // --- Authorization header and token form ---

    @ParameterizedTest
    @ValueSource(strings = {"", "Bearer", "Bearer ", "Basic dXNlcjpwYXNz", "bearer eyJ.eyJ.", "BearereyJhbGciOiJub25lIn0.e30."})
    void authorizationNotBearerAToken(String authorization) {
        assertBadRequest(rejected(authorization, Interaction.METADATA_READ));
    }

    @Test
    void authorizationMissing() {
        assertBadRequest(rejected((String) null, Interaction.METADATA_READ));
    }

    @Test
    void notBase64Url() {
        String token = valid().encode();
        assertBadRequest(rejected("Bearer " + token.replace('-', '+').replace('_', '/').replaceFirst("\\.", "+."), Interaction.METADATA_READ));
        assertBadRequest(rejected("Bearer " + token.substring(0, token.indexOf('.')) + "==." + token.substring(token.indexOf('.') + 1),
                Interaction.METADATA_READ));
    }

    @Test
    void signedTokenIsRejected() {
        assertBadRequest(rejected("Bearer " + valid().encode() + "c2lnbmF0dXJl", Interaction.METADATA_READ));
    }

    @Test
    void wrongNumberOfParts() {
        String token = valid().encode();
        assertBadRequest(rejected("Bearer " + token.substring(0, token.length() - 1), Interaction.METADATA_READ));
        assertBadRequest(rejected("Bearer " + token + "x.", Interaction.METADATA_READ));
        assertBadRequest(rejected("Bearer " + token.substring(token.indexOf('.')), Interaction.METADATA_READ));
    }

    @Test
    void partsThatAreNotJsonObjects() {
        String claims = valid().encode().split("\\.")[1];
        assertBadRequest(rejected("Bearer " + GpConnectJwt.part("not json") + "." + claims + ".", Interaction.METADATA_READ));
        assertBadRequest(rejected("Bearer " + GpConnectJwt.part("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "."
                + GpConnectJwt.part("[1,2]") + ".", Interaction.METADATA_READ));
        assertBadRequest(rejected("Bearer " + GpConnectJwt.part("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "."
                + GpConnectJwt.part("{\"iss\":\"a\"} trailing") + ".", Interaction.METADATA_READ));
    }

    // --- JOSE header ---

    @ParameterizedTest
    @CsvSource({"alg, HS256", "alg, RS256", "alg, NONE", "typ, jwt", "typ, JWS"})
    void headerNotUnsignedJwt(String key, String value) {
        assertBadRequest(rejected(valid().header(h -> h.put(key, value))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"alg", "typ"})
    void headerKeyMissing(String key) {
        assertBadRequest(rejected(valid().header(h -> h.remove(key))));
    }

    @Test
    void unknownHeaderKey() {
        assertBadRequest(rejected(valid().header(h -> h.put("kid", "key-1"))));
    }

    // --- required claims ---

    @ParameterizedTest
    @ValueSource(strings = {"iss", "sub", "aud", "exp", "iat", "reason_for_request", "requested_scope",
            "requesting_device", "requesting_organization", "requesting_practitioner"})
    void claimMissing(String claim) {
        assertBadRequest(rejected(valid().claims(c -> c.remove(claim))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"iss", "sub", "aud", "exp", "iat", "reason_for_request", "requested_scope",
            "requesting_device", "requesting_organization", "requesting_practitioner"})
    void claimNull(String claim) {
        assertBadRequest(rejected(valid().claims(c -> c.putNull(claim))));
    }

    @ParameterizedTest
    @CsvSource({"requesting_device, identifier", "requesting_device, model", "requesting_device, version",
            "requesting_organization, name", "requesting_organization, identifier",
            "requesting_practitioner, id", "requesting_practitioner, identifier"})
    void claimResourceElementMissing(String claim, String element) {
        assertBadRequest(rejected(valid().claims(c -> ((ObjectNode) c.get(claim)).remove(element))));
    }

    @Test
    void practitionerNameFamilyOrGivenMissing() {
        assertBadRequest(rejected(valid().claims(c -> name(c).remove("family"))));
        assertBadRequest(rejected(valid().claims(c -> name(c).remove("given"))));
        assertBadRequest(rejected(valid().claims(c -> ((ObjectNode) c.get("requesting_practitioner")).remove("name"))));
    }

    @Test
    void organizationWithoutAnOdsIdentifier() {
        assertBadRequest(rejected(valid().claims(c -> ((ObjectNode) c.get("requesting_organization").get("identifier").get(0))
                .put("system", "https://example.org/not-ods"))));
    }

    @Test
    void practitionerWithoutAnSdsUserIdIdentifier() {
        assertBadRequest(rejected(valid().claims(c -> ((ObjectNode) c.get("requesting_practitioner").get("identifier").get(0))
                .put("system", "https://example.org/local-user"))));
    }

    // --- claim JSON types ---

    @Test
    void timesAsTextAreBadRequestNotServerErrors() {
        assertBadRequest(rejected(valid().claims(c -> c.put("exp", "1700000300"))));
        assertBadRequest(rejected(valid().claims(c -> c.put("iat", "now"))));
        assertBadRequest(rejected(valid().claims(c -> c.put("exp", 1.5))));
    }

    @Test
    void numbersTooLargeForALong() {
        assertBadRequest(rejected(valid().claims(c -> c.put("exp", new java.math.BigInteger("99999999999999999999999")))));
    }

    @Test
    void claimResourceAsStringOrArray() {
        assertBadRequest(rejected(valid().claims(c -> c.put("requesting_device", "{\"resourceType\":\"Device\"}"))));
        assertBadRequest(rejected(valid().claims(c -> c.putArray("requesting_practitioner"))));
        assertBadRequest(rejected(valid().claims(c -> c.put("iss", 42))));
    }

    // --- FHIR validity of the claim resources: 422 ---

    @ParameterizedTest
    @CsvSource({"requesting_device, Patient", "requesting_organization, Device", "requesting_practitioner, Organization"})
    void claimResourceOfTheWrongType(String claim, String wrongType) {
        assertInvalidResource(rejected(valid().claims(c -> ((ObjectNode) c.get(claim)).put("resourceType", wrongType))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"requesting_device", "requesting_organization", "requesting_practitioner"})
    void claimResourceWithAnElementUnknownToFhir(String claim) {
        assertInvalidResource(rejected(valid().claims(c -> ((ObjectNode) c.get(claim)).put("favouriteColour", "blue"))));
    }

    @Test
    void claimResourceWithAnInvalidCode() {
        assertInvalidResource(rejected(valid().claims(c -> ((ObjectNode) c.get("requesting_practitioner")).put("gender", "sometimes"))));
    }

    // --- timing ---

    @ParameterizedTest
    @ValueSource(longs = {299, 301, 0, 600, -300})
    void expNotIatPlus300(long lifetime) {
        assertBadRequest(rejected(valid().claims(c -> c.put("exp", c.get("iat").asLong() + lifetime))));
    }

    @Test
    void expired() {
        GpConnectJwt old = GpConnectJwt.withScope("organization/*.read", NOW.minusSeconds(600));
        assertBadRequest(rejected(old));
    }

    @Test
    void expiringThisSecondIsExpired() {
        GpConnectJwt old = GpConnectJwt.withScope("organization/*.read", NOW.minusSeconds(300));
        assertBadRequest(rejected(old));
    }

    @Test
    void issuedInTheFutureIsAccepted() {
        assertThatCode(() -> judge(GpConnectJwt.withScope("organization/*.read", NOW.plusSeconds(200)),
                Interaction.METADATA_READ, FhirVersion.STU3)).doesNotThrowAnyException();
    }

    // --- reason, scope, subject ---

    @ParameterizedTest
    @ValueSource(strings = {"migration", "DirectCare", "secondaryuses", "directcare "})
    void reasonNotDirectCare(String reason) {
        assertBadRequest(rejected(valid().claims(c -> c.put("reason_for_request", reason))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"patient/*.read", "organization/*.write", "organization/*", "system/*.read",
            "organization/*.read conf/R", "organization/*.read conf/X", "organization/*.read conf/N extra"})
    void scopeNotPermittedForMetadata(String scope) {
        assertBadRequest(rejected(valid().claims(c -> c.put("requested_scope", scope))));
    }

    @Test
    void scopeReadVersusWriteMustMatchTheInteraction() {
        assertBadRequest(rejected(GpConnectJwt.withScope("patient/*.read", NOW).bearer(), Interaction.APPOINTMENT_CREATE));
        assertBadRequest(rejected(GpConnectJwt.withScope("patient/*.write", NOW).bearer(), Interaction.PATIENT_READ));
        assertBadRequest(rejected(GpConnectJwt.withScope("organization/*.read", NOW).bearer(), Interaction.STRUCTURED_RECORD));
    }

    @Test
    void confNSuffixIsAccepted() {
        assertThatCode(() -> judge(valid().claims(c -> c.put("requested_scope", "organization/*.read conf/N")),
                Interaction.METADATA_READ, FhirVersion.STU3)).doesNotThrowAnyException();
    }

    @Test
    void subjectMustBeThePractitionersId() {
        assertBadRequest(rejected(valid().claims(c -> c.put("sub", "someone-else"))));
    }

    // --- what must be accepted ---

    @Test
    void unknownSdsIdsAreAccepted() {
        assertThatCode(() -> judge(valid().claims(c -> c.get("requesting_practitioner").get("identifier")
                .forEach(id -> ((ObjectNode) id).put("value", "UNK"))), Interaction.METADATA_READ, FhirVersion.STU3))
                .doesNotThrowAnyException();
    }

    @Test
    void practitionerWithoutRoleProfileOrLocalIdIsAccepted() {
        assertThatCode(() -> judge(valid().claims(c -> {
            var ids = (com.fasterxml.jackson.databind.node.ArrayNode) c.get("requesting_practitioner").get("identifier");
            ids.remove(2);
            ids.remove(1);
        }), Interaction.METADATA_READ, FhirVersion.STU3)).doesNotThrowAnyException();
    }

    @Test
    void legacyOdsSystemIsAccepted() {
        assertThatCode(() -> judge(valid().claims(c -> ((ObjectNode) c.get("requesting_organization").get("identifier").get(0))
                .put("system", "http://fhir.nhs.net/Id/ods-organization-code")), Interaction.METADATA_READ, FhirVersion.STU3))
                .doesNotThrowAnyException();
    }

    @Test
    void audienceIsCheckedForPresenceOnly() {
        assertThatCode(() -> judge(valid().claims(c -> c.put("aud", "https://provider.example/B82617/STU3/1")),
                Interaction.METADATA_READ, FhirVersion.STU3)).doesNotThrowAnyException();
    }

    // --- requested_record (0.x) ---

    @Test
    void requestedRecordIsRefusedOnA1xRoot() {
        assertBadRequest(rejected(valid().claims(c -> c.putObject("requested_record").put("resourceType", "Patient"))));
    }

    @Test
    void requestedRecordIsRequiredOnTheDstu2Root() {
        GpConnectException e = catchThrowableOfType(GpConnectException.class, () -> judge(
                dstu2Token("patient/*.read", null), Interaction.HTML_CARE_RECORD, FhirVersion.DSTU2));
        assertBadRequest(e);
    }

    @Test
    void dstu2TokenWithRequestedRecordIsAccepted() {
        assertThatCode(() -> judge(dstu2Token("patient/*.read", "Patient"), Interaction.HTML_CARE_RECORD, FhirVersion.DSTU2))
                .doesNotThrowAnyException();
        assertThatCode(() -> judge(dstu2Token("organization/*.read", "Organization"), Interaction.HTML_METADATA_READ, FhirVersion.DSTU2))
                .doesNotThrowAnyException();
    }

    @Test
    void dstu2RequestedRecordOfTheWrongTypeIs422() {
        assertInvalidResource(catchThrowableOfType(GpConnectException.class, () -> judge(
                dstu2Token("patient/*.read", "Organization"), Interaction.HTML_CARE_RECORD, FhirVersion.DSTU2)));
    }

    /** The 0.x token: DSTU2 claim resources (ids, single HumanName with family array), 0.x systems. */
    private static GpConnectJwt dstu2Token(String scope, String requestedRecordType) {
        Consumer<ObjectNode> to0x = c -> {
            ObjectNode device = (ObjectNode) c.get("requesting_device");
            device.put("id", "1");
            ObjectNode org = (ObjectNode) c.get("requesting_organization");
            org.put("id", "1");
            ((ObjectNode) org.get("identifier").get(0)).put("system", "http://fhir.nhs.net/Id/ods-organization-code");
            ObjectNode practitioner = (ObjectNode) c.get("requesting_practitioner");
            practitioner.remove("name");
            ObjectNode name = practitioner.putObject("name");
            name.putArray("family").add("Assurance");
            name.putArray("given").add("Test");
            var ids = practitioner.putArray("identifier");
            ids.addObject().put("system", "http://fhir.nhs.net/sds-user-id").put("value", "GCASDS0001");
            if (requestedRecordType != null) {
                ObjectNode record = c.putObject("requested_record");
                record.put("resourceType", requestedRecordType);
                var id = record.putArray("identifier").addObject();
                if (requestedRecordType.equals("Patient")) {
                    id.put("system", "http://fhir.nhs.net/Id/nhs-number").put("value", "9690937286");
                } else {
                    id.put("system", "http://fhir.nhs.net/Id/ods-organization-code").put("value", "B82617");
                }
            }
        };
        return GpConnectJwt.withScope(scope, NOW).claims(to0x);
    }

    private static ObjectNode name(ObjectNode claims) {
        return (ObjectNode) claims.get("requesting_practitioner").get("name").get(0);
    }
}
