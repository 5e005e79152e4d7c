package com.alphaquant.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TsCodeTest {

    @Test
    void parsesAndPrintsTushareCodes() {
        TsCode code = TsCode.of("600519.SH");

        assertThat(code.symbol()).isEqualTo("600519");
        assertThat(code.exchange()).isEqualTo(Exchange.SH);
        assertThat(code).hasToString("600519.SH").isEqualTo(TsCode.of("600519.SH"));
        assertThat(TsCode.of("830946.BJ").exchange()).isEqualTo(Exchange.BJ);
    }

    @ParameterizedTest
    @ValueSource(strings = {"600519", "600519.sh", "60051.SH", "6005190.SH", "600519.HK", " 600519.SH", "600519.SH ",
            "60A519.SH", "600519SH", "600519.SHX"})
    void rejectsMalformedCodesNamingTheValue(String text) {
        assertThatThrownBy(() -> TsCode.of(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + text + "'")
                .hasMessageContaining("six digits");
        assertThat(TsCode.isValid(text)).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    void rejectsMissingCodes(String text) {
        assertThatThrownBy(() -> TsCode.of(text)).hasMessageContaining("Invalid ts_code");
    }

    @Test
    void ordersByCodeText() {
        assertThat(TsCode.of("000001.SZ")).isLessThan(TsCode.of("600000.SH"));
    }
}
