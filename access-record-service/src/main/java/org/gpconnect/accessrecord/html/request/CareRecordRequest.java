package org.gpconnect.accessrecord.html.request;

import java.util.Optional;
import org.gpconnect.common.interaction.RecordSection;

/**
 * A validated {@code $gpc.getcarerecord} request (access-record-html.md §1.1): whose record, which one
 * section, and the consumer's date range when one was given for a section that allows it.
 */
public record CareRecordRequest(String nhsNumber, RecordSection section, Optional<TimePeriod> timePeriod) {
}
