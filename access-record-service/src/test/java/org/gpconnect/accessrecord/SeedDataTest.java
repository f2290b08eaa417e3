package org.gpconnect.accessrecord;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The migrations ran and this service's part of the standard dataset (testdata/patients.yaml) is loaded. */
@QuarkusTest
class SeedDataTest {

    @Inject
    Pool pool;

    @Test
    void patientsAndTheirSharingFlagsAreSeeded() {
        assertThat(count("SELECT count(*) FROM patient WHERE practice_ods = 'B82617'")).isEqualTo(21);
        assertThat(count("SELECT count(*) FROM patient WHERE sensitive")).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM patient WHERE NOT consent_to_share AND nhs_number = '9690938576'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM patient WHERE deceased_date IS NOT NULL")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM patient WHERE registration_status = 'inactive'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM patient WHERE NOT on_spine AND nhs_number = '9476718943'")).isEqualTo(1);
    }

    @Test
    void nothingIsServedWithoutTheGatewaysToken() {
        given().when().get("/B82617/STU3/1/gpconnect/structured/fhir/metadata").then().statusCode(401);
    }

    private int count(String sql) {
        return pool.query(sql).execute().await().atMost(Duration.ofSeconds(30)).iterator().next().getLong(0).intValue();
    }
}
