package com.alphaquant.backtest.engine;

import com.alphaquant.backtest.metrics.Metrics;
import com.alphaquant.backtest.strategy.PortfolioView;
import com.alphaquant.backtest.strategy.Strategy;
import com.alphaquant.backtest.strategy.TargetWeights;
import com.alphaquant.market.rules.CostModel;
import com.alphaquant.market.rules.Fees;
import com.alphaquant.market.rules.LotRule;
import com.alphaquant.market.rules.Prices;
import com.alphaquant.market.rules.Settlement;
import com.alphaquant.market.rules.Side;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The A-share daily backtest of SPEC section 2b. Each trading day t of the run:
 * <ol>
 *   <li>corporate actions: a held stock whose bar today is an ex-date has its shares scaled by
 *       f / f₋₁ (and so has a pending order's target);</li>
 *   <li>the orders decided at the close of the previous day fill at today's open (or close, or
 *       VWAP): sells first, then buys, the buys scaled down to the cash the sells left;</li>
 *   <li>the portfolio is marked at today's closes (a suspended stock at its last close);</li>
 *   <li>the strategy sees the market up to today's close and may set new target weights, which
 *       become orders for the next trading day. No decision is taken on the last day.</li>
 * </ol>
 *
 * <p>Where SPEC is silent (also in {@code libs/backtest/README.md}):
 * <ul>
 *   <li>Orders are sized at the decision: target shares = weight × equity at t's close / t's raw
 *       close; at the fill the order is the difference from the holding then.</li>
 *   <li>Limits are checked on the fill price including slippage: a buy that would have to pay the
 *       limit-up price or more does not fill, nor a sell at or below limit-down.</li>
 *   <li>Slippage per share = price × min(base + impact·sqrt(order / day volume), cap), the fill
 *       day's volume; the fill price is rounded half-up to 0.0001 CNY, value to the cent.</li>
 *   <li>Ex-dates are the bars whose raw pre_close differs from the stock's previous raw close by
 *       at least half a cent; the ratio is adj_factor / previous adj_factor (the previous close
 *       over pre_close when a factor is missing). Daily noise in a relative factor series with no
 *       pre_close change is ignored. New share counts are rounded to 0.0001 share.</li>
 *   <li>Partial sells round down to the board's lots; a sell to zero, or of more than is held,
 *       or one that would leave less than a share, sells the whole position with its odd lot and
 *       fraction. An order beyond the board's maximum order size (STAR 100,000) is cut to it
 *       and the rest rejected as lot_size.</li>
 *   <li>Buys are scaled by one common factor when their cost (with fees) exceeds the cash after
 *       sells, then filled in stock order, each cut further to the lots the remaining cash buys;
 *       what is cut is rejected as cash.</li>
 *   <li>With carry-over, an order stopped by a limit, a suspension or T+1 stays pending until it
 *       fills or the strategy decides again; lot_size and cash rejections always lapse.</li>
 *   <li>T+1 is enforced on every sell; with one fill time per day it never binds (sells fill
 *       before the day's buys), but the check keeps the engine honest if that changes.</li>
 *   <li>A stock with no further bars (delisted) stays valued at its last close.</li>
 *   <li>A target on a stock with no bar yet (not listed) cannot be sized: rejected as suspended
 *       with 0 shares on the fill day.</li>
 * </ul>
 */
public final class BacktestEngine {

    /** Version of the execution model; a change that moves results bumps it. */
    public static final String VERSION = "1.0.0";

    private static final double EPS_SHARES = 1e-6;

    private final BarPanel panel;
    private final BacktestConfig config;

    public BacktestEngine(BarPanel panel, BacktestConfig config) {
        this.panel = panel;
        this.config = config;
    }

    public BacktestResult run(Strategy strategy) {
        return run(strategy, ProgressListener.NONE);
    }

    public BacktestResult run(Strategy strategy, ProgressListener progress) {
        return new Run(strategy, progress).execute();
    }

    /** Resolves the run's day range on the panel; fails naming the data's range. */
    int[] dayRange() {
        LocalDate first = panel.firstDay();
        LocalDate last = panel.lastDay();
        String covers = "the data covers " + first + " to " + last;
        int d0 = panel.firstDayOnOrAfter(config.start());
        int d1 = panel.lastDayOnOrBefore(config.end());
        if (d0 > d1) {
            throw new IllegalArgumentException("No trading day with data between " + config.start() + " and "
                    + config.end() + ": " + covers);
        }
        if (config.start().isBefore(first) && tradingDaysBetween(config.start(), first.minusDays(1))) {
            throw new IllegalArgumentException("Start date " + config.start() + " is before the data's first day: " + covers);
        }
        if (config.end().isAfter(last) && tradingDaysBetween(last.plusDays(1), config.end())) {
            throw new IllegalArgumentException("End date " + config.end() + " is after the data's last day: " + covers);
        }
        if (d1 == d0) {
            throw new IllegalArgumentException("Between " + config.start() + " and " + config.end()
                    + " there is one trading day; a backtest needs at least two (" + covers + ")");
        }
        return new int[] {d0, d1};
    }

    private boolean tradingDaysBetween(LocalDate from, LocalDate to) {
        if (from.isBefore(panel.calendar.first()) || to.isAfter(panel.calendar.last())) {
            return true; // outside the calendar: cannot show there are none
        }
        return !panel.calendar.openDays(from, to).isEmpty();
    }

    /** One run's state; everything is allocated up front. */
    private final class Run implements PortfolioView {

        private final Strategy strategy;
        private final ProgressListener progress;
        private final CostModel costs = config.costs();
        private final SlippageModel slippage = config.slippage();
        private final FillPrice fillPrice = config.fillPrice();
        private final int n = panel.stockCount();
        private final Cursors cursors = new Cursors(panel.day);
        private final PanelView view;
        private final TargetWeights weights;

        private long cash;                          // cents
        private long marketValue;                   // cents, at the last mark
        private final double[] shares = new double[n];
        private final int[] heldList = new int[n];
        private final int[] heldPos = new int[n];   // position in heldList, -1 when not held
        private int heldCount;

        private final double[] pending = new double[n];    // target shares; NaN: no order
        private final int[] pendingList = new int[n];
        private int pendingCount;
        private final boolean[] keep = new boolean[n];     // carry the order to the next day

        private final int[] lastBuyDay = new int[n];
        private final double[] boughtToday = new double[n];

        private final int[] buyStock = new int[n];
        private final long[] buyQty = new long[n];
        private final double[] buyRef = new double[n];
        private final int[] buyRow = new int[n];

        private final List<Fill> fills = new ArrayList<>();
        private final List<Rejection> rejections = new ArrayList<>();
        private double tradedValue;

        Run(Strategy strategy, ProgressListener progress) {
            this.strategy = strategy;
            this.progress = progress;
            this.view = new PanelView(panel, cursors, this);
            this.weights = new TargetWeights(n, view);
            Arrays.fill(pending, Double.NaN);
            Arrays.fill(heldPos, -1);
            Arrays.fill(lastBuyDay, -1);
            this.cash = Math.round(config.initialCapital() * 100);
        }

        BacktestResult execute() {
            int[] range = dayRange();
            int d0 = range[0];
            int d1 = range[1];
            int rows = d1 - d0 + 1;
            LocalDate[] dates = Arrays.copyOfRange(panel.days, d0, d1 + 1);
            long[] cashRows = new long[rows];
            long[] mvRows = new long[rows];
            double[] bench = benchmarkValues(d0, d1);

            for (int d = d0; d <= d1; d++) {
                cursors.moveTo(d);
                applyCorporateActions(d);
                if (pendingCount > 0) {
                    executeOrders(d);
                }
                mark();
                cashRows[d - d0] = cash;
                mvRows[d - d0] = marketValue;
                if (d < d1) {
                    weights.clear();
                    if (strategy.decide(view, weights)) {
                        weights.requireFullyFunded(panel.days[d]);
                        makeOrders(d);
                    }
                }
                progress.onDay(d - d0 + 1, rows);
            }
            double[] equity = new double[rows];
            for (int i = 0; i < rows; i++) {
                equity[i] = (cashRows[i] + mvRows[i]) / 100.0;
            }
            Metrics metrics = Metrics.compute(equity, bench, tradedValue, config.riskFreeRate());
            return new BacktestResult(strategy.name(), config, panel.benchmarkCode, n, dates, cashRows, mvRows, bench,
                    fills, rejections, metrics);
        }

        private double[] benchmarkValues(int d0, int d1) {
            int b = panel.benchmarkSeries();
            if (b < 0) {
                return null;
            }
            int[] days = panel.day[b];
            double[] closes = panel.close[b];
            double[] values = new double[d1 - d0 + 1];
            int row = -1;
            double base = Double.NaN;
            for (int d = d0; d <= d1; d++) {
                while (row + 1 < days.length && days[row + 1] <= d) {
                    row++;
                }
                if (row < 0) {
                    throw new IllegalArgumentException("Benchmark " + panel.benchmarkCode + " has no bar on or before "
                            + panel.days[d0] + ", the first day of the backtest"
                            + (days.length > 0 ? " (its bars start " + panel.days[days[0]] + ")" : ""));
                }
                if (d == d0) {
                    base = closes[row];
                }
                values[d - d0] = Prices.roundHalfUpToCent(config.initialCapital() * closes[row] / base);
            }
            return values;
        }

        // ---- corporate actions -------------------------------------------------------------

        private void applyCorporateActions(int d) {
            for (int k = 0; k < heldCount; k++) {
                int s = heldList[k];
                double ratio = actionRatio(s);
                if (ratio != 1.0) {
                    shares[s] = Math.round(shares[s] * ratio * 1e4) / 1e4;
                    if (!Double.isNaN(pending[s])) {
                        pending[s] *= ratio;
                    }
                }
            }
            for (int k = 0; k < pendingCount; k++) {
                int s = pendingList[k];
                if (heldPos[s] < 0 && !Double.isNaN(pending[s])) {
                    double ratio = actionRatio(s);
                    if (ratio != 1.0) {
                        pending[s] *= ratio;
                    }
                }
            }
        }

        /** f / f₋₁ when today's bar of {@code s} is an ex-date, else 1. */
        private double actionRatio(int s) {
            int row = cursors.rowToday(s);
            if (row < 1) {
                return 1.0;
            }
            double previousClose = panel.close[s][row - 1];
            double preClose = panel.preClose[s][row];
            if (Math.abs(preClose - previousClose) < 0.005) {
                return 1.0;
            }
            double f = panel.adj[s][row];
            double f1 = panel.adj[s][row - 1];
            return Double.isNaN(f) || Double.isNaN(f1) ? previousClose / preClose : f / f1;
        }

        // ---- orders ------------------------------------------------------------------------

        private void makeOrders(int d) {
            for (int k = 0; k < pendingCount; k++) {
                pending[pendingList[k]] = Double.NaN;
                keep[pendingList[k]] = false;
            }
            pendingCount = 0;
            double equity = (cash + marketValue) / 100.0;
            LocalDate fillDay = panel.days[d + 1];
            for (int k = 0; k < weights.count(); k++) {
                int s = weights.stock(k);
                double w = weights.get(s);
                if (w <= 0) {
                    continue;
                }
                int visible = cursors.upTo(s);
                if (visible == 0) {
                    // Not listed yet: there is no price to size the order with.
                    rejections.add(new Rejection(fillDay, panel.codes[s], Side.BUY, 0, RejectReason.SUSPENDED));
                    continue;
                }
                addPending(s, w * equity / panel.close[s][visible - 1]);
            }
            for (int k = 0; k < heldCount; k++) {
                int s = heldList[k];
                if (Double.isNaN(pending[s]) && weights.get(s) <= 0) {
                    addPending(s, 0);
                }
            }
            Arrays.sort(pendingList, 0, pendingCount);
        }

        private void addPending(int s, double target) {
            if (Math.abs(target - shares[s]) < EPS_SHARES) {
                return;
            }
            pending[s] = target;
            pendingList[pendingCount++] = s;
        }

        private void executeOrders(int d) {
            LocalDate today = panel.days[d];
            for (int k = 0; k < pendingCount; k++) {
                int s = pendingList[k];
                keep[s] = false;
                if (pending[s] < shares[s] - EPS_SHARES) {
                    sell(s, d, today);
                }
            }
            int buys = 0;
            long buyCost = 0;
            for (int k = 0; k < pendingCount; k++) {
                int s = pendingList[k];
                if (pending[s] > shares[s] + EPS_SHARES) {
                    long cost = prepareBuy(s, d, today, buys);
                    if (cost > 0) {
                        buyCost += cost;
                        buys++;
                    }
                }
            }
            double scale = buyCost > cash ? (double) cash / buyCost : 1.0;
            for (int i = 0; i < buys; i++) {
                buy(i, scale, d, today);
            }
            int kept = 0;
            for (int k = 0; k < pendingCount; k++) {
                int s = pendingList[k];
                if (config.carryOver() && keep[s]) {
                    pendingList[kept++] = s;
                } else {
                    pending[s] = Double.NaN;
                    keep[s] = false;
                }
            }
            pendingCount = kept;
        }

        private void reject(LocalDate day, int s, Side side, double qty, RejectReason reason, boolean carry) {
            rejections.add(new Rejection(day, panel.codes[s], side, qty, reason));
            if (carry) {
                keep[s] = true;
            }
        }

        private double referencePrice(int s, int row) {
            return switch (fillPrice) {
                case OPEN -> panel.open[s][row];
                case CLOSE -> panel.close[s][row];
                case VWAP -> panel.amount[s][row] * 10 / panel.vol[s][row];
            };
        }

        private void sell(int s, int d, LocalDate today) {
            double held = shares[s];
            double target = pending[s];
            double wanted = held - Math.max(target, 0);
            LotRule lot = LotRule.of(panel.boards[s], today);
            boolean exit = target <= EPS_SHARES || wanted >= held - EPS_SHARES;
            double qty;
            if (exit && held <= lot.maxShares()) {
                qty = held;
            } else {
                exit = false;
                qty = lot.roundBuy(Math.min(wanted, held));
                if (wanted >= lot.maxShares() + 1 && qty == lot.maxShares()) {
                    reject(today, s, Side.SELL, wanted - qty, RejectReason.LOT_SIZE, false);
                }
            }
            if (!exit && held - qty < 1 && held <= lot.maxShares()) {
                // what would be left is a fraction of a share from a corporate action: it sells with the position
                qty = held;
                exit = true;
            }
            if (qty <= 0) {
                reject(today, s, Side.SELL, wanted, RejectReason.LOT_SIZE, false);
                return;
            }
            int row = cursors.rowToday(s);
            if (row < 0 || panel.vol[s][row] <= 0) {
                reject(today, s, Side.SELL, qty, RejectReason.SUSPENDED, true);
                return;
            }
            boolean unsettled = lastBuyDay[s] >= 0 && !Settlement.canSell(panel.days[lastBuyDay[s]], today);
            double sellable = held - (unsettled ? boughtToday[s] : 0);
            if (qty > sellable + EPS_SHARES) {
                double allowed = lot.roundBuy(sellable);
                reject(today, s, Side.SELL, qty - allowed, RejectReason.T_PLUS_1, true);
                qty = allowed;
                exit = false;
                if (qty <= 0) {
                    return;
                }
            }
            double ref = referencePrice(s, row);
            double slip = slippage.perShare(ref, qty, panel.vol[s][row] * 100);
            double price = roundPrice(Math.max(ref - slip, 0.0001));
            if (price <= panel.limitDown[s][row] + 1e-9) {
                reject(today, s, Side.SELL, qty, RejectReason.LIMIT_DOWN, true);
                return;
            }
            double value = Prices.roundHalfUpToCent(qty * price);
            Fees fees = costs.fees(Side.SELL, value, today);
            long proceeds = cents(value) - cents(fees);
            if (cash + proceeds < 0) {
                // a sliver whose minimum commission exceeds its value, with no cash to pay it
                reject(today, s, Side.SELL, qty, RejectReason.CASH, false);
                return;
            }
            cash += proceeds;
            double left = exit ? 0 : held - qty;
            shares[s] = left < EPS_SHARES ? 0 : left;
            if (shares[s] == 0) {
                removeHolding(s);
            }
            tradedValue += value;
            fills.add(new Fill(today, panel.codes[s], Side.SELL, qty, price, value, fees,
                    Prices.roundHalfUpToCent(qty * Math.abs(ref - price)), shares[s] == 0 ? "exit" : "reduce"));
        }

        /** Checks a buy and queues it; returns its cost in cents at full size, 0 when rejected. */
        private long prepareBuy(int s, int d, LocalDate today, int slot) {
            double wanted = pending[s] - shares[s];
            LotRule lot = LotRule.of(panel.boards[s], today);
            long qty = lot.roundBuy(wanted);
            if (qty <= 0) {
                reject(today, s, Side.BUY, wanted, RejectReason.LOT_SIZE, false);
                return 0;
            }
            if (qty == lot.maxShares() && wanted >= lot.maxShares() + 1) {
                reject(today, s, Side.BUY, Math.floor(wanted) - qty, RejectReason.LOT_SIZE, false);
            }
            int row = cursors.rowToday(s);
            if (row < 0 || panel.vol[s][row] <= 0) {
                reject(today, s, Side.BUY, qty, RejectReason.SUSPENDED, true);
                return 0;
            }
            double ref = referencePrice(s, row);
            double price = buyPrice(s, row, ref, qty);
            if (price >= panel.limitUp[s][row] - 1e-9) {
                reject(today, s, Side.BUY, qty, RejectReason.LIMIT_UP, true);
                return 0;
            }
            buyStock[slot] = s;
            buyQty[slot] = qty;
            buyRef[slot] = ref;
            buyRow[slot] = row;
            double value = Prices.roundHalfUpToCent(qty * price);
            return cents(value) + cents(costs.fees(Side.BUY, value, today));
        }

        private double buyPrice(int s, int row, double ref, long qty) {
            return roundPrice(ref + slippage.perShare(ref, qty, panel.vol[s][row] * 100));
        }

        private void buy(int slot, double scale, int d, LocalDate today) {
            int s = buyStock[slot];
            long ordered = buyQty[slot];
            double ref = buyRef[slot];
            int row = buyRow[slot];
            LotRule lot = LotRule.of(panel.boards[s], today);
            long qty = scale < 1 ? lot.roundBuy(ordered * scale) : ordered;
            double price = 0;
            double value = 0;
            Fees fees = null;
            while (qty > 0) {
                price = buyPrice(s, row, ref, qty);
                value = Prices.roundHalfUpToCent(qty * price);
                fees = costs.fees(Side.BUY, value, today);
                long cost = cents(value) + cents(fees);
                if (cost <= cash) {
                    break;
                }
                long smaller = cash <= 0 ? 0 : lot.roundBuy(qty * ((double) cash / cost));
                qty = smaller < qty ? smaller : lot.roundBuy(qty - lot.step());
            }
            if (qty <= 0) {
                reject(today, s, Side.BUY, ordered, RejectReason.CASH, false);
                return;
            }
            if (qty < ordered) {
                reject(today, s, Side.BUY, ordered - qty, RejectReason.CASH, false);
            }
            cash -= cents(value) + cents(fees);
            boolean entry = shares[s] == 0;
            shares[s] += qty;
            if (entry) {
                addHolding(s);
            }
            if (lastBuyDay[s] != d) {
                lastBuyDay[s] = d;
                boughtToday[s] = 0;
            }
            boughtToday[s] += qty;
            tradedValue += value;
            fills.add(new Fill(today, panel.codes[s], Side.BUY, qty, price, value, fees,
                    Prices.roundHalfUpToCent(qty * (price - ref)), entry ? "entry" : "add"));
        }

        // ---- holdings and marks ------------------------------------------------------------

        private void addHolding(int s) {
            heldPos[s] = heldCount;
            heldList[heldCount++] = s;
        }

        private void removeHolding(int s) {
            int pos = heldPos[s];
            int last = heldList[--heldCount];
            heldList[pos] = last;
            heldPos[last] = pos;
            heldPos[s] = -1;
        }

        private void mark() {
            double value = 0;
            for (int k = 0; k < heldCount; k++) {
                int s = heldList[k];
                value += shares[s] * panel.close[s][cursors.upTo(s) - 1];
            }
            marketValue = (long) Math.floor(value * 100 + 0.5);
        }

        private static long cents(double money) {
            return Math.round(money * 100);
        }

        private static long cents(Fees fees) {
            return Math.round(fees.commission() * 100) + Math.round(fees.stampDuty() * 100) + Math.round(fees.transferFee() * 100);
        }

        private static double roundPrice(double price) {
            return Math.floor(price * 10_000 + 0.5) / 10_000;
        }

        // ---- PortfolioView -----------------------------------------------------------------

        @Override
        public double cash() {
            return cash / 100.0;
        }

        @Override
        public double equity() {
            return (cash + marketValue) / 100.0;
        }

        @Override
        public double shares(int stock) {
            return shares[stock];
        }

        @Override
        public int holdingCount() {
            return heldCount;
        }

        @Override
        public int holding(int k) {
            if (k < 0 || k >= heldCount) {
                throw new IndexOutOfBoundsException("Holding " + k + " of " + heldCount);
            }
            return heldList[k];
        }
    }
}
