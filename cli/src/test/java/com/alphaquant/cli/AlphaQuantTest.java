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
        assertThat(out()).contains("14624 bars of 31 stocks checked; 1 outside the band",
                "000792.SZ 2021-08-10 SZSE_MAIN");
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
