package com.alphaquant.support.outbox;

import com.alphaquant.events.Event;
import com.alphaquant.events.EventSerde;
import java.nio.charset.StandardCharsets;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The transactional outbox every service that writes data and publishes events uses (its
 * Flyway migration creates the {@code outbox} table, see data-service's V1). Writes an event
 * into the outbox table inside the caller's transaction, so the event exists
 * exactly when the data it announces does; {@link OutboxRelay} publishes it after commit.
 */
public class Outbox {

    private final JdbcTemplate jdbc;
    private final EventSerde serde = new EventSerde();

    public Outbox(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void add(Event event) {
        jdbc.update("insert into outbox (event_id, topic, event_key, payload) values (?,?,?,?) on conflict (event_id) do nothing",
                event.eventId(), event.topic(), event.key(), new String(serde.serialize(event), StandardCharsets.UTF_8));
    }
}
