package com.alphaquant.market.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alphaquant.market.Board;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class LotRuleTest {

    private static final LocalDate DAY = LocalDate.of(2022, 6, 1);

    @Test
    void mainBoardAndChiNextTradeWholeLotsOfHundred() {
        LotRule rule = LotRule.of(Board.CHINEXT, DAY);
        assertThat(rule.roundBuy(1299.7)).isEqualTo(1200);
        assertThat(rule.roundBuy(99)).isZero();
        assertThat(rule.isValidBuy(250)).isFalse();
        // a partial sell rounds to lots; selling everything may include the odd lot
        assertThat(rule.roundSell(250, 350)).isEqualTo(200);
        assertThat(rule.roundSell(350, 350)).isEqualTo(350);
    }

    @Test
    void starNeedsTwoHundredThenSingleShares() {
        LotRule rule = LotRule.of(Board.STAR, DAY);
        assertThat(rule.roundBuy(199)).isZero();
        assertThat(rule.roundBuy(201.9)).isEqualTo(201);
        assertThat(rule.roundBuy(250_000)).isEqualTo(100_000);
        assertThat(rule.roundSell(150, 150)).isEqualTo(150);
        assertThat(rule.roundSell(150, 400)).isZero();
    }

    @Test
    void bseNeedsHundredThenSingleShares() {
        LotRule rule = LotRule.of(Board.BSE, DAY);
        assertThat(rule.roundBuy(99)).isZero();
        assertThat(rule.roundBuy(101)).isEqualTo(101);
        assertThat(rule.isValidBuy(101)).isTrue();
    }

    @Test
    void anIndexHasNoLots() {
        assertThatThrownBy(() -> LotRule.of(Board.INDEX, DAY)).hasMessageContaining("cannot be traded");
    }
}
