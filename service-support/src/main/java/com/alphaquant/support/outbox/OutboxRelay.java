package com.alphaquant.support.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes unpublished outbox rows to Kafka and marks them published. Each batch claims the
 * oldest unpublished rows with {@code FOR UPDATE SKIP LOCKED}, so that the replicas of a service
 * share the table: a row held by one relay is skipped by the others, and a relay that dies
 * releases its rows with its transaction. At least once: a row is marked only after the broker
 * acknowledged it, so a crash in between re-publishes it (consumers dedupe by event id). Within a
 * batch rows go out in id order; an event is written only after the data it announces has
 * committed, so no consumer sees it early whatever the order across replicas. While Kafka is
 * down rows simply wait. Published rows are pruned after {@code retention}. Each row goes out in
 * the trace of the transaction that wrote it ({@link OutboxTrace}).
 */
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int PRUNE_BATCH = 10_000;

    private record Row(long id, String topic, String key, String payload, String traceparent) {}

    private final JdbcTemplate jdbc;
    private final KafkaTemplate<String, String> kafka;
    private final TransactionTemplate tx;
    private final Duration retention;
    private final OutboxTrace trace;

    /** A relay that sends rows without continuing their traces. */
    public OutboxRelay(JdbcTemplate jdbc, KafkaTemplate<String, String> kafka, TransactionTemplate tx, Duration retention) {
        this(jdbc, kafka, tx, retention, OutboxTrace.none());
    }

    public OutboxRelay(JdbcTemplate jdbc, KafkaTemplate<String, String> kafka, TransactionTemplate tx, Duration retention,
                       OutboxTrace trace) {
        this.jdbc = jdbc;
        this.kafka = kafka;
        this.tx = tx;
        this.retention = retention;
        this.trace = trace;
    }

    @Scheduled(fixedDelayString = "${alphaquant.outbox.interval:1s}")
    public void publishPending() {
        try {
            while (publishBatch(100) == 100) {
                // keep going while full batches come back
            }
        } catch (Exception e) {
            log.warn("Outbox publishing paused, will retry: {}", e.getMessage());
        }
    }

    /**
     * Publishes up to {@code limit} rows that no other relay holds; returns how many were
     * published. Rows sent before a failure are marked, then the failure is thrown.
     */
    public int publishBatch(int limit) throws Exception {
        List<Exception> failure = new ArrayList<>(1);
        Integer published = tx.execute(status -> {
            List<Row> rows = jdbc.query("""
                    select id, topic, event_key, payload, traceparent from outbox where published_at is null
                    order by id limit ? for update skip locked""",
                    (rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)), limit);
            List<Object[]> sent = new ArrayList<>();
            for (Row row : rows) {
                try {
                    trace.continuing(row.traceparent(), () -> kafka.send(row.topic(), row.key(), row.payload()).get(10, TimeUnit.SECONDS));
                } catch (Exception e) {
                    failure.add(e);
                    break;
                }
                sent.add(new Object[] {row.id()});
            }
            jdbc.batchUpdate("update outbox set published_at = now() where id = ?", sent);
            return sent.size();
        });
        if (!failure.isEmpty()) {
            throw failure.get(0);
        }
        return published == null ? 0 : published;
    }

    public long pending() {
        return jdbc.queryForObject("select count(*) from outbox where published_at is null", Long.class);
    }

    /** Deletes published rows older than the retention, in batches; returns how many. Unpublished rows stay. */
    @Scheduled(fixedDelayString = "${alphaquant.outbox.prune-interval:1h}", initialDelayString = "${alphaquant.outbox.prune-interval:1h}")
    public long prune() {
        long deleted = 0;
        int n;
        do {
            n = jdbc.update("delete from outbox where id in (select id from outbox where published_at < now() - ? * interval '1 second' "
                    + "order by published_at limit ?)", retention.toSeconds(), PRUNE_BATCH);
            deleted += n;
        } while (n == PRUNE_BATCH);
        if (deleted > 0) {
            log.info("Outbox: pruned {} events published more than {} ago", deleted, retention);
        }
        return deleted;
    }
}
