package org.gpconnect.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.gpconnect.common.interaction.Interaction;
import org.gpconnect.gateway.accreditation.AccreditationRegistry;
import org.gpconnect.testsupport.GpConnectJwt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * foundations.md §2.2-§2.3 and security-and-audit.md §2: the SSP's accreditation checks, each a 403 with
 * the SSP's own OperationOutcome, and nothing forwarded.
 */
@QuarkusTest
class AccreditationTest {

    private static final String SSP_SYSTEM = "http://fhir.nhs.net/ValueSet/gpconnect-schedule-response-code-1-0";
    /** Accredited for metadata and migrate, but with no sharing agreement with B82617. */
    private static final String NO_AGREEMENT = "200000000777";

    @Inject
    Pool pool;

    @Inject
    AccreditationRegistry accreditations;

    @BeforeEach
    void setUp() {
        StubService.clear();
        pool.query("INSERT INTO consumer_system (asid, name) VALUES ('" + NO_AGREEMENT + "', 'no agreement') ON CONFLICT DO NOTHING;"
                + " INSERT INTO consumer_accreditation VALUES ('" + NO_AGREEMENT + "', '" + Interaction.METADATA_READ.id() + "'),"
                + " ('200000000359', '" + Interaction.MIGRATE_STRUCTURED_RECORD.id() + "') ON CONFLICT DO NOTHING")
                .execute().await().atMost(Duration.ofSeconds(10));
        accreditations.reload().await().atMost(Duration.ofSeconds(10));
    }

    @Test
    void senderNotAccreditedForTheInteraction() {
        ConsumerRequests.withHeaders(Interaction.METADATA_READ, Map.of("Ssp-From", "123456789123"))
                .when().get(ConsumerRequests.ROOT + "/metadata")
                .then().statusCode(403)
                .body("issue[0].code", equalTo("forbidden"))
                .body("issue[0].details.coding[0].system", equalTo(SSP_SYSTEM))
                .body("issue[0].details.coding[0].code", equalTo("403"))
                .body("issue[0].details.coding[0].display", equalTo("ASID_CHECK_FAILED_MESSAGESENDER_123456789123"))
                .body("issue[0].diagnostics", equalTo("ASID_CHECK_FAILED_MESSAGESENDER_123456789123"));
        assertThat(StubService.received()).isEmpty();
    }

    @Test
    void receiverNotAccreditedForTheInteraction() {
        // the HTML care record is not served on the STU3 Foundations root of B82617
        ConsumerRequests.withJwt(Interaction.HTML_CARE_RECORD, GpConnectJwt.withScope("patient/*.read"))
                .urlEncodingEnabled(false).header("Content-Type", "application/fhir+json;charset=utf-8").body("{\"resourceType\":\"Parameters\"}")
                .when().post(ConsumerRequests.ROOT + "/Patient/$gpc.getcarerecord")
                .then().statusCode(403)
                .body("issue[0].diagnostics", equalTo("PARTYKEY_INTERACTION_CHECK_FAILED_MESSAGERECEIVER_918999198738"));
        assertThat(StubService.received()).isEmpty();
    }

    @Test
    void senderWithoutASharingAgreementWithThisPractice() {
        ConsumerRequests.withHeaders(Interaction.METADATA_READ, Map.of("Ssp-From", NO_AGREEMENT))
                .when().get(ConsumerRequests.ROOT + "/metadata")
                .then().statusCode(403)
                .body("issue[0].diagnostics", equalTo("FOT_CHECK_FAILED_MESSAGESENDER_" + NO_AGREEMENT + "_MESSAGERECEIVER_918999198738"));
        assertThat(StubService.received()).isEmpty();
    }

    @Test
    void interactionsOutsideThisSuiteAreRefusedEvenToAccreditedSenders() {
        ConsumerRequests.withJwt(Interaction.MIGRATE_STRUCTURED_RECORD, GpConnectJwt.withScope("patient/*.read"))
                .urlEncodingEnabled(false).header("Content-Type", "application/fhir+json;charset=utf-8").body("{\"resourceType\":\"Parameters\"}")
                .when().post("/B82617/STU3/1/gpconnect/structured/fhir/Patient/$gpc.migratestructuredrecord")
                .then().statusCode(403)
                .body("issue[0].diagnostics", equalTo("FOT_CHECK_FAILED_MESSAGESENDER_200000000359_MESSAGERECEIVER_918999198738"));
        assertThat(StubService.received()).isEmpty();
    }
}
