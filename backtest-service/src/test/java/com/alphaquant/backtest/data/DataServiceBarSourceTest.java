package com.alphaquant.backtest.data;

import com.alphaquant.support.data.DataServiceBarSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alphaquant.backtest.FakeDataService;
import com.alphaquant.backtest.Sample;
import com.alphaquant.market.Bar;
import com.alphaquant.market.IndexMembership;
import com.alphaquant.market.TradingCalendar;
import com.alphaquant.market.TsCode;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link DataServiceBarSource} against a real HTTP server speaking data-service's JSON over the real sample. */
class DataServiceBarSourceTest {

    private static final LocalDate FROM = LocalDate.of(2022, 1, 4);
    private static final LocalDate TO = LocalDate.of(2022, 3, 31);
    private static FakeDataService server;
    private static DataServiceBarSource source;

    @BeforeAll
    static void start() {
        server = FakeDataService.start();
        source = new DataServiceBarSource(server.url() + "/", Duration.ofSeconds(2), Duration.ofSeconds(5));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @AfterEach
    void healthy() {
        server.failing(false);
        server.delay(0);
    }

    @Test
    void indexConstituentsGiveTheMembershipOfTheFilesSource() {
        LocalDate from = LocalDate.of(2021, 3, 15);
        IndexMembership served = IndexMembership.of(Sample.CSI300, source.indexWeights(Sample.CSI300, from, TO));
        IndexMembership files = IndexMembership.of(Sample.CSI300,
                new BundledSampleBarSource(Sample.dir(), "daily_raw_adj_*.csv*").indexWeights(Sample.CSI300, from, TO));
        assertThat(served.dates()).first().isEqualTo(LocalDate.of(2021, 2, 26));
        for (LocalDate d = from; !d.isAfter(TO); d = d.plusDays(1)) {
            assertThat(served.asOf(d)).as("%s", d).isEqualTo(files.asOf(d));
        }
        assertThat(served.asOf(from).members()).hasSize(300);
    }

    @Test
    void barsComeBackAsTheSampleHasThem() {
        TsCode moutai = TsCode.of("600519.SH");
        List<Bar> expected = Sample.stocks().get(moutai).stream()
                .filter(b -> !b.tradeDate().isBefore(FROM) && !b.tradeDate().isAfter(TO)).toList();

        List<Bar> bars = source.bars(moutai, FROM, TO);

        assertThat(expected).hasSizeGreaterThan(50);
        assertThat(bars).isEqualTo(expected); // records: every field, adjustment factor included, bit for bit
        assertThat(source.bars(TsCode.of("600519.SH"), LocalDate.of(2015, 1, 5), LocalDate.of(2015, 2, 1))).isEmpty();
    }

    @Test
    void indexBarsListingDatesAndCalendar() {
        List<Bar> csi = source.indexBars(Sample.CSI300, FROM, TO);
        assertThat(csi).isEqualTo(Sample.indices().get(Sample.CSI300).stream()
                .filter(b -> !b.tradeDate().isBefore(FROM) && !b.tradeDate().isAfter(TO)).toList());

        assertThat(source.listDates()).hasSize(350).containsEntry(TsCode.of("600519.SH"), LocalDate.of(2001, 8, 27));

        TradingCalendar calendar = source.calendar(FROM, TO);
        assertThat(calendar.openDays(FROM, TO)).isEqualTo(Sample.calendar().openDays(FROM, TO));
        assertThat(calendar.first()).isEqualTo(FROM);
    }

    @Test
    void aServiceThatIsDownIsAClearError() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        DataServiceBarSource down = new DataServiceBarSource("http://127.0.0.1:" + closedPort, Duration.ofSeconds(1), Duration.ofSeconds(1));
        assertThatThrownBy(() -> down.bars(TsCode.of("600519.SH"), FROM, TO))
                .isInstanceOf(DataUnavailableException.class)
                .hasMessage("data-service at http://127.0.0.1:" + closedPort
                        + " is unreachable or did not answer in time (GET /api/data/bars): connection refused");
    }

    @Test
    void anErrorStatusIsReportedWithItsDetail() {
        server.failing(true);
        assertThatThrownBy(() -> source.listDates())
                .isInstanceOf(DataUnavailableException.class)
                .hasMessage("data-service at " + server.url() + " answered 503 to GET /api/data/securities: "
                        + "{\"title\":\"Service Unavailable\",\"status\":503,\"detail\":\"database is down\"}");
    }

    @Test
    void aSlowServiceTimesOut() {
        server.delay(1_500);
        DataServiceBarSource impatient = new DataServiceBarSource(server.url(), Duration.ofSeconds(1), Duration.ofMillis(300));
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> impatient.calendar(FROM, TO))
                .isInstanceOf(DataUnavailableException.class)
                .hasMessageEndingWith("did not answer in time (GET /api/data/calendar): no answer within PT0.3S");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofMillis(1_400));
    }

    @Test
    void industriesWithTheirDates() {
        var industries = source.industries();
        assertThat(industries.memberships()).hasSize(330);
        assertThat(industries.of(TsCode.of("600000.SH"), LocalDate.of(2022, 1, 31)).orElseThrow().industryName()).isEqualTo("银行");
        assertThat(industries.of(TsCode.of("600000.SH"), LocalDate.of(2022, 2, 1))).isEmpty(); // out_date is exclusive
        assertThat(industries.asOf(LocalDate.of(2022, 2, 1)).get("000001.SZ")).isEqualTo(
                industries.asOf(LocalDate.of(2022, 1, 31)).get("600000.SH"));
    }
}
