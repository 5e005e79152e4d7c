package com.alphaquant.factor.engine;

import com.alphaquant.market.Board;
import com.alphaquant.market.DateOutOfCalendarException;
import com.alphaquant.market.TradingCalendar;
import com.alphaquant.market.rules.PriceLimit;
import com.alphaquant.market.rules.PriceLimitBook;
import java.time.LocalDate;

/**
 * LIMIT_NET20's daily input: +1 when the raw close is at the limit-up price, −1 at the
 * limit-down price, 0 otherwise, NaN where the rule book cannot say. Limit prices come from the
 * raw pre_close and the band in force that day ({@link PriceLimitBook}, SPEC section 1).
 *
 * <p>The book is asked in full for a stock's first {@link #LISTING_SESSIONS} sessions (listing
 * rules). After that its answer depends only on (board, ST, date), which is asked once per
 * combination and cached: asking per row (streams, LocalDate) would cost seconds on a
 * 12-million-row panel. The cache is a plain array that workers fill as they go: a lost race
 * only repeats work (both write the same answer), and PriceLimit, a record of final fields, is
 * safely visible to any thread that sees the reference.
 *
 * <p>Public because the same daily flags feed more than this factor (the model's market-wide
 * limit-up share): one definition of "closed at the limit".
 */
public final class LimitCloses {

    /** The book's listing rules reach 5 sessions; it is asked in full for twice that. */
    static final int LISTING_SESSIONS = 10;

    /** More than the half cent by which rounding can move a limit price. */
    private static final double NEAR = 0.006;

    /** The answer "the book has no rule for this day", told apart by identity. */
    private static final PriceLimit UNANSWERED = new PriceLimit(Double.MAX_VALUE, 1.0);

    private final TradingCalendar calendar;
    private final int firstSlot;
    private final int slots;
    private final PriceLimit[] seasoned;

    public LimitCloses(PanelInput input) {
        calendar = input.calendar();
        int first = Integer.MAX_VALUE;
        int last = Integer.MIN_VALUE;
        for (StockSeries s : input.stocks()) {
            if (s.size() > 0) {
                first = Math.min(first, slot(s.dates()[0]));
                last = Math.max(last, slot(s.dates()[s.size() - 1]));
            }
        }
        firstSlot = first;
        slots = first > last ? 0 : last - first + 1;
        seasoned = new PriceLimit[Board.values().length * 2 * slots];
    }

    /** The flags of {@code s}'s rows into {@code out[0..s.size())}; safe to call from several threads. */
    public void fill(StockSeries s, double[] out) {
        int n = s.size();
        int[] dates = s.dates();
        boolean[] st = s.st();
        double[] close = s.close();
        double[] preClose = s.preClose();
        Board board = s.board();
        int i = 0;
        LocalDate listDate = s.listDate();
        // Without a calendar, sessions are counted on the stock's own bars, which only works when
        // they start on the listing day; bars that start later are taken as seasoned.
        int listed = listDate == null ? 0 : DateInts.of(listDate);
        if (n > 0 && listDate != null && board != Board.INDEX && (calendar != null || dates[0] <= listed)) {
            int ownSessions = 0;
            for (; i < n; i++) {
                if (dates[i] >= listed) {
                    ownSessions++;
                }
                int session = session(listDate, dates[i], ownSessions);
                if (session > LISTING_SESSIONS) {
                    break;
                }
                PriceLimit limit = ask(board, st != null && st[i], listDate, session, dates[i]);
                out[i] = limit == UNANSWERED ? Double.NaN : atLimit(limit, close[i], preClose[i]);
            }
        }
        for (; i < n; i++) {
            PriceLimit limit = seasoned(board, st != null && st[i], dates[i]);
            out[i] = limit == UNANSWERED ? Double.NaN : atLimit(limit, close[i], preClose[i]);
        }
    }

    /** +1 at limit-up, −1 at limit-down ("at or beyond", which raw cent prices can only reach exactly). */
    private static double atLimit(PriceLimit limit, double close, double preClose) {
        // Rounding to the cent moves a limit price by at most half a cent, so a close further
        // inside the band than that is at neither limit: most rows are settled without rounding.
        if (close < preClose * (1 + limit.up()) - NEAR && close > preClose * (1 - limit.down()) + NEAR) {
            return 0.0;
        }
        if (!limit.isLimited()) {
            return 0.0;
        }
        if (close >= limit.limitUpPrice(preClose)) {
            return 1.0;
        }
        return close <= limit.limitDownPrice(preClose) ? -1.0 : 0.0;
    }

    private int session(LocalDate listDate, int date, int ownSessions) {
        if (calendar != null) {
            try {
                return calendar.sessionSinceListing(listDate, DateInts.toLocalDate(date));
            } catch (DateOutOfCalendarException e) {
                return ownSessions; // the calendar does not reach this day: count the stock's bars
            }
        }
        return ownSessions;
    }

    private static PriceLimit ask(Board board, boolean st, LocalDate listDate, int session, int date) {
        try {
            return PriceLimitBook.limit(board, st, listDate, session, DateInts.toLocalDate(date));
        } catch (IllegalArgumentException e) {
            return UNANSWERED; // a date or session the book has no rule for
        }
    }

    private PriceLimit seasoned(Board board, boolean st, int date) {
        if (board == Board.INDEX) {
            return PriceLimit.NONE;
        }
        int index = (board.ordinal() * 2 + (st ? 1 : 0)) * slots + slot(date) - firstSlot;
        PriceLimit limit = seasoned[index];
        if (limit == null) {
            try {
                limit = PriceLimit.symmetric(PriceLimitBook.normalLimit(board, st, DateInts.toLocalDate(date)));
            } catch (IllegalArgumentException e) {
                limit = UNANSWERED;
            }
            seasoned[index] = limit;
        }
        return limit;
    }

    /** A dense day number for yyyymmdd (31 slots a month): cheap, and unique per date. */
    private static int slot(int yyyymmdd) {
        return ((yyyymmdd / 10_000) * 12 + yyyymmdd / 100 % 100 - 1) * 31 + yyyymmdd % 100 - 1;
    }
}
