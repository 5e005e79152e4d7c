package com.alphaquant.backtest.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.alphaquant.backtest.MiniSample;
import com.alphaquant.backtest.OutputFiles;
import com.alphaquant.backtest.OutputFiles.EquityRow;
import com.alphaquant.backtest.OutputFiles.Trade;
import com.alphaquant.backtest.RandomWeights;
import com.alphaquant.backtest.engine.BacktestConfig;
import com.alphaquant.backtest.engine.BacktestEngine;
import com.alphaquant.backtest.engine.BacktestResult;
import com.alphaquant.backtest.report.BacktestWriter;
import com.alphaquant.backtest.strategy.BuyAndHoldStrategy;
import com.alphaquant.backtest.strategy.Strategy;
import com.alphaquant.backtest.strategy.TargetWeightsStrategy;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SPEC section 5 recomputed with plain loops from the written equity.csv and trades.csv. */
class MetricsFromFilesTest {

    private static final LocalDate FROM = LocalDate.of(2021, 3, 1);
    private static final LocalDate TO = LocalDate.of(2022, 11, 30);

    @TempDir
    Path dir;

    @Test
    void buyAndHoldWithARiskFreeRate() {
        check(new BuyAndHoldStrategy(List.of()), BacktestConfig.of(FROM, TO, 2_000_000).withRiskFreeRate(0.02), 0.02);
    }

    @Test
    void dailyRandomRebalancing() {
        Path weights = RandomWeights.write(dir.resolve("w.csv"), MiniSample.calendar(), MiniSample.panel().codes(), FROM, TO, 6, 0.9, 7L);
        check(TargetWeightsStrategy.read(weights), BacktestConfig.of(FROM, TO, 5_000_000), 0.0);
    }

    private void check(Strategy strategy, BacktestConfig config, double rf) {
        BacktestResult result = new BacktestEngine(MiniSample.panel(), config).run(strategy);
        Path out = dir.resolve("out");
        BacktestWriter.write(result, out, Map.of());
        List<EquityRow> rows = OutputFiles.equity(out);
        Map<String, Double> json = OutputFiles.metrics(out);

        int n = rows.size() - 1;
        double[] e = new double[n + 1];
        double[] b = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            e[i] = rows.get(i).equity() / 100.0;
            b[i] = rows.get(i).benchmark().doubleValue();
        }
        double rfd = rf / 252;
        double total = e[n] / e[0] - 1;
        double annual = Math.pow(1 + total, 252.0 / n) - 1;
        double sumR = 0;
        double sumB = 0;
        int wins = 0;
        for (int i = 1; i <= n; i++) {
            double r = e[i] / e[i - 1] - 1;
            sumR += r;
            sumB += b[i] / b[i - 1] - 1;
            if (r > 0) {
                wins++;
            }
        }
        double meanR = sumR / n;
        double meanB = sumB / n;
        double ssR = 0;
        double ssB = 0;
        double cov = 0;
        double down = 0;
        double ssActive = 0;
        double meanActive = meanR - meanB;
        for (int i = 1; i <= n; i++) {
            double r = e[i] / e[i - 1] - 1;
            double x = b[i] / b[i - 1] - 1;
            ssR += (r - meanR) * (r - meanR);
            ssB += (x - meanB) * (x - meanB);
            cov += (r - meanR) * (x - meanB);
            down += Math.min(0, r - rfd) * Math.min(0, r - rfd);
            ssActive += (r - x - meanActive) * (r - x - meanActive);
        }
        double std = Math.sqrt(ssR / (n - 1));
        double peak = e[0];
        double mdd = 0;
        double sumE = 0;
        for (double v : e) {
            peak = Math.max(peak, v);
            mdd = Math.max(mdd, (peak - v) / peak);
            sumE += v;
        }
        double traded = 0;
        for (Trade t : OutputFiles.trades(out)) {
            traded += t.value().doubleValue();
        }
        double beta = cov / ssB;

        assertThat(json.get("days")).isEqualTo(n);
        assertThat(json.get("total_return")).isCloseTo(total, within(1e-12));
        assertThat(json.get("annual_return")).isCloseTo(annual, within(1e-12));
        assertThat(json.get("volatility")).isCloseTo(std * Math.sqrt(252), within(1e-12));
        assertThat(json.get("sharpe")).isCloseTo((meanR - rfd) / std * Math.sqrt(252), within(1e-10));
        assertThat(json.get("sortino")).isCloseTo((meanR - rfd) / Math.sqrt(down / n) * Math.sqrt(252), within(1e-10));
        assertThat(json.get("max_drawdown")).isCloseTo(mdd, within(1e-12));
        assertThat(json.get("calmar")).isCloseTo(annual / mdd, within(1e-10));
        assertThat(json.get("win_rate")).isCloseTo((double) wins / n, within(1e-15));
        assertThat(json.get("turnover")).isCloseTo(traded / 2 / (sumE / (n + 1)) * 252 / n, within(1e-9));
        assertThat(json.get("benchmark_return")).isCloseTo(b[n] / b[0] - 1, within(1e-12));
        assertThat(json.get("excess_return")).isCloseTo(total - (b[n] / b[0] - 1), within(1e-12));
        assertThat(json.get("beta")).isCloseTo(beta, within(1e-10));
        assertThat(json.get("alpha")).isCloseTo(((meanR - rfd) - beta * (meanB - rfd)) * 252, within(1e-10));
        assertThat(json.get("information_ratio")).isCloseTo(meanActive / Math.sqrt(ssActive / (n - 1)) * Math.sqrt(252), within(1e-10));
        // the benchmark column is the capital in the CSI 300 from the first row's close
        assertThat(b[0]).isEqualTo(config.initialCapital());
    }
}
