package com.alphaquant.backtest.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphaquant.backtest.MiniSample;
import com.alphaquant.backtest.OutputFiles;
import com.alphaquant.backtest.OutputFiles.EquityRow;
import com.alphaquant.backtest.OutputFiles.RejectionRow;
import com.alphaquant.backtest.OutputFiles.Trade;
import com.alphaquant.backtest.RandomWeights;
import com.alphaquant.backtest.report.BacktestWriter;
import com.alphaquant.backtest.strategy.TargetWeightsStrategy;
import com.alphaquant.market.Bar;
import com.alphaquant.market.rules.CostModel;
import com.alphaquant.market.rules.Fees;
import com.alphaquant.market.rules.LimitBandCheck;
import com.alphaquant.market.rules.PriceLimit;
import com.alphaquant.market.csv.NameChangeCsv;
import com.alphaquant.market.csv.SampleData;
import com.alphaquant.market.rules.Side;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Daily-rebalanced random weights over the 30-stock real sample, checked from the written
 * trades.csv / equity.csv / rejections.csv against SPEC section 2b with independent arithmetic
 * (BigDecimal limit prices, a position ledger rebuilt from the trades).
 */
class RealSampleInvariantsTest {

    private static final LocalDate FROM = LocalDate.of(2021, 1, 5);
    private static final LocalDate TO = LocalDate.of(2022, 12, 20);

    @TempDir
    static Path dir;

    private static final Map<String, Path> RUNS = new HashMap<>();
    private static final Map<String, BacktestConfig> CONFIGS = new HashMap<>();
    private static final Map<String, Bar> BAR = new HashMap<>();             // code|date
    private static final Map<String, Bar> PREVIOUS = new HashMap<>();        // code|date → the stock's previous bar
    private static final LimitBandCheck RULES = new LimitBandCheck(MiniSample.calendar(), MiniSample.basics(),
            NameChangeCsv.history(SampleData.file(SampleData.NAMECHANGE)));

    @BeforeAll
    static void runBacktests() {
        Map<String, Bar> last = new HashMap<>();
        for (Bar b : MiniSample.bars()) { // the file is in (ts_code, trade_date) order
            BAR.put(b.tsCode() + "|" + b.tradeDate(), b);
            Bar prev = last.put(b.tsCode().toString(), b);
            if (prev != null) {
                assertThat(prev.tradeDate()).isBefore(b.tradeDate());
                PREVIOUS.put(b.tsCode() + "|" + b.tradeDate(), prev);
            }
        }
        Path weights = RandomWeights.write(dir.resolve("weights.csv"), MiniSample.calendar(), MiniSample.panel().codes(),
                FROM, TO, 8, 0.98, 20240101L);
        BacktestConfig base = BacktestConfig.of(FROM, TO, 3_000_000);
        run("open_lapse", base, weights);
        run("vwap_carry", base.withFillPrice(FillPrice.VWAP).withCarryOver(true), weights);
        run("close_fixed_rates", base.withFillPrice(FillPrice.CLOSE)
                .withCosts(new CostModel(0.00025, 5, 0.001, 0.00002))
                .withSlippage(new SlippageModel(0.0005, 0.2, 0.02)), weights);
        run("small_capital", BacktestConfig.of(FROM, TO, 300_000), weights);
    }

    private static void run(String name, BacktestConfig config, Path weights) {
        BacktestResult result = new BacktestEngine(MiniSample.panel(), config).run(TargetWeightsStrategy.read(weights));
        Path out = dir.resolve(name);
        BacktestWriter.write(result, out, Map.of());
        RUNS.put(name, out);
        CONFIGS.put(name, config);
    }

    static Stream<Arguments> runs() {
        return Stream.of("open_lapse", "vwap_carry", "close_fixed_rates", "small_capital").map(Arguments::of);
    }

    private static Bar bar(String code, LocalDate date) {
        return BAR.get(code + "|" + date);
    }

    /**
     * The band the rule book sets for the bar's day (board, date-effective ST status from the
     * sample's namechange, sessions since listing), as an exact decimal; null on an unlimited day.
     */
    private static BigDecimal limitFraction(Bar b, boolean up) {
        PriceLimit limit = RULES.limitOn(b.tsCode(), b.tradeDate());
        return limit.isLimited() ? new BigDecimal(Double.toString(up ? limit.up() : limit.down())) : null;
    }

    /** pre_close × (1 + band) rounded half-up to the cent in BigDecimal; no limit: above any price. */
    private static BigDecimal limitUp(Bar b) {
        BigDecimal band = limitFraction(b, true);
        return band == null ? BigDecimal.valueOf(Long.MAX_VALUE)
                : BigDecimal.valueOf(b.preClose()).multiply(BigDecimal.ONE.add(band)).setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal limitDown(Bar b) {
        BigDecimal band = limitFraction(b, false);
        return band == null ? BigDecimal.ZERO
                : BigDecimal.valueOf(b.preClose()).multiply(BigDecimal.ONE.subtract(band)).setScale(2, RoundingMode.HALF_UP);
    }

    private static double reference(Bar b, FillPrice fill) {
        return switch (fill) {
            case OPEN -> b.open();
            case CLOSE -> b.close();
            case VWAP -> b.amount() * 10 / b.vol();
        };
    }

    @ParameterizedTest
    @MethodSource("runs")
    void manyTradesHappenAndEveryRejectionHasAKnownReason(String run) {
        List<Trade> trades = OutputFiles.trades(RUNS.get(run));
        assertThat(trades).hasSizeGreaterThan(1500);
        assertThat(trades).anyMatch(t -> !t.buy()).anyMatch(Trade::buy);
        Set<String> reasons = new HashSet<>();
        for (RejectionRow r : OutputFiles.rejections(RUNS.get(run))) {
            reasons.add(r.reason());
            if (r.reason().equals("suspended")) {
                Bar b = bar(r.code(), r.date());
                assertThat(b == null || b.vol() == 0).as("suspended %s on %s has a bar", r.code(), r.date()).isTrue();
            }
        }
        assertThat(reasons).isSubsetOf("limit_up", "limit_down", "suspended", "t_plus_1", "lot_size", "cash");
        assertThat(reasons).contains("lot_size", "suspended");
    }

    @ParameterizedTest
    @MethodSource("runs")
    void noBuyAtOrAboveLimitUpAndNoSellAtOrBelowLimitDown(String run) {
        FillPrice fill = CONFIGS.get(run).fillPrice();
        for (Trade t : OutputFiles.trades(RUNS.get(run))) {
            Bar b = bar(t.code(), t.date());
            assertThat(b).as("bar of %s on %s", t.code(), t.date()).isNotNull();
            assertThat(b.vol()).isPositive();
            BigDecimal reference = BigDecimal.valueOf(reference(b, fill));
            if (t.buy()) {
                assertThat(t.price()).as("buy %s", t).isLessThan(limitUp(b));
                assertThat(reference).isLessThan(limitUp(b));
                assertThat(t.price()).isGreaterThanOrEqualTo(reference.setScale(4, RoundingMode.DOWN));
            } else {
                assertThat(t.price()).as("sell %s", t).isGreaterThan(limitDown(b));
                assertThat(reference).isGreaterThan(limitDown(b));
                assertThat(t.price()).isLessThanOrEqualTo(reference.setScale(4, RoundingMode.UP));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("runs")
    void rejectedLimitOrdersReallyFacedTheLimit(String run) {
        FillPrice fill = CONFIGS.get(run).fillPrice();
        SlippageModel slippage = CONFIGS.get(run).slippage();
        int seen = 0;
        int atTheLimit = 0;
        for (RejectionRow r : OutputFiles.rejections(RUNS.get(run))) {
            if (r.reason().startsWith("limit_")) {
                Bar b = bar(r.code(), r.date());
                boolean up = r.reason().equals("limit_up");
                BigDecimal limit = up ? limitUp(b) : limitDown(b);
                BigDecimal ref = BigDecimal.valueOf(reference(b, fill));
                // The day's price cannot pass its limit: the reference lies inside the exact band ...
                assertThat(up ? ref.compareTo(limit) <= 0 : ref.compareTo(limit) >= 0).as("%s %s: %s vs limit %s", r, b, ref, limit)
                        .isTrue();
                // ... and the order's own price, recomputed from its shares and the day's volume, reached it.
                BigDecimal price = orderPrice(b, fill, slippage, r.shares().doubleValue(), up);
                if (up) {
                    assertThat(price).as("%s: buy price %s vs limit-up %s", r, price, limit).isGreaterThanOrEqualTo(limit);
                } else {
                    assertThat(price).as("%s: sell price %s vs limit-down %s", r, price, limit).isLessThanOrEqualTo(limit);
                }
                atTheLimit += ref.compareTo(limit) == 0 ? 1 : 0;
                seen++;
            }
        }
        System.out.printf("%s: %d limit rejections, %d with the reference price exactly at the limit%n", run, seen, atTheLimit);
        assertThat(seen).isPositive();
        if (fill != FillPrice.VWAP) {
            // Opens and closes at the limit (limit days) are the rule book's exact price, to the cent.
            assertThat(atTheLimit).as("limit rejections whose reference price is exactly the rule book's limit").isPositive();
        }
    }

    /**
     * SPEC section 2's fill price, independently: reference ± reference × min(base + impact ×
     * sqrt(shares / day volume in shares), cap), rounded half-up to 0.0001 CNY.
     */
    private static BigDecimal orderPrice(Bar b, FillPrice fill, SlippageModel model, double shares, boolean buy) {
        double ref = reference(b, fill);
        double fraction = Math.min(model.base() + model.impact() * Math.sqrt(shares / (b.vol() * 100)), model.cap());
        BigDecimal slip = BigDecimal.valueOf(ref).multiply(BigDecimal.valueOf(fraction));
        BigDecimal price = buy ? BigDecimal.valueOf(ref).add(slip) : BigDecimal.valueOf(ref).subtract(slip);
        return price.max(new BigDecimal("0.0001")).setScale(4, RoundingMode.HALF_UP);
    }

    @ParameterizedTest
    @MethodSource("runs")
    void sharesBoughtOnADayAreNeverSoldThatDayAndLotsFollowTheBoard(String run) {
        List<Trade> trades = OutputFiles.trades(RUNS.get(run));
        Map<String, BigDecimal> position = new HashMap<>();
        Map<String, Set<String>> sidesOfDay = new HashMap<>();
        LocalDate current = null;
        List<LocalDate> days = MiniSample.calendar().openDays(FROM, TO);
        int t = 0;
        int oddLotExits = 0;
        for (LocalDate day : days) {
            // corporate actions at the start of the day: shares × f / f₋₁ on ex-dates
            for (var e : position.entrySet()) {
                Bar b = bar(e.getKey(), day);
                if (b == null) {
                    continue;
                }
                Bar prev = PREVIOUS.get(e.getKey() + "|" + day);
                if (Math.abs(b.preClose() - prev.close()) >= 0.005) {
                    double ratio = b.adjFactor() / prev.adjFactor();
                    e.setValue(BigDecimal.valueOf(Math.round(e.getValue().doubleValue() * ratio * 1e4) / 1e4));
                }
            }
            Map<String, BigDecimal> heldBeforeToday = new HashMap<>(position);
            for (; t < trades.size() && trades.get(t).date().equals(day); t++) {
                Trade tr = trades.get(t);
                sidesOfDay.computeIfAbsent(tr.code() + "|" + day, k -> new HashSet<>()).add(tr.side());
                BigDecimal held = position.getOrDefault(tr.code(), BigDecimal.ZERO);
                boolean star = tr.code().startsWith("688");
                if (tr.buy()) {
                    assertThat(tr.shares().stripTrailingZeros().scale()).as("whole shares %s", tr).isLessThanOrEqualTo(0);
                    if (star) {
                        assertThat(tr.shares()).isGreaterThanOrEqualTo(new BigDecimal(200)).isLessThanOrEqualTo(new BigDecimal(100_000));
                    } else {
                        assertThat(tr.shares().remainder(new BigDecimal(100)).signum()).as("lot of 100: %s", tr).isZero();
                    }
                    position.put(tr.code(), held.add(tr.shares()));
                } else {
                    BigDecimal before = heldBeforeToday.getOrDefault(tr.code(), BigDecimal.ZERO);
                    assertThat(tr.shares()).as("T+1: %s sells at most what was held before the day", tr)
                            .isLessThanOrEqualTo(before);
                    BigDecimal left = held.subtract(tr.shares());
                    boolean whole = left.abs().compareTo(new BigDecimal("0.0001")) < 0;
                    if (!whole) {
                        if (star) {
                            assertThat(tr.shares()).isGreaterThanOrEqualTo(new BigDecimal(200));
                        } else {
                            assertThat(tr.shares().remainder(new BigDecimal(100)).signum()).as("partial sell in lots: %s", tr).isZero();
                        }
                        assertThat(tr.reason()).isEqualTo("reduce");
                    } else {
                        assertThat(tr.reason()).isEqualTo("exit");
                        if (tr.shares().remainder(new BigDecimal(100)).signum() != 0) {
                            oddLotExits++;
                        }
                        left = BigDecimal.ZERO;
                    }
                    position.put(tr.code(), left);
                }
                current = day;
            }
            position.values().removeIf(v -> v.signum() == 0);
        }
        assertThat(t).as("all trades fall on trading days of the run").isEqualTo(trades.size());
        assertThat(current).isNotNull();
        assertThat(sidesOfDay.values()).allMatch(sides -> sides.size() == 1);
        if (!run.equals("small_capital")) {
            assertThat(oddLotExits).as("corporate actions leave odd lots that exits sell").isPositive();
        }
    }

    @ParameterizedTest
    @MethodSource("runs")
    void feesRecomputedFromEachFillEqualTheReportedOnes(String run) {
        CostModel costs = CONFIGS.get(run).costs();
        for (Trade t : OutputFiles.trades(RUNS.get(run))) {
            BigDecimal value = t.shares().multiply(t.price()).setScale(2, RoundingMode.HALF_UP);
            assertThat(t.value()).as("value = shares × price: %s", t).isEqualByComparingTo(value);
            Fees fees = costs.fees(t.buy() ? Side.BUY : Side.SELL, t.value().doubleValue(), t.date());
            assertThat(t.commission()).as("commission %s", t).isEqualByComparingTo(BigDecimal.valueOf(fees.commission()));
            assertThat(t.stampDuty()).as("stamp duty %s", t).isEqualByComparingTo(BigDecimal.valueOf(fees.stampDuty()));
            assertThat(t.transferFee()).as("transfer fee %s", t).isEqualByComparingTo(BigDecimal.valueOf(fees.transferFee()));
            // independent: commission max(rate × value, min); stamp duty sells only
            BigDecimal commission = t.value().multiply(BigDecimal.valueOf(costs.commissionRate())).setScale(2, RoundingMode.HALF_UP)
                    .max(BigDecimal.valueOf(costs.minCommission()).setScale(2, RoundingMode.HALF_UP));
            assertThat(t.commission()).isEqualByComparingTo(commission);
            if (t.buy()) {
                assertThat(t.stampDuty().signum()).isZero();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("runs")
    void cashPlusMarketValueIsEquityAndCashFollowsTheTrades(String run) {
        List<EquityRow> equity = OutputFiles.equity(RUNS.get(run));
        List<Trade> trades = OutputFiles.trades(RUNS.get(run));
        assertThat(equity.get(0).date()).isEqualTo(FROM);
        assertThat(equity.get(equity.size() - 1).date()).isEqualTo(TO);
        assertThat(equity).hasSize(MiniSample.calendar().openDays(FROM, TO).size());
        long capital = Math.round(CONFIGS.get(run).initialCapital() * 100);
        assertThat(equity.get(0).cash()).isEqualTo(capital);
        assertThat(equity.get(0).marketValue()).isZero();
        Map<LocalDate, Long> flows = new HashMap<>();
        for (Trade t : trades) {
            flows.merge(t.date(), t.cashFlowCents(), Long::sum);
        }
        long cash = capital;
        double peak = 0;
        for (EquityRow row : equity) {
            assertThat(row.cash() + row.marketValue()).as("cash + market value on %s", row.date()).isEqualTo(row.equity());
            cash += flows.getOrDefault(row.date(), 0L);
            assertThat(row.cash()).as("cash on %s", row.date()).isEqualTo(cash);
            assertThat(row.cash()).isNotNegative();
            peak = Math.max(peak, row.equity());
            assertThat(row.drawdown()).isCloseTo((peak - row.equity()) / peak, org.assertj.core.data.Offset.offset(1e-8));
        }
    }

    @ParameterizedTest
    @MethodSource("runs")
    void marketValueIsTheRebuiltPositionsAtTheClose(String run) {
        List<EquityRow> equity = OutputFiles.equity(RUNS.get(run));
        List<Trade> trades = OutputFiles.trades(RUNS.get(run));
        Map<String, Double> position = new HashMap<>();
        Map<String, Double> lastClose = new HashMap<>();
        int t = 0;
        for (EquityRow row : equity) {
            LocalDate day = row.date();
            for (var e : position.entrySet()) {
                Bar b = bar(e.getKey(), day);
                if (b != null) {
                    Bar prev = PREVIOUS.get(e.getKey() + "|" + day);
                    if (Math.abs(b.preClose() - prev.close()) >= 0.005) {
                        e.setValue(Math.round(e.getValue() * b.adjFactor() / prev.adjFactor() * 1e4) / 1e4);
                    }
                }
            }
            for (; t < trades.size() && trades.get(t).date().equals(day); t++) {
                Trade tr = trades.get(t);
                double delta = tr.shares().doubleValue() * (tr.buy() ? 1 : -1);
                double left = position.getOrDefault(tr.code(), 0.0) + delta;
                if (tr.reason().equals("exit")) {
                    left = 0;
                }
                position.put(tr.code(), left);
            }
            position.values().removeIf(v -> v == 0);
            double value = 0;
            for (var e : position.entrySet()) {
                Bar b = bar(e.getKey(), day);
                if (b != null) {
                    lastClose.put(e.getKey(), b.close());
                }
                value += e.getValue() * lastClose.computeIfAbsent(e.getKey(), k -> {
                    throw new AssertionError("no close for " + k);
                });
            }
            assertThat(row.marketValue()).as("market value on %s", day).isCloseTo(Math.round(value * 100), org.assertj.core.data.Offset.offset(1L));
        }
    }
}
