package org.gpconnect.gateway.viewer;

import org.gpconnect.common.interaction.RecordSection;
import org.gpconnect.gateway.routing.ProviderEndpoint;

/**
 * One validated rendering: the practice's HTML service root, the patient, the section and, for sections
 * that take one, an optional date range (either end may be null).
 */
public record CareRecordQuery(ProviderEndpoint endpoint, String nhsNumber, RecordSection section, PartialDate from, PartialDate to) {

    public boolean hasPeriod() {
        return from != null || to != null;
    }
}
