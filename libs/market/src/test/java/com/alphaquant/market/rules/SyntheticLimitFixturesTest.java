package com.alphaquant.market.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphaquant.market.Bar;
import com.alphaquant.market.StHistory;
import com.alphaquant.market.TradingCalendar;
import com.alphaquant.market.TsCode;
import com.alphaquant.market.csv.BarCsv;
import com.alphaquant.market.csv.ExchangeLimitCsv;
import com.alphaquant.market.csv.NameChangeCsv;
import com.alphaquant.market.csv.SampleData;
import com.alphaquant.market.csv.StockBasic;
import com.alphaquant.market.csv.StockBasicCsv;
import com.alphaquant.market.csv.TradeCalCsv;
import com.alphaquant.market.rules.LimitCrossCheck.ExchangeLimit;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The committed synthetic stk_limit / suspend_d files are what the seeded generator writes, and
 * they say what the exchange would: checked against independent BigDecimal arithmetic and
 * against the rule book, which they contradict only on the known relisting.
 */
class SyntheticLimitFixturesTest {

    private static SyntheticLimitFixtures.Fixture generated;

    @BeforeAll
    static void generate() {
        generated = SyntheticLimitFixtures.generate();
        if (Boolean.getBoolean("alphaquant.synthetic.write")) {
            SyntheticLimitFixtures.write(SampleData.dir().resolve(SampleData.SYNTHETIC_STK_LIMIT), generated.stkLimit());
            SyntheticLimitFixtures.write(SampleData.dir().resolve(SampleData.SYNTHETIC_SUSPEND_D), generated.suspendD());
        }
    }

    private static String committed(String name) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(SampleData.file(name)))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theCommittedFilesAreWhatTheSeededGeneratorWrites() throws IOException {
        assertThat(committed(SampleData.SYNTHETIC_STK_LIMIT)).isEqualTo(generated.stkLimit());
        assertThat(committed(SampleData.SYNTHETIC_SUSPEND_D)).isEqualTo(generated.suspendD());
        assertThat(SyntheticLimitFixtures.generate()).isEqualTo(generated);
    }

    @Test
    void everyLimitIsPreCloseTimesTheBandRoundedHalfUp() {
        List<ExchangeLimit> rows = ExchangeLimitCsv.read(SampleData.file(SampleData.SYNTHETIC_STK_LIMIT));
        Set<String> codes = rows.stream().map(r -> r.tsCode().toString()).collect(Collectors.toSet());
        assertThat(codes).hasSize(30).containsAll(SyntheticLimitFixtures.ALWAYS);
        int st = 0;
        for (ExchangeLimit r : rows) {
            String code = r.tsCode().toString();
            // independent of the rule book: the 2021-2022 bands of the boards, and the one ST
            // episode of these stocks that has bars (000408.SZ until 2021-05-11)
            boolean isSt = code.equals("000408.SZ") && !r.tradeDate().isAfter(LocalDate.of(2021, 5, 11));
            String band = code.startsWith("30") || code.startsWith("688") ? "0.20" : isSt ? "0.05" : "0.10";
            st += isSt ? 1 : 0;
            BigDecimal pre = new BigDecimal(String.format("%.2f", r.preClose()));
            assertThat(r.upLimit()).as("%s %s up", code, r.tradeDate())
                    .isEqualTo(pre.multiply(BigDecimal.ONE.add(new BigDecimal(band))).setScale(2, RoundingMode.HALF_UP).doubleValue());
            assertThat(r.downLimit()).as("%s %s down", code, r.tradeDate())
                    .isEqualTo(pre.multiply(BigDecimal.ONE.subtract(new BigDecimal(band))).setScale(2, RoundingMode.HALF_UP).doubleValue());
        }
        assertThat(st).isGreaterThan(50);
    }

    @Test
    void theRuleBookAgreesWithTheFixtureButOnTheRelistingDay() {
        TradingCalendar calendar = TradeCalCsv.read(SampleData.file(SampleData.TRADE_CAL));
        Map<TsCode, StockBasic> basics = StockBasicCsv.read(SampleData.file(SampleData.STOCK_BASIC)).stream()
                .collect(Collectors.toMap(StockBasic::tsCode, Function.identity()));
        StHistory st = NameChangeCsv.history(SampleData.file(SampleData.NAMECHANGE));
        List<Bar> bars = BarCsv.read(SampleData.file(SampleData.BARS_300)).stream()
                .filter(b -> !b.tradeDate().isBefore(SyntheticLimitFixtures.FROM) && !b.tradeDate().isAfter(SyntheticLimitFixtures.TO))
                .toList();
        List<ExchangeLimit> rows = ExchangeLimitCsv.read(SampleData.file(SampleData.SYNTHETIC_STK_LIMIT));

        LimitCrossCheck.Report report = new LimitCrossCheck(new LimitBandCheck(calendar, basics, st)).check(bars, rows);

        assertThat(report.mismatches()).extracting(m -> m.tsCode() + " " + m.tradeDate() + " " + m.bound() + " " + m.reason())
                .containsExactly("000792.SZ 2021-08-10 UP EXCHANGE_UNLIMITED", "000792.SZ 2021-08-10 DOWN EXCHANGE_UNLIMITED");
        assertThat(report.exchangeRowsWithoutBar()).isZero();
        assertThat(report.checked()).isEqualTo(report.agreed() + 1).isGreaterThan(rows.size());
        System.out.printf("synthetic stk_limit: %d rows; checked %d, agreed %d, mismatches %s%n", rows.size(), report.checked(),
                report.agreed(), report.mismatches());
    }

    @Test
    void suspensionsAreTheOpenDaysWithoutABarOfListedStocks() throws IOException {
        List<String> lines = committed(SampleData.SYNTHETIC_SUSPEND_D).lines().skip(1).toList();
        Map<String, Long> byCode = lines.stream().collect(Collectors.groupingBy(l -> l.split(",")[1], Collectors.counting()));
        // 000792.SZ was suspended from before 2021 until its relisting on 2021-08-10
        TradingCalendar calendar = TradeCalCsv.read(SampleData.file(SampleData.TRADE_CAL));
        assertThat(byCode.get("000792.SZ")).isEqualTo(calendar.openDays(LocalDate.of(2021, 1, 4), LocalDate.of(2021, 8, 9)).size());
        assertThat(byCode.get("000425.SZ")).isEqualTo(23);
        assertThat(lines).allMatch(l -> l.endsWith(",,S"));
        System.out.printf("synthetic suspend_d: %d rows, by stock %s%n", lines.size(), byCode);
    }
}
