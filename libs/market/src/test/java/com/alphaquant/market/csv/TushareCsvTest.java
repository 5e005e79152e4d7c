package com.alphaquant.market.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alphaquant.market.Bar;
import com.alphaquant.market.DateOutOfCalendarException;
import com.alphaquant.market.TradingCalendar;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TushareCsvTest {

    private static final String HEADER = "ts_code,trade_date,open,high,low,close,pre_close,change,pct_chg,vol,amount";
    private static final String GOOD = "600519.SH,20220104,2055.00,2068.95,2014.00,2051.23,2050.00,1.23,0.06,25620.69,5277165.231";

    @TempDir
    Path dir;

    private Path write(String name, String... lines) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, String.join("\n", lines) + "\n");
        return file;
    }

    @Test
    void readsPlainAndGzipFilesAlike() throws IOException {
        Path plain = write("bars.csv", HEADER, GOOD);
        Path gz = dir.resolve("bars.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(Files.readAllBytes(plain));
        }
        List<Bar> a = BarCsv.read(plain);
        List<Bar> b = BarCsv.read(gz);

        assertThat(a).hasSize(1).isEqualTo(b);
        Bar bar = a.get(0);
        assertThat(bar.tradeDate()).isEqualTo(LocalDate.of(2022, 1, 4));
        assertThat(bar.close()).isEqualTo(2051.23);
        assertThat(bar.adjFactor()).isNaN(); // no adj_factor_rel column
    }

    @Test
    void readsTheAdjustmentFactorWhenPresent() throws IOException {
        Path file = write("adj.csv", HEADER + ",adj_factor_rel", GOOD + ",0.975");
        assertThat(BarCsv.read(file).get(0).adjFactor()).isEqualTo(0.975);
    }

    @Test
    void namesFileLineColumnAndValueOfAMalformedRow() throws IOException {
        Path file = write("bad.csv", HEADER, GOOD, GOOD.replace("2051.23", "2O51.23"));
        assertThatThrownBy(() -> BarCsv.read(file))
                .isInstanceOf(CsvFormatException.class)
                .hasMessage("bad.csv line 3: column 'close' has '2O51.23', not a number")
                .satisfies(e -> assertThat(((CsvFormatException) e).line()).isEqualTo(3));
    }

    @Test
    void rejectsBadCodesDatesCellCountsAndImpossibleBars() throws IOException {
        assertThatThrownBy(() -> BarCsv.read(write("a.csv", HEADER, GOOD.replace("600519.SH", "600519.XX"))))
                .hasMessageStartingWith("a.csv line 2: Invalid ts_code '600519.XX'");
        assertThatThrownBy(() -> BarCsv.read(write("b.csv", HEADER, GOOD.replace("20220104", "20221304"))))
                .hasMessage("b.csv line 2: column 'trade_date' has '20221304', not a date (yyyyMMdd or yyyy-MM-dd)");
        assertThatThrownBy(() -> BarCsv.read(write("c.csv", HEADER, GOOD + ",extra")))
                .hasMessage("c.csv line 2: has 12 cells, the header has 11");
        assertThatThrownBy(() -> BarCsv.read(write("d.csv", HEADER, GOOD.replace("2068.95", "2000.00"))))
                .hasMessageStartingWith("d.csv line 2: 600519.SH 2022-01-04: inconsistent OHLC");
        assertThatThrownBy(() -> BarCsv.read(write("e.csv", HEADER, GOOD.replace(",25620.69,", ",,"))))
                .hasMessage("e.csv line 2: column 'vol' is empty");
        assertThatThrownBy(() -> BarCsv.read(write("f.csv", "ts_code,trade_date,open", "600519.SH,20220104,1")))
                .hasMessageStartingWith("f.csv line 1: header lacks column 'high'");
        assertThatThrownBy(() -> BarCsv.read(write("g.csv")))
                .hasMessageContaining("g.csv line 1: file is empty");
    }

    @Test
    void handlesQuotedCellsAndIsoDates() throws IOException {
        Path file = write("basic.csv", "ts_code,name,industry,list_date", "000001.SZ,\"平安银行\",\"银行, 全国\",1991-04-03");
        StockBasic basic = StockBasicCsv.read(file).get(0);
        assertThat(basic.name()).isEqualTo("平安银行");
        assertThat(basic.industry()).isEqualTo("银行, 全国");
        assertThat(basic.listDate()).isEqualTo(LocalDate.of(1991, 4, 3));
    }

    @Test
    void tradeCalendarFromTheRealSseCalendar() {
        TradingCalendar calendar = TradeCalCsv.read(SampleData.file("trade_cal_SSE_derived_20160101_20260318.csv.gz"));

        assertThat(calendar.first()).isEqualTo(LocalDate.of(2016, 1, 1));
        assertThat(calendar.next(LocalDate.of(2024, 2, 8))).isEqualTo(LocalDate.of(2024, 2, 19)); // Spring Festival
        assertThat(calendar.sessions(LocalDate.of(2022, 1, 1), LocalDate.of(2022, 12, 31))).isEqualTo(242);
        assertThatThrownBy(() -> calendar.isOpen(LocalDate.of(2030, 1, 2)))
                .isInstanceOf(DateOutOfCalendarException.class)
                .hasMessageContaining("2030-01-02").hasMessageContaining("2016-01-01 to 2026-03-18");
    }

    @Test
    void readsNameChangesWithOpenEndsAndNamesTheLineOfABadOne() throws IOException {
        Path file = write("nc.csv", "ts_code,name,start_date,end_date,ann_date,change_reason",
                "600150.SH,*ST船舶,20180424,20190328,20180424,*ST", "600150.SH,中国船舶,20190329,,20190328,撤销*ST");
        List<com.alphaquant.market.NameChange> rows = NameChangeCsv.read(file);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).isSt()).isTrue();
        assertThat(rows.get(1).endDate()).isNull();

        assertThatThrownBy(() -> NameChangeCsv.read(write("nc2.csv", "ts_code,name,start_date,end_date",
                "600150.SH,*ST船舶,20180424,20180401")))
                .hasMessage("nc2.csv line 2: Name change of 600150.SH to '*ST船舶' ends on 2018-04-01, before it starts on 2018-04-24");
        assertThatThrownBy(() -> NameChangeCsv.read(write("nc3.csv", "ts_code,name,start_date", "600150.SH,*ST船舶,2018-13-01")))
                .hasMessageStartingWith("nc3.csv line 2: column 'start_date' has '2018-13-01', not a date");
    }

    @Test
    void tradeCalendarRejectsBadFlags() throws IOException {
        Path file = write("cal.csv", "exchange,cal_date,is_open,pretrade_date", "SSE,20240102,1,", "SSE,20240103,yes,20240102");
        assertThatThrownBy(() -> TradeCalCsv.read(file))
                .hasMessage("cal.csv line 3: column 'is_open' has 'yes', expected 0 or 1");
        assertThat(new String(Files.readAllBytes(file), StandardCharsets.UTF_8)).contains("yes");
    }
}
