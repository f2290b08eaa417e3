package org.gpconnect.appointment.foundations.rest;

import jakarta.ws.rs.core.MultivaluedMap;
import java.util.List;
import java.util.function.Predicate;
import org.gpconnect.common.error.GpConnectException;
import org.gpconnect.common.error.SpineCode;
import org.gpconnect.common.identifier.IdentifierSystems;
import org.gpconnect.common.identifier.NhsNumber;

/**
 * The {@code identifier} token of a Foundations search ({@code identifier=[system]|[value]}) and its
 * validation, in the order of the search-parameter error table of foundations.md §9:
 * <ol>
 *   <li>absent (names are case-sensitive, so {@code Identifier=} is absent) or given more than once:
 *       400 {@code BAD_REQUEST};</li>
 *   <li>no system ({@code identifier=9690937278}), an empty system or an empty value: 422
 *       {@code INVALID_PARAMETER};</li>
 *   <li>a system other than the one(s) this resource type guarantees: 400 {@code INVALID_IDENTIFIER_SYSTEM};</li>
 *   <li>a value of the wrong shape: 400 with the resource type's code ({@code INVALID_NHS_NUMBER},
 *       {@code INVALID_IDENTIFIER_VALUE}).</li>
 * </ol>
 * Every other query parameter ({@code _format}, {@code _count}, unknown names) is ignored (§4). The
 * spec's table names Patient and Practitioner for the missing-system row; Organization answers it the same
 * way, as the reference implementation does, since a token without a system is equally unusable there.
 */
public enum IdentifierSearchParameter {

    /** §9.1: only the NHS number system; the value must pass the modulus-11 check. */
    PATIENT(List.of(IdentifierSystems.NHS_NUMBER), NhsNumber::isValid, SpineCode.INVALID_NHS_NUMBER),
    /** §9.3: the ODS organisation code, also under its legacy 0.x system (as the reference implementation). */
    ORGANIZATION(List.of(IdentifierSystems.ODS_ORGANIZATION_CODE, IdentifierSystems.DSTU2_ODS_ORGANIZATION_CODE),
            OdsCode::isWellFormed, SpineCode.INVALID_IDENTIFIER_VALUE),
    /**
     * §9.4: the SDS user id. SDS ids have no published format, and the test pack expects an unknown id such
     * as {@code unknownSDSUserID} to be a search with no results, so any non-empty value is searched for.
     */
    PRACTITIONER(List.of(IdentifierSystems.SDS_USER_ID), value -> true, SpineCode.INVALID_IDENTIFIER_VALUE);

    static final String NAME = "identifier";

    /** The accepted systems, the guaranteed one first. */
    private final List<String> systems;
    private final Predicate<String> wellFormed;
    private final SpineCode malformedValue;

    IdentifierSearchParameter(List<String> systems, Predicate<String> wellFormed, SpineCode malformedValue) {
        this.systems = systems;
        this.wellFormed = wellFormed;
        this.malformedValue = malformedValue;
    }

    /**
     * The identifier value to search for, from the request's decoded query parameters, or a
     * {@link GpConnectException} saying what is wrong with it.
     */
    public String valueFrom(MultivaluedMap<String, String> query) {
        List<String> tokens = query.get(NAME);
        if (tokens == null || tokens.isEmpty()) {
            throw GpConnectException.badRequest("The search needs an identifier parameter (identifier=[system]|[value])");
        }
        if (tokens.size() > 1) {
            throw GpConnectException.badRequest("The identifier parameter may be given only once");
        }
        String token = tokens.get(0);
        int bar = token.indexOf('|');
        if (bar < 0) {
            throw GpConnectException.invalidParameter("The identifier parameter needs a system: identifier=[system]|[value]");
        }
        String system = token.substring(0, bar);
        String value = token.substring(bar + 1);
        if (system.isEmpty() || value.isEmpty()) {
            throw GpConnectException.invalidParameter("The identifier parameter needs both a system and a value: identifier=[system]|[value]");
        }
        if (!systems.contains(system)) {
            throw new GpConnectException(SpineCode.INVALID_IDENTIFIER_SYSTEM,
                    "The identifier system is not supported here; use " + systems.get(0));
        }
        if (!wellFormed.test(value)) {
            throw new GpConnectException(malformedValue, "The identifier value is not well formed");
        }
        return value;
    }
}
