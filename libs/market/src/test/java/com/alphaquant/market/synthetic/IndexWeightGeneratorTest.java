package com.alphaquant.market.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphaquant.market.IndexMembership;
import com.alphaquant.market.IndexWeight;
import com.alphaquant.market.csv.IndexWeightCsv;
import com.alphaquant.market.csv.SampleData;
import com.alphaquant.market.csv.StockBasic;
import com.alphaquant.market.csv.StockBasicCsv;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The committed synthetic CSI 300 fixture is what the seeded generator makes of the real sample. */
class IndexWeightGeneratorTest {

    static List<IndexWeight> generated;

    @BeforeAll
    static void generate() {
        generated = IndexWeightGenerator.generate(SampleData.dir(), IndexWeightGenerator.SEED);
    }

    @Test
    void theCommittedFixtureIsTheGeneratorsOutput() {
        assertThat(IndexWeightCsv.read(SampleData.file(IndexWeightGenerator.FIXTURE))).isEqualTo(generated);
    }

    @Test
    void sixtyMonthlySnapshotsOfUpTo300MembersWeighingOneHundred() {
        Map<LocalDate, List<IndexWeight>> byDate = generated.stream().collect(Collectors.groupingBy(IndexWeight::tradeDate));
        assertThat(byDate).hasSize(60);
        assertThat(byDate.keySet()).contains(LocalDate.of(2018, 1, 31), LocalDate.of(2022, 12, 30));
        byDate.forEach((date, rows) -> {
            // The sample holds 350 stocks, some listed only in 2019-2020: fewer qualify before that.
            assertThat(rows).as("members on %s", date).hasSizeBetween(date.getYear() >= 2021 ? 300 : 250, 300);
            assertThat(rows.stream().mapToDouble(IndexWeight::weight).sum()).as("weights on %s", date)
                    .isCloseTo(100, org.assertj.core.data.Offset.offset(0.02));
        });
    }

    @Test
    void membershipChangesAndOnlyListedStocksAreMembers() {
        IndexMembership m = IndexMembership.of(IndexWeightGenerator.INDEX, generated);
        Set<?> first = m.asOf(LocalDate.of(2018, 1, 31)).members();
        Set<?> last = m.asOf(LocalDate.of(2022, 12, 30)).members();
        Set<Object> left = new HashSet<>(first);
        left.removeAll(last);
        assertThat(left).as("members in 2018 gone by 2022").hasSizeGreaterThan(10);
        Set<Object> changed = new HashSet<>(m.asOf(LocalDate.of(2021, 1, 29)).members());
        changed.removeAll(m.asOf(LocalDate.of(2022, 1, 28)).members());
        assertThat(changed).as("a year's turnover among 300 of 350").isNotEmpty();
        Map<Object, LocalDate> listed = StockBasicCsv.read(SampleData.file(SampleData.STOCK_BASIC)).stream()
                .collect(Collectors.toMap(StockBasic::tsCode, StockBasic::listDate));
        for (IndexWeight w : generated) {
            assertThat(listed.get(w.conCode()).plusDays(90)).as("%s on %s", w.conCode(), w.tradeDate())
                    .isBeforeOrEqualTo(w.tradeDate());
        }
        assertThat(m.asOf(LocalDate.of(2018, 1, 30))).isNull();
        assertThat(m.asOf(LocalDate.of(2018, 2, 5)).date()).isEqualTo(LocalDate.of(2018, 1, 31));
    }

    @Test
    void anotherSeedGivesOtherWeights() {
        assertThat(IndexWeightGenerator.generate(SampleData.dir(), 1)).isNotEqualTo(generated);
    }
}
