package com.alphaquant.market.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alphaquant.market.Board;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PriceLimitBookTest {

    private static final LocalDate LONG_AGO = LocalDate.of(2005, 1, 4);
    private static final int SEASONED = 1000;

    private static PriceLimit limit(Board board, boolean st, String date) {
        return PriceLimitBook.limit(board, st, LONG_AGO, SEASONED, LocalDate.parse(date));
    }

    @Test
    void chiNextWentFromTenToTwentyPercentOn20200824() {
        assertThat(limit(Board.CHINEXT, false, "2020-08-21")).isEqualTo(PriceLimit.symmetric(0.10));
        assertThat(limit(Board.CHINEXT, false, "2020-08-24")).isEqualTo(PriceLimit.symmetric(0.20));
    }

    @Test
    void mainBoardStWentFromFiveToTenPercentOn20250707() {
        assertThat(limit(Board.SSE_MAIN, true, "2025-07-04")).isEqualTo(PriceLimit.symmetric(0.05));
        assertThat(limit(Board.SZSE_MAIN, true, "2025-07-07")).isEqualTo(PriceLimit.symmetric(0.10));
        assertThat(limit(Board.SSE_MAIN, false, "2025-07-04")).isEqualTo(PriceLimit.symmetric(0.10));
        // ST on ChiNext and STAR keeps the board's band.
        assertThat(limit(Board.CHINEXT, true, "2024-01-02")).isEqualTo(PriceLimit.symmetric(0.20));
        assertThat(limit(Board.STAR, true, "2024-01-02")).isEqualTo(PriceLimit.symmetric(0.20));
    }

    @Test
    void boardsHaveTheirOwnBands() {
        assertThat(limit(Board.STAR, false, "2022-01-04").up()).isEqualTo(0.20);
        assertThat(limit(Board.BSE, false, "2022-01-04").up()).isEqualTo(0.30);
        assertThat(limit(Board.INDEX, false, "2022-01-04")).isEqualTo(PriceLimit.NONE);
    }

    @ParameterizedTest(name = "{0} listed {1}, session {2} -> {3}")
    @CsvSource({
            // registration-based listings: five sessions without limit
            "STAR,      2019-07-22, 1, NONE",
            "STAR,      2019-07-22, 5, NONE",
            "STAR,      2019-07-22, 6, 0.20/0.20",
            "CHINEXT,   2020-08-24, 5, NONE",
            "CHINEXT,   2020-08-24, 6, 0.20/0.20",
            "SSE_MAIN,  2023-04-10, 5, NONE",
            "SZSE_MAIN, 2023-06-01, 6, 0.10/0.10",
            // older listings: +44% / -36% on day one only
            "SSE_MAIN,  2018-06-11, 1, 0.44/0.36",
            "SSE_MAIN,  2018-06-11, 2, 0.10/0.10",
            "CHINEXT,   2019-03-19, 1, 0.44/0.36",
            "CHINEXT,   2019-03-19, 2, 0.10/0.10",
            // BSE: the first day only
            "BSE,       2021-11-15, 1, NONE",
            "BSE,       2021-11-15, 2, 0.30/0.30",
            // before 2014 day one had no band
            "SZSE_MAIN, 2010-05-05, 1, NONE"})
    void newListingsFollowTheRulesOfTheirEra(Board board, LocalDate listed, int session, String expected) {
        LocalDate day = listed.plusDays(session); // a later date is enough: the rule keys on the session
        PriceLimit limit = PriceLimitBook.limit(board, false, listed, session, day);
        if (expected.equals("NONE")) {
            assertThat(limit).isEqualTo(PriceLimit.NONE);
            assertThat(limit.limitUpPrice(10)).isInfinite();
        } else {
            String[] band = expected.split("/");
            assertThat(limit).isEqualTo(new PriceLimit(Double.parseDouble(band[0]), Double.parseDouble(band[1])));
        }
    }

    @ParameterizedTest
    @CsvSource({
            // pre_close, limit, limit-up, limit-down: half-up at the cent where banker's rounding differs
            "3.15,  0.10, 3.47,  2.84",
            "10.05, 0.10, 11.06, 9.05",
            "13.30, 0.10, 14.63, 11.97",
            "4.35,  0.05, 4.57,  4.13",
            "25.05, 0.20, 30.06, 20.04",
            "7.77,  0.30, 10.10, 5.44"})
    void limitPricesRoundHalfUpToTheCent(double preClose, double fraction, double up, double down) {
        PriceLimit limit = PriceLimit.symmetric(fraction);
        assertThat(limit.limitUpPrice(preClose)).isEqualTo(up);
        assertThat(limit.limitDownPrice(preClose)).isEqualTo(down);
    }

    @Test
    void refusesDaysWithoutAnyRule() {
        assertThatThrownBy(() -> limit(Board.STAR, false, "2019-01-02"))
                .hasMessageContaining("No price-limit rule for STAR on 2019-01-02");
        assertThatThrownBy(() -> PriceLimitBook.limit(Board.SSE_MAIN, false, LONG_AGO, 0, LocalDate.of(2020, 1, 2)))
                .hasMessageContaining("at least 1, got 0");
    }
}
