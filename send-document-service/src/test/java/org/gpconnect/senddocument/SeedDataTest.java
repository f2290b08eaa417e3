package org.gpconnect.senddocument;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The migrations ran and this service's part of the standard dataset (testdata/patients.yaml: the registered-patient index documents are matched against) is loaded. */
@QuarkusTest
class SeedDataTest {

    @Inject
    Pool pool;

    @Test
    void registeredPatientIndexIsSeeded() {
        assertThat(count("SELECT count(*) FROM registered_patient WHERE practice_ods = 'B82617'")).isEqualTo(21);
        // deceased and inactive registrations cannot receive documents
        assertThat(count("SELECT count(*) FROM registered_patient WHERE NOT active")).isEqualTo(2);
    }

    @Test
    void everyPathButTheProbesNeedsTheGatewaysToken() {
        given().when().get("/practice/B82617/inbox").then().statusCode(401);
    }

    private int count(String sql) {
        return pool.query(sql).execute().await().atMost(Duration.ofSeconds(30)).iterator().next().getLong(0).intValue();
    }
}
