package com.alphaquant.factor.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphaquant.events.MarketDataIngested;
import com.alphaquant.market.TsCode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class IngestImpactTest {

    static MarketDataIngested event(String dataset, List<String> codes) {
        return new MarketDataIngested("e", MarketDataIngested.VERSION, Instant.now(), "j", dataset, LocalDate.parse("2024-01-02"),
                LocalDate.parse("2024-01-02"), codes, 1, 0);
    }

    @Test
    void whichStocksABatchChanges() {
        assertThat(IngestImpact.of(event("daily", List.of("600519.SH", "000001.SH"))).codes())
                .containsExactly(TsCode.of("600519.SH")); // 000001.SH is the SSE index, not a stock
        assertThat(IngestImpact.of(event("adj_factor", List.of("000001.SZ"))).allStocks()).isFalse();
        assertThat(IngestImpact.of(event("index_daily", List.of("000300.SH"))).allStocks()).isTrue();
        assertThat(IngestImpact.of(event("index_daily", List.of("399006.SZ"))).isNone()).isTrue();
        assertThat(IngestImpact.of(event("moneyflow_hsgt", List.of())).allStocks()).isTrue();
        assertThat(IngestImpact.of(event("namechange", List.of("600150.SH"))).codes()) // its ST days, its price bands
                .containsExactly(TsCode.of("600150.SH"));
        assertThat(IngestImpact.of(event("stock_basic", List.of("600519.SH"))).isNone()).isTrue();
        assertThat(IngestImpact.of(event("trade_cal", List.of())).isNone()).isTrue();
    }
}
