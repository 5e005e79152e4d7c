package com.alphaquant.market.rules;

import com.alphaquant.market.Bar;
import com.alphaquant.market.TsCode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The rule book's limit prices against the exchange's own (Tushare {@code stk_limit}): for each
 * bar of a stock the exchange published limits for, the book's limit-up and limit-down from the
 * bar's pre_close must equal the exchange's to the cent, and a day the book leaves unlimited must
 * have no exchange row. Every difference is reported with the likeliest cause, so that a wrong
 * rule row, a missing ST episode or a rounding rule shows up as what it is.
 */
public final class LimitCrossCheck {

    /** One exchange row: the limit prices of a stock on a day, from its previous close (NaN when not given). */
    public record ExchangeLimit(TsCode tsCode, LocalDate tradeDate, double preClose, double upLimit, double downLimit) {

        public ExchangeLimit {
            if (tsCode == null || tradeDate == null) {
                throw new IllegalArgumentException("An exchange limit needs a ts_code and a trade_date");
            }
            if (!(downLimit > 0) || !(upLimit >= downLimit) || !Double.isFinite(upLimit)) {
                throw new IllegalArgumentException(tsCode + " " + tradeDate + ": limits need 0 < down <= up, got up="
                        + upLimit + " down=" + downLimit);
            }
            if (!Double.isNaN(preClose) && !(preClose > 0)) {
                throw new IllegalArgumentException(tsCode + " " + tradeDate + ": pre_close must be positive, got " + preClose);
            }
        }
    }

    /** Which limit price disagrees. */
    public enum Bound { UP, DOWN }

    /** Why the two sides disagree, as far as the numbers tell. */
    public enum Reason {
        /** The exchange's previous close is not the bar's pre_close (an ex-date adjustment, a bad bar). */
        PRE_CLOSE,
        /** Same previous close, another band: the board, ST status or listing-session rule differs. */
        BAND,
        /** Same band to within a cent: the rounding to the cent differs. */
        ROUNDING,
        /** The book has a limit, the exchange published none (a relisting's first day, say). */
        EXCHANGE_UNLIMITED,
        /** The exchange has a limit on a day the book leaves unlimited (a listing session). */
        BOOK_UNLIMITED
    }

    /** One disagreeing limit price; {@code ours} or {@code exchange} null where that side has no limit. */
    public record Mismatch(TsCode tsCode, LocalDate tradeDate, Bound bound, Double ours, Double exchange, Reason reason,
                           String detail) {}

    /**
     * @param checked              stock-days compared (bars of stocks the exchange published limits for)
     * @param agreed               stock-days where both limit prices (or the absence of limits) agree
     * @param exchangeRowsWithoutBar exchange rows without a bar to compare with (suspended days), not checked
     */
    public record Report(int checked, int agreed, int exchangeRowsWithoutBar, List<Mismatch> mismatches) {

        public Report {
            mismatches = List.copyOf(mismatches);
        }
    }

    private static final Comparator<Mismatch> ORDER = Comparator.comparing(Mismatch::tradeDate)
            .thenComparing(m -> m.tsCode().toString()).thenComparing(Mismatch::bound);

    private final LimitBandCheck rules;

    /** @param rules the rule book with the stocks' listing dates and ST history */
    public LimitCrossCheck(LimitBandCheck rules) {
        this.rules = rules;
    }

    /** Checks the bars of the stocks with at least one exchange row (the others are out of the exchange data's scope). */
    public Report check(Collection<Bar> bars, Collection<ExchangeLimit> exchange) {
        Set<TsCode> published = new HashSet<>();
        exchange.forEach(e -> published.add(e.tsCode()));
        return check(bars, exchange, published::contains);
    }

    /**
     * Checks the bars of the stocks {@code inScope}: those the exchange data is known to cover,
     * so that a stock without any row in the range (every day unlimited) is still checked.
     */
    public Report check(Collection<Bar> bars, Collection<ExchangeLimit> exchange, Predicate<TsCode> inScope) {
        Map<String, ExchangeLimit> byDay = new HashMap<>();
        for (ExchangeLimit e : exchange) {
            if (byDay.put(key(e.tsCode(), e.tradeDate()), e) != null) {
                throw new IllegalArgumentException("Two exchange limit rows for " + e.tsCode() + " on " + e.tradeDate());
            }
        }
        List<Mismatch> mismatches = new ArrayList<>();
        int checked = 0;
        int agreed = 0;
        int matchedRows = 0;
        for (Bar bar : bars) {
            if (!inScope.test(bar.tsCode())) {
                continue;
            }
            checked++;
            ExchangeLimit ex = byDay.get(key(bar.tsCode(), bar.tradeDate()));
            matchedRows += ex == null ? 0 : 1;
            int before = mismatches.size();
            compare(bar, rules.limitOn(bar.tsCode(), bar.tradeDate()), ex, mismatches);
            agreed += mismatches.size() == before ? 1 : 0;
        }
        mismatches.sort(ORDER);
        return new Report(checked, agreed, byDay.size() - matchedRows, mismatches);
    }

    private static void compare(Bar bar, PriceLimit limit, ExchangeLimit ex, List<Mismatch> out) {
        double pre = bar.preClose();
        if (!limit.isLimited()) {
            if (ex != null) {
                for (Bound b : Bound.values()) {
                    out.add(new Mismatch(bar.tsCode(), bar.tradeDate(), b, null, exchangePrice(ex, b), Reason.BOOK_UNLIMITED,
                            "the book sets no limit on this session since listing; the exchange does"));
                }
            }
            return;
        }
        for (Bound b : Bound.values()) {
            double ours = b == Bound.UP ? limit.limitUpPrice(pre) : limit.limitDownPrice(pre);
            double band = b == Bound.UP ? limit.up() : -limit.down();
            if (ex == null) {
                out.add(new Mismatch(bar.tsCode(), bar.tradeDate(), b, ours, null, Reason.EXCHANGE_UNLIMITED,
                        String.format("the book's band %+.2f%% of %.2f; the exchange published no limit", band * 100, pre)));
                continue;
            }
            double theirs = exchangePrice(ex, b);
            if (cents(ours) == cents(theirs)) {
                continue;
            }
            Reason reason;
            if (!Double.isNaN(ex.preClose()) && cents(ex.preClose()) != cents(pre)) {
                reason = Reason.PRE_CLOSE;
            } else if (Math.abs(theirs - pre * (1 + band)) < 0.01) {
                reason = Reason.ROUNDING;
            } else {
                reason = Reason.BAND;
            }
            out.add(new Mismatch(bar.tsCode(), bar.tradeDate(), b, ours, theirs, reason,
                    String.format("book %+.2f%% of pre_close %.2f = %.2f; exchange %.2f (%+.2f%% of its pre_close %s)",
                            band * 100, pre, ours, theirs, (theirs / exPre(ex, pre) - 1) * 100,
                            Double.isNaN(ex.preClose()) ? "n/a" : String.format("%.2f", ex.preClose()))));
        }
    }

    private static double exchangePrice(ExchangeLimit ex, Bound b) {
        return b == Bound.UP ? ex.upLimit() : ex.downLimit();
    }

    private static double exPre(ExchangeLimit ex, double barPre) {
        return Double.isNaN(ex.preClose()) ? barPre : ex.preClose();
    }

    private static long cents(double price) {
        return Math.round(price * 100);
    }

    private static String key(TsCode code, LocalDate day) {
        return code + "|" + day;
    }
}
