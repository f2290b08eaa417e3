package org.gpconnect.appointment.fhir;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.gpconnect.common.error.GpConnectException;
import org.gpconnect.common.error.SpineCode;
import org.hl7.fhir.dstu3.model.Patient;

/**
 * Test-only endpoints (compiled with the tests, never shipped) that put gpconnect-common's reader, writer
 * and error mapper behind a real Quarkus HTTP stack.
 */
@Path("/PROBE1")
public class FhirPipelineProbe {

    @POST
    @Path("/STU3/1/gpconnect/fhir/_probe/echo")
    public Patient echo(Patient patient) {
        return patient;
    }

    @GET
    @Path("/STU3/1/gpconnect/fhir/_probe/bug")
    public Patient bug() {
        throw new IllegalStateException("secret internal detail at org.example.Secret.method(Secret.java:42)");
    }

    @GET
    @Path("/DSTU2/1/gpconnect/fhir/_probe/not-found")
    public Patient dstu2NotFound() {
        throw new GpConnectException(SpineCode.PATIENT_NOT_FOUND, "no such patient");
    }
}
