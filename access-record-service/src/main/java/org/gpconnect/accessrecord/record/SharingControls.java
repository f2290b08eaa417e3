package org.gpconnect.accessrecord.record;

import java.time.LocalDate;

/**
 * What decides whether one clinical item may leave the practice (access-record-structured.md §6, §9 steps
 * 4-5): practice-designated confidential items are never shared, nor items still awaiting filing.
 *
 * @param confidential         practice-designated confidential, private or sealed
 * @param awaitingFilingSince  when it arrived electronically if not yet filed into the record, else null
 */
public record SharingControls(boolean confidential, LocalDate awaitingFilingSince) {
}
