package com.alphaquant.backtest.data;

/** The bar source could not be reached or answered with an error; the job fails with this message. */
public class DataUnavailableException extends RuntimeException {

    public DataUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public DataUnavailableException(String message) {
        super(message);
    }
}
