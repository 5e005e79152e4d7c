package com.alphaquant.data.tushare;

/** What went wrong with a Tushare call, and whether waiting and trying again can help. */
public enum TushareError {
    /** Code 40203 with a per-minute or per-hour limit message: back off and retry. */
    RATE_LIMITED(true),
    /** Code 40203 with a per-day limit message: stop the job and resume it tomorrow. */
    DAILY_LIMIT(false),
    /** Code 40203 without a rate message: the account lacks the points for this API. */
    NO_PERMISSION(false),
    /** Code 40101 or a missing token. */
    INVALID_TOKEN(false),
    /** HTTP 429 from a proxy in front of Tushare. */
    HTTP_429(true),
    /** HTTP 5xx. */
    SERVER_ERROR(true),
    /** No answer in time. */
    TIMEOUT(true),
    /** A body that is not Tushare's JSON. */
    MALFORMED(true),
    /** The circuit breaker is open after repeated failures: wait, then retry. */
    CIRCUIT_OPEN(true),
    /** Any other non-zero code (bad parameters, unknown API): retrying will not help. */
    API_ERROR(false);

    private final boolean retryable;

    TushareError(boolean retryable) {
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
