package com.alphaquant.factor.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ForwardReturnsTest {

    @Test
    void countsMarketSessionsNotTheStocksBars() {
        int[] sessions = {1, 2, 3, 4, 5};
        int[] dates = {1, 2, 4, 5}; // suspended on session 3
        double[] close = {10, 11, 12, 15};

        double[] h1 = ForwardReturns.onSessions(sessions, dates, close, 1);
        assertThat(h1[0]).isCloseTo(0.1, within(1e-12));
        assertThat(h1[1]).isNaN(); // no bar on session 3
        assertThat(h1[2]).isNaN(); // no bar on session 3 itself
        assertThat(h1[3]).isCloseTo(0.25, within(1e-12));
        assertThat(h1[4]).isNaN(); // past the data

        double[] h2 = ForwardReturns.onSessions(sessions, dates, close, 2);
        assertThat(h2[1]).isCloseTo(12.0 / 11 - 1, within(1e-12));
        assertThat(h2[0]).isNaN();
    }
}
