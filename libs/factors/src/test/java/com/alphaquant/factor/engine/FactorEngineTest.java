package com.alphaquant.factor.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alphaquant.market.Board;
import com.alphaquant.market.TsCode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The engine's contract beyond the values: order, determinism, streaming, subsets, bad input. */
class FactorEngineTest {

    private static PanelInput input;
    private static FactorPanel serial;

    @BeforeAll
    static void computeSerially() {
        input = PanelInput.builder().bars(MiniSample.BARS).benchmarkBars(MiniSample.CSI300).stockBasics(MiniSample.BASICS)
                .calendar(MiniSample.CALENDAR).build();
        serial = new FactorEngine(1).compute(input);
    }

    @Test
    void theRegistryHasSpecsTwentyFourFactorsInSpecsOrder() {
        assertThat(FactorRegistry.names()).containsExactly("RET", "PRESSURE", "FOMO", "DEV20", "VOL20", "AMP", "RSI14",
                "MACD_DIF", "MACD_HIST", "BOLL_PCTB", "BOLL_WIDTH", "ATR14", "MOM20", "MOM60", "KDJ_K", "CCI20", "WILLR14",
                "MFI14", "VOLUME_RATIO", "VWAP_DEV", "ILLIQ20", "NORTH_FLOW_Z", "RS20", "LIMIT_NET20");
        assertThat(FactorRegistry.all().stream().filter(f -> f.category() == FactorCategory.BASIC))
                .extracting(FactorDefinition::name).containsExactly("RET", "PRESSURE", "FOMO", "DEV20", "VOL20", "AMP");
        assertThat(FactorEngine.VERSION).isEqualTo("factors-2"); // factors-2: MFI14's "TP rose" in any adjustment basis
        assertThat(serial.factors()).isEqualTo(FactorRegistry.all());
    }

    @Test
    void parallelRunsGiveBitForBitTheSameValues() {
        FactorPanel parallel = new FactorEngine(3).compute(input);
        for (int f = 0; f < 24; f++) {
            for (int s = 0; s < input.stocks().size(); s++) {
                assertThat(parallel.values(f, s)).isEqualTo(serial.values(f, s));
            }
        }
    }

    @Test
    void streamingGivesTheSameValuesAsTheHeldPanel() {
        Map<Integer, double[][]> streamed = new ConcurrentHashMap<>();
        new FactorEngine(2).forEachStock(input, (stock, series, values) -> {
            double[][] copy = new double[values.length][];
            for (int f = 0; f < values.length; f++) {
                copy[f] = java.util.Arrays.copyOf(values[f], series.size());
            }
            streamed.put(stock, copy);
        });
        assertThat(streamed).hasSize(30);
        streamed.forEach((s, values) -> {
            for (int f = 0; f < 24; f++) {
                assertThat(values[f]).isEqualTo(serial.values(f, s));
            }
        });
    }

    @Test
    void aSubsetOfFactorsGivesTheSameValuesInTheOrderAsked() {
        List<String> names = List.of("LIMIT_NET20", "BOLL_WIDTH", "RSI14", "MACD_HIST");
        FactorPanel subset = new FactorEngine(FactorRegistry.select(names), 2).compute(input);
        assertThat(subset.factors()).extracting(FactorDefinition::name).isEqualTo(names);
        for (String name : names) {
            for (StockSeries s : input.stocks()) {
                assertThat(subset.values(name, s.code())).isEqualTo(serial.values(name, s.code()));
            }
        }
    }

    @Test
    void valuesAreFoundByDateAndMasked() {
        TsCode moutai = TsCode.of("600519.SH");
        int stock = serial.stockIndex(moutai);
        StockSeries s = serial.stocks().get(stock);
        assertThat(serial.value("MOM20", moutai, LocalDate.of(2022, 12, 20)))
                .isEqualTo(serial.values("MOM20", moutai)[s.size() - 1]);
        assertThat(serial.value("MOM20", moutai, LocalDate.of(2022, 12, 18))).isNaN(); // a Sunday
        boolean[] mask = serial.mask(serial.factorIndex("MOM60"), stock);
        assertThat(mask[59]).isFalse();
        assertThat(mask[60]).isTrue();
    }

    @Test
    void unknownNamesAndBadInputFailNamingTheValue() {
        assertThatThrownBy(() -> FactorRegistry.get("RSI7")).hasMessageContaining("RSI7").hasMessageContaining("RSI14");
        assertThatThrownBy(() -> new FactorEngine(0)).hasMessageContaining("0");
        double[] one = {10.0};
        double[] two = {10.0, 10.0};
        TsCode code = TsCode.of("600000.SH");
        assertThatThrownBy(() -> new StockSeries(code, Board.SSE_MAIN, null, new int[] {20210105, 20210104}, two, two, two,
                two, two, two, two, null, null)).hasMessageContaining("600000.SH 20210104");
        assertThatThrownBy(() -> new StockSeries(code, Board.SSE_MAIN, null, new int[] {20210105}, one, one, one,
                new double[] {-1}, one, one, one, null, null)).hasMessageContaining("close=-1.0");
        assertThatThrownBy(() -> new StockSeries(code, Board.SSE_MAIN, null, new int[] {20211305}, one, one, one,
                one, one, one, one, null, null)).hasMessageContaining("20211305");
        assertThatThrownBy(() -> PanelInput.builder().benchmarkBars(List.of())).hasMessageContaining("000300.SH");
    }

    @Test
    void emptyPanelsAndStocksWithoutBarsGiveEmptyResults() {
        FactorPanel empty = new FactorEngine(2).compute(new PanelInput(List.of(), null, null, null));
        assertThat(empty.stocks()).isEmpty();
        double[] none = {};
        StockSeries noBars = new StockSeries(TsCode.of("600000.SH"), Board.SSE_MAIN, LocalDate.of(2000, 1, 4), new int[0],
                none, none, none, none, none, none, none, null, null);
        FactorPanel p = new FactorEngine(2).compute(new PanelInput(List.of(noBars), null, null, null));
        for (int f = 0; f < 24; f++) {
            assertThat(p.values(f, 0)).isEmpty();
        }
    }
}
