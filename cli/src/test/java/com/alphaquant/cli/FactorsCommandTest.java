package com.alphaquant.cli;

import com.alphaquant.market.csv.SampleData;
import static org.assertj.core.api.Assertions.assertThat;

import com.alphaquant.factor.engine.FactorEngine;
import com.alphaquant.factor.engine.FactorPanel;
import com.alphaquant.factor.engine.FactorRegistry;
import com.alphaquant.factor.engine.MarketSeries;
import com.alphaquant.factor.engine.NorthFlowCsv;
import com.alphaquant.factor.engine.PanelInput;
import com.alphaquant.factor.engine.StockSeries;
import com.alphaquant.market.csv.BarCsv;
import com.alphaquant.market.csv.StockBasicCsv;
import com.alphaquant.market.csv.TradeCalCsv;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class FactorsCommandTest {

    @RegisterExtension
    final Console console = new Console();

    @TempDir
    Path dir;

    @Test
    void writesEveryStockAndDayOfTheBundledSampleWithTheEnginesValues() throws IOException {
        Path north = northFlowFile();
        Path out = dir.resolve("factors.csv.gz");
        int code = AlphaQuant.run("factors", "--north", north.toString(), "--threads", "2", "--out", out.toString());
        assertThat(code).as(console.err()).isZero();
        assertThat(console.out()).containsPattern("Wrote \\d+ rows x 24 factors of 31 stocks to .*factors.csv.gz");

        // The same panel computed in memory: the file must hold exactly its values, in stock then date order.
        PanelInput input = PanelInput.builder().bars(BarCsv.read(SampleData.file(SampleData.COMPACT_BARS)))
                .benchmarkBars(BarCsv.read(SampleData.file(SampleData.INDEX)))
                .stockBasics(StockBasicCsv.read(SampleData.file(SampleData.COMPACT_STOCK_BASIC)))
                .calendar(TradeCalCsv.read(SampleData.file(SampleData.TRADE_CAL)))
                .northFlow(NorthFlowCsv.read(north)).build();
        FactorPanel expected = new FactorEngine(1).compute(input);
        List<String> lines = lines(out);
        assertThat(lines.get(0)).isEqualTo("ts_code,trade_date," + String.join(",", FactorRegistry.names()));
        int line = 1;
        int emptyCells = 0;
        int northValues = 0;
        for (int s = 0; s < input.stocks().size(); s++) {
            StockSeries stock = input.stocks().get(s);
            for (int row = 0; row < stock.dates().length; row++) {
                String[] cells = lines.get(line++).split(",", -1);
                assertThat(cells[0] + "," + cells[1]).isEqualTo(stock.code() + "," + stock.dates()[row]);
                for (int f = 0; f < 24; f++) {
                    double want = expected.values(f, s)[row];
                    String cell = cells[2 + f];
                    if (Double.isNaN(want)) {
                        assertThat(cell).as("%s %s %s", stock.code(), stock.dates()[row], FactorRegistry.names().get(f)).isEmpty();
                        emptyCells++;
                    } else {
                        assertThat(Double.parseDouble(cell)).isEqualTo(want); // exact: the text round-trips
                        if (FactorRegistry.names().get(f).equals("NORTH_FLOW_Z")) {
                            northValues++;
                        }
                    }
                }
            }
        }
        assertThat(line).isEqualTo(lines.size());
        assertThat(emptyCells).as("warm-up NaNs are written as empty cells").isPositive();
        assertThat(northValues).as("--north feeds NORTH_FLOW_Z").isGreaterThan(1000);
    }

    @Test
    void chosenFactorsOnly() throws IOException {
        Path out = dir.resolve("two.csv");
        assertThat(AlphaQuant.run("factors", "--names", "RSI14,MACD_DIF", "--out", out.toString())).as(console.err()).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.get(0)).isEqualTo("ts_code,trade_date,RSI14,MACD_DIF");
        assertThat(lines.get(1).split(",", -1)).hasSize(4);
    }

    @Test
    void northFlowZComesFromTheBundledFlowsByDefault() throws IOException {
        Path out = dir.resolve("north.csv");
        assertThat(AlphaQuant.run("factors", "--names", "NORTH_FLOW_Z", "--out", out.toString())).as(console.err()).isZero();
        MarketSeries flow = NorthFlowCsv.read(SampleData.file(SampleData.MONEYFLOW_HSGT));
        PanelInput input = PanelInput.builder().bars(BarCsv.read(SampleData.file(SampleData.COMPACT_BARS))).northFlow(flow).build();
        FactorPanel expected = new FactorEngine(1).compute(input);
        List<String> lines = Files.readAllLines(out);
        int line = 1;
        int values = 0;
        for (int s = 0; s < input.stocks().size(); s++) {
            double[] want = expected.values("NORTH_FLOW_Z", input.stocks().get(s).code());
            for (double w : want) {
                String cell = lines.get(line++).split(",", -1)[2];
                if (Double.isNaN(w)) {
                    assertThat(cell).isEmpty();
                } else {
                    assertThat(Double.parseDouble(cell)).isEqualTo(w);
                    values++;
                }
            }
        }
        // The sample's flows end on 2021-07-19: values from the 20th published day of 2021 up to then.
        assertThat(values).isGreaterThan(31 * 100);
    }

    @Test
    void anUnknownFactorIsAClearErrorNotAStackTrace() {
        int code = AlphaQuant.run("factors", "--names", "RSI15", "--out", dir.resolve("x.csv").toString());
        assertThat(code).isEqualTo(2);
        assertThat(console.err()).contains("Unknown factor 'RSI15'").doesNotContain("Exception", "\tat ");
        assertThat(dir.resolve("x.csv")).doesNotExist();
    }

    @Test
    void aMissingBarsFileIsAClearError() {
        int code = AlphaQuant.run("factors", "--bars", dir.resolve("nope.csv").toString(), "--out", dir.resolve("x.csv").toString());
        assertThat(code).isNotZero();
        assertThat(console.err()).contains("nope.csv").doesNotContain("\tat ");
    }

    /** A moneyflow_hsgt file over the sample's dates, random flows and one day without a value. */
    private Path northFlowFile() throws IOException {
        TreeSet<Integer> dates = new TreeSet<>();
        BarCsv.read(SampleData.file(SampleData.COMPACT_BARS)).forEach(b -> dates.add(
                b.tradeDate().getYear() * 10000 + b.tradeDate().getMonthValue() * 100 + b.tradeDate().getDayOfMonth()));
        Random random = new Random(7);
        StringBuilder csv = new StringBuilder("trade_date,ggt_ss,ggt_sz,hgt,sgt,north_money,south_money\n");
        int i = 0;
        for (int date : dates) {
            String flow = i++ == 100 ? "" : String.format(java.util.Locale.ROOT, "%.2f", random.nextGaussian() * 5000);
            csv.append(date).append(",1,1,1,1,").append(flow).append(",1\n");
        }
        Path file = dir.resolve("moneyflow_hsgt.csv");
        Files.writeString(file, csv);
        return file;
    }

    private static List<String> lines(Path gz) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
            return new ArrayList<>(List.of(new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")));
        }
    }
}
