package org.gpconnect.gateway.jwt;

import java.util.List;

/**
 * The GP Connect JWT rules of foundations.md §3.2, applied in order: the first that fails decides the
 * answer. The token has already been taken apart by {@link ConsumerJwtDecoder}.
 */
public final class JwtValidator {

    private static final List<JwtRule> RULES = List.of(
            new HeaderRule(),
            new ClaimShapeRule(),
            new ClaimResourceRule(),
            new ClaimContentRule(),
            new LifetimeRule(),
            new ReasonForRequestRule(),
            new RequestedScopeRule(),
            new PractitionerSubjectRule(),
            new RequestedRecordRule());

    private JwtValidator() {
    }

    public static void validate(ConsumerJwt jwt, JwtContext context) {
        for (JwtRule rule : RULES) {
            rule.check(jwt, context);
        }
    }
}
