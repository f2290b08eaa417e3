package org.gpconnect.appointment.admin;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;
import java.util.Set;
import org.gpconnect.testsupport.InternalTokens;

/** What the admin API tests share: the practice's paths and a caller with role practice-admin. */
public final class AdminApi {

    public static final String PRACTICE = "/admin/practices/B82617";
    public static final String SCHEDULES = PRACTICE + "/schedules";
    public static final String ROLL = PRACTICE + "/slots:roll";
    public static final String APPOINTMENTS = PRACTICE + "/appointments";
    public static final String SWITCHES = PRACTICE + "/switches";
    public static final String OPERATOR = "practice-manager-1";

    private AdminApi() {
    }

    /** The practice's staff: an operator token with role practice-admin. */
    public static RequestSpecification admin() {
        return given().urlEncodingEnabled(false).auth().oauth2(InternalTokens.operator(OPERATOR, Set.of("practice-admin")))
                .contentType("application/json");
    }
}
