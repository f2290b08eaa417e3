package org.gpconnect.gateway.limit;

/**
 * The outcome of a rate-limit check with what the {@code X-Rate-Limit-*} headers report (the SSP's 429,
 * foundations.md §2.3): the limit per window, what is left of it, and seconds until the window resets.
 */
public record RateLimitDecision(boolean allowed, long limit, long remaining, long resetSeconds) {

    public static final RateLimitDecision UNLIMITED = new RateLimitDecision(true, -1, -1, 0);

    public boolean limited() {
        return limit >= 0;
    }
}
