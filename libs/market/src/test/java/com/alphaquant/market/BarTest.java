package com.alphaquant.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class BarTest {

    private static final TsCode CODE = TsCode.of("600519.SH");
    private static final LocalDate DAY = LocalDate.of(2022, 3, 1);

    @Test
    void convertsTushareUnits() {
        Bar bar = new Bar(CODE, DAY, 10, 11, 9.5, 10.5, 10, 1234.5, 1300.0, Double.NaN);

        assertThat(bar.volumeShares()).isEqualTo(123_450);
        assertThat(bar.amountCny()).isEqualTo(1_300_000);
        assertThat(bar.change()).isCloseTo(0.05, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void rejectsBarsNoMarketCouldPrint() {
        assertThatThrownBy(() -> new Bar(CODE, DAY, 10, 9, 9.5, 10, 10, 1, 1, 1))
                .hasMessageContaining("600519.SH 2022-03-01").hasMessageContaining("inconsistent OHLC");
        assertThatThrownBy(() -> new Bar(CODE, DAY, 10, 11, 9.5, 11.5, 10, 1, 1, 1))
                .hasMessageContaining("inconsistent OHLC");
        assertThatThrownBy(() -> new Bar(CODE, DAY, 0, 11, 9.5, 10, 10, 1, 1, 1))
                .hasMessageContaining("open must be a positive price, got 0.0");
        assertThatThrownBy(() -> new Bar(CODE, DAY, 10, 11, 9.5, 10, 10, -1, 1, 1))
                .hasMessageContaining("negative or missing vol=-1.0");
        assertThatThrownBy(() -> new Bar(CODE, DAY, 10, 11, 9.5, 10, 10, 1, 1, 0))
                .hasMessageContaining("adj_factor must be positive");
    }
}
