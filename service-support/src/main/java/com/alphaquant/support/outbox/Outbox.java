package com.alphaquant.support.outbox;

import com.alphaquant.events.Event;
import com.alphaquant.events.EventSerde;
import java.nio.charset.StandardCharsets;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The transactional outbox every service that writes data and publishes events uses (the
 * {@code outbox} table comes from {@value #MIGRATIONS}/R__outbox.sql, which
 * {@link OutboxAutoConfiguration} adds to Flyway's locations). Writes an event
 * into the outbox table inside the caller's transaction, so the event exists
 * exactly when the data it announces does; {@link OutboxRelay} publishes it after commit. The
 * row keeps the writer's trace ({@link OutboxTrace}), which the relay continues.
 */
public class Outbox {

    private final JdbcTemplate jdbc;
    private final EventSerde serde = new EventSerde();
    private final OutboxTrace trace;

    /** Where the outbox table's migration lies on the classpath, for Flyway. */
    public static final String MIGRATIONS = "db/outbox";

    public Outbox(JdbcTemplate jdbc, OutboxTrace trace) {
        this.jdbc = jdbc;
        this.trace = trace;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void add(Event event) {
        jdbc.update("insert into outbox (event_id, topic, event_key, payload, traceparent) values (?,?,?,?,?) "
                + "on conflict (event_id) do nothing", event.eventId(), event.topic(), event.key(),
                new String(serde.serialize(event), StandardCharsets.UTF_8), trace.current());
    }
}
