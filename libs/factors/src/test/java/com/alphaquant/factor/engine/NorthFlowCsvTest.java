package com.alphaquant.factor.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NorthFlowCsvTest {

    @TempDir
    Path dir;

    @Test
    void readsNorthMoneyByDateInDateOrderWithEmptyCellsAsNoValue() throws IOException {
        Path file = dir.resolve("moneyflow_hsgt.csv");
        Files.writeString(file, """
                trade_date,ggt_ss,ggt_sz,hgt,sgt,north_money,south_money
                20230105,1,2,3,4,-1520.5,9
                20230103,1,2,3,4,2310.25,9
                20230104,1,2,3,4,,9
                """);
        MarketSeries flow = NorthFlowCsv.read(file);
        assertThat(flow.dates()).containsExactly(20230103, 20230104, 20230105);
        assertThat(flow.values()[0]).isEqualTo(2310.25);
        assertThat(flow.values()[1]).isNaN();
        assertThat(flow.values()[2]).isEqualTo(-1520.5);
    }

    @Test
    void aDayTwiceIsAnErrorNamingTheLine() throws IOException {
        Path file = dir.resolve("dup.csv");
        Files.writeString(file, "trade_date,north_money\n20230103,1\n20230103,2\n");
        assertThatThrownBy(() -> NorthFlowCsv.read(file)).hasMessageContaining("20230103 appears twice").hasMessageContaining("3");
    }

    @Test
    void aFileWithoutNorthMoneyIsAnError() throws IOException {
        Path file = dir.resolve("wrong.csv");
        Files.writeString(file, "trade_date,hgt\n20230103,1\n");
        assertThatThrownBy(() -> NorthFlowCsv.read(file)).hasMessageContaining("north_money");
    }
}
