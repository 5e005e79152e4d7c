package com.alphaquant.support.kafka;

import com.alphaquant.support.web.BadRequestException;
import com.alphaquant.support.web.Problems;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Dead letters of a topic this service consumes: how many wait ({@code GET}), and sending them
 * back to the topic ({@code POST .../replay?max=}), for operators and {@code alphaquant replay}.
 */
@RestController
@RequestMapping("/api/admin/dead-letters")
@Validated
public class DeadLetterController {

    private final DeadLetterReplay replay;

    public DeadLetterController(DeadLetterReplay replay) {
        this.replay = replay;
    }

    @GetMapping("/{topic}")
    ResponseEntity<?> pending(@PathVariable String topic) {
        checked(topic);
        return ResponseEntity.ok(replay.pending(topic));
    }

    @PostMapping("/{topic}/replay")
    ResponseEntity<?> replay(@PathVariable String topic,
                             @RequestParam(defaultValue = "1000") @Min(1) @Max(100_000) int max) {
        checked(topic);
        return ResponseEntity.ok(replay.replay(topic, max));
    }

    private void checked(String topic) {
        if (!topic.matches("[a-z][a-z0-9.]{0,62}") || topic.endsWith(".dlt")) {
            throw new BadRequestException("topic", Problems.quote(topic) + " is not a topic name (e.g. factors.computed)");
        }
        if (!replay.exists(topic)) {
            throw new NoDeadLetterTopicException(topic);
        }
    }

    /** The topic has no dead-letter topic on the broker: nothing was ever dead-lettered from it. */
    static class NoDeadLetterTopicException extends org.springframework.web.server.ResponseStatusException {
        NoDeadLetterTopicException(String topic) {
            super(HttpStatus.NOT_FOUND, "No dead-letter topic " + topic + ".dlt: nothing was ever dead-lettered from "
                    + topic);
        }
    }
}
