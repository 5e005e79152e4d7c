package com.alphaquant.backtest.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphaquant.backtest.MiniSample;
import com.alphaquant.backtest.RandomWeights;
import com.alphaquant.backtest.strategy.TargetWeightsStrategy;
import com.alphaquant.market.Bar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A live book's way of running: each day a new panel holding the bars up to that day only, the
 * portfolio resumed from the state the day before left ({@link BookState}), one day stepped. Every
 * day's cash, market value, fills and rejections equal those of one unbroken batch run, with
 * daily random weights, VWAP fills and carried-over orders (so limits, suspensions, lots and
 * cash cuts all occur and pending orders cross the day boundary in the state).
 */
class DayStepperTest {

    private static final LocalDate FROM = LocalDate.of(2022, 6, 1);
    private static final LocalDate TO = LocalDate.of(2022, 12, 20);

    @Test
    void steppingDayByDayFromSavedStatesEqualsTheBatchRun() throws Exception {
        Path file = Files.createTempFile("weights", ".csv");
        RandomWeights.write(file, MiniSample.calendar(), MiniSample.panel().codes(), FROM, TO, 8, 0.98, 20261205L);
        TargetWeightsStrategy weights = TargetWeightsStrategy.read(file);
        Files.delete(file);
        BacktestConfig config = BacktestConfig.of(FROM, TO, 2_000_000).withFillPrice(FillPrice.VWAP).withCarryOver(true);
        BacktestResult batch = new BacktestEngine(MiniSample.panel(), config).run(weights);

        BookState state = BookState.cash(config.initialCapital());
        List<Fill> fills = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        int carried = 0;
        for (int i = 0; i < batch.days(); i++) {
            LocalDate day = batch.date(i);
            BarPanel upToDay = BarPanel.of(MiniSample.calendar(), barsUpTo(day), MiniSample::listDate, (c, d) -> false,
                    MiniSample.index(), MiniSample.CSI300);
            DayStepper stepper = DayStepper.resume(upToDay, config, state);
            DayResult result = stepper.step(day, i < batch.days() - 1 ? weights : null);
            state = stepper.state();
            carried += result.rejections().isEmpty() ? 0 : state.orders().size();

            assertThat(result.cash()).as("cash on %s", day).isEqualTo(batch.cash(i));
            assertThat(result.marketValue()).as("market value on %s", day).isEqualTo(batch.marketValue(i));
            fills.addAll(result.fills());
            rejections.addAll(result.rejections());
        }
        assertThat(fills).isEqualTo(batch.fills());
        assertThat(rejections).isEqualTo(batch.rejections());
        assertThat(batch.fills()).hasSizeGreaterThan(500);
        assertThat(batch.rejectionCounts()).containsKeys(RejectReason.LOT_SIZE, RejectReason.CASH);
        assertThat(carried).as("orders carried over a day boundary").isPositive();
    }

    @Test
    void aDayBeforeOrOffThePanelIsRefused() {
        DayStepper stepper = DayStepper.start(MiniSample.panel(), BacktestConfig.of(FROM, TO, 1_000_000));
        stepper.step(LocalDate.of(2022, 6, 2), null);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> stepper.step(LocalDate.of(2022, 6, 1), null))
                .hasMessageContaining("not after the last day stepped");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> stepper.step(LocalDate.of(2022, 6, 4), null))
                .hasMessageContaining("not a trading day of the panel");
    }

    private static List<Bar> barsUpTo(LocalDate day) {
        return MiniSample.bars().stream().filter(b -> !b.tradeDate().isAfter(day)).toList();
    }
}
