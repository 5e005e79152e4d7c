package com.alphaquant.strategy.api;

import com.alphaquant.events.StrategySignal;
import com.alphaquant.strategy.live.SignalEngine;
import com.alphaquant.strategy.live.StrategyDefinition;
import com.alphaquant.strategy.store.SignalStore;
import com.alphaquant.support.web.BadRequestException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@RestController
@RequestMapping("/api/strategies")
public class StrategyController {

    /** A strategy as listed: its parameters and the traded universe. */
    public record StrategyView(String name, String version, Object signalParams, Object riskParams, List<String> universe) {}

    public record EvaluateRequest(String date) {}

    private final SignalEngine engine;
    private final SignalStore store;

    public StrategyController(SignalEngine engine, SignalStore store) {
        this.engine = engine;
        this.store = store;
    }

    @GetMapping
    public List<StrategyView> strategies() {
        return engine.strategies().values().stream()
                .map(s -> new StrategyView(s.name(), s.version(), s.signal(), s.risk(), engine.universe())).toList();
    }

    /** The stored (published) signals of a day. */
    @GetMapping("/{name}/signals")
    public List<StrategySignal> signals(@PathVariable String name, @RequestParam(required = false) String date) {
        StrategyDefinition s = strategy(name);
        return store.signals(s.name(), s.version(), date(date));
    }

    /** The day's signals computed now from factor-service; neither stored nor published. */
    @PostMapping("/{name}/evaluate")
    public List<StrategySignal> evaluate(@PathVariable String name, @RequestBody(required = false) EvaluateRequest body) {
        StrategyDefinition s = strategy(name);
        return engine.evaluate(s, date(body == null ? null : body.date()));
    }

    private StrategyDefinition strategy(String name) {
        StrategyDefinition s = engine.strategies().get(name);
        if (s == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Unknown strategy '" + name + "' (known: "
                    + engine.strategies().keySet() + ")");
        }
        return s;
    }

    private static LocalDate date(String date) {
        if (date == null || date.isBlank()) {
            throw new BadRequestException("date", "date is required (YYYY-MM-DD)");
        }
        try {
            return LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw new BadRequestException("date", "'" + date + "' is not a date (YYYY-MM-DD)");
        }
    }
}
