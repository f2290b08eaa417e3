package org.gpconnect.senddocument;

import io.quarkus.test.junit.QuarkusTest;
import org.gpconnect.testsupport.ServiceHealthContract;

/** The probes' contract (readiness: PostgreSQL and Kafka; liveness: nothing external; metrics). */
@QuarkusTest
class HealthTest extends ServiceHealthContract {
}
