package com.alphaquant.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class AlphaQuantTest {

    @RegisterExtension
    final Console console = new Console();

    private String out() {
        return console.out();
    }

    private String err() {
        return console.err();
    }

    @Test
    void helpListsTheCommands() {
        assertThat(AlphaQuant.run("--help")).isZero();
        assertThat(out()).contains("Usage: alphaquant", "version", "rules");
    }

    @Test
    void versionNamesTheJavaRuntime() {
        assertThat(AlphaQuant.run("version")).isZero();
        assertThat(out()).contains("alphaquant ", "java " + Runtime.version().feature());
    }

    @Test
    void rulesCheckOnTheBundledSampleFindsOnlyTheKnownRelisting() {
        assertThat(AlphaQuant.run("rules")).isZero();
        // 000792.SZ was *ST until 2021-08-09, suspended all through the compact sample's part of it
        assertThat(out()).contains("14624 bars of 31 stocks checked (0 on ST days); 1 outside the band",
                "000792.SZ 2021-08-10 SZSE_MAIN");
    }

    @Test
    void rulesCheckUsesTheStHistoryByDate(@TempDir Path dir) throws IOException {
        String bars = com.alphaquant.market.csv.SampleData.file(com.alphaquant.market.csv.SampleData.BARS_300).toString();
        String basics = com.alphaquant.market.csv.SampleData.file(com.alphaquant.market.csv.SampleData.STOCK_BASIC).toString();
        // The real history: 714 bars of three stocks on ST days (5% band), all inside it.
        assertThat(AlphaQuant.run("rules", "--bars", bars, "--stock-basic", basics)).isZero();
        assertThat(out()).contains("333626 bars of 300 stocks checked (714 on ST days); 1 outside the band",
                "000792.SZ 2021-08-10 SZSE_MAIN");

        // A history in which 600150.SH stayed *ST: its 10% limit-ups after the real episode break a 5% band.
        Path stillSt = dir.resolve("namechange.csv");
        Files.writeString(stillSt, "ts_code,name,start_date,end_date\n600150.SH,*ST船舶,20180424,\n");
        assertThat(AlphaQuant.run("rules", "--bars", bars, "--stock-basic", basics, "--namechange", stillSt.toString())).isZero();
        assertThat(out()).contains("600150.SH 2019-04-08 SSE_MAIN", "(limit +5%/-5%)");
    }

    @Test
    void unknownOptionsExitWithTwo() {
        assertThat(AlphaQuant.run("rules", "--bogus")).isEqualTo(2);
        assertThat(err()).contains("Unknown option: '--bogus'");
    }

    @Test
    void aMalformedFileGivesOneLineNamingTheLineAndExitsWithTwo(@TempDir Path dir) throws IOException {
        Path bars = dir.resolve("bars.csv");
        Files.writeString(bars, "ts_code,trade_date,open,high,low,close,pre_close,vol,amount\n"
                + "600519.SH,20220104,10,11,9,10.5,10,100,100\n"
                + "600519.SH,2022-01-05,10,11,9,x,10,100,100\n");
        assertThat(AlphaQuant.run("rules", "--bars", bars.toString())).isEqualTo(2);
        assertThat(err().strip()).isEqualTo("alphaquant: bars.csv line 3: column 'close' has 'x', not a number");
    }

    @Test
    void aMissingFileIsReportedNotThrown(@TempDir Path dir) {
        assertThat(AlphaQuant.run("rules", "--bars", dir.resolve("nope.csv").toString())).isEqualTo(1);
        assertThat(err()).startsWith("alphaquant: Cannot read").contains("nope.csv");
    }
}
