package com.alphaquant.market;

/** The three mainland exchanges, as Tushare suffixes ts_codes. */
public enum Exchange {
    /** Shanghai Stock Exchange. */
    SH,
    /** Shenzhen Stock Exchange. */
    SZ,
    /** Beijing Stock Exchange. */
    BJ
}
