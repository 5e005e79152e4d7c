package com.alphaquant.market.rules;

import com.alphaquant.market.Board;
import java.time.LocalDate;
import java.util.List;

/**
 * The date-effective price-limit rules of SPEC section 1: what band held for a security on a
 * given day, from its board, its ST status that day and how many sessions it has traded since
 * listing. Each rule is one row with its effective date; answers come from the latest row in
 * force, so adding a future rule change is adding a row.
 */
public final class PriceLimitBook {

    /** Normal daily limit of a board (ST = false) or of ST stocks on it (ST = true), from a date on. */
    record LimitRow(Board board, boolean st, LocalDate from, double limit) {}

    /**
     * The first sessions of a new listing, by board and listing date: {@code noLimitSessions}
     * sessions without limit, or else a day-one band ({@code dayOne}, null if none special).
     */
    record ListingRow(Board board, LocalDate listedFrom, int noLimitSessions, PriceLimit dayOne) {}

    private static final LocalDate LIMITS_INTRODUCED = LocalDate.of(1996, 12, 16);
    private static final LocalDate CHINEXT_REFORM = LocalDate.of(2020, 8, 24);
    private static final LocalDate MAIN_REGISTRATION = LocalDate.of(2023, 4, 10);
    private static final LocalDate DAY_ONE_44_36 = LocalDate.of(2014, 1, 1);
    private static final PriceLimit PLUS44_MINUS36 = new PriceLimit(0.44, 0.36);

    private static final List<LimitRow> LIMITS = List.of(
            new LimitRow(Board.SSE_MAIN, false, LIMITS_INTRODUCED, 0.10),
            new LimitRow(Board.SZSE_MAIN, false, LIMITS_INTRODUCED, 0.10),
            new LimitRow(Board.SSE_MAIN, true, LocalDate.of(1998, 4, 22), 0.05),
            new LimitRow(Board.SZSE_MAIN, true, LocalDate.of(1998, 4, 22), 0.05),
            new LimitRow(Board.SSE_MAIN, true, LocalDate.of(2025, 7, 7), 0.10),
            new LimitRow(Board.SZSE_MAIN, true, LocalDate.of(2025, 7, 7), 0.10),
            new LimitRow(Board.CHINEXT, false, LocalDate.of(2009, 10, 30), 0.10),
            new LimitRow(Board.CHINEXT, false, CHINEXT_REFORM, 0.20),
            new LimitRow(Board.STAR, false, LocalDate.of(2019, 7, 22), 0.20),
            // The NEEQ select layer (2020-07-27) had the BSE's rules before it became the BSE.
            new LimitRow(Board.BSE, false, LocalDate.of(2020, 7, 27), 0.30));

    private static final List<ListingRow> LISTINGS = List.of(
            new ListingRow(Board.SSE_MAIN, DAY_ONE_44_36, 0, PLUS44_MINUS36),
            new ListingRow(Board.SZSE_MAIN, DAY_ONE_44_36, 0, PLUS44_MINUS36),
            new ListingRow(Board.SSE_MAIN, MAIN_REGISTRATION, 5, null),
            new ListingRow(Board.SZSE_MAIN, MAIN_REGISTRATION, 5, null),
            new ListingRow(Board.CHINEXT, DAY_ONE_44_36, 0, PLUS44_MINUS36),
            new ListingRow(Board.CHINEXT, CHINEXT_REFORM, 5, null),
            new ListingRow(Board.STAR, LocalDate.of(2019, 7, 22), 5, null),
            new ListingRow(Board.BSE, LocalDate.of(2020, 7, 27), 1, null));

    private PriceLimitBook() {
    }

    /**
     * The limit band in force on {@code date}.
     *
     * @param board    the security's board; an index has no limits
     * @param st       whether the stock was ST or *ST on that day (date-effective, not today's name)
     * @param listDate the listing date, to apply the rules of the listing's own era
     * @param session  which session since listing {@code date} is, 1 on the listing day
     *                 (see {@code TradingCalendar.sessionSinceListing})
     */
    public static PriceLimit limit(Board board, boolean st, LocalDate listDate, int session, LocalDate date) {
        if (board == Board.INDEX) {
            return PriceLimit.NONE;
        }
        if (session < 1) {
            throw new IllegalArgumentException("Session since listing must be at least 1, got " + session
                    + " for a " + board + " stock on " + date);
        }
        ListingRow listing = null; // the latest listing rule of the board in force at the listing date
        for (ListingRow r : LISTINGS) {
            if (r.board() == board && !listDate.isBefore(r.listedFrom())
                    && (listing == null || r.listedFrom().isAfter(listing.listedFrom()))) {
                listing = r;
            }
        }
        if (listing != null) {
            if (session <= listing.noLimitSessions()) {
                return PriceLimit.NONE;
            }
            if (session == 1 && listing.dayOne() != null) {
                return listing.dayOne();
            }
        } else if (session == 1) {
            return PriceLimit.NONE; // listings before 2014 had no day-one band, only intraday halts
        }
        return PriceLimit.symmetric(normalLimit(board, st, date));
    }

    /** The ordinary daily limit (no listing-day rule) of {@code board} on {@code date}. */
    public static double normalLimit(Board board, boolean st, LocalDate date) {
        boolean stRule = st && board.isMainBoard();
        LimitRow row = null; // the latest rule in force on the date; plain loops: this runs once per stock-day
        for (LimitRow r : LIMITS) {
            if (r.board() == board && r.st() == stRule && !date.isBefore(r.from())
                    && (row == null || r.from().isAfter(row.from()))) {
                row = r;
            }
        }
        if (row == null) {
            throw new IllegalArgumentException("No price-limit rule for " + board + (stRule ? " ST" : "")
                    + " on " + date + ": the board had no daily limits then");
        }
        return row.limit();
    }
}
