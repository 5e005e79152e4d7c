package com.alphaquant.strategy.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphaquant.strategy.portfolio.Book;
import com.alphaquant.strategy.risk.Holding;
import com.alphaquant.testsupport.FreshDatabase;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The book's round trip through PostgreSQL, across the V3 migration (desired weights). */
class SignalStoreIT {

    static final LocalDate DAY1 = LocalDate.parse("2024-01-02");
    static final LocalDate DAY2 = LocalDate.parse("2024-01-03");

    @Test
    void aBookStoredBeforeV3LoadsWithItsWeightAsTheDesiredOneAndANewBookKeepsBoth() {
        DriverManagerDataSource db = new DriverManagerDataSource(FreshDatabase.create("aq_strategy_store"), FreshDatabase.user(), FreshDatabase.password());
        Flyway.configure().dataSource(db).target("2").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(db);
        // A book as V2 stored it: no desired weight.
        jdbc.update("insert into strategy_book_day values ('multi_factor', 'multi_factor-1', ?, 0.01)", java.sql.Date.valueOf(DAY1));
        jdbc.update("insert into strategy_book_holding values ('multi_factor', 'multi_factor-1', ?, '600519.SH', 0.06, 10, 11, 10.5)",
                java.sql.Date.valueOf(DAY1));
        Flyway.configure().dataSource(db).load().migrate();
        SignalStore store = new SignalStore(jdbc);

        Book old = store.previousBook("multi_factor", "multi_factor-1", DAY2, 20);
        assertThat(old.holdings()).containsOnlyKeys("600519.SH");
        assertThat(old.holdings().get("600519.SH")).isEqualTo(new Holding("600519.SH", 0.06, 0.06, 10, 11, 10.5));
        assertThat(old.returns()).containsExactly(0.01);

        // A book with a scaled-down weight and a holding being sold down (desired 0) comes back as stored.
        Book book = new Book(Map.of(
                "600519.SH", new Holding("600519.SH", 0.063, 0.095, 10, 11, 10.5),
                "000001.SZ", new Holding("000001.SZ", 0.07, 0.0, 8, 9, Double.NaN)), List.of(0.01, Double.NaN));
        store.saveBook("multi_factor", "multi_factor-1", DAY2, book);
        Book back = store.previousBook("multi_factor", "multi_factor-1", DAY2.plusDays(1), 20);
        assertThat(back.holdings()).isEqualTo(book.holdings());
        assertThat(back.returns()).hasSize(2);
    }
}
