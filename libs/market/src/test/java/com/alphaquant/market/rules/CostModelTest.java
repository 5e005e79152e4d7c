package com.alphaquant.market.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CostModelTest {

    private final CostModel costs = CostModel.DEFAULT;

    @Test
    void stampDutyHalvedOn20230828AndOnlyOnSells() {
        Fees before = costs.fees(Side.SELL, 100_000, LocalDate.of(2023, 8, 25));
        Fees after = costs.fees(Side.SELL, 100_000, LocalDate.of(2023, 8, 28));
        assertThat(before.stampDuty()).isEqualTo(100.00);
        assertThat(after.stampDuty()).isEqualTo(50.00);
        assertThat(costs.fees(Side.BUY, 100_000, LocalDate.of(2023, 8, 28)).stampDuty()).isZero();
    }

    @Test
    void transferFeeHalvedOn20220429OnBothSides() {
        assertThat(costs.fees(Side.BUY, 1_000_000, LocalDate.of(2022, 4, 28)).transferFee()).isEqualTo(20.00);
        assertThat(costs.fees(Side.BUY, 1_000_000, LocalDate.of(2022, 4, 29)).transferFee()).isEqualTo(10.00);
        assertThat(costs.fees(Side.SELL, 1_000_000, LocalDate.of(2022, 4, 29)).transferFee()).isEqualTo(10.00);
    }

    @Test
    void commissionHasAFiveYuanMinimumAndRoundsToTheCent() {
        LocalDate day = LocalDate.of(2024, 3, 1);
        assertThat(costs.fees(Side.BUY, 10_000, day).commission()).isEqualTo(5.00);   // 3.00 -> minimum
        assertThat(costs.fees(Side.BUY, 123_456.78, day).commission()).isEqualTo(37.04); // 37.037034
        Fees sell = costs.fees(Side.SELL, 123_456.78, day);
        assertThat(sell.stampDuty()).isEqualTo(61.73);   // 61.72839
        assertThat(sell.transferFee()).isEqualTo(1.23);  // 1.2345678
        assertThat(sell.total()).isEqualTo(37.04 + 61.73 + 1.23);
    }

    @Test
    void explicitRatesOverrideTheSchedule() {
        CostModel whatIf = new CostModel(0.00025, 0, 0.001, 0);
        Fees fees = whatIf.fees(Side.SELL, 10_000, LocalDate.of(2024, 1, 2));
        assertThat(fees).isEqualTo(new Fees(2.50, 10.00, 0));
    }

    @Test
    void rejectsNonsenseNamingTheValue() {
        assertThatThrownBy(() -> new CostModel(-0.001, 5, Double.NaN, Double.NaN)).hasMessageContaining("commission rate must be in [0, 0.1), got -0.001");
        assertThatThrownBy(() -> costs.fees(Side.BUY, -1, LocalDate.of(2024, 1, 2))).hasMessageContaining("got -1.0");
        assertThatThrownBy(() -> costs.fees(Side.SELL, 1000, LocalDate.of(2007, 1, 4)))
                .hasMessageContaining("No stamp duty schedule before 2008-09-19 (asked for 2007-01-04)");
    }
}
