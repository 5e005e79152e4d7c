package com.alphaquant.support.outbox;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Publishes unpublished outbox rows to Kafka in id order and marks them published. At least
 * once: a row is marked only after the broker acknowledged it, so a crash in between
 * re-publishes it (consumers dedupe by event id). While Kafka is down rows simply wait.
 */
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private record Row(long id, String topic, String key, String payload) {}

    private final JdbcTemplate jdbc;
    private final KafkaTemplate<String, String> kafka;

    public OutboxRelay(JdbcTemplate jdbc, KafkaTemplate<String, String> kafka) {
        this.jdbc = jdbc;
        this.kafka = kafka;
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

    /** Publishes up to {@code limit} rows; returns how many were published. */
    public int publishBatch(int limit) throws Exception {
        List<Row> rows = jdbc.query("select id, topic, event_key, payload from outbox where published_at is null order by id limit ?",
                (rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)), limit);
        for (Row row : rows) {
            kafka.send(row.topic(), row.key(), row.payload()).get(10, TimeUnit.SECONDS);
            jdbc.update("update outbox set published_at = now() where id = ?", row.id());
        }
        return rows.size();
    }

    public long pending() {
        return jdbc.queryForObject("select count(*) from outbox where published_at is null", Long.class);
    }
}
