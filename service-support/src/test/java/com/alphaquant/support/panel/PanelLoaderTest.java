package com.alphaquant.support.panel;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphaquant.factor.engine.FactorEngine;
import com.alphaquant.factor.engine.FactorPanel;
import com.alphaquant.factor.engine.PanelInput;
import com.alphaquant.market.Bar;
import com.alphaquant.market.TsCode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Loading part of the history with warm-up gives the engine what it needs to reproduce the whole history's values. */
class PanelLoaderTest {

    static final LocalDate JUNE_1 = LocalDate.parse("2022-06-01");
    static final LocalDate JUNE_30 = LocalDate.parse("2022-06-30");

    @Test
    void theDefaultWarmUpReproducesTheWholeHistoryOnEveryStock() {
        PanelLoader loader = new PanelLoader(PanelSample.source(), WarmUp.bars(PanelSample.FACTORS, 400));

        PanelInput input = loader.load(PanelSample.CODES, JUNE_1, JUNE_30);

        assertThat(PanelSample.assertEngineMatchesWholeHistory(input, JUNE_1, JUNE_30, 1e-12)).isEqualTo(PanelSample.CODES.size());
    }

    @Test
    void aShorterWarmUpStopsShortOfTheSampleStartAndStillConvergesBelow1e9() {
        RecordingPanelSource source = new RecordingPanelSource(PanelSample.source());
        LocalDate from = LocalDate.parse("2022-12-01");
        LocalDate to = LocalDate.parse("2022-12-20");

        PanelInput input = new PanelLoader(source, WarmUp.bars(PanelSample.FACTORS, 300)).load(PanelSample.CODES, from, to);

        assertThat(source.firstFrom()).isAfter(LocalDate.parse("2021-01-04"));
        assertThat(PanelSample.assertEngineMatchesWholeHistory(input, from, to, 1e-9)).isEqualTo(PanelSample.CODES.size());
    }

    /** A stock back from a suspension longer than the warm-up look-back: the loader fetches what is older. */
    @Test
    void aLongSuspensionFetchesTheOlderHistoryFromTheFirstSession() {
        TsCode code = TsCode.of("600000.SH");
        List<Bar> bars = new ArrayList<>();
        bars.addAll(PanelSample.weekdays(code, LocalDate.parse("2015-01-05"), 150, 10.0));
        bars.addAll(PanelSample.weekdays(code, LocalDate.parse("2022-06-01"), 40, 12.0));
        RecordingPanelSource source = new RecordingPanelSource(new InMemoryPanelSource(bars, List.of()));

        PanelInput input = new PanelLoader(source, 60).load(List.of(code), LocalDate.parse("2022-07-01"), LocalDate.parse("2022-07-29"));

        assertThat(source.requests()).isEqualTo(2);
        // data-service answers 400 to anything before the first session
        assertThat(source.lastFrom()).isEqualTo(LocalDate.parse("1990-12-19"));
        FactorPanel loaded = new FactorEngine(PanelSample.FACTORS, 1).compute(input);
        FactorPanel whole = new FactorEngine(PanelSample.FACTORS, 1).compute(PanelInput.builder().bars(bars).build());
        LocalDate july1 = LocalDate.parse("2022-07-01");
        assertThat(loaded.value("MOM60", code, july1)).isNotNaN().isEqualTo(whole.value("MOM60", code, july1));
    }

    @Test
    void missingAdjFactorsTakeThePreviousOneAndLeadingGapsTheFirstKnown() {
        TsCode code = TsCode.of("000001.SZ");
        List<Bar> bars = PanelSample.weekdays(code, LocalDate.parse("2024-01-01"), 4, 10.0);
        List<Bar> gaps = List.of(PanelSample.withAdj(bars.get(0), Double.NaN), PanelSample.withAdj(bars.get(1), 2.0), PanelSample.withAdj(bars.get(2), Double.NaN),
                PanelSample.withAdj(bars.get(3), 3.0));
        assertThat(PanelLoader.fillAdjFactors(gaps)).extracting(Bar::adjFactor).containsExactly(2.0, 2.0, 2.0, 3.0);
    }

    @Test
    void noBarsAskNothingMoreOfTheSource() {
        RecordingPanelSource source = new RecordingPanelSource(new InMemoryPanelSource(List.of(), PanelSample.INDEX_BARS));

        PanelInput input = new PanelLoader(source, 60).load(List.of(TsCode.of("600000.SH")), JUNE_1, JUNE_30);

        assertThat(input.stocks()).isEmpty();
        assertThat(source.requests()).isEqualTo(1);
    }
}
