package com.alphaquant.data.tushare;

import java.util.Map;
import java.util.TreeMap;

/**
 * A failed Tushare call, typed by {@link TushareError}; the message names the API and its
 * parameters and never the token (it is not a parameter and is never passed here).
 */
public class TushareException extends RuntimeException {

    private final TushareError error;
    private final String apiName;
    private final Map<String, String> params;

    public TushareException(TushareError error, String apiName, Map<String, String> params, String detail) {
        super("Tushare " + apiName + " " + new TreeMap<>(params) + " failed (" + error + "): " + detail);
        this.error = error;
        this.apiName = apiName;
        this.params = Map.copyOf(params);
    }

    public TushareError error() {
        return error;
    }

    public String apiName() {
        return apiName;
    }

    public Map<String, String> params() {
        return params;
    }

    public boolean retryable() {
        return error.retryable();
    }
}
