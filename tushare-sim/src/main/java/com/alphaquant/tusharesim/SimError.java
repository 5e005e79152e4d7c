package com.alphaquant.tusharesim;

/** A request the simulator answers with Tushare's error shape: HTTP 200, {@code code != 0}, {@code msg}. */
final class SimError extends RuntimeException {

    /** Tushare's code for a bad token. */
    static final int INVALID_TOKEN = 40101;
    /** Tushare's code for both rate limits and missing permissions (the message tells which). */
    static final int LIMIT_OR_PERMISSION = 40203;
    /** Tushare's code for bad parameters and unknown fields. */
    static final int BAD_PARAMS = -2001;
    /** Tushare's code for an unknown api_name. */
    static final int UNKNOWN_API = -1;
    /** The simulator could not load the API's data file. */
    static final int SIM_DATA_ERROR = -3001;

    static final String DOC = "权限的具体详情访问：https://tushare.pro/document/1?doc_id=108。";

    private final int code;

    SimError(int code, String msg) {
        super(msg, null, false, false);
        this.code = code;
    }

    int code() {
        return code;
    }

    static SimError badParam(String msg) {
        return new SimError(BAD_PARAMS, "参数错误：" + msg);
    }

    static SimError invalidToken() {
        return new SimError(INVALID_TOKEN, "您的token不对，请确认。");
    }

    static SimError perMinute(int limit) {
        return new SimError(LIMIT_OR_PERMISSION, "抱歉，您每分钟最多访问该接口" + limit + "次，" + DOC);
    }

    static SimError perDay(int limit) {
        return new SimError(LIMIT_OR_PERMISSION, "抱歉，您每天最多访问该接口" + limit + "次，" + DOC);
    }

    static SimError noPermission() {
        return new SimError(LIMIT_OR_PERMISSION, "抱歉，您没有访问该接口的权限，" + DOC);
    }
}
