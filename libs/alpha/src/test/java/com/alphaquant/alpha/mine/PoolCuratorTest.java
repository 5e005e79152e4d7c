package com.alphaquant.alpha.mine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import com.alphaquant.alpha.compute.AlphaPanel;
import com.alphaquant.alpha.compute.Panels;
import com.alphaquant.alpha.evaluation.DaySplits;
import com.alphaquant.alpha.evaluation.FormulaReport;
import com.alphaquant.alpha.evaluation.ScoringContext;
import com.alphaquant.alpha.expr.Expr;
import com.alphaquant.alpha.expr.FormulaGenerator;
import com.alphaquant.alpha.expr.FunctionForm;
import com.alphaquant.alpha.mine.PoolCurator.Offer;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PoolCuratorTest {

    private static final AlphaPanel PANEL = Panels.mini();
    private static final ScoringContext CONTEXT = new ScoringContext(PANEL,
            DaySplits.of(PANEL, LocalDate.of(2022, 1, 1), LocalDate.of(2022, 7, 1), 5));
    private static final Expr VOLUME_CORR = FunctionForm.parse("Corr(returns, volume, 20)");

    private static PoolCurator curator(int capacity) {
        return new PoolCurator(new MiningTask(CONTEXT, 1000, 1, 0.7, capacity, 15));
    }

    @Test
    void anEmptyPoolTakesAFormulaWithAnIcWhateverItsSign() {
        PoolCurator up = curator(10);
        Offer offer = up.offer(VOLUME_CORR);
        assertThat(Math.abs(offer.ic())).isGreaterThan(PoolCurator.MIN_IC);
        assertThat(offer.accepted()).isTrue();
        assertThat(offer.gain()).isEqualTo(up.pool().trainIc()).isPositive();
        assertThat(up.poolFit().formulas()).containsExactly(VOLUME_CORR);

        PoolCurator down = curator(10);
        Offer negated = down.offer(FunctionForm.parse("Mul(Corr(returns, volume, 20), -1.0)"));
        assertThat(negated.accepted()).isTrue();
        assertThat(negated.ic()).isCloseTo(-offer.ic(), offset(1e-9));
        assertThat(negated.gain()).isCloseTo(offer.gain(), offset(1e-9));
        assertThat(down.poolFit().weights()[0]).isCloseTo(-up.poolFit().weights()[0], offset(1e-9));
        assertThat(up.evaluated()).isEqualTo(1);
        assertThat(up.accepted()).isEqualTo(1);
        assertThat(up.status().lastAccepted()).isEqualTo(VOLUME_CORR.toString());
    }

    @Test
    void aFormulaTooCloseToAPoolMemberOrABuiltinIsRefused() {
        PoolCurator curator = curator(10);
        curator.offer(VOLUME_CORR);
        Offer scaled = curator.offer(FunctionForm.parse("Mul(Corr(returns, volume, 20), 3.0)"));
        assertThat(scaled.accepted()).isFalse();
        assertThat(scaled.gain()).isZero();
        assertThat(scaled.reason()).contains("pool member");

        Offer builtin = curator.offer(FunctionForm.parse("Mul(MOM20, 2.0)"));
        assertThat(builtin.accepted()).isFalse();
        assertThat(builtin.reason()).contains("built-in MOM20");
        assertThat(curator.pool().size()).isEqualTo(1);
        assertThat(curator.evaluated()).isEqualTo(3);
        assertThat(curator.accepted()).isEqualTo(1);
    }

    @Test
    void aLooserThresholdLetsACorrelatedFormulaThroughToTheGainTest() {
        PoolCurator strict = curator(10);
        PoolCurator loose = new PoolCurator(new MiningTask(CONTEXT, 1000, 1, 1.0, 10, 15));
        Expr scaled = FunctionForm.parse("Mul(Corr(returns, volume, 20), 3.0)");
        strict.offer(VOLUME_CORR);
        loose.offer(VOLUME_CORR);
        assertThat(strict.offer(scaled).reason()).contains("pool member");
        Offer twice = loose.offer(scaled);
        assertThat(twice.accepted()).isFalse();
        assertThat(twice.reason()).contains("gain");
    }

    @Test
    void aFullPoolSwapsItsWeakestMemberOnlyForAHigherIc() {
        PoolCurator curator = curator(3);
        FormulaGenerator generator = new FormulaGenerator(7, 12);
        int replacements = 0;
        for (int i = 0; i < 400; i++) {
            List<Expr> before = curator.pool().formulas();
            double icBefore = curator.pool().trainIc();
            double[] weightsBefore = curator.pool().weights();
            Offer offer = curator.offer(generator.next());
            assertThat(curator.pool().size()).isLessThanOrEqualTo(3);
            if (!offer.accepted()) {
                assertThat(curator.pool().formulas()).isEqualTo(before);
                assertThat(curator.pool().weights()).containsExactly(weightsBefore);
                continue;
            }
            double icAfter = curator.pool().trainIc();
            if (!before.isEmpty()) {
                assertThat(offer.gain()).isGreaterThan(PoolCurator.MIN_GAIN).isCloseTo(icAfter - icBefore, offset(1e-12));
            }
            if (before.size() == 3) {
                replacements++;
                int dropped = smallestWeight(weightsBefore, before, curator.pool().formulas());
                assertThat(offer.reason()).isEqualTo("replaced " + before.get(dropped));
                assertThat(curator.pool().size()).isEqualTo(3);
            }
        }
        assertThat(replacements).as("replacements in 400 offers").isPositive();
        assertThat(curator.evaluated()).isEqualTo(400);
    }

    /** The member of {@code before} missing from {@code after}; it need not have had the smallest weight before the candidate came. */
    private static int smallestWeight(double[] weights, List<Expr> before, List<Expr> after) {
        List<Integer> gone = new ArrayList<>();
        for (int i = 0; i < before.size(); i++) {
            if (!after.contains(before.get(i))) {
                gone.add(i);
            }
        }
        assertThat(gone).hasSize(1);
        assertThat(weights).hasSize(before.size());
        return gone.get(0);
    }

    @Test
    void theSameOffersGiveTheSamePool() {
        PoolCurator a = curator(4);
        PoolCurator b = curator(4);
        FormulaGenerator ga = new FormulaGenerator(11, 15);
        FormulaGenerator gb = new FormulaGenerator(11, 15);
        for (int i = 0; i < 120; i++) {
            assertThat(a.offer(ga.next())).isEqualTo(b.offer(gb.next()));
        }
        assertThat(a.poolFit().formulas()).isEqualTo(b.poolFit().formulas());
        assertThat(a.poolFit().weights()).containsExactly(b.poolFit().weights());
    }

    @Test
    void theResultReportsEachMemberAgainstTheOthers() {
        PoolCurator curator = curator(10);
        curator.offer(VOLUME_CORR);
        curator.offer(FunctionForm.parse("Skew(returns, 20)"));
        MiningResult result = curator.result("test", Duration.ofSeconds(1));
        assertThat(result.formulas()).extracting(FormulaReport::formula).isEqualTo(result.pool().formulas());
        assertThat(result.formulas()).allSatisfy(r -> assertThat(r.maxPoolCorrelation()).isLessThan(0.7));
        assertThat(result.evaluated()).isEqualTo(2);
        assertThat(result.seed()).isEqualTo(1);
    }
}
