package org.gpconnect.appointment.foundations;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import ca.uhn.fhir.context.FhirContext;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.util.Iterator;
import org.gpconnect.common.interaction.Interaction;
import org.gpconnect.testsupport.InternalTokens;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.Resource;

/**
 * What the Foundations and Appointments tests share: the service root, the caller, HAPI parsing and seed-data
 * look-ups.
 */
public final class FoundationsApi {

    public static final String BASE = "/B82617/STU3/1/gpconnect/fhir";
    public static final String NHS_NUMBER = "https://fhir.nhs.uk/Id/nhs-number";
    public static final String ODS_ORGANIZATION_CODE = "https://fhir.nhs.uk/Id/ods-organization-code";
    public static final String LEGACY_ODS_ORGANIZATION_CODE = "http://fhir.nhs.net/Id/ods-organization-code";
    public static final String ODS_SITE_CODE = "https://fhir.nhs.uk/Id/ods-site-code";
    public static final String SDS_USER_ID = "https://fhir.nhs.uk/Id/sds-user-id";
    public static final String SDS_ROLE_PROFILE_ID = "https://fhir.nhs.uk/Id/sds-role-profile-id";
    public static final String SD = "https://fhir.nhs.uk/STU3/StructureDefinition/";
    public static final String SEARCHSET_PROFILE = SD + "GPConnect-Searchset-Bundle-1";
    public static final String SPINE_CODES = "https://fhir.nhs.uk/STU3/CodeSystem/Spine-ErrorOrWarningCode-1";
    private static final Duration WAIT = Duration.ofSeconds(30);

    private FoundationsApi() {
    }

    /** A request as the gateway forwards it for this interaction (a valid internal token). */
    public static RequestSpecification as(Interaction interaction) {
        return given().auth().oauth2(InternalTokens.forInteraction(interaction));
    }

    /** Asserts a GP Connect error outcome with its status and Spine code. */
    public static ValidatableResponse assertOutcome(ValidatableResponse response, int status, String spineCode) {
        return response.statusCode(status)
                .header("Cache-Control", "no-store")
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].details.coding[0].system", equalTo(SPINE_CODES))
                .body("issue[0].details.coding[0].code", equalTo(spineCode));
    }

    public static Bundle bundle(String json) {
        return FhirContext.forDstu3Cached().newJsonParser().parseResource(Bundle.class, json);
    }

    public static <R extends Resource> R resource(Class<R> type, String json) {
        return FhirContext.forDstu3Cached().newJsonParser().parseResource(type, json);
    }

    /** The first column of the first row of a query on the seed data, as text (null when no row). */
    public static String scalar(Pool pool, String sql, Object... params) {
        RowSet<Row> rows = pool.preparedQuery(sql).execute(Tuple.from(params)).await().atMost(WAIT);
        Iterator<Row> it = rows.iterator();
        return it.hasNext() ? String.valueOf(it.next().getValue(0)) : null;
    }

    public static void update(Pool pool, String sql, Object... params) {
        pool.preparedQuery(sql).execute(Tuple.from(params)).await().atMost(WAIT);
    }
}
