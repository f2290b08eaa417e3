package org.gpconnect.appointment.slot;

import java.time.Instant;
import java.util.Set;

/**
 * A validated free-slot search (appointment-management.md §3.1): the window every returned slot must lie
 * entirely inside, what the consumer's organisation may see (§3.4) and which linked resources to include.
 *
 * @param from                 the earliest slot start (inclusive)
 * @param to                   the latest slot end (inclusive)
 * @param odsCodes             ODS codes sent as searchFilter (the consumer organisation), possibly none
 * @param organisationTypes    GPConnect-OrganisationType-1 codes sent as searchFilter, possibly none
 * @param includePractitioners {@code _include:recurse=Schedule:actor:Practitioner} was asked for
 * @param includeLocations     {@code _include:recurse=Schedule:actor:Location} was asked for
 */
public record SlotQuery(Instant from, Instant to, Set<String> odsCodes, Set<String> organisationTypes,
                        boolean includePractitioners, boolean includeLocations) {

    public SlotQuery {
        odsCodes = Set.copyOf(odsCodes);
        organisationTypes = Set.copyOf(organisationTypes);
    }
}
