package com.alphaquant.backtest.engine;

import com.alphaquant.backtest.strategy.PortfolioView;
import com.alphaquant.backtest.strategy.Strategy;
import com.alphaquant.backtest.strategy.TargetWeights;
import com.alphaquant.market.TsCode;
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
 * One portfolio advanced a trading day at a time under the execution rules of
 * {@link BacktestEngine} (which documents them): corporate actions, the pending orders filled,
 * the mark at the close, then optionally a strategy's decision, which becomes the orders of the
 * next trading day. A batch backtest steps every day of its range; a live book steps each day as
 * it closes, saving {@link #state()} in between and resuming from it on a panel that holds at
 * least the day, each held or ordered stock's bars up to it and the bar before (the corporate
 * action check compares a bar's pre_close with the previous close).
 */
public final class DayStepper implements PortfolioView {

    private static final double EPS_SHARES = 1e-6;

    private final BarPanel panel;
    private final CostModel costs;
    private final SlippageModel slippage;
    private final FillPrice fillPrice;
    private final boolean carryOver;
    private final int n;
    private final Cursors cursors;
    private final PanelView view;
    private final TargetWeights weights;

    private long cash;                          // cents
    private long marketValue;                   // cents, at the last mark
    private final double[] shares;
    private final int[] heldList;
    private final int[] heldPos;                // position in heldList, -1 when not held
    private int heldCount;

    private final double[] pending;             // target shares; NaN: no order
    private final int[] pendingList;
    private int pendingCount;
    private final boolean[] keep;               // carry the order to the next day

    private final LocalDate[] lastBuyDate;
    private final double[] boughtToday;

    private final int[] buyStock;
    private final long[] buyQty;
    private final double[] buyRef;
    private final int[] buyRow;

    private final List<Fill> fills = new ArrayList<>();
    private final List<Rejection> rejections = new ArrayList<>();
    private double tradedValue;
    private int lastDay = -1;

    private DayStepper(BarPanel panel, BacktestConfig config, BookState state) {
        this.panel = panel;
        this.costs = config.costs();
        this.slippage = config.slippage();
        this.fillPrice = config.fillPrice();
        this.carryOver = config.carryOver();
        this.n = panel.stockCount();
        this.cursors = new Cursors(panel.day);
        this.view = new PanelView(panel, cursors, this);
        this.weights = new TargetWeights(n, view);
        this.shares = new double[n];
        this.heldList = new int[n];
        this.heldPos = new int[n];
        this.pending = new double[n];
        this.pendingList = new int[n];
        this.keep = new boolean[n];
        this.lastBuyDate = new LocalDate[n];
        this.boughtToday = new double[n];
        this.buyStock = new int[n];
        this.buyQty = new long[n];
        this.buyRef = new double[n];
        this.buyRow = new int[n];
        Arrays.fill(pending, Double.NaN);
        Arrays.fill(heldPos, -1);
        restore(state);
    }

    /** A portfolio of {@code config}'s initial capital in cash, before its first day. */
    public static DayStepper start(BarPanel panel, BacktestConfig config) {
        return new DayStepper(panel, config, BookState.cash(config.initialCapital()));
    }

    /** The portfolio {@code state} describes, on {@code panel}; every held or ordered stock must be in the panel. */
    public static DayStepper resume(BarPanel panel, BacktestConfig config, BookState state) {
        return new DayStepper(panel, config, state);
    }

    private void restore(BookState state) {
        cash = state.cashCents();
        for (BookState.Position p : state.positions()) {
            int s = stock(p.code());
            shares[s] = p.shares();
            lastBuyDate[s] = p.lastBuy();
            boughtToday[s] = p.boughtOnLastBuy();
            addHolding(s);
        }
        for (BookState.Order o : state.orders()) {
            int s = stock(o.code());
            pending[s] = o.targetShares();
            pendingList[pendingCount++] = s;
        }
        Arrays.sort(pendingList, 0, pendingCount);
    }

    private int stock(TsCode code) {
        int s = panel.indexOf(code);
        if (s < 0) {
            throw new IllegalArgumentException(code + " is held or ordered but not in the panel");
        }
        return s;
    }

    /** The portfolio now: after the last step, what the next one starts from. */
    public BookState state() {
        List<BookState.Position> positions = new ArrayList<>(heldCount);
        for (int k = 0; k < heldCount; k++) {
            int s = heldList[k];
            positions.add(new BookState.Position(panel.codes[s], shares[s], lastBuyDate[s], boughtToday[s]));
        }
        List<BookState.Order> orders = new ArrayList<>(pendingCount);
        for (int k = 0; k < pendingCount; k++) {
            orders.add(new BookState.Order(panel.codes[pendingList[k]], pending[pendingList[k]]));
        }
        return new BookState(cash, positions, orders);
    }

    /**
     * Steps {@code day}, a trading day of the panel after the last one stepped.
     *
     * @param strategy decides after the close (its targets fill on the next trading day), or null for no decision
     */
    public DayResult step(LocalDate day, Strategy strategy) {
        int d = Arrays.binarySearch(panel.days, day);
        if (d < 0) {
            throw new IllegalArgumentException(day + " is not a trading day of the panel (" + panel.firstDay() + " to "
                    + panel.lastDay() + ")");
        }
        return step(d, strategy);
    }

    /** Steps day index {@code d} of the panel's axis; see {@link #step(LocalDate, Strategy)}. */
    DayResult step(int d, Strategy strategy) {
        if (d <= lastDay) {
            throw new IllegalStateException("Day " + panel.days[d] + " is not after the last day stepped, " + panel.days[lastDay]);
        }
        lastDay = d;
        int firstFill = fills.size();
        int firstRejection = rejections.size();
        cursors.moveTo(d);
        applyCorporateActions(d);
        if (pendingCount > 0) {
            executeOrders(d);
        }
        mark();
        long cashAtClose = cash;
        if (strategy != null) {
            weights.clear();
            if (strategy.decide(view, weights)) {
                weights.requireFullyFunded(panel.days[d]);
                makeOrders(d);
            }
        }
        return new DayResult(panel.days[d], cashAtClose, marketValue, List.copyOf(fills.subList(firstFill, fills.size())),
                List.copyOf(rejections.subList(firstRejection, rejections.size())));
    }

    /** Every fill since the start. */
    List<Fill> fills() {
        return fills;
    }

    /** Every rejection since the start. */
    List<Rejection> rejections() {
        return rejections;
    }

    /** The value of every fill since the start, CNY. */
    double tradedValue() {
        return tradedValue;
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
        LocalDate fillDay = d + 1 < panel.days.length ? panel.days[d + 1] : panel.calendar.next(panel.days[d]);
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
            if (carryOver && keep[s]) {
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
        boolean unsettled = lastBuyDate[s] != null && !Settlement.canSell(lastBuyDate[s], today);
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
        if (!today.equals(lastBuyDate[s])) {
            lastBuyDate[s] = today;
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
