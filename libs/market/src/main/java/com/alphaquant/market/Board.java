package com.alphaquant.market;

/**
 * Where a security trades, which decides its price limit and lot rules (SPEC section 1).
 * Classification is by code prefix, the exchanges' own allocation of code ranges.
 */
public enum Board {
    /** Shanghai main board, 60xxxx.SH. */
    SSE_MAIN,
    /** Shenzhen main board including the former SME board, 00xxxx.SZ. */
    SZSE_MAIN,
    /** ChiNext, 30xxxx.SZ. */
    CHINEXT,
    /** STAR Market, 688xxx.SH and 689xxx.SH. */
    STAR,
    /** Beijing Stock Exchange (and its predecessor, the NEEQ select layer): 8xxxxx, 4xxxxx, 92xxxx .BJ. */
    BSE,
    /** An index such as 000300.SH or 399006.SZ: not tradable, no limits or lots. */
    INDEX;

    /** The board of {@code code}; B-shares, funds, bonds and other ranges are rejected by name. */
    public static Board of(TsCode code) {
        String s = code.symbol();
        Board board = switch (code.exchange()) {
            case SH -> s.startsWith("60") ? SSE_MAIN
                    : s.startsWith("688") || s.startsWith("689") ? STAR
                    : s.startsWith("000") ? INDEX
                    : null;
            case SZ -> s.startsWith("00") ? SZSE_MAIN
                    : s.startsWith("30") ? CHINEXT
                    : s.startsWith("399") ? INDEX
                    : null;
            case BJ -> s.startsWith("899") ? INDEX
                    : s.startsWith("8") || s.startsWith("4") || s.startsWith("92") ? BSE
                    : null;
        };
        if (board == null) {
            throw new IllegalArgumentException("ts_code " + code
                    + " is neither an A-share stock nor an index (B-shares, funds and bonds are not supported)");
        }
        return board;
    }

    /** Whether {@code code} is an A-share stock: false for indices, B shares, funds and bonds. */
    public static boolean isStock(TsCode code) {
        try {
            return of(code) != INDEX;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Whether the main-board ST rule (SPEC section 1) applies to ST stocks of this board. */
    public boolean isMainBoard() {
        return this == SSE_MAIN || this == SZSE_MAIN;
    }
}
