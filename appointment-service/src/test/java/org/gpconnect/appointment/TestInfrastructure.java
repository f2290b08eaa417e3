package org.gpconnect.appointment;

import io.quarkus.test.common.QuarkusTestResource;
import org.gpconnect.testsupport.InternalTokenResource;
import org.gpconnect.testsupport.KafkaResource;
import org.gpconnect.testsupport.PostgresResource;

/**
 * The real servers every test of this module runs against (one set per test JVM, so Quarkus starts once):
 * PostgreSQL, a Kafka broker, the internal-token key pair and the PDS test double.
 */
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = InternalTokenResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PdsDoubleResource.class, restrictToAnnotatedClass = false)
public final class TestInfrastructure {

    private TestInfrastructure() {
    }
}
