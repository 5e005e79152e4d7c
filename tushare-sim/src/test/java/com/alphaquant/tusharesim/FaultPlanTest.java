package com.alphaquant.tusharesim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fault grammar, without a server. */
class FaultPlanTest {

    @Test
    void parsesEveryForm() {
        FaultPlan plan = FaultPlan.parse(" 429@2 , every:malformed:3 , 503@5-6/daily, timeout:0 ", 1);
        List<String> kinds = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            FaultPlan.Kind k = plan.next("daily");
            kinds.add(k == null ? "-" : k.label());
        }
        // daily call numbers 5 and 6 are also the global 5 and 6; 6 is a multiple of 3, but 503@5-6 is listed later
        assertThat(kinds).containsExactly("-", "429", "malformed", "-", "503", "malformed", "-");
    }

    @Test
    void scopedRulesCountOnlyTheirApi() {
        FaultPlan plan = FaultPlan.parse("502@2/adj_factor", 1);
        assertThat(plan.next("daily")).isNull();
        assertThat(plan.next("adj_factor")).isNull();
        assertThat(plan.next("daily")).isNull();
        assertThat(plan.next("adj_factor")).isEqualTo(FaultPlan.Kind.HTTP_502);
        assertThat(plan.next("adj_factor")).isNull();
    }

    @Test
    void aBareKindFiresAlwaysAndFiveXxResolvesToAStatus() {
        FaultPlan plan = FaultPlan.parse("5xx", 3);
        for (int i = 0; i < 20; i++) {
            assertThat(plan.next("daily")).isIn(FaultPlan.Kind.HTTP_500, FaultPlan.Kind.HTTP_502, FaultPlan.Kind.HTTP_503);
        }
    }

    @Test
    void probabilitiesAreSeededAndStack() {
        List<FaultPlan.Kind> first = draw(FaultPlan.parse("429:0.2,ratelimit:0.3", 7), 1000);
        List<FaultPlan.Kind> second = draw(FaultPlan.parse("429:0.2,ratelimit:0.3", 7), 1000);
        assertThat(first).isEqualTo(second);
        long http429 = first.stream().filter(k -> k == FaultPlan.Kind.HTTP_429).count();
        long rate = first.stream().filter(k -> k == FaultPlan.Kind.RATELIMIT).count();
        assertThat(http429).isBetween(150L, 250L);
        assertThat(rate).isBetween(240L, 360L);
        assertThat(draw(FaultPlan.parse("429:0.2,ratelimit:0.3", 8), 1000)).isNotEqualTo(first);
        FaultPlan restarted = FaultPlan.parse("429:0.2,ratelimit:0.3", 7);
        draw(restarted, 10);
        assertThat(draw(restarted.restart(), 1000)).isEqualTo(first);
    }

    @Test
    void emptyOrNoneMeansNoFaults() {
        assertThat(FaultPlan.parse("", 1).isEmpty()).isTrue();
        assertThat(FaultPlan.parse(" none ", 1).isEmpty()).isTrue();
        assertThat(FaultPlan.parse(null, 1).next("daily")).isNull();
        assertThat(FaultPlan.parse("nopermission@1", 1).next("daily")).isEqualTo(FaultPlan.Kind.PERMISSION);
    }

    @Test
    void explainsMistakes() {
        assertThatThrownBy(() -> FaultPlan.parse("418:0.1", 1)).hasMessageContaining("unknown fault kind '418'");
        assertThatThrownBy(() -> FaultPlan.parse("429:1.5", 1)).hasMessageContaining("not within [0, 1]");
        assertThatThrownBy(() -> FaultPlan.parse("429:often", 1)).hasMessageContaining("not a probability");
        assertThatThrownBy(() -> FaultPlan.parse("429:0.6,5xx:0.5", 1)).hasMessageContaining("more than 1");
        assertThatThrownBy(() -> FaultPlan.parse("429:0.6,5xx:0.5/daily", 1)).hasMessageContaining("for daily");
        assertThatThrownBy(() -> FaultPlan.parse("429@0", 1)).hasMessageContaining("not a call number");
        assertThatThrownBy(() -> FaultPlan.parse("429@5-2", 1)).hasMessageContaining("ends before it starts");
        assertThatThrownBy(() -> FaultPlan.parse("every:429", 1)).hasMessageContaining("every:KIND:N");
        assertThatThrownBy(() -> FaultPlan.parse("429@1/dialy", 1)).hasMessageContaining("'dialy'");
        assertThatThrownBy(() -> FaultPlan.parse("429@1,,500@2", 1)).hasMessageContaining("empty rule");
    }

    private static List<FaultPlan.Kind> draw(FaultPlan plan, int n) {
        List<FaultPlan.Kind> kinds = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            kinds.add(plan.next("daily"));
        }
        return kinds;
    }
}
