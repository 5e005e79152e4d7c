package com.alphaquant.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alphaquant.market.csv.SampleData;
import com.alphaquant.market.csv.StockBasicCsv;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IndustryClassificationTest {

    private static final TsCode A = TsCode.of("600000.SH");
    private static final TsCode B = TsCode.of("000001.SZ");

    @Test
    void aStockCountsInTheIndustryOfTheDayOutDateExclusive() {
        IndustryClassification c = new IndustryClassification(List.of(
                new IndustryMembership("801780.SI", "银行", A, LocalDate.of(2014, 1, 1), LocalDate.of(2021, 7, 30)),
                new IndustryMembership("801790.SI", "非银金融", A, LocalDate.of(2021, 7, 30), null),
                new IndustryMembership("801780.SI", "银行", B, LocalDate.of(2014, 1, 1), null)));
        assertThat(c.asOf(LocalDate.of(2021, 7, 29))).isEqualTo(Map.of("600000.SH", "801780.SI", "000001.SZ", "801780.SI"));
        assertThat(c.asOf(LocalDate.of(2021, 7, 30))).isEqualTo(Map.of("600000.SH", "801790.SI", "000001.SZ", "801780.SI"));
        assertThat(c.asOf(LocalDate.of(2013, 12, 31))).isEmpty();
        assertThat(c.of(A, LocalDate.of(2021, 7, 30)).orElseThrow().industryName()).isEqualTo("非银金融");
    }

    @Test
    void anExitNotAfterTheEntryIsRefused() {
        assertThatThrownBy(() -> new IndustryMembership("X", "x", A, LocalDate.of(2020, 1, 2), LocalDate.of(2020, 1, 2)))
                .hasMessageContaining("not after");
    }

    @Test
    void theSampleStockListDerivesTheSimulatorsCodes() {
        IndustryClassification c = IndustryClassification.fromStockBasic(StockBasicCsv.read(SampleData.file(SampleData.STOCK_BASIC)));
        // 70 distinct industry names in stock_basic_350; the sort order of the names gives the codes.
        assertThat(c.memberships().stream().map(IndustryMembership::industryCode).distinct()).hasSize(70);
        assertThat(c.of(TsCode.of("000001.SZ"), LocalDate.of(2022, 1, 4)).orElseThrow().industryName()).isEqualTo("银行");
        // Not a member before listing.
        assertThat(c.of(TsCode.of("000001.SZ"), LocalDate.of(1991, 4, 2))).isEmpty();
    }
}
