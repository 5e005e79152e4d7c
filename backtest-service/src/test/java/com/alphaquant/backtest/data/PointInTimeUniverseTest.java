package com.alphaquant.backtest.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alphaquant.backtest.Sample;
import com.alphaquant.backtest.engine.BacktestEngine;
import com.alphaquant.backtest.engine.BacktestResult;
import com.alphaquant.backtest.engine.Fill;
import com.alphaquant.backtest.job.BacktestRequest;
import com.alphaquant.backtest.job.ParsedRequest;
import com.alphaquant.backtest.job.RequestParser;
import com.alphaquant.backtest.spec.BacktestSpec;
import com.alphaquant.market.IndexMembership;
import com.alphaquant.market.TsCode;
import com.alphaquant.market.csv.IndexWeightCsv;
import com.alphaquant.market.rules.Side;
import com.alphaquant.market.csv.SampleData;
import com.alphaquant.market.synthetic.IndexWeightGenerator;
import com.alphaquant.support.web.BadRequestException;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code "universe": "000300.SH"} over the bundled sample and its synthetic CSI 300 history: a
 * run never buys a stock on a day it was not a member, where the run over today's constituents
 * does (survivorship bias), and the two differ.
 */
class PointInTimeUniverseTest {

    private static final BundledSampleBarSource SOURCE = new BundledSampleBarSource(Sample.dir(), "daily_raw_adj_*.csv*");
    private static final MarketData DATA = new MarketData(SOURCE);
    /** Read here from the fixture, not through the code under test. */
    private static final IndexMembership CSI300 = IndexMembership.of(Sample.CSI300,
            IndexWeightCsv.read(SampleData.file(IndexWeightGenerator.FIXTURE)));
    private static final String START = "2020-01-02";
    private static final String END = "2022-12-20";

    private static ParsedRequest request(List<String> stocks, String universe) {
        return RequestParser.parse(new BacktestRequest("multi_factor", null, START, END, stocks, universe, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null));
    }

    private static BacktestResult run(ParsedRequest request) {
        MarketData.Loaded data = DATA.load(request.spec(), null, f -> { });
        return new BacktestEngine(data.panel(), request.spec().config()).run(request.newStrategy(data.panel(), data.membership()));
    }

    /** The buys of a run whose stock was not a member on the day the order was decided (the session before the fill). */
    private static List<Fill> buysOfNonMembers(BacktestResult r) {
        return r.fills().stream().filter(f -> f.side() == Side.BUY)
                .filter(f -> !CSI300.isMember(f.code(), Sample.calendar().previous(f.date()))).toList();
    }

    @Test
    void neverBuysAStockOnADayItWasNotAMemberAndDiffersFromTodaysList() {
        ParsedRequest pointInTime = request(null, "000300.SH");
        assertThat(pointInTime.normalized().universe()).isEqualTo("000300.SH");
        BacktestResult pit = run(pointInTime);

        // Today's list: the members of the last publication before the end that have bars in the sample.
        List<String> today = CSI300.asOf(LocalDate.parse(END)).members().stream().filter(Sample.codes()::contains)
                .map(TsCode::toString).toList();
        BacktestResult todays = run(request(today, null));

        long pitBuys = pit.fills().stream().filter(f -> f.side() == Side.BUY).count();
        assertThat(pitBuys).as("the point-in-time run trades").isGreaterThan(100);
        assertThat(buysOfNonMembers(pit)).as("buys of stocks outside the CSI 300 of their day").isEmpty();
        assertThat(buysOfNonMembers(todays)).as("today's list buys stocks before they joined").isNotEmpty();
        assertThat(pit.finalEquity()).isNotEqualTo(todays.finalEquity());
        System.out.printf("point-in-time: %d buys, final equity %.2f; today's list (%d stocks): %d buys, %d of non-members, final %.2f%n",
                pitBuys, pit.finalEquity(), today.size(), todays.fills().stream().filter(f -> f.side() == Side.BUY).count(),
                buysOfNonMembers(todays).size(), todays.finalEquity());
    }

    @Test
    void aHoldingThatLeavesTheIndexMayBeKeptOrSoldButNeverAddedTo() {
        // buy_and_hold over every stock: on the first day only the members are bought.
        ParsedRequest r = RequestParser.parse(new BacktestRequest("buy_and_hold", null, "2018-02-01", "2018-06-29", null, "000300.SH",
                null, null, null, null, null, null, null, null, null, null, null, null, null, null));
        BacktestResult result = run(r);
        List<TsCode> bought = result.fills().stream().filter(f -> f.side() == Side.BUY).map(Fill::code).distinct().toList();
        assertThat(bought).isNotEmpty().allMatch(c -> CSI300.isMember(c, LocalDate.of(2018, 2, 1)));
        assertThat(Sample.codes().stream().filter(c -> !CSI300.isMember(c, LocalDate.of(2018, 2, 1)))).as("sample stocks left out")
                .isNotEmpty().noneMatch(bought::contains);
    }

    @Test
    void theUniverseIsAnIndexOrAll() {
        for (String bad : List.of("600519.SH", "csi300")) {
            assertThatThrownBy(() -> request(null, bad)).isInstanceOfSatisfying(BadRequestException.class,
                    e -> assertThat(e.field()).isEqualTo("universe")).hasMessageContaining("e.g. 000300.SH");
        }
        assertThatThrownBy(() -> DATA.load(RequestParser.parse(new BacktestRequest("buy_and_hold", null, "2018-01-02", "2018-03-30",
                null, "000300.SH", null, null, null, null, null, null, null, null, null, null, null, null, null, null)).spec(), null,
                f -> { })).hasMessageContaining("No constituents of 000300.SH published on or before 2018-01-02");
        assertThatThrownBy(() -> DATA.load(request(null, "000905.SH").spec(), null, f -> { }))
                .hasMessageContaining("No constituents of 000905.SH");
    }
}
