package org.gpconnect.gateway.viewer;

import java.util.Optional;
import org.gpconnect.common.identifier.NhsNumber;
import org.gpconnect.common.interaction.Capability;
import org.gpconnect.common.interaction.RecordSection;
import org.gpconnect.gateway.routing.EndpointRegistry;
import org.gpconnect.gateway.routing.ProviderEndpoint;

/**
 * What the page asks to render ({@code POST /viewer/api/render}), checked the way a careful consumer system
 * checks its own input before it calls GP Connect: a practice with an HTML service root, a valid NHS
 * number, a known section, and dates only where the section takes them.
 */
public record RenderRequest(String practice, String nhsNumber, String section, String from, String to) {

    /** The checked query; a 400 (or 404 for a practice without an HTML service root) naming the field otherwise. */
    public CareRecordQuery validate(EndpointRegistry registry) {
        if (blank(practice)) {
            throw ViewerProblem.badInput("Choose a practice");
        }
        ProviderEndpoint endpoint = registry.serving(Capability.ACCESS_RECORD_HTML).stream()
                .filter(e -> e.odsCode().equals(practice)).findFirst()
                .orElseThrow(() -> new ViewerProblem(404, "No practice " + practice
                        + " with an Access Record HTML service root is registered at this gateway"));
        String number = nhsNumber == null ? "" : nhsNumber.replace(" ", "");
        if (!NhsNumber.isValid(number)) {
            throw ViewerProblem.badInput("'" + (nhsNumber == null ? "" : nhsNumber)
                    + "' is not a valid NHS number (ten digits, the last a modulus-11 check digit)");
        }
        if (blank(section)) {
            throw ViewerProblem.badInput("Choose a record section");
        }
        RecordSection recordSection = RecordSection.byCode(section).orElseThrow(() -> ViewerProblem.badInput(
                "'" + section + "' is not a record section of Access Record HTML 0.7.4"));
        PartialDate start = blank(from) ? null : PartialDate.parse("from", from.strip());
        PartialDate end = blank(to) ? null : PartialDate.parse("to", to.strip());
        if ((start != null || end != null) && !recordSection.dateFilterAllowed()) {
            throw ViewerProblem.badInput(recordSection.title() + " takes no date range (access-record-html.md §1.2)");
        }
        if (start != null && end != null && start.firstDay().isAfter(end.lastDay())) {
            throw ViewerProblem.badInput("'from' is after 'to'");
        }
        return new CareRecordQuery(endpoint, number, recordSection, start, end);
    }

    private static boolean blank(String value) {
        return Optional.ofNullable(value).map(String::isBlank).orElse(true);
    }
}
