package org.gpconnect.accessrecord.record.problem;

import java.util.UUID;

/**
 * What a problem is linked to (table {@code problem_link}).
 *
 * @param itemType     allergy, medication (an authorisation), immunisation, observation or problem
 * @param relationship for a linked problem: parent, child or sibling; else null
 */
public record ProblemLink(UUID problemId, String itemType, UUID itemId, String relationship) {

    public boolean toProblem() {
        return "problem".equals(itemType);
    }
}
