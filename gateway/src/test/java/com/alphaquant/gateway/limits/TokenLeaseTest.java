package com.alphaquant.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TokenLeaseTest {

    @Test
    void aGrantedLeaseServesItsRemainingTokensThenRunsOut() {
        TokenLease lease = new TokenLease(3, 1_000);
        assertThat(lease.take(0)).isFalse(); // nothing leased yet
        lease.granted(0); // one token for the request that asked
        assertThat(lease.take(10)).isTrue();
        assertThat(lease.take(20)).isTrue();
        assertThat(lease.take(30)).isFalse();
    }

    @Test
    void leasedTokensExpireSoThatTheyCannotBeSavedForLater() {
        TokenLease lease = new TokenLease(5, 1_000);
        lease.granted(0);
        assertThat(lease.take(999)).isTrue();
        assertThat(lease.take(1_000)).isFalse();
        assertThat(lease.take(1_001)).isFalse(); // the rest is gone, not kept for the next grant
        lease.granted(2_000);
        assertThat(lease.take(2_001)).isTrue();
    }

    @Test
    void aLeaseIsATenthOfASecondsTokensBetweenOneAndAHundred() {
        assertThat(TokenLease.forRate(1).size()).isEqualTo(1);
        assertThat(TokenLease.forRate(50).size()).isEqualTo(5);
        assertThat(TokenLease.forRate(1_000_000).size()).isEqualTo(100);
        assertThatThrownBy(() -> new TokenLease(0, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
