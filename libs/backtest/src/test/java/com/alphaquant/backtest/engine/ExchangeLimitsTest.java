package com.alphaquant.backtest.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphaquant.backtest.MiniSample;
import com.alphaquant.backtest.RandomWeights;
import com.alphaquant.backtest.strategy.Strategy;
import com.alphaquant.backtest.strategy.TargetWeightsStrategy;
import com.alphaquant.market.Bar;
import com.alphaquant.market.StHistory;
import com.alphaquant.market.TsCode;
import com.alphaquant.market.IndustryClassification;
import com.alphaquant.market.csv.BarCsv;
import com.alphaquant.market.csv.ExchangeLimitCsv;
import com.alphaquant.market.csv.NameChangeCsv;
import com.alphaquant.market.csv.SampleData;
import com.alphaquant.market.rules.LimitCrossCheck.ExchangeLimit;
import com.alphaquant.market.rules.Side;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exchange's limit prices (stk_limit) over the rule book's in {@link BarPanel}, on the real
 * sample's bars and the synthetic stk_limit fixture of 30 of its stocks, which agrees with the
 * book on every bar it has a row for.
 */
class ExchangeLimitsTest {

    private static final StHistory ST = NameChangeCsv.history(SampleData.file(SampleData.NAMECHANGE));
    private static final TsCode A = TsCode.of("600030.SH");
    /** Relisted on 2021-08-10 after a long suspension; the fixture has no row for that day. */
    private static final TsCode X = TsCode.of("000792.SZ");
    private static final LocalDate NO_ROW = LocalDate.of(2021, 8, 10);
    private static final LocalDate FROM = LocalDate.of(2021, 1, 4);
    private static final LocalDate TO = LocalDate.of(2022, 12, 20);

    private static BarPanel panel(Collection<ExchangeLimit> exchange) {
        return panel(MiniSample.bars(), exchange);
    }

    private static BarPanel panel(List<Bar> bars, Collection<ExchangeLimit> exchange) {
        return BarPanel.of(MiniSample.calendar(), bars, MiniSample::listDate, ST, MiniSample.index(),
                MiniSample.CSI300, IndustryClassification.NONE, exchange);
    }

    /** The fixture's 30 stocks in the 300-stock daily file over the fixture's dates. */
    private static List<Bar> fixtureStockBars(List<ExchangeLimit> rows) {
        Set<TsCode> codes = new HashSet<>();
        rows.forEach(r -> codes.add(r.tsCode()));
        return BarCsv.read(SampleData.file(SampleData.BARS_300)).stream()
                .filter(b -> codes.contains(b.tsCode()) && !b.tradeDate().isBefore(FROM) && !b.tradeDate().isAfter(TO)).toList();
    }

    private static List<ExchangeLimit> fixture() {
        return ExchangeLimitCsv.read(SampleData.file(SampleData.SYNTHETIC_STK_LIMIT));
    }

    private static long cents(double price) {
        return Math.round(price * 100);
    }

    @Test
    void aPlantedExchangeRowChangesThatStockDayAndNothingElse() {
        BarPanel book = BarPanel.of(MiniSample.calendar(), MiniSample.bars(), MiniSample::listDate, ST, MiniSample.index(),
                MiniSample.CSI300);
        Bar target = MiniSample.bars().stream().filter(b -> b.tsCode().equals(A) && b.tradeDate().equals(LocalDate.of(2021, 6, 1)))
                .findFirst().orElseThrow();
        double bookUp = book.limitUpPrice(A, target.tradeDate());
        // the main board's 10% band from the bar's own pre_close, to the cent
        assertThat(cents(bookUp)).isEqualTo(new java.math.BigDecimal(Double.toString(target.preClose()))
                .multiply(new java.math.BigDecimal("1.1")).setScale(2, java.math.RoundingMode.HALF_UP).movePointRight(2).longValueExact());
        List<ExchangeLimit> planted = List.of(
                new ExchangeLimit(A, target.tradeDate(), target.preClose(), bookUp - 0.01, book.limitDownPrice(A, target.tradeDate())),
                // a stock outside the panel, and a day the stock has no bar (2021-06-05 is a Saturday): unused
                new ExchangeLimit(TsCode.of("600000.SH"), target.tradeDate(), 10, 11, 9),
                new ExchangeLimit(A, LocalDate.of(2021, 6, 5), 10, 11, 9));
        BarPanel exchange = panel(planted);

        int differing = 0;
        for (Bar b : MiniSample.bars()) {
            double up = exchange.limitUpPrice(b.tsCode(), b.tradeDate());
            boolean planted1 = b.tsCode().equals(A) && b.tradeDate().equals(target.tradeDate());
            assertThat(cents(up)).as("%s %s", b.tsCode(), b.tradeDate())
                    .isEqualTo(cents(book.limitUpPrice(b.tsCode(), b.tradeDate())) - (planted1 ? 1 : 0));
            assertThat(exchange.limitDownPrice(b.tsCode(), b.tradeDate())).isEqualTo(book.limitDownPrice(b.tsCode(), b.tradeDate()));
            differing += cents(up) != cents(book.limitUpPrice(b.tsCode(), b.tradeDate())) ? 1 : 0;
        }
        assertThat(differing).isEqualTo(1);
    }

    @Test
    void theSyntheticFixtureAgreesWithTheBookAndADayWithoutARowKeepsTheBooksLimits(@TempDir Path dir) {
        List<ExchangeLimit> rows = fixture();
        List<Bar> bars = fixtureStockBars(rows);
        assertThat(rows).noneMatch(r -> r.tsCode().equals(X) && r.tradeDate().equals(NO_ROW));
        assertThat(bars).anyMatch(b -> b.tsCode().equals(X) && b.tradeDate().equals(NO_ROW));
        BarPanel book = panel(bars, List.of());
        // one row per limited bar but the relisting day: the book's unlimited days are a new listing's first sessions
        long unlimited = bars.stream().filter(b -> Double.isInfinite(book.limitUpPrice(b.tsCode(), b.tradeDate()))).count();
        assertThat(unlimited).isPositive();
        assertThat(rows).hasSize((int) (bars.size() - unlimited - 1));
        BarPanel exchange = panel(bars, rows);
        assertThat(book.stockCount()).isEqualTo(30);
        assertThat(exchange.limitUpPrice(X, NO_ROW)).isFinite().isEqualTo(book.limitUpPrice(X, NO_ROW));
        for (Bar b : bars) {
            assertThat(exchange.limitUpPrice(b.tsCode(), b.tradeDate())).isEqualTo(book.limitUpPrice(b.tsCode(), b.tradeDate()));
            assertThat(exchange.limitDownPrice(b.tsCode(), b.tradeDate())).isEqualTo(book.limitDownPrice(b.tsCode(), b.tradeDate()));
        }

        Path weights = RandomWeights.write(dir.resolve("weights.csv"), MiniSample.calendar(), book.codes(),
                LocalDate.of(2021, 1, 5), TO, 8, 0.98, 20240101L);
        BacktestConfig config = BacktestConfig.of(LocalDate.of(2021, 1, 5), TO, 3_000_000);
        BacktestResult onBook = new BacktestEngine(book, config).run(TargetWeightsStrategy.read(weights));
        BacktestResult onExchange = new BacktestEngine(exchange, config).run(TargetWeightsStrategy.read(weights));
        assertThat(onBook.fills()).hasSizeGreaterThan(1500);
        assertThat(onBook.rejectionCounts()).containsKeys(RejectReason.LIMIT_DOWN, RejectReason.SUSPENDED);
        assertThat(onExchange.fills()).isEqualTo(onBook.fills());
        assertThat(onExchange.rejections()).isEqualTo(onBook.rejections());
        assertThat(onExchange.equitySeries()).containsExactly(onBook.equitySeries());
    }

    @Test
    void aBuyAtTheExchangesLimitUpIsRejectedWhereTheBooksLimitIsHigher() {
        LocalDate decided = LocalDate.of(2021, 5, 31);
        LocalDate traded = LocalDate.of(2021, 6, 1);
        Bar bar = MiniSample.bars().stream().filter(b -> b.tsCode().equals(A) && b.tradeDate().equals(traded)).findFirst().orElseThrow();
        List<ExchangeLimit> rows = new ArrayList<>(fixture());
        ExchangeLimit published = rows.stream().filter(r -> r.tsCode().equals(A) && r.tradeDate().equals(traded)).findFirst().orElseThrow();
        assertThat(bar.open()).isLessThan(published.upLimit() - 0.01);
        // the exchange (here) says the stock opened at its limit-up; the book's limit is well above the open
        rows.set(rows.indexOf(published), new ExchangeLimit(A, traded, bar.preClose(), bar.open(), published.downLimit()));
        Strategy buy = (view, target) -> {
            if (!view.date().equals(decided)) {
                return false;
            }
            target.set(view.indexOf(A), 0.5);
            return true;
        };
        BacktestConfig config = BacktestConfig.of(decided, LocalDate.of(2021, 6, 4), 1_000_000).withSlippage(SlippageModel.NONE);

        BacktestResult onBook = new BacktestEngine(panel(List.of()), config).run(buy);
        assertThat(onBook.fills()).singleElement().satisfies(f -> {
            assertThat(f.date()).isEqualTo(traded);
            assertThat(f.side()).isEqualTo(Side.BUY);
            assertThat(f.price()).isEqualTo(bar.open());
        });
        assertThat(onBook.rejections()).isEmpty();

        BacktestResult onExchange = new BacktestEngine(panel(rows), config).run(buy);
        assertThat(onExchange.fills()).isEmpty();
        assertThat(onExchange.rejections()).singleElement().satisfies(r -> {
            assertThat(r.date()).isEqualTo(traded);
            assertThat(r.code()).isEqualTo(A);
            assertThat(r.reason()).isEqualTo(RejectReason.LIMIT_UP);
        });
    }
}
