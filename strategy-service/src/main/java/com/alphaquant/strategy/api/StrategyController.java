package com.alphaquant.strategy.api;

import com.alphaquant.events.StrategySignal;
import com.alphaquant.market.Board;
import com.alphaquant.market.TsCode;
import com.alphaquant.strategy.live.SignalEngine;
import com.alphaquant.strategy.live.StrategyDefinition;
import com.alphaquant.strategy.store.SignalStore;
import com.alphaquant.support.web.BadRequestException;
import com.alphaquant.support.web.Problems;
import com.alphaquant.support.web.TradingDates;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The strategies, their stored signals and signals computed on demand. Parameters are taken as
 * text and checked here, so every bad value is a 400 problem naming it: dates within the trading
 * calendar's bounds ({@link TradingDates}), ts_codes of A-share stocks only.
 */
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

    /** The stored (published) signals of a day, of every stock or of one ({@code ts_code}). */
    @GetMapping("/{name}/signals")
    public List<StrategySignal> signals(@PathVariable String name, @RequestParam(required = false) String date,
                                        @RequestParam(name = "ts_code", required = false) String tsCode) {
        StrategyDefinition s = strategy(name);
        LocalDate day = TradingDates.parse("date", date);
        if (tsCode == null) {
            return store.signals(s.name(), s.version(), day);
        }
        return store.signals(s.name(), s.version(), day, stock("ts_code", tsCode));
    }

    /** The day's signals computed now from factor-service; neither stored nor published. */
    @PostMapping("/{name}/evaluate")
    public List<StrategySignal> evaluate(@PathVariable String name, @RequestBody(required = false) EvaluateRequest body) {
        StrategyDefinition s = strategy(name);
        return engine.evaluate(s, TradingDates.parse("date", body == null ? null : body.date()));
    }

    StrategyDefinition strategy(String name) {
        StrategyDefinition s = engine.strategies().get(name);
        if (s == null) {
            throw new ErrorResponseException(HttpStatus.NOT_FOUND, Problems.of(HttpStatus.NOT_FOUND, "name",
                    "Unknown strategy " + Problems.quote(name) + " (known: " + engine.strategies().keySet() + ")"), null);
        }
        return s;
    }

    /** An A-share stock's ts_code (indices, B shares, funds and bonds have no signals). */
    static String stock(String field, String text) {
        String value = text.trim();
        TsCode code;
        try {
            code = TsCode.of(value);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(field, Problems.quote(value)
                    + " is not a ts_code: expected six digits, a dot and SH, SZ or BJ, e.g. 600519.SH");
        }
        if (!Board.isStock(code)) {
            throw new BadRequestException(field, code + " is not an A-share stock (indices, B shares, funds and bonds have no signals)");
        }
        return code.toString();
    }
}
