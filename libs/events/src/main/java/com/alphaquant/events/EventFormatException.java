package com.alphaquant.events;

/** A payload that is not a valid event of its topic: the reason a message is dead-lettered. */
public class EventFormatException extends RuntimeException {

    private final String topic;

    public EventFormatException(String topic, String reason) {
        super("Invalid " + topic + " event: " + reason);
        this.topic = topic;
    }

    public EventFormatException(String topic, String reason, Throwable cause) {
        this(topic, reason);
        initCause(cause);
    }

    public String topic() {
        return topic;
    }
}
