package com.alphaquant.backtest.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DecimalsTest {

    private static String fixed(double x, int decimals) {
        StringBuilder sb = new StringBuilder();
        Decimals.append(sb, x, decimals);
        return sb.toString();
    }

    private static String shares(double x) {
        StringBuilder sb = new StringBuilder();
        Decimals.appendShares(sb, x);
        return sb.toString();
    }

    private static String cents(long c) {
        StringBuilder sb = new StringBuilder();
        Decimals.appendCents(sb, c);
        return sb.toString();
    }

    @Test
    void formatsFixedPoint() {
        assertThat(fixed(10.1815, 4)).isEqualTo("10.1815");
        assertThat(fixed(0.51, 2)).isEqualTo("0.51");
        assertThat(fixed(0.005, 2)).isEqualTo("0.01");
        assertThat(fixed(-1.5, 2)).isEqualTo("-1.50");
        assertThat(fixed(-0.001, 2)).isEqualTo("0.00");
        assertThat(fixed(12345678.9, 2)).isEqualTo("12345678.90");
        assertThat(fixed(0.00507249198, 8)).isEqualTo("0.00507249");
        assertThat(fixed(Double.NaN, 2)).isEmpty();
    }

    @Test
    void formatsSharesAndCents() {
        assertThat(shares(5000)).isEqualTo("5000");
        assertThat(shares(1320.132)).isEqualTo("1320.132");
        assertThat(shares(176.43032679)).isEqualTo("176.4303");
        assertThat(shares(0.00001)).isEqualTo("0");
        assertThat(cents(844308)).isEqualTo("8443.08");
        assertThat(cents(5)).isEqualTo("0.05");
        assertThat(cents(-105)).isEqualTo("-1.05");
    }

    @Test
    void jsonStringsAndNumbers() {
        assertThat(BacktestWriter.str("a\"b\\c\n")).isEqualTo("\"a\\\"b\\\\c\\n\"");
        assertThat(Decimals.json(Double.NaN)).isEqualTo("null");
        assertThat(Decimals.json(0.1)).isEqualTo("0.1");
    }
}
