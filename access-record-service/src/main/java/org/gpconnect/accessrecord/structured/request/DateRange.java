package org.gpconnect.accessrecord.structured.request;

import java.time.LocalDate;

/**
 * A search period of full dates, either end open (null), start never after end (access-record-structured.md
 * §2: {@code valuePeriod} parts).
 */
public record DateRange(LocalDate start, LocalDate end) {
}
