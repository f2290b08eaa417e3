package org.gpconnect.accessrecord.record;

import java.util.Set;

/**
 * A practice this deployment serves, with its GP Connect switches (foundations.md §6,
 * access-record-structured.md §5).
 *
 * @param odsCode            the ODS code in the service root URL
 * @param organizationId     logical id of the practice's Organization
 * @param gpConnectEnabled   GP Connect as a whole
 * @param structuredEnabled  Access Record Structured
 * @param htmlEnabled        Access Record HTML (access-record-html.md)
 * @param disabledAreas      clinical areas this practice has switched off
 */
public record PracticeSettings(String odsCode, String organizationId, boolean gpConnectEnabled, boolean structuredEnabled, boolean htmlEnabled,
                               Set<ClinicalArea> disabledAreas) {
}
