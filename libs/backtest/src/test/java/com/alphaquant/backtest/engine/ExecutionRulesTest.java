package com.alphaquant.backtest.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alphaquant.backtest.Synthetic;
import com.alphaquant.backtest.strategy.History;
import com.alphaquant.backtest.strategy.Strategy;
import com.alphaquant.market.Bar;
import com.alphaquant.market.Board;
import com.alphaquant.market.NameChange;
import com.alphaquant.market.StHistory;
import com.alphaquant.market.TradingCalendar;
import com.alphaquant.market.TsCode;
import com.alphaquant.market.rules.CostModel;
import com.alphaquant.market.rules.Side;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One rule of SPEC section 2b per test, on bars made for it. No slippage unless stated, fees as in May 2022. */
class ExecutionRulesTest {

    private static final TsCode A = TsCode.of("600001.SH");
    private static final TsCode S = TsCode.of("688001.SH");
    private static final TradingCalendar CALENDAR = Synthetic.weekdays(LocalDate.of(2022, 4, 1), LocalDate.of(2022, 6, 30));
    private static final LocalDate MON = LocalDate.of(2022, 5, 9);
    private static final LocalDate FRI = LocalDate.of(2022, 5, 13);

    private static BarPanel panel(List<Bar> bars) {
        return BarPanel.of(CALENDAR, bars, code -> Board.of(code) == Board.STAR ? LocalDate.of(2019, 7, 22) : LocalDate.of(2000, 1, 4),
                (c, d) -> false, null, null);
    }

    private static BacktestConfig config(double capital) {
        return BacktestConfig.of(MON, FRI, capital).withSlippage(SlippageModel.NONE);
    }

    /** Puts {@code weight} on {@code code} at the close of {@code day}, holds otherwise. */
    private static Strategy on(LocalDate day, TsCode code, double weight) {
        return (view, target) -> {
            if (!view.date().equals(day)) {
                return false;
            }
            target.set(view.indexOf(code), weight);
            return true;
        };
    }

    /** Flat bars of {@code code} at {@code price} on the given days (preClose = price). */
    private static List<Bar> flat(String code, double price, String... days) {
        List<Bar> bars = new ArrayList<>();
        for (String d : days) {
            bars.add(Synthetic.flat(code, d, price, price, 10000));
        }
        return bars;
    }

    private static List<Bar> concat(List<Bar> a, List<Bar> b) {
        List<Bar> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    @Test
    void aSuspendedStockDoesNotTradeAndTheOrderLapses() {
        // no bar on Tuesday 05-10
        List<Bar> bars = flat("600001.SH", 10, "2022-05-09", "2022-05-11", "2022-05-12", "2022-05-13");
        BacktestResult r = new BacktestEngine(panel(bars), config(100_000)).run(on(MON, A, 0.5));
        assertThat(r.fills()).isEmpty();
        assertThat(r.rejections()).singleElement().satisfies(x -> {
            assertThat(x.date()).isEqualTo(LocalDate.of(2022, 5, 10));
            assertThat(x.reason()).isEqualTo(RejectReason.SUSPENDED);
            assertThat(x.shares()).isEqualTo(5000);
        });
        assertThat(r.equity(4)).isEqualTo(100_000);
    }

    @Test
    void withCarryOverTheOrderFillsWhenTradingResumes() {
        List<Bar> bars = new ArrayList<>(flat("600001.SH", 10, "2022-05-09", "2022-05-12", "2022-05-13"));
        bars.add(Synthetic.flat("600001.SH", "2022-05-10", 10, 10, 0)); // a bar with zero volume is a suspension too
        BacktestResult r = new BacktestEngine(panel(bars), config(100_000).withCarryOver(true)).run(on(MON, A, 0.5));
        assertThat(r.rejections()).extracting(Rejection::date, Rejection::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple(LocalDate.of(2022, 5, 10), RejectReason.SUSPENDED),
                org.assertj.core.groups.Tuple.tuple(LocalDate.of(2022, 5, 11), RejectReason.SUSPENDED));
        assertThat(r.fills()).singleElement().satisfies(f -> {
            assertThat(f.date()).isEqualTo(LocalDate.of(2022, 5, 12));
            assertThat(f.shares()).isEqualTo(5000);
        });
    }

    @Test
    void aSellAtLimitDownWaitsWithCarryOverAndLapsesWithout() {
        List<Bar> bars = List.of(
                Synthetic.flat("600001.SH", "2022-05-09", 10.00, 10.00, 10000),
                Synthetic.flat("600001.SH", "2022-05-10", 10.00, 10.00, 10000),
                // Wednesday opens and stays at limit-down 9.00 = round(10.00 × 0.9, 2)
                Synthetic.flat("600001.SH", "2022-05-11", 9.00, 10.00, 10000),
                Synthetic.bar("600001.SH", "2022-05-12", 8.50, 8.60, 8.40, 8.50, 9.00, 10000, 1.0),
                Synthetic.flat("600001.SH", "2022-05-13", 8.50, 8.50, 10000));
        Strategy buyThenSell = (view, target) -> {
            if (view.date().equals(MON)) {
                target.set(0, 0.5);
                return true;
            }
            return view.date().equals(LocalDate.of(2022, 5, 10)); // empty targets: sell everything
        };
        BacktestResult lapse = new BacktestEngine(panel(bars), config(100_000)).run(buyThenSell);
        assertThat(lapse.rejections()).extracting(Rejection::reason).containsExactly(RejectReason.LIMIT_DOWN);
        assertThat(lapse.fills()).extracting(Fill::side).containsExactly(Side.BUY);

        BacktestResult carry = new BacktestEngine(panel(bars), config(100_000).withCarryOver(true)).run(buyThenSell);
        assertThat(carry.fills()).extracting(Fill::side, Fill::date, Fill::price, Fill::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Side.BUY, LocalDate.of(2022, 5, 10), 10.0, "entry"),
                org.assertj.core.groups.Tuple.tuple(Side.SELL, LocalDate.of(2022, 5, 12), 8.5, "exit"));
    }

    @Test
    void slippageThatWouldReachLimitUpStopsTheBuy() {
        // open 10.99, limit-up 11.00: 10 bp of slippage makes 11.0010 ≥ 11.00
        List<Bar> bars = List.of(
                Synthetic.flat("600001.SH", "2022-05-09", 10.00, 10.00, 10000),
                Synthetic.bar("600001.SH", "2022-05-10", 10.99, 11.00, 10.90, 11.00, 10.00, 10000, 1.0),
                Synthetic.flat("600001.SH", "2022-05-11", 11.00, 11.00, 10000),
                Synthetic.flat("600001.SH", "2022-05-12", 11.00, 11.00, 10000),
                Synthetic.flat("600001.SH", "2022-05-13", 11.00, 11.00, 10000));
        BacktestResult r = new BacktestEngine(panel(bars), config(100_000).withSlippage(new SlippageModel(0.001, 0, 0.01)))
                .run(on(MON, A, 0.5));
        assertThat(r.fills()).isEmpty();
        assertThat(r.rejections()).extracting(Rejection::reason).containsExactly(RejectReason.LIMIT_UP);

        BacktestResult noSlip = new BacktestEngine(panel(bars), config(100_000)).run(on(MON, A, 0.5));
        assertThat(noSlip.fills()).singleElement().extracting(Fill::price).isEqualTo(10.99);
    }

    @Test
    void buysAreScaledDownToTheCashAndCashNeverGoesNegative() {
        List<Bar> bars = flat("600001.SH", 10, "2022-05-09", "2022-05-10", "2022-05-11", "2022-05-12", "2022-05-13");
        // weight 1: 1000 shares cost 10,000 + 5 commission + 0.10 transfer > 10,000 → 900 shares
        BacktestResult r = new BacktestEngine(panel(bars), config(10_000)).run(on(MON, A, 1.0));
        assertThat(r.fills()).singleElement().satisfies(f -> {
            assertThat(f.shares()).isEqualTo(900);
            assertThat(f.value()).isEqualTo(9000.0);
            assertThat(f.fees().commission()).isEqualTo(5.0);   // 9000 × 0.0003 = 2.70 < minimum 5
            assertThat(f.fees().transferFee()).isEqualTo(0.09);
        });
        assertThat(r.rejections()).singleElement().satisfies(x -> {
            assertThat(x.reason()).isEqualTo(RejectReason.CASH);
            assertThat(x.shares()).isEqualTo(100);
        });
        assertThat(r.cash(1)).isEqualTo(10_000 - 9000 - 5 - 0.09);
    }

    @Test
    void starOrdersTakeAnyShareCountFrom200AndAreCappedAt100000() {
        List<Bar> bars = flat("688001.SH", 10, "2022-05-09", "2022-05-10", "2022-05-11", "2022-05-12", "2022-05-13");
        BacktestResult odd = new BacktestEngine(panel(bars), config(100_000)).run(on(MON, S, 0.02537));
        assertThat(odd.fills()).singleElement().extracting(Fill::shares).isEqualTo(253.0); // 2537 CNY / 10
        BacktestResult small = new BacktestEngine(panel(bars), config(100_000)).run(on(MON, S, 0.015));
        assertThat(small.fills()).isEmpty();
        assertThat(small.rejections()).singleElement().satisfies(x -> {
            assertThat(x.reason()).isEqualTo(RejectReason.LOT_SIZE);
            assertThat(x.shares()).isEqualTo(150.0);
        });
        BacktestResult big = new BacktestEngine(panel(bars), config(3_000_000)).run(on(MON, S, 0.5));
        assertThat(big.fills()).singleElement().extracting(Fill::shares).isEqualTo(100_000.0);
        assertThat(big.rejections()).singleElement().satisfies(x -> {
            assertThat(x.reason()).isEqualTo(RejectReason.LOT_SIZE);
            assertThat(x.shares()).isEqualTo(50_000.0);
        });
    }

    @Test
    void aCorporateActionScalesTheHoldingAndTheExitSellsTheOddLotAndFraction() {
        // 1000 shares bought Tuesday; Thursday goes ex: 3 bonus shares per 10 and a 0.10 dividend:
        // pre_close (10.00 − 0.10) / 1.3 = 7.62, adj 0.7575 → 1.0 (ratio 1.3201320...)
        List<Bar> bars = List.of(
                Synthetic.flat("600001.SH", "2022-05-09", 10.00, 10.00, 10000),
                Synthetic.bar("600001.SH", "2022-05-10", 10.00, 10.00, 10.00, 10.00, 10.00, 10000, 0.7575),
                Synthetic.bar("600001.SH", "2022-05-11", 10.00, 10.00, 10.00, 10.00, 10.00, 10000, 0.7575),
                Synthetic.bar("600001.SH", "2022-05-12", 7.62, 7.70, 7.60, 7.70, 7.62, 10000, 1.0),
                Synthetic.bar("600001.SH", "2022-05-13", 7.70, 7.70, 7.70, 7.70, 7.70, 10000, 1.0));
        Strategy buyThenExit = (view, target) -> {
            if (view.date().equals(MON)) {
                target.set(0, 0.1);
                return true;
            }
            return view.date().equals(LocalDate.of(2022, 5, 12)); // exit at Friday's open
        };
        BacktestResult r = new BacktestEngine(panel(bars), config(100_000)).run(buyThenExit);
        double held = Math.round(1000 * (1.0 / 0.7575) * 1e4) / 1e4; // 1320.1320
        assertThat(held).isEqualTo(1320.132);
        assertThat(r.marketValue(3)).isEqualTo(Math.round(held * 7.70 * 100) / 100.0);
        assertThat(r.fills()).extracting(Fill::side, Fill::shares, Fill::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Side.BUY, 1000.0, "entry"),
                org.assertj.core.groups.Tuple.tuple(Side.SELL, held, "exit"));
        assertThat(r.fills().get(1).value()).isEqualTo(Math.round(held * 7.70 * 100) / 100.0);
        assertThat(r.marketValue(4)).isZero();
    }

    @Test
    void aSellThatWouldLeaveOnlyAFractionOfAShareSellsTheWholePosition() {
        // 1000 shares become 1000 × 1.3004 / 1.0 = 1300.4 on Thursday; a target of ~0.1 share
        // would sell 1300 (lots) and leave 0.4: the fraction sells with the position
        List<Bar> bars = List.of(
                Synthetic.flat("600001.SH", "2022-05-09", 10.00, 10.00, 10000),
                Synthetic.flat("600001.SH", "2022-05-10", 10.00, 10.00, 10000),
                Synthetic.flat("600001.SH", "2022-05-11", 10.00, 10.00, 10000),
                Synthetic.bar("600001.SH", "2022-05-12", 7.69, 7.69, 7.69, 7.69, 7.69, 10000, 1.3004),
                Synthetic.bar("600001.SH", "2022-05-13", 7.69, 7.69, 7.69, 7.69, 7.69, 10000, 1.3004));
        Strategy strategy = (view, target) -> {
            if (view.date().equals(MON)) {
                target.set(0, 0.1);
                return true;
            }
            if (view.date().equals(LocalDate.of(2022, 5, 12))) {
                target.set(0, 0.1 * 7.69 / view.portfolio().equity());
                return true;
            }
            return false;
        };
        BacktestResult r = new BacktestEngine(panel(bars), config(100_000)).run(strategy);
        assertThat(r.fills()).extracting(Fill::shares, Fill::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1000.0, "entry"),
                org.assertj.core.groups.Tuple.tuple(1300.4, "exit"));
        assertThat(r.marketValue(4)).isZero();
    }

    @Test
    void vwapAndCloseFillsUseThoseReferencePrices() {
        List<Bar> bars = List.of(
                Synthetic.flat("600001.SH", "2022-05-09", 10.00, 10.00, 10000),
                // vol 10000 lots, amount 10,250 thousand CNY → VWAP = 10250·10/10000 = 10.25
                new Bar(A, LocalDate.of(2022, 5, 10), 10.00, 10.50, 9.90, 10.40, 10.00, 10000, 10250, 1.0),
                Synthetic.flat("600001.SH", "2022-05-11", 10.40, 10.40, 10000),
                Synthetic.flat("600001.SH", "2022-05-12", 10.40, 10.40, 10000),
                Synthetic.flat("600001.SH", "2022-05-13", 10.40, 10.40, 10000));
        assertThat(new BacktestEngine(panel(bars), config(100_000).withFillPrice(FillPrice.VWAP)).run(on(MON, A, 0.5))
                .fills()).singleElement().extracting(Fill::price).isEqualTo(10.25);
        assertThat(new BacktestEngine(panel(bars), config(100_000).withFillPrice(FillPrice.CLOSE)).run(on(MON, A, 0.5))
                .fills()).singleElement().extracting(Fill::price).isEqualTo(10.40);
    }

    @Test
    void onAnStDayTheBandIsFivePercentAndABuyAtItsLimitUpCloseFails() {
        // Tuesday closes at +5%, the ST limit-up; a 10% band would leave room above it.
        List<Bar> bars = concat(flat("600001.SH", 10.00, "2022-05-09"),
                List.of(new Bar(A, LocalDate.of(2022, 5, 10), 10.00, 10.50, 10.00, 10.50, 10.00, 10000, 10250, 1.0)));
        bars = concat(bars, flat("600001.SH", 10.50, "2022-05-11", "2022-05-12", "2022-05-13"));
        StHistory stOnTuesday = StHistory.of(List.of(
                new NameChange(A, "*ST甲", LocalDate.of(2022, 5, 10), LocalDate.of(2022, 5, 10))));
        BarPanel st = BarPanel.of(CALENDAR, bars, c -> LocalDate.of(2000, 1, 4), stOnTuesday, null, null);

        assertThat(st.limitUpPrice(A, MON)).isEqualTo(11.00);
        assertThat(st.limitUpPrice(A, LocalDate.of(2022, 5, 10))).isEqualTo(10.50);
        assertThat(st.limitDownPrice(A, LocalDate.of(2022, 5, 10))).isEqualTo(9.50);
        assertThat(st.limitUpPrice(A, LocalDate.of(2022, 5, 11))).isEqualTo(11.55);
        assertThat(st.limitUpPrice(A, LocalDate.of(2022, 5, 7))).isNaN(); // no bar on a Saturday
        assertThatThrownBy(() -> st.limitUpPrice(S, MON)).hasMessageContaining("688001.SH is not in the panel");

        BacktestConfig atClose = config(100_000).withFillPrice(FillPrice.CLOSE);
        BacktestResult refused = new BacktestEngine(st, atClose).run(on(MON, A, 0.5));
        assertThat(refused.fills()).isEmpty();
        assertThat(refused.rejections()).extracting(Rejection::reason).containsExactly(RejectReason.LIMIT_UP);
        assertThat(new BacktestEngine(panel(bars), atClose).run(on(MON, A, 0.5)).fills())
                .singleElement().extracting(Fill::price).isEqualTo(10.50);
    }

    @Test
    void theStrategyNeverSeesABarAfterItsDay() {
        List<Bar> bars = concat(flat("600001.SH", 10, "2022-05-02", "2022-05-03", "2022-05-09", "2022-05-10", "2022-05-12", "2022-05-13"),
                flat("688001.SH", 20, "2022-05-09", "2022-05-10", "2022-05-11", "2022-05-12", "2022-05-13"));
        List<String> seen = new ArrayList<>();
        Strategy spy = (view, target) -> {
            History h = view.history(A);
            assertThat(h.date(h.size() - 1)).isBeforeOrEqualTo(view.date());
            assertThatThrownBy(() -> h.close(h.size())).isInstanceOf(IndexOutOfBoundsException.class);
            seen.add(view.date() + ":" + h.size() + ":" + h.tradedToday());
            return false;
        };
        new BacktestEngine(panel(bars), config(100_000)).run(spy);
        // bars of A: 05-02, 05-03 (history before the run), 05-09, 05-10, (none 05-11), 05-12
        assertThat(seen).containsExactly("2022-05-09:3:true", "2022-05-10:4:true", "2022-05-11:4:false", "2022-05-12:5:true");
    }

    @Test
    void qfqHelpersAreRelativeToTheViewsDay() {
        List<Bar> bars = List.of(
                Synthetic.bar("600001.SH", "2022-05-09", 10, 10, 10, 10, 10, 100, 0.5),
                Synthetic.bar("600001.SH", "2022-05-10", 5.2, 5.2, 5.2, 5.2, 5.0, 100, 1.0),
                Synthetic.bar("600001.SH", "2022-05-11", 5.2, 5.2, 5.2, 5.2, 5.2, 100, 1.0),
                Synthetic.bar("600001.SH", "2022-05-12", 5.2, 5.2, 5.2, 5.2, 5.2, 100, 1.0),
                Synthetic.bar("600001.SH", "2022-05-13", 5.2, 5.2, 5.2, 5.2, 5.2, 100, 1.0));
        List<Double> first = new ArrayList<>();
        new BacktestEngine(panel(bars), config(100_000)).run((view, target) -> {
            first.add(view.history(0).qfqClose(0));
            return false;
        });
        // on Monday the latest factor is 0.5 itself: qfq = raw; from Tuesday on 10 × 0.5 / 1.0
        assertThat(first).containsExactly(10.0, 5.0, 5.0, 5.0);
    }

    @Test
    void theLimitBookIsAppliedPerBarIncludingNewListings() {
        // STAR listing on Monday 05-09: no limit for five sessions, then ±20%
        List<Bar> bars = new ArrayList<>();
        String[] days = {"2022-05-09", "2022-05-10", "2022-05-11", "2022-05-12", "2022-05-13", "2022-05-16"};
        for (String d : days) {
            bars.add(Synthetic.flat("688001.SH", d, 30, 20, 10000));
        }
        BarPanel p = BarPanel.of(CALENDAR, bars, c -> LocalDate.of(2022, 5, 9), (c, d) -> false, null, null);
        assertThat(p.limitUp[0]).containsExactly(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY,
                Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, 24.0);
        assertThat(p.limitDown[0][5]).isEqualTo(16.0);
    }

    @Test
    void weightsAboveOneAreRefused() {
        List<Bar> bars = flat("600001.SH", 10, "2022-05-09", "2022-05-10", "2022-05-11", "2022-05-12", "2022-05-13");
        assertThatThrownBy(() -> new BacktestEngine(panel(bars), config(100_000)).run(on(MON, A, 1.5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2022-05-09").hasMessageContaining("more than 1");
        assertThatThrownBy(() -> new BacktestEngine(panel(bars), config(100_000)).run(on(MON, A, -0.1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("600001.SH").hasMessageContaining("long only");
    }

    @Test
    void aRangeOutsideTheDataFailsNamingTheDataRange() {
        List<Bar> bars = flat("600001.SH", 10, "2022-05-09", "2022-05-10", "2022-05-11", "2022-05-12", "2022-05-13");
        BarPanel p = panel(bars);
        assertThatThrownBy(() -> new BacktestEngine(p, BacktestConfig.of(LocalDate.of(2022, 6, 1), LocalDate.of(2022, 6, 30), 1e6))
                .run(on(MON, A, 1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("No trading day with data between 2022-06-01 and 2022-06-30: the data covers 2022-05-09 to 2022-05-13");
        assertThatThrownBy(() -> new BacktestEngine(p, BacktestConfig.of(LocalDate.of(2022, 5, 2), FRI, 1e6)).run(on(MON, A, 1)))
                .hasMessage("Start date 2022-05-02 is before the data's first day: the data covers 2022-05-09 to 2022-05-13");
        assertThatThrownBy(() -> new BacktestEngine(p, BacktestConfig.of(MON, LocalDate.of(2022, 5, 20), 1e6)).run(on(MON, A, 1)))
                .hasMessage("End date 2022-05-20 is after the data's last day: the data covers 2022-05-09 to 2022-05-13");
        assertThatThrownBy(() -> new BacktestEngine(p, BacktestConfig.of(MON, MON, 1e6)).run(on(MON, A, 1)))
                .hasMessageContaining("one trading day");
        // a weekend before the first day is no gap in the data
        assertThat(new BacktestEngine(p, BacktestConfig.of(LocalDate.of(2022, 5, 7), FRI, 1e6)).run(on(MON, A, 1)).days()).isEqualTo(5);
    }

    @Test
    void explicitFeeRatesOverrideTheSchedule() {
        List<Bar> bars = flat("600001.SH", 10, "2022-05-09", "2022-05-10", "2022-05-11", "2022-05-12", "2022-05-13");
        BacktestConfig cfg = config(1_000_000).withCosts(new CostModel(0.001, 0, 0.002, 0.0001));
        Strategy roundTrip = (view, target) -> {
            if (view.date().equals(MON)) {
                target.set(0, 0.5);
                return true;
            }
            return view.date().equals(LocalDate.of(2022, 5, 10));
        };
        BacktestResult r = new BacktestEngine(panel(bars), cfg).run(roundTrip);
        assertThat(r.fills()).hasSize(2);
        assertThat(r.fills().get(1).fees()).isEqualTo(new com.alphaquant.market.rules.Fees(500.0, 1000.0, 50.0));
        assertThat(r.equity(4)).isEqualTo(1_000_000 - 500 - 50 - 500 - 1000 - 50);
        // equity 1,000,000 | 999,450 after the buy's fees | 997,900 after the sell's, three days
        assertThat(r.metrics().turnover()).isCloseTo(1_000_000.0 / 2 / ((1_000_000 + 999_450 + 997_900 * 3) / 5.0) * 63,
                org.assertj.core.data.Offset.offset(1e-12));
    }
}
