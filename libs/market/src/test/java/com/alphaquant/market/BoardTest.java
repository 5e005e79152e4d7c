package com.alphaquant.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BoardTest {

    @ParameterizedTest
    @CsvSource({
            "600000.SH, SSE_MAIN", "601318.SH, SSE_MAIN", "603259.SH, SSE_MAIN", "605499.SH, SSE_MAIN",
            "000001.SZ, SZSE_MAIN", "002594.SZ, SZSE_MAIN", "003816.SZ, SZSE_MAIN",
            "300750.SZ, CHINEXT", "301269.SZ, CHINEXT",
            "688981.SH, STAR", "689009.SH, STAR",
            "830946.BJ, BSE", "430047.BJ, BSE", "920002.BJ, BSE",
            "000300.SH, INDEX", "000001.SH, INDEX", "399006.SZ, INDEX", "899050.BJ, INDEX"})
    void classifiesByCodeRange(String code, Board board) {
        assertThat(Board.of(TsCode.of(code))).isEqualTo(board);
    }

    @ParameterizedTest
    @ValueSource(strings = {"900901.SH", "200002.SZ", "510300.SH", "159919.SZ", "110059.SH"})
    void rejectsWhatIsNotAnAShareOrIndex(String code) {
        assertThatThrownBy(() -> Board.of(TsCode.of(code)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(code);
    }

    @Test
    void onlyAShareStocksAreStocks() {
        assertThat(Board.isStock(TsCode.of("600519.SH"))).isTrue();
        assertThat(Board.isStock(TsCode.of("830799.BJ"))).isTrue();
        assertThat(Board.isStock(TsCode.of("000300.SH"))).isFalse();
        assertThat(Board.isStock(TsCode.of("900901.SH"))).isFalse();
        assertThat(Board.isStock(TsCode.of("200002.SZ"))).isFalse();
    }
}
