package com.alphaquant.market.rules;

import com.alphaquant.market.Board;
import java.time.LocalDate;

/**
 * How many shares one order may hold: at least {@code minShares}, then in steps of
 * {@code step}, at most {@code maxShares}. Main boards and ChiNext trade in lots of 100; STAR
 * orders are at least 200 shares then any number; BSE at least 100 then any number. A sell of a
 * whole position may be an odd lot.
 */
public record LotRule(int minShares, int step, int maxShares) {

    public static final LotRule BOARD_LOT_100 = new LotRule(100, 100, Integer.MAX_VALUE);
    public static final LotRule STAR = new LotRule(200, 1, 100_000);
    public static final LotRule BSE = new LotRule(100, 1, 1_000_000);

    public LotRule {
        if (minShares < 1 || step < 1 || maxShares < minShares) {
            throw new IllegalArgumentException("Invalid lot rule min=" + minShares + " step=" + step + " max=" + maxShares);
        }
    }

    /** The rule for {@code board}; the STAR and BSE rules have held since those boards opened. */
    public static LotRule of(Board board, LocalDate date) {
        return switch (board) {
            case SSE_MAIN, SZSE_MAIN, CHINEXT -> BOARD_LOT_100;
            case STAR -> STAR;
            case BSE -> BSE;
            case INDEX -> throw new IllegalArgumentException("An index cannot be traded (on " + date + ")");
        };
    }

    /** The largest valid buy order not above {@code shares}; 0 when below the minimum. */
    public long roundBuy(double shares) {
        long wanted = (long) Math.floor(Math.min(shares, maxShares));
        if (wanted < minShares) {
            return 0;
        }
        return wanted - (wanted - minShares) % step;
    }

    /**
     * The largest valid sell order not above {@code shares} out of a position of {@code held}:
     * selling everything is always allowed (odd lots included); a partial sell is rounded like a buy.
     */
    public long roundSell(double shares, long held) {
        if (shares >= held) {
            return Math.min(held, maxShares);
        }
        return roundBuy(shares);
    }

    /** Whether a buy of {@code shares} is a valid order. */
    public boolean isValidBuy(long shares) {
        return shares >= minShares && shares <= maxShares && (shares - minShares) % step == 0;
    }
}
