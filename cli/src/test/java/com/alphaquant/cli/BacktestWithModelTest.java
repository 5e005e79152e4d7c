package com.alphaquant.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.alphaquant.factor.engine.PanelInput;
import com.alphaquant.market.Bar;
import com.alphaquant.market.csv.BarCsv;
import com.alphaquant.market.csv.SampleData;
import com.alphaquant.model.dataset.BundledDataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code backtest --strategy multi_factor --model DIR} with a tiny model trained here by {@code train --out DIR}. */
class BacktestWithModelTest {

    private static final String START = "2022-01-04";
    private static final String END = "2022-03-31";

    @TempDir
    static Path shared;

    static Path model;

    @RegisterExtension
    final Console console = new Console();

    @TempDir
    Path dir;

    @BeforeAll
    static void trainATinyModel() {
        model = shared.resolve("model");
        int code = AlphaQuant.run("train", "--epochs", "1", "--seq-len", "10", "--horizon", "5", "--bars",
                SampleData.file(SampleData.BARS_MINI_30).toString(), "--start-date", "2021-04-01", "--end-date", "2021-07-30",
                "--out", model.toString());
        assertThat(code).isZero();
    }

    private int backtest(Path out, String... extra) {
        String[] base = {"backtest", "--strategy", "multi_factor", "--start-date", START, "--end-date", END, "--out", out.toString()};
        String[] args = Arrays.copyOf(base, base.length + extra.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return AlphaQuant.run(args);
    }

    @Test
    void theModelIsScoredAndTheRunSaysSo() throws IOException {
        Path plain = dir.resolve("plain");
        Path withModel = dir.resolve("model");
        assertThat(backtest(plain)).as(console.err()).isZero();
        assertThat(console.out()).doesNotContain("Model ");
        console.reset();

        assertThat(backtest(withModel, "--model", model.toString())).as(console.err()).isZero();
        assertThat(console.out()).contains("Backtest multi_factor, 2022-01-04 to 2022-03-31: 58 trading days, 31 stocks",
                "Model " + model + " (seq_len 10, d_model ", "(model sub-score weight 0.2)");
        // Asked: the stocks with a bar on each of the 57 decision days; every one has the 21 bars a prediction needs.
        String line = console.out().lines().filter(l -> l.startsWith("Model ")).findFirst().orElseThrow();
        assertThat(line).matches(".*: (17\\d\\d) of \\1 stock-days predicted.*");
        assertThat(Files.readString(withModel.resolve("metrics.json")))
                .contains("\"model\": \"" + model + " (seq_len 10", "stock-days predicted\"");
        // The model's sub-score (a fifth of the score) moved some decisions.
        assertThat(Files.readAllLines(withModel.resolve("trades.csv"))).isNotEqualTo(Files.readAllLines(plain.resolve("trades.csv")));

        // With its weight at 0 the model changes nothing: the rest of the run is the plain one.
        Path zero = dir.resolve("zero");
        assertThat(backtest(zero, "--model", model.toString(), "--strategy-parameter", "weight_model=0")).as(console.err()).isZero();
        assertThat(Files.readAllLines(zero.resolve("trades.csv"))).isEqualTo(Files.readAllLines(plain.resolve("trades.csv")));
        assertThat(Files.readAllLines(zero.resolve("equity.csv"))).isEqualTo(Files.readAllLines(plain.resolve("equity.csv")));
    }

    @Test
    void aDaysPredictionsReadNoLaterBar() {
        List<Bar> bars = BarCsv.read(SampleData.file(SampleData.COMPACT_BARS));
        PanelInput input = BundledDataset.panelInput(bars, BarCsv.read(SampleData.file(SampleData.INDEX)));
        LocalDate day = LocalDate.parse("2022-02-15");
        List<String> codes = bars.stream().map(b -> b.tsCode().toString()).distinct().sorted().toList();
        try (SavedModelPredictions run = SavedModelPredictions.load(model).over(input, LocalDate.parse(START), LocalDate.parse(END));
             SavedModelPredictions cut = SavedModelPredictions.load(model).over(input, day, day)) {
            double[] inRun = run.forDay(day, codes);
            double[] atDay = cut.forDay(day, codes);
            assertThat(Arrays.stream(inRun).filter(Double::isFinite).count()).isEqualTo(codes.size());
            for (int i = 0; i < codes.size(); i++) {
                assertThat(inRun[i]).as(codes.get(i)).isCloseTo(atDay[i], within(1e-5));
            }
            // A code the data does not hold has no prediction.
            assertThat(run.forDay(day, List.of("600001.SH"))).containsExactly(Double.NaN);
        }
    }

    @Test
    void aMissingOrInvalidModelIsAClearError() throws IOException {
        assertThat(backtest(dir.resolve("a"), "--model", dir.resolve("nowhere").toString())).isEqualTo(2);
        assertThat(console.err()).contains("alphaquant: --model " + dir.resolve("nowhere") + " is not a directory");
        console.reset();

        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertThat(backtest(dir.resolve("b"), "--model", empty.toString())).isEqualTo(2);
        assertThat(console.err()).contains("alphaquant: --model " + empty + ": no saved model in " + empty + " (model.properties is missing)");
        console.reset();

        assertThat(AlphaQuant.run("backtest", "--strategy", "buy_and_hold", "--stocks", "600000.SH", "--start-date", START,
                "--end-date", END, "--model", model.toString(), "--out", dir.resolve("c").toString())).isEqualTo(2);
        assertThat(console.err()).contains("alphaquant: --model is only for strategy multi_factor");
        assertThat(dir.resolve("a")).doesNotExist();
    }
}
