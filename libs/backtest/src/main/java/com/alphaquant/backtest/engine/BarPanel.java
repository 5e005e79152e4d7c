package com.alphaquant.backtest.engine;

import com.alphaquant.market.Bar;
import com.alphaquant.market.Board;
import com.alphaquant.market.TradingCalendar;
import com.alphaquant.market.TsCode;
import com.alphaquant.market.rules.LimitCrossCheck.ExchangeLimit;
import com.alphaquant.market.rules.PriceLimit;
import com.alphaquant.market.rules.PriceLimitBook;
import java.time.LocalDate;
import com.alphaquant.market.IndustryClassification;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * Daily bars of a universe of stocks (and optionally one benchmark index), indexed once into
 * primitive arrays: per series, its own rows in date order ({@code day[s][i]} is the row's index
 * on the panel's trading-day axis) and one array per field. Limit-up and limit-down prices are
 * precomputed per bar: the exchange's own (Tushare {@code stk_limit}) where a row for that stock
 * and day is given, the rule book's (board, ST status that day, sessions since listing) elsewhere.
 * A bar without an exchange row keeps the book's limits rather than none: the exchange data may
 * simply not cover that day, and reading a missing row as "unlimited" would let a run buy at a
 * locked limit-up.
 * The backtest engine reads only these arrays, so a run allocates nothing per stock and day.
 *
 * <p>The day axis is the exchange calendar's open days from the first to the last stock bar;
 * a bar on a day the calendar says is closed is rejected by name. Immutable once built.
 */
public final class BarPanel {

    /**
     * Listing rules (no limit, or a day-one band) apply in the first few sessions only (at most
     * five in {@link PriceLimitBook}); beyond this many sessions the book's answer depends on the
     * board, ST status and date alone, so it is cached per day.
     */
    private static final int LISTING_WINDOW = 30;

    final TradingCalendar calendar;
    final LocalDate[] days;
    final TsCode[] codes;          // stocks 0..n-1
    final Board[] boards;
    private final Map<TsCode, Integer> index;
    // Series 0..n-1 are stocks, series n (when benchmarkCode != null) the benchmark index.
    final int[][] day;
    final double[][] open;
    final double[][] high;
    final double[][] low;
    final double[][] close;
    final double[][] preClose;
    final double[][] vol;
    final double[][] amount;
    final double[][] adj;
    final double[][] limitUp;
    final double[][] limitDown;
    final TsCode benchmarkCode;
    private final IndustryClassification industries;

    private BarPanel(Builder b, double[][] limitUp, double[][] limitDown) {
        this.calendar = b.calendar;
        this.days = b.days;
        int n = b.stocks.size();
        int series = n + (b.benchmark != null ? 1 : 0);
        this.codes = new TsCode[n];
        this.boards = new Board[n];
        this.index = new HashMap<>(n * 2);
        this.day = new int[series][];
        this.open = new double[series][];
        this.high = new double[series][];
        this.low = new double[series][];
        this.close = new double[series][];
        this.preClose = new double[series][];
        this.vol = new double[series][];
        this.amount = new double[series][];
        this.adj = new double[series][];
        for (int s = 0; s < series; s++) {
            Series x = s < n ? b.stocks.get(s) : b.benchmark;
            if (s < n) {
                codes[s] = x.code();
                boards[s] = Board.of(x.code());
                index.put(x.code(), s);
            }
            day[s] = x.day();
            open[s] = x.open();
            high[s] = x.high();
            low[s] = x.low();
            close[s] = x.close();
            preClose[s] = x.preClose();
            vol[s] = x.vol();
            amount[s] = x.amount();
            adj[s] = x.adj();
        }
        this.limitUp = limitUp;
        this.limitDown = limitDown;
        this.benchmarkCode = b.benchmark != null ? b.benchmark.code() : null;
        this.industries = b.industries;
    }

    /**
     * A panel from bars as the CSV readers return them, in any order.
     *
     * @param stockBars daily bars of the stocks (raw prices, with adj factors where known)
     * @param listDate  each stock's listing date (Tushare stock_basic); a stock without one fails
     * @param st        whether a stock was ST on a day (date-effective): a {@code StHistory} from Tushare
     *                  namechange, or {@code StHistory.NONE} when the input has no name history
     * @param indexBars bars of the benchmark index, or null for none
     * @param benchmark the index's code, or null for none
     */
    public static BarPanel of(TradingCalendar calendar, List<Bar> stockBars, Function<TsCode, LocalDate> listDate,
                              BiPredicate<TsCode, LocalDate> st, List<Bar> indexBars, TsCode benchmark) {
        return of(calendar, stockBars, listDate, st, indexBars, benchmark, IndustryClassification.NONE);
    }

    /** As {@link #of(TradingCalendar, List, Function, BiPredicate, List, TsCode)}, with the stocks' industries. */
    public static BarPanel of(TradingCalendar calendar, List<Bar> stockBars, Function<TsCode, LocalDate> listDate,
                              BiPredicate<TsCode, LocalDate> st, List<Bar> indexBars, TsCode benchmark,
                              IndustryClassification industries) {
        return of(calendar, stockBars, listDate, st, indexBars, benchmark, industries, List.of());
    }

    /**
     * As {@link #of(TradingCalendar, List, Function, BiPredicate, List, TsCode, IndustryClassification)},
     * with the exchange's limit prices (empty: the rule book's everywhere), see {@link Builder#exchangeLimits}.
     */
    public static BarPanel of(TradingCalendar calendar, List<Bar> stockBars, Function<TsCode, LocalDate> listDate,
                              BiPredicate<TsCode, LocalDate> st, List<Bar> indexBars, TsCode benchmark,
                              IndustryClassification industries, Collection<ExchangeLimit> exchangeLimits) {
        if (stockBars.isEmpty()) {
            throw new IllegalArgumentException("No stock bars to backtest on");
        }
        Map<TsCode, List<Bar>> byCode = new TreeMap<>();
        LocalDate first = null;
        LocalDate last = null;
        for (Bar bar : stockBars) {
            byCode.computeIfAbsent(bar.tsCode(), c -> new ArrayList<>()).add(bar);
            first = first == null || bar.tradeDate().isBefore(first) ? bar.tradeDate() : first;
            last = last == null || bar.tradeDate().isAfter(last) ? bar.tradeDate() : last;
        }
        Builder builder = builder(calendar, first, last).st(st).industries(industries).exchangeLimits(exchangeLimits);
        for (var e : byCode.entrySet()) {
            LocalDate listed = listDate.apply(e.getKey());
            if (listed == null) {
                throw new IllegalArgumentException("No stock_basic row for " + e.getKey()
                        + ": its listing date decides its price limits (SPEC section 1)");
            }
            builder.addStock(e.getKey(), listed, e.getValue());
        }
        if (benchmark != null) {
            List<Bar> rows = indexBars == null ? List.of()
                    : indexBars.stream().filter(b -> b.tsCode().equals(benchmark)).toList();
            if (rows.isEmpty()) {
                throw new IllegalArgumentException("The index file has no bars of benchmark " + benchmark);
            }
            builder.benchmark(benchmark, rows);
        }
        return builder.build();
    }

    /** A builder whose day axis is the calendar's open days in [from, to]. */
    public static Builder builder(TradingCalendar calendar, LocalDate from, LocalDate to) {
        return new Builder(calendar, from, to);
    }

    public TradingCalendar calendar() {
        return calendar;
    }

    public int stockCount() {
        return codes.length;
    }

    public TsCode code(int stock) {
        return codes[stock];
    }

    public List<TsCode> codes() {
        return List.of(codes);
    }

    /** The stock's number, or -1 when it is not in the panel. */
    public int indexOf(TsCode code) {
        Integer i = index.get(code);
        return i == null ? -1 : i;
    }

    public int dayCount() {
        return days.length;
    }

    public LocalDate day(int i) {
        return days[i];
    }

    public LocalDate firstDay() {
        return days[0];
    }

    public LocalDate lastDay() {
        return days[days.length - 1];
    }

    /** The number of stock bars. */
    public long barCount() {
        long n = 0;
        for (int s = 0; s < codes.length; s++) {
            n += day[s].length;
        }
        return n;
    }

    public TsCode benchmarkCode() {
        return benchmarkCode;
    }

    /**
     * The bars of {@code stock} as they are in the panel, oldest first: for a strategy that
     * precomputes point-in-time indicators over the whole panel (it then reads row {@code i} only
     * on day {@code i}). A fresh list, built on each call.
     */
    public List<Bar> stockBars(int stock) {
        if (stock < 0 || stock >= codes.length) {
            throw new IndexOutOfBoundsException("No stock #" + stock + " in a panel of " + codes.length);
        }
        return bars(stock, codes[stock]);
    }

    /** The stocks' industries through time ({@link IndustryClassification#NONE} when not given). */
    public IndustryClassification industries() {
        return industries;
    }

    /** The benchmark index's bars as in the panel, oldest first; empty when the panel has none. */
    public List<Bar> benchmarkBars() {
        return benchmarkCode == null ? List.of() : bars(codes.length, benchmarkCode);
    }

    private List<Bar> bars(int s, TsCode code) {
        List<Bar> bars = new ArrayList<>(day[s].length);
        for (int i = 0; i < day[s].length; i++) {
            bars.add(new Bar(code, days[day[s][i]], open[s][i], high[s][i], low[s][i], close[s][i], preClose[s][i],
                    vol[s][i], amount[s][i], adj[s][i]));
        }
        return bars;
    }

    /**
     * The limit-up price of {@code code}'s bar on {@code day} (raw, to the cent; infinite on a day
     * without limit): the exchange's where given, else the rule book's, as fills are checked
     * against it; NaN when the stock has no bar that day.
     */
    public double limitUpPrice(TsCode code, LocalDate day) {
        int row = row(code, day);
        return row < 0 ? Double.NaN : limitUp[indexOf(code)][row];
    }

    /** The limit-down price of {@code code}'s bar on {@code day}, as {@link #limitUpPrice}. */
    public double limitDownPrice(TsCode code, LocalDate day) {
        int row = row(code, day);
        return row < 0 ? Double.NaN : limitDown[indexOf(code)][row];
    }

    private int row(TsCode code, LocalDate day) {
        int s = indexOf(code);
        if (s < 0) {
            throw new IllegalArgumentException(code + " is not in the panel");
        }
        int d = Arrays.binarySearch(days, day);
        return d < 0 ? -1 : Math.max(-1, Arrays.binarySearch(this.day[s], d));
    }

    /** The series number of the benchmark, or -1. */
    int benchmarkSeries() {
        return benchmarkCode == null ? -1 : codes.length;
    }

    /** The first index on the day axis at or after {@code date}; {@code dayCount()} if none. */
    int firstDayOnOrAfter(LocalDate date) {
        int i = Arrays.binarySearch(days, date);
        return i >= 0 ? i : -i - 1;
    }

    /** The last index on the day axis at or before {@code date}; -1 if none. */
    int lastDayOnOrBefore(LocalDate date) {
        int i = Arrays.binarySearch(days, date);
        return i >= 0 ? i : -i - 2;
    }

    /** One series' columns while building (arrays owned by the panel once built). */
    private record Series(TsCode code, LocalDate listDate, int[] day, double[] open, double[] high, double[] low,
                          double[] close, double[] preClose, double[] vol, double[] amount, double[] adj) {}

    /** Collects series, then indexes them and precomputes limit prices. */
    public static final class Builder {

        private final TradingCalendar calendar;
        private final LocalDate[] days;
        private final List<Series> stocks = new ArrayList<>();
        private final Map<TsCode, Boolean> seen = new HashMap<>();
        private Series benchmark;
        private BiPredicate<TsCode, LocalDate> st = (code, date) -> false;
        private IndustryClassification industries = IndustryClassification.NONE;
        private Map<TsCode, List<ExchangeLimit>> exchange = Map.of();

        private Builder(TradingCalendar calendar, LocalDate from, LocalDate to) {
            this.calendar = calendar;
            this.days = calendar.openDays(from, to).toArray(LocalDate[]::new);
            if (days.length == 0) {
                throw new IllegalArgumentException("The calendar has no trading day between " + from + " and " + to);
            }
        }

        /** The trading days of the axis, in order: a row's day index points into this list. */
        public List<LocalDate> days() {
            return List.of(days);
        }

        /** ST status by stock and day (Tushare namechange / stock_st history); default: never ST. */
        public Builder st(BiPredicate<TsCode, LocalDate> stOn) {
            this.st = stOn;
            return this;
        }

        /** The stocks' industries through time, for industry-neutral strategies; default: none. */
        public Builder industries(IndustryClassification classification) {
            this.industries = java.util.Objects.requireNonNull(classification, "classification");
            return this;
        }

        /**
         * The exchange's limit prices (Tushare stk_limit), which take precedence over the rule
         * book's for the stock-days they cover; rows of stocks or days without a bar are unused.
         * Default: none, the book's limits everywhere.
         */
        public Builder exchangeLimits(Collection<ExchangeLimit> rows) {
            Map<TsCode, List<ExchangeLimit>> byCode = new HashMap<>();
            for (ExchangeLimit r : rows) {
                byCode.computeIfAbsent(r.tsCode(), c -> new ArrayList<>()).add(r);
            }
            for (List<ExchangeLimit> list : byCode.values()) {
                list.sort(Comparator.comparing(ExchangeLimit::tradeDate));
                for (int i = 1; i < list.size(); i++) {
                    if (list.get(i).tradeDate().equals(list.get(i - 1).tradeDate())) {
                        throw new IllegalArgumentException("Two exchange limit rows for " + list.get(i).tsCode()
                                + " on " + list.get(i).tradeDate());
                    }
                }
            }
            this.exchange = byCode;
            return this;
        }

        /** A stock from its bars in date order; bars outside the axis are dropped. */
        public Builder addStock(TsCode code, LocalDate listDate, List<Bar> bars) {
            Board board = Board.of(code);
            if (board == Board.INDEX) {
                throw new IllegalArgumentException(code + " is an index and cannot be traded; give it as the benchmark");
            }
            add(stocks, columns(code, listDate, bars));
            return this;
        }

        /**
         * A stock from primitive columns (the arrays are kept, not copied): {@code day} holds
         * strictly increasing indexes into {@link #days()}.
         */
        public Builder addStock(TsCode code, LocalDate listDate, int[] day, double[] open, double[] high, double[] low,
                                double[] close, double[] preClose, double[] vol, double[] amount, double[] adj) {
            if (Board.of(code) == Board.INDEX) {
                throw new IllegalArgumentException(code + " is an index and cannot be traded; give it as the benchmark");
            }
            add(stocks, checked(new Series(code, listDate, day, open, high, low, close, preClose, vol, amount, adj)));
            return this;
        }

        /** The benchmark index from its bars; bars outside the axis are dropped. */
        public Builder benchmark(TsCode code, List<Bar> bars) {
            this.benchmark = columns(code, null, bars);
            return this;
        }

        private void add(List<Series> target, Series in) {
            if (seen.put(in.code(), Boolean.TRUE) != null) {
                throw new IllegalArgumentException("Stock " + in.code() + " added twice");
            }
            target.add(in);
        }

        private Series columns(TsCode code, LocalDate listDate, List<Bar> bars) {
            List<Bar> sorted = new ArrayList<>(bars);
            sorted.sort(Comparator.comparing(Bar::tradeDate));
            int n = 0;
            int[] day = new int[sorted.size()];
            double[][] f = new double[8][sorted.size()];
            LocalDate previous = null;
            for (Bar bar : sorted) {
                if (!bar.tsCode().equals(code)) {
                    throw new IllegalArgumentException("Bar of " + bar.tsCode() + " given as " + code);
                }
                if (bar.tradeDate().equals(previous)) {
                    throw new IllegalArgumentException(code + " has two bars on " + previous);
                }
                previous = bar.tradeDate();
                if (bar.tradeDate().isBefore(days[0]) || bar.tradeDate().isAfter(days[days.length - 1])) {
                    continue;
                }
                int i = Arrays.binarySearch(days, bar.tradeDate());
                if (i < 0) {
                    throw new IllegalArgumentException(code + " has a bar on " + bar.tradeDate()
                            + ", which the trading calendar says is not a trading day");
                }
                day[n] = i;
                f[0][n] = bar.open();
                f[1][n] = bar.high();
                f[2][n] = bar.low();
                f[3][n] = bar.close();
                f[4][n] = bar.preClose();
                f[5][n] = bar.vol();
                f[6][n] = bar.amount();
                f[7][n] = bar.adjFactor();
                n++;
            }
            return new Series(code, listDate, Arrays.copyOf(day, n), Arrays.copyOf(f[0], n), Arrays.copyOf(f[1], n),
                    Arrays.copyOf(f[2], n), Arrays.copyOf(f[3], n), Arrays.copyOf(f[4], n), Arrays.copyOf(f[5], n),
                    Arrays.copyOf(f[6], n), Arrays.copyOf(f[7], n));
        }

        private Series checked(Series in) {
            int n = in.day().length;
            for (double[] column : new double[][] {in.open(), in.high(), in.low(), in.close(), in.preClose(), in.vol(), in.amount(), in.adj()}) {
                if (column.length != n) {
                    throw new IllegalArgumentException(in.code() + ": columns of different lengths");
                }
            }
            for (int i = 0; i < n; i++) {
                if (in.day()[i] < 0 || in.day()[i] >= days.length || (i > 0 && in.day()[i] <= in.day()[i - 1])) {
                    throw new IllegalArgumentException(in.code() + ": day indexes must increase within the axis, row " + i);
                }
                if (!(in.close()[i] > 0) || !(in.open()[i] > 0) || !(in.preClose()[i] > 0) || !(in.vol()[i] >= 0)) {
                    throw new IllegalArgumentException(in.code() + " on " + days[in.day()[i]] + ": prices must be positive and vol >= 0");
                }
            }
            return in;
        }

        public BarPanel build() {
            if (stocks.isEmpty()) {
                throw new IllegalArgumentException("No stocks in the panel");
            }
            stocks.sort(Comparator.comparing(x -> x.code()));
            int n = stocks.size();
            double[][] up = new double[n][];
            double[][] down = new double[n][];
            PriceLimit[][][] cache = new PriceLimit[Board.values().length][2][days.length];
            for (int s = 0; s < n; s++) {
                Series x = stocks.get(s);
                Board board = Board.of(x.code());
                int rows = x.day().length;
                up[s] = new double[rows];
                down[s] = new double[rows];
                if (rows == 0) {
                    continue;
                }
                int firstSession = calendar.sessionSinceListing(x.listDate(), days[x.day()[0]]);
                if (firstSession < 1) {
                    throw new IllegalArgumentException(x.code() + " has a bar on " + days[x.day()[0]]
                            + ", before its listing date " + x.listDate());
                }
                List<ExchangeLimit> published = exchange.getOrDefault(x.code(), List.of());
                int next = 0;  // both in date order: one merge pass per stock
                for (int i = 0; i < rows; i++) {
                    int d = x.day()[i];
                    LocalDate date = days[d];
                    while (next < published.size() && published.get(next).tradeDate().isBefore(date)) {
                        next++;
                    }
                    if (next < published.size() && published.get(next).tradeDate().equals(date)) {
                        up[s][i] = published.get(next).upLimit();
                        down[s][i] = published.get(next).downLimit();
                        continue;
                    }
                    boolean isSt = st.test(x.code(), date);
                    int session = firstSession == Integer.MAX_VALUE ? Integer.MAX_VALUE : firstSession + (d - x.day()[0]);
                    PriceLimit limit;
                    if (session <= LISTING_WINDOW) {
                        limit = PriceLimitBook.limit(board, isSt, x.listDate(), session, date);
                    } else {
                        PriceLimit[] perDay = cache[board.ordinal()][isSt ? 1 : 0];
                        limit = perDay[d];
                        if (limit == null) {
                            limit = PriceLimit.symmetric(PriceLimitBook.normalLimit(board, isSt, date));
                            perDay[d] = limit;
                        }
                    }
                    up[s][i] = limit.limitUpPrice(x.preClose()[i]);
                    down[s][i] = limit.limitDownPrice(x.preClose()[i]);
                }
            }
            return new BarPanel(this, up, down);
        }
    }
}
