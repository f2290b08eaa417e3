package org.gpconnect.testsupport;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import org.junit.jupiter.api.Test;

/**
 * What every service's probes promise Kubernetes: readiness covers PostgreSQL and Kafka, liveness touches
 * no dependency, Prometheus metrics are served. Each module runs it with
 * {@code @QuarkusTest class HealthTest extends ServiceHealthContract {}}.
 */
public abstract class ServiceHealthContract {

    @Test
    void readinessCoversTheDatabaseAndKafka() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Reactive PostgreSQL connections health check", "Kafka connection health check"));
    }

    @Test
    void livenessIsUpAndChecksNoDependency() {
        given().when().get("/q/health/live").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", org.hamcrest.Matchers.not(hasItems("Reactive PostgreSQL connections health check")))
                .body("checks.name", org.hamcrest.Matchers.not(hasItems("Kafka connection health check")));
    }

    @Test
    void prometheusMetrics() {
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }
}
