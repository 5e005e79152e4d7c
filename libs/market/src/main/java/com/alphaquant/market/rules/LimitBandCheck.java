package com.alphaquant.market.rules;

import com.alphaquant.market.Bar;
import com.alphaquant.market.Board;
import com.alphaquant.market.TradingCalendar;
import com.alphaquant.market.TsCode;
import com.alphaquant.market.csv.StockBasic;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * Checks a bar against the price band the rule book says held that day: a data-quality check
 * for ingestion (a move outside the band is a bad row or an event such as a relisting) and
 * the proof that the rule book matches the market.
 *
 * <p>On raw prices the check is exact: high ≤ limit-up price and low ≥ limit-down price. On
 * forward-adjusted prices (raw × f, f ≤ 1, rounded to 4 decimals) the exchange's rounding of
 * the raw limit price to 0.01 can add up to 0.005 × f, so the band is widened by 0.005 plus
 * the 4-decimal rounding; that is the tightest bound the adjusted data allows.
 */
public final class LimitBandCheck {

    /** A bar outside its band. */
    public record Violation(Bar bar, Board board, int session, PriceLimit limit, double lowest, double highest) {

        @Override
        public String toString() {
            return String.format("%s %s %s session %s: close %.4f (%+.2f%%) high %.4f low %.4f outside [%.4f, %.4f] (limit +%.0f%%/-%.0f%%)",
                    bar.tsCode(), bar.tradeDate(), board, session == Integer.MAX_VALUE ? "n" : session,
                    bar.close(), bar.change() * 100, bar.high(), bar.low(), lowest, highest, limit.up() * 100, limit.down() * 100);
        }
    }

    private static final double ADJUSTED_SLACK = 0.005 + 0.0001;
    private static final double EPSILON = 1e-9;

    private final TradingCalendar calendar;
    private final Map<TsCode, StockBasic> basics;
    private final BiPredicate<TsCode, LocalDate> stOn;

    /**
     * @param stOn whether a stock was ST on a day: a {@link com.alphaquant.market.StHistory} from Tushare namechange
     */
    public LimitBandCheck(TradingCalendar calendar, Map<TsCode, StockBasic> basics, BiPredicate<TsCode, LocalDate> stOn) {
        this.calendar = calendar;
        this.basics = basics;
        this.stOn = stOn;
    }

    /** The limit band in force for {@code code} on {@code date}. */
    public PriceLimit limitOn(TsCode code, LocalDate date) {
        StockBasic basic = basics.get(code);
        if (basic == null) {
            throw new IllegalArgumentException("No stock_basic row for " + code + ": its listing date is unknown");
        }
        int session = calendar.sessionSinceListing(basic.listDate(), date);
        return PriceLimitBook.limit(basic.board(), stOn.test(code, date), basic.listDate(), session, date);
    }

    /** The violation, if {@code bar} (raw prices, or adjusted when {@code adjusted}) left its band. */
    public Optional<Violation> check(Bar bar, boolean adjusted) {
        PriceLimit limit = limitOn(bar.tsCode(), bar.tradeDate());
        if (!limit.isLimited()) {
            return Optional.empty();
        }
        double highest;
        double lowest;
        if (adjusted) {
            highest = bar.preClose() * (1 + limit.up()) + ADJUSTED_SLACK;
            lowest = bar.preClose() * (1 - limit.down()) - ADJUSTED_SLACK;
        } else {
            highest = limit.limitUpPrice(bar.preClose());
            lowest = limit.limitDownPrice(bar.preClose());
        }
        if (bar.high() > highest + EPSILON || bar.low() < lowest - EPSILON) {
            StockBasic basic = basics.get(bar.tsCode());
            int session = calendar.sessionSinceListing(basic.listDate(), bar.tradeDate());
            return Optional.of(new Violation(bar, basic.board(), session, limit, lowest, highest));
        }
        return Optional.empty();
    }
}
