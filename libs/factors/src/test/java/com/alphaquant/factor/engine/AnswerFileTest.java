package com.alphaquant.factor.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The engine against stored answers ({@link AnswerFile}): a change of any factor's values on the
 * real sample shows here even if the engine and the plain implementation were changed together.
 */
class AnswerFileTest {

    @Test
    void engineReproducesTheStoredAnswers() {
        List<AnswerFile.Answer> answers = AnswerFile.read();
        assertThat(answers).hasSize(3 * 4 * 24);
        FactorPanel panel = new FactorEngine(1).compute(PanelInput.builder().bars(MiniSample.BARS)
                .benchmarkBars(MiniSample.CSI300).stockBasics(MiniSample.BASICS).calendar(MiniSample.CALENDAR).build());
        for (AnswerFile.Answer a : answers) {
            double actual = panel.value(a.factor(), a.code(), a.date());
            assertThat(RealSampleAgainstReferenceTest.close(actual, a.value()))
                    .as("%s %s %s: engine %s, stored %s", a.code(), a.date(), a.factor(), actual, a.value()).isTrue();
        }
        assertThat(answers).filteredOn(a -> !Double.isNaN(a.value())).hasSizeGreaterThan(250);
    }
}
