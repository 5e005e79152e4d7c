package com.alphaquant.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alphaquant.market.StHistory.Episode;
import com.alphaquant.market.csv.NameChangeCsv;
import com.alphaquant.market.csv.SampleData;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class StHistoryTest {

    private static final TsCode ZANGGE = TsCode.of("000408.SZ");
    private static final TsCode SALT_LAKE = TsCode.of("000792.SZ");
    private static final TsCode CSSC = TsCode.of("600150.SH");

    private static StHistory sample;

    @BeforeAll
    static void load() {
        sample = NameChangeCsv.history(SampleData.file(SampleData.NAMECHANGE));
    }

    /** An ISO date, or Tushare's yyyyMMdd. */
    private static LocalDate d(String text) {
        return text.length() == 8 ? LocalDate.parse(text, java.time.format.DateTimeFormatter.BASIC_ISO_DATE) : LocalDate.parse(text);
    }

    private static NameChange row(String code, String name, String start, String end) {
        return new NameChange(TsCode.of(code), name, d(start), end == null ? null : d(end));
    }

    @Test
    void theThreeRealEpisodesOfTheSampleHaveTheirExactFirstAndLastDays() {
        assertThat(sample.episodes(ZANGGE)).last()
                .isEqualTo(new Episode(ZANGGE, "*ST藏格", d("2020-05-06"), d("2021-05-11")));
        assertThat(sample.episodes(SALT_LAKE))
                .containsExactly(new Episode(SALT_LAKE, "*ST盐湖", d("2019-04-30"), d("2021-08-09")));
        assertThat(sample.episodes(CSSC)).containsExactly(
                new Episode(CSSC, "ST重机", d("2001-04-11"), d("2002-04-11")),
                new Episode(CSSC, "*ST船舶", d("2018-04-24"), d("2019-03-28")));

        for (Episode e : List.of(sample.episodes(ZANGGE).get(sample.episodes(ZANGGE).size() - 1),
                sample.episodes(SALT_LAKE).get(0), sample.episodes(CSSC).get(1))) {
            assertThat(sample.isSt(e.tsCode(), e.first().minusDays(1))).as("day before %s", e).isFalse();
            assertThat(sample.isSt(e.tsCode(), e.first())).as("first day of %s", e).isTrue();
            assertThat(sample.isSt(e.tsCode(), e.last())).as("last day of %s", e).isTrue();
            assertThat(sample.isSt(e.tsCode(), e.last().plusDays(1))).as("day after %s", e).isFalse();
        }
        // Today's names are not ST: a history, not the current name, decides.
        assertThat(sample.isSt(SALT_LAKE, d("2022-12-20"))).isFalse();
        assertThat(sample.test(SALT_LAKE, d("2020-06-01"))).isTrue();
    }

    @Test
    void aStockThatWasNeverStAndAStockWithoutRowsAreNeverSt() {
        TsCode moutai = TsCode.of("600519.SH");
        assertThat(sample.episodes(moutai)).isEmpty();
        assertThat(sample.isSt(moutai, d("2020-01-02"))).isFalse();
        assertThat(sample.isSt(TsCode.of("688981.SH"), d("2021-01-04"))).isFalse();
        assertThat(StHistory.NONE.isSt(SALT_LAKE, d("2020-06-01"))).isFalse();
    }

    @Test
    void inTheDailySampleOnlyTheThreeKnownStocksHaveStDays() {
        List<Episode> in300 = sample.episodes(d("2018-01-02"), d("2022-12-20"));
        assertThat(in300).extracting(e -> e.tsCode() + " " + e.name())
                .containsExactly("000408.SZ *ST藏格", "000792.SZ *ST盐湖", "600150.SH *ST船舶");
    }

    @Test
    void recognisesEveryStSpellingTushareUses() {
        assertThat(List.of("ST重机", "*ST船舶", "SST中燕", "S*ST天华", "G*ST玉源", "*STTCL", " *ST盐湖"))
                .allMatch(StHistory::isStName);
        assertThat(List.of("盐湖股份", "S深发展A", "G万科A", "GTCL集团", "PT农商社", "长生退", "退市海润", "TCL科技", ""))
                .noneMatch(StHistory::isStName);
        assertThat(StHistory.isStName(null)).isFalse();
    }

    @Test
    void aNameHoldsUntilItsEndOrTheNextNameWhicheverIsFirst() {
        StHistory h = StHistory.of(List.of(
                row("600001.SH", "*ST甲", "20190102", null),          // no end: cut by the next name
                row("600001.SH", "甲股份", "20190601", null),
                row("600002.SH", "ST乙", "20190102", "20190301"),     // a gap after its end
                row("600002.SH", "乙股份", "20190401", null),
                row("600003.SH", "*ST丙", "20200102", null)));        // still ST
        assertThat(h.isSt(TsCode.of("600001.SH"), d("2019-05-31"))).isTrue();
        assertThat(h.isSt(TsCode.of("600001.SH"), d("2019-06-01"))).isFalse();
        assertThat(h.episodes(TsCode.of("600001.SH"))).containsExactly(
                new Episode(TsCode.of("600001.SH"), "*ST甲", d("2019-01-02"), d("2019-05-31")));
        assertThat(h.isSt(TsCode.of("600002.SH"), d("2019-03-01"))).isTrue();
        assertThat(h.isSt(TsCode.of("600002.SH"), d("2019-03-02"))).isFalse();
        assertThat(h.isSt(TsCode.of("600003.SH"), d("2030-01-02"))).isTrue();
        assertThat(h.isSt(TsCode.of("600003.SH"), d("2020-01-01"))).isFalse();
        assertThat(h.episodes(d("2019-07-01"), d("2019-12-31"))).isEmpty();
        assertThat(h.size()).isEqualTo(3);
    }

    @Test
    void resolvedEpisodesRebuildTheSameAnswers() {
        StHistory again = StHistory.ofEpisodes(sample.episodes(d("2016-01-01"), d("2026-12-31")));
        for (LocalDate day = d("2018-01-01"); day.isBefore(d("2022-01-01")); day = day.plusDays(1)) {
            for (TsCode code : List.of(ZANGGE, SALT_LAKE, CSSC)) {
                assertThat(again.isSt(code, day)).as("%s %s", code, day).isEqualTo(sample.isSt(code, day));
            }
        }
    }

    @Test
    void refusesRowsNoRealHistoryHas() {
        assertThatThrownBy(() -> row("600001.SH", "ST甲", "20190301", "20190201"))
                .hasMessageContaining("ends on 2019-02-01, before it starts on 2019-03-01");
        assertThatThrownBy(() -> row("600001.SH", " ", "20190301", null)).hasMessageContaining("has no name");
        assertThatThrownBy(() -> StHistory.of(List.of(row("600001.SH", "ST甲", "20190301", null),
                row("600001.SH", "甲股份", "20190301", null))))
                .hasMessageContaining("600001.SH has two names starting on 2019-03-01");
        // The same row twice is one row.
        assertThat(StHistory.of(List.of(row("600001.SH", "ST甲", "20190301", null), row("600001.SH", "ST甲", "20190301", null)))
                .size()).isEqualTo(1);
    }
}
