package com.alphaquant.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServerUrlTest {

    @Test
    void aJdbcUrlGivesTheServerItsAdminDatabaseAndCredentials() {
        TestPostgres.Server s = TestPostgres.Server.parse(
                "jdbc:postgresql://db.example:6543/ci?user=aq&password=secret&sslmode=require", "ignored", null);
        assertThat(s.base()).isEqualTo("jdbc:postgresql://db.example:6543/");
        assertThat(s.adminDatabase()).isEqualTo("ci");
        assertThat(s.user()).isEqualTo("aq");
        assertThat(s.password()).isEqualTo("secret");
        assertThat(s.url("aq_x_1")).isEqualTo("jdbc:postgresql://db.example:6543/aq_x_1?sslmode=require");
        assertThat(s.describe()).doesNotContain("secret");
    }

    @Test
    void aBareServerUrlAdministersFromPostgresWithTheGivenOrDefaultUser() {
        TestPostgres.Server s = TestPostgres.Server.parse("jdbc:postgresql://10.0.0.5:5432", null, null);
        assertThat(s.base()).isEqualTo("jdbc:postgresql://10.0.0.5:5432/");
        assertThat(s.adminDatabase()).isEqualTo("postgres");
        assertThat(s.user()).isEqualTo("postgres");
        assertThat(s.password()).isEmpty();
        assertThat(s.url("aq_x_1")).isEqualTo("jdbc:postgresql://10.0.0.5:5432/aq_x_1");
        assertThat(TestPostgres.Server.parse("jdbc:postgresql://h/", "u", "p").password()).isEqualTo("p");
    }
}
