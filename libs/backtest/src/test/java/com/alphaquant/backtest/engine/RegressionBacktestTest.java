package com.alphaquant.backtest.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphaquant.backtest.MiniSample;
import com.alphaquant.backtest.MomentumTopN;
import com.alphaquant.backtest.RandomWeights;
import com.alphaquant.backtest.strategy.BuyAndHoldStrategy;
import com.alphaquant.backtest.strategy.Strategy;
import com.alphaquant.backtest.strategy.TargetWeightsStrategy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Regression backtests on the real 30-stock sample: their key figures are stored in
 * {@code src/test/resources/regression/NAME.properties} and any change fails here, so a change
 * that moves results is seen (and the engine VERSION bumped). To accept new figures on purpose,
 * run with {@code -Dregression.update=true} from the module folder and review the diff.
 */
class RegressionBacktestTest {

    private static final LocalDate FROM = LocalDate.of(2021, 1, 5);
    private static final LocalDate TO = LocalDate.of(2022, 12, 20);

    private static final Map<String, Supplier<Strategy>> STRATEGIES = new LinkedHashMap<>();
    private static final Map<String, BacktestConfig> CONFIGS = new LinkedHashMap<>();

    static {
        STRATEGIES.put("buy_and_hold_mini30", () -> new BuyAndHoldStrategy(java.util.List.of()));
        CONFIGS.put("buy_and_hold_mini30", BacktestConfig.of(FROM, TO, 1_000_000));
        STRATEGIES.put("momentum_top5_weekly_mini30", () -> new MomentumTopN(20, 5, 5));
        CONFIGS.put("momentum_top5_weekly_mini30", BacktestConfig.of(FROM, TO, 1_000_000));
        STRATEGIES.put("random_daily_mini30_vwap_carry", () -> {
            try {
                Path file = Files.createTempFile("weights", ".csv");
                RandomWeights.write(file, MiniSample.calendar(), MiniSample.panel().codes(), FROM, TO, 8, 0.98, 20240101L);
                TargetWeightsStrategy s = TargetWeightsStrategy.read(file);
                Files.delete(file);
                return s;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        CONFIGS.put("random_daily_mini30_vwap_carry", BacktestConfig.of(FROM, TO, 3_000_000)
                .withFillPrice(FillPrice.VWAP).withCarryOver(true));
    }

    @ParameterizedTest
    @ValueSource(strings = {"buy_and_hold_mini30", "momentum_top5_weekly_mini30", "random_daily_mini30_vwap_carry"})
    void keyFiguresAreUnchanged(String name) throws IOException {
        BacktestResult r = new BacktestEngine(MiniSample.panel(), CONFIGS.get(name)).run(STRATEGIES.get(name).get());
        Map<String, String> actual = new TreeMap<>();
        r.metrics().asMap().forEach((k, v) -> actual.put(k, Double.toString(v)));
        actual.put("days", Integer.toString(r.metrics().days()));
        actual.put("final_equity", String.format("%.2f", r.finalEquity()));
        actual.put("fills", Integer.toString(r.fills().size()));
        actual.put("rejections", Integer.toString(r.rejections().size()));
        actual.put("engine_version", BacktestEngine.VERSION);

        String resource = "/regression/" + name + ".properties";
        if (Boolean.getBoolean("regression.update")) {
            StringBuilder sb = new StringBuilder("# Regression backtest " + name + " (RegressionBacktestTest)\n");
            actual.forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
            Path file = Path.of("src/test/resources").resolve(resource.substring(1));
            Files.createDirectories(file.getParent());
            Files.writeString(file, sb);
            return;
        }
        Properties expected = new Properties();
        try (InputStream in = getClass().getResourceAsStream(resource)) {
            assertThat(in).as("stored figures %s", resource).isNotNull();
            expected.load(in);
        }
        SoftAssertions soft = new SoftAssertions();
        for (String key : actual.keySet()) {
            String want = expected.getProperty(key);
            soft.assertThat(want).as("%s: %s stored", name, key).isNotNull();
            if (want == null) {
                continue;
            }
            if (key.equals("engine_version") || key.equals("days") || key.equals("fills") || key.equals("rejections")
                    || key.equals("final_equity")) {
                soft.assertThat(actual.get(key)).as("%s: %s", name, key).isEqualTo(want);
            } else {
                double a = Double.parseDouble(actual.get(key));
                double w = Double.parseDouble(want);
                soft.assertThat(a).as("%s: %s", name, key).isCloseTo(w, org.assertj.core.data.Offset.offset(1e-9 * Math.max(1, Math.abs(w))));
            }
        }
        soft.assertAll();
    }
}
