package com.alphaquant.factor.compute;

/**
 * The bar source served data the engine refuses (two bars of a stock on one day, a non-positive
 * price): the upstream's fault, not the caller's, and not cured by retrying. HTTP 502.
 */
public class MarketDataException extends RuntimeException {

    public MarketDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
