package com.alphaquant.support.calls;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InternalTokenTest {

    @Test
    void onlyTheTokenItselfMatches() {
        InternalToken token = InternalToken.of("s3cret-token");

        assertThat(token.configured()).isTrue();
        assertThat(token.matches("s3cret-token")).isTrue();
        assertThat(token.matches("s3cret-token ")).isFalse();
        assertThat(token.matches("s3cret-tokeN")).isFalse();
        assertThat(token.matches("")).isFalse();
        assertThat(token.matches(null)).isFalse();
    }

    @Test
    void aBlankOrMissingTokenIsNoneAndMatchesNothing() {
        for (InternalToken none : new InternalToken[] {InternalToken.of(null), InternalToken.of(""), InternalToken.of("  ")}) {
            assertThat(none.configured()).isFalse();
            assertThat(none.matches("")).isFalse();
            assertThat(none.matches(null)).isFalse();
        }
    }

    @Test
    void itsTextNeverShowsTheValue() {
        assertThat(InternalToken.of("s3cret-token").toString()).doesNotContain("s3cret");
    }

    @Test
    void onlyProbesAndTheScrapeAreOpen() {
        assertThat(InternalTokenFilter.open("/actuator/health")).isTrue();
        assertThat(InternalTokenFilter.open("/actuator/health/readiness")).isTrue();
        assertThat(InternalTokenFilter.open("/actuator/prometheus")).isTrue();
        assertThat(InternalTokenFilter.open("/actuator/healthx")).isFalse();
        assertThat(InternalTokenFilter.open("/actuator/info")).isFalse();
        assertThat(InternalTokenFilter.open("/api/data/bars")).isFalse();
    }
}
