package org.gpconnect.common.interaction;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Looks interactions up by their {@code Ssp-InteractionID} value (exact, case-sensitive). */
public final class InteractionCatalogue {

    private static final Map<String, Interaction> BY_ID = new HashMap<>();

    static {
        for (Interaction interaction : Interaction.values()) {
            for (String id : interaction.ids()) {
                BY_ID.put(id, interaction);
            }
        }
    }

    private InteractionCatalogue() {
    }

    public static Optional<Interaction> byId(String interactionId) {
        return interactionId == null ? Optional.empty() : Optional.ofNullable(BY_ID.get(interactionId));
    }

    /** The interaction named by the ID, if it is known and fits the request's method and relative path. */
    public static Optional<Interaction> matching(String interactionId, String httpMethod, String relativePath) {
        return byId(interactionId).filter(i -> i.matches(httpMethod, relativePath));
    }
}
