package com.alphaquant.data.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alphaquant.data.DataProperties;
import com.alphaquant.market.Bar;
import com.alphaquant.market.TsCode;
import com.alphaquant.testsupport.FreshDatabase;
import com.zaxxer.hikari.HikariDataSource;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * BarStore's COPY path against real PostgreSQL: rows come back exactly as given (doubles to the
 * bit, dates, codes); stored rows are overwritten by re-ingested ones and new rows are added in
 * the same call; inside a transaction the rows commit or roll back with the caller's other
 * statements; a bad row fails the whole call and leaves the connection usable.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BarStoreIT {

    HikariDataSource ds;
    JdbcTemplate jdbc;
    BarStore store;
    TransactionTemplate tx;

    @BeforeAll
    void database() {
        ds = new HikariDataSource();
        ds.setJdbcUrl(FreshDatabase.create("aq_barstore"));
        ds.setUsername(FreshDatabase.user());
        ds.setPassword(FreshDatabase.password());
        ds.setMaximumPoolSize(2);
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(ds);
        store = new BarStore(jdbc, new DataProperties(null, 5000, null));
        tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
    }

    @AfterAll
    void close() {
        ds.close();
    }

    @BeforeEach
    void empty() {
        jdbc.execute("truncate daily_bar, index_bar, adj_factor, coverage");
    }

    @Test
    void rowsComeBackExactly() {
        List<Bar> bars = bars("600519.SH", LocalDate.of(1999, 12, 30), 5, 1.0);
        bars.add(new Bar(TsCode.of("000001.SZ"), LocalDate.of(2024, 2, 29), 0.1 + 0.2, 1e300, Double.MIN_VALUE,
                1.0 / 3, 12.345678901234567, 0.0, Double.POSITIVE_INFINITY, Double.NaN));
        store.upsertBars(BarStore.Table.DAILY, bars);

        assertThat(store.count(BarStore.Table.DAILY)).isEqualTo(6);
        List<Bar> stored = new ArrayList<>(store.bars(BarStore.Table.DAILY, "600519.SH", LocalDate.of(1990, 1, 1),
                LocalDate.of(2100, 1, 1)));
        stored.addAll(store.bars(BarStore.Table.DAILY, "000001.SZ", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31)));
        assertThat(stored).containsExactlyInAnyOrderElementsOf(bars);
    }

    @Test
    void storedRowsAreOverwrittenAndNewOnesAdded() {
        LocalDate start = LocalDate.of(2022, 1, 3);
        store.upsertBars(BarStore.Table.DAILY, bars("600519.SH", start, 10, 1.0));
        // Days 5..14: five stored ones with new prices, five new days.
        List<Bar> again = bars("600519.SH", start.plusDays(5), 10, 2.0);
        store.upsertBars(BarStore.Table.DAILY, again);

        List<Bar> stored = store.bars(BarStore.Table.DAILY, "600519.SH", start, start.plusDays(30));
        assertThat(stored).hasSize(15);
        assertThat(stored.subList(0, 5)).allSatisfy(b -> assertThat(b.close()).isLessThan(200));
        assertThat(stored.subList(5, 15)).containsExactlyElementsOf(again);
        // The same rows again change nothing and fail nothing.
        store.upsertBars(BarStore.Table.DAILY, again);
        assertThat(store.count(BarStore.Table.DAILY)).isEqualTo(15);
    }

    @Test
    void indexBarsAndAdjustmentFactorsTheSameWay() {
        LocalDate day = LocalDate.of(2022, 6, 1);
        store.upsertBars(BarStore.Table.INDEX, bars("000300.SH", day, 3, 1.0));
        store.upsertBars(BarStore.Table.INDEX, bars("000300.SH", day, 4, 3.0));
        assertThat(store.bars(BarStore.Table.INDEX, "000300.SH", day, day.plusDays(10)))
                .extracting(Bar::open).containsExactly(300.0, 301.0, 302.0, 303.0);
        assertThat(store.count(BarStore.Table.DAILY)).isZero();

        store.upsertAdjFactors(List.of(new BarStore.AdjFactor("600519.SH", day, 7.5),
                new BarStore.AdjFactor("600519.SH", day.plusDays(1), 7.6)));
        store.upsertAdjFactors(List.of(new BarStore.AdjFactor("600519.SH", day.plusDays(1), 8.25),
                new BarStore.AdjFactor("600519.SH", day.plusDays(2), 8.5)));
        assertThat(store.countAdjFactors()).isEqualTo(3);
        assertThat(jdbc.queryForList("select adj_factor from adj_factor order by trade_date", Double.class))
                .containsExactly(7.5, 8.25, 8.5);
        assertThat(store.latestAdjFactor("600519.SH")).isEqualTo(8.5);
        store.upsertAdjFactors(List.of());
        store.upsertBars(BarStore.Table.DAILY, List.of());
    }

    @Test
    void rowsCommitAndRollBackWithTheCallersTransaction() {
        LocalDate day = LocalDate.of(2022, 3, 1);
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
            store.upsertBars(BarStore.Table.DAILY, bars("000001.SZ", day, 5, 1.0));
            store.upsertAdjFactors(List.of(new BarStore.AdjFactor("000001.SZ", day, 1.5)));
            mark(day);
            throw new IllegalStateException("the unit fails after storing");
        })).hasMessageContaining("after storing");
        assertThat(store.count(BarStore.Table.DAILY)).isZero();
        assertThat(store.countAdjFactors()).isZero();
        assertThat(jdbc.queryForObject("select count(*) from coverage", Long.class)).isZero();

        // Stored rows in the transaction: the merge path, rolled back as well.
        store.upsertBars(BarStore.Table.DAILY, bars("000001.SZ", day, 5, 1.0));
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
            store.upsertBars(BarStore.Table.DAILY, bars("000001.SZ", day, 6, 9.0));
            throw new IllegalStateException("the unit fails after merging");
        })).hasMessageContaining("after merging");
        assertThat(store.bars(BarStore.Table.DAILY, "000001.SZ", day, day.plusDays(10)))
                .containsExactlyElementsOf(bars("000001.SZ", day, 5, 1.0));

        tx.executeWithoutResult(s -> {
            store.upsertBars(BarStore.Table.DAILY, bars("000001.SZ", day, 6, 9.0));
            mark(day);
        });
        assertThat(store.count(BarStore.Table.DAILY)).isEqualTo(6);
        assertThat(jdbc.queryForObject("select count(*) from coverage", Long.class)).isEqualTo(1);
    }

    @Test
    void aBadRowFailsTheWholeCallAndTheConnectionStaysUsable() {
        LocalDate day = LocalDate.of(2022, 3, 1);
        List<Bar> bars = bars("000001.SZ", day, 3, 1.0);
        bars.add(bars.get(0)); // the same key twice in one call: no merge can take both
        // COPY meets the duplicate (a unique violation), the merge then refuses to update one row twice.
        assertThatThrownBy(() -> store.upsertBars(BarStore.Table.DAILY, bars))
                .isInstanceOf(org.springframework.dao.DataAccessException.class)
                .rootCause().isInstanceOf(org.postgresql.util.PSQLException.class)
                .hasMessageContaining("cannot affect row a second time");
        assertThat(store.count(BarStore.Table.DAILY)).isZero();
        // Every pooled connection still works in autocommit mode.
        for (int i = 0; i < 4; i++) {
            store.upsertBars(BarStore.Table.DAILY, bars("000001.SZ", day.plusDays(10L * i), 2, 1.0));
        }
        assertThat(store.count(BarStore.Table.DAILY)).isEqualTo(8);
        // ... and with the session's own settings (BarStore's are local to its transactions).
        for (int i = 0; i < 4; i++) {
            assertThat(jdbc.queryForObject("select setting = reset_val from pg_settings where name = 'synchronous_commit'",
                    Boolean.class)).isTrue();
        }
    }

    private void mark(LocalDate day) {
        jdbc.update("insert into coverage (dataset, scope, from_date, to_date) values ('daily', '*', ?, ?)", day, day);
    }

    /** {@code n} bars on consecutive days, prices scaled so calls can be told apart. */
    private static List<Bar> bars(String code, LocalDate start, int n, double scale) {
        return new ArrayList<>(IntStream.range(0, n).mapToObj(i -> {
            double p = 100 * scale + i;
            return new Bar(TsCode.of(code), start.plusDays(i), p, p + 1.5, p - 0.5, p + 0.25, p - 0.125, 1000.5 * (i + 1),
                    123456.789 * scale, Double.NaN);
        }).toList());
    }
}
