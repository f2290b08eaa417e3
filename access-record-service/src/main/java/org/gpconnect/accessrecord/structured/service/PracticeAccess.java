package org.gpconnect.accessrecord.structured.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Predicate;
import org.gpconnect.accessrecord.record.PracticeSettings;
import org.gpconnect.accessrecord.structured.repository.PracticeRepository;
import org.gpconnect.common.error.GpConnectException;
import org.gpconnect.common.error.SpineCode;

/**
 * The practice a request addresses, if this deployment serves it (else 404 {@code ORGANISATION_NOT_FOUND})
 * and has GP Connect and the capability (Access Record Structured or HTML) switched on there (else 403 {@code ACCESS DENIED},
 * foundations.md §6, checked before the body is read: §2.4 step 7).
 */
@ApplicationScoped
public class PracticeAccess {

    private final PracticeRepository practices;

    public PracticeAccess(PracticeRepository practices) {
        this.practices = practices;
    }

    public Uni<PracticeSettings> requireStructured(String odsCode) {
        return require(odsCode, PracticeSettings::structuredEnabled, "Access Record Structured");
    }

    /** The same checks for Access Record HTML (access-record-html.md, the practice's {@code html_enabled}). */
    public Uni<PracticeSettings> requireHtml(String odsCode) {
        return require(odsCode, PracticeSettings::htmlEnabled, "Access Record HTML");
    }

    private Uni<PracticeSettings> require(String odsCode, Predicate<PracticeSettings> capabilityEnabled, String capability) {
        return practices.find(odsCode).map(found -> {
            PracticeSettings practice = found.orElseThrow(() -> new GpConnectException(SpineCode.ORGANISATION_NOT_FOUND,
                    "This service does not serve an organisation with ODS code " + odsCode));
            if (!practice.gpConnectEnabled()) {
                throw new GpConnectException(SpineCode.ACCESS_DENIED, "GP Connect is not enabled at this practice");
            }
            if (!capabilityEnabled.test(practice)) {
                throw new GpConnectException(SpineCode.ACCESS_DENIED, capability + " is not enabled at this practice");
            }
            if (practice.organizationId() == null) {
                // §3: data insufficient to build a valid resource (the Patient's managing organisation)
                throw new GpConnectException(SpineCode.INTERNAL_SERVER_ERROR, "The practice has no Organization record");
            }
            return practice;
        });
    }
}
