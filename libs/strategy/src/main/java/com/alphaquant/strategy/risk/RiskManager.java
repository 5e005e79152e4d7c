package com.alphaquant.strategy.risk;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Applies the risk limits to the strategy's target weights, after signals and before orders,
 * in this order: stops force exits; each position is capped (the weights so far are the
 * strategy's <em>desired</em> weights, {@link RiskDecision#desired()}, which the book keeps and a
 * HOLD carries on, so what follows is applied once to them each day, never compounded); the gross
 * is scaled to the volatility target and to the exposure cap; each day's change per stock is
 * limited to max_single_trade, measured against the weight held now, except a stop's exit, which
 * goes to 0 at once (SPEC section 4: exit when the price is at or below the stop; whether the sell
 * fills, e.g. on a limit-down day, is the execution's affair: the backtest engine models it); last,
 * where reductions held back by that limit leave the gross above its cap, the day's increases
 * shrink pro rata until it holds. Every cut carries a reason code. Caps hold after the engine
 * rounds orders down to lots, since rounding down only shrinks buys.
 */
public final class RiskManager {

    private final RiskParams params;

    public RiskManager(RiskParams params) {
        this.params = params;
    }

    /**
     * @param targets       the strategy's desired weights (absent = 0)
     * @param holdings      current positions by ts_code (their {@link Holding#weight()} is what a day's trade starts from)
     * @param realisedVol   the portfolio's realised 20-day volatility, annualised (NaN when unknown)
     */
    public RiskDecision apply(Map<String, Double> targets, Map<String, Holding> holdings, double realisedVol) {
        Map<String, Double> out = new LinkedHashMap<>(targets);
        Map<String, List<String>> notes = new HashMap<>();
        holdings.keySet().forEach(code -> out.putIfAbsent(code, 0.0));
        Set<String> stopped = new TreeSet<>();

        for (Holding h : holdings.values()) {
            if (h.weight() <= 0) {
                continue;
            }
            // Gains never trigger the stop loss: it looks at the loss from entry only.
            if (h.lastClose() <= h.entryPrice() * (1 - params.stopLoss())) {
                cut(out, notes, h.tsCode(), 0, RiskDecision.STOP_LOSS);
                stopped.add(h.tsCode());
            } else if (h.lastClose() <= h.highestClose() * (1 - params.trailingStop())) {
                cut(out, notes, h.tsCode(), 0, RiskDecision.TRAILING_STOP);
                stopped.add(h.tsCode());
            }
        }
        for (Map.Entry<String, Double> t : out.entrySet()) {
            if (t.getValue() > params.maxPosition()) {
                cut(out, notes, t.getKey(), params.maxPosition(), RiskDecision.MAX_POSITION);
            }
        }
        Map<String, Double> desired = Map.copyOf(out);
        double gross = out.values().stream().mapToDouble(Double::doubleValue).sum();
        double scale = 1;
        String why = null;
        if (realisedVol > 0 && params.targetVol() / realisedVol < 1) {
            scale = params.targetVol() / realisedVol;
            why = RiskDecision.VOL_TARGET;
        }
        if (gross * scale > params.maxExposure()) {
            scale = params.maxExposure() / gross;
            why = RiskDecision.MAX_EXPOSURE;
        }
        double grossCap = why == null ? params.maxExposure() : gross * scale;
        String capReason = why == null ? RiskDecision.MAX_EXPOSURE : why;
        if (why != null) {
            for (String code : new ArrayList<>(out.keySet())) {
                double w = out.get(code);
                if (w > 0) {
                    cut(out, notes, code, w * scale, why);
                }
            }
        }
        Set<String> codes = new TreeSet<>(out.keySet());
        for (String code : codes) {
            if (stopped.contains(code)) {
                continue; // a stop exits at once
            }
            double change = out.get(code) - current(holdings, code);
            if (Math.abs(change) > params.maxSingleTrade() + 1e-12) {
                cut(out, notes, code, current(holdings, code) + Math.signum(change) * params.maxSingleTrade(),
                        RiskDecision.MAX_SINGLE_TRADE);
            }
        }
        // A reduction held back by max_single_trade can leave the gross above its cap (max_exposure,
        // or the volatility target's): the day's increases give way, pro rata, so the cap holds
        // whenever the current book is within it (with no increase the gross cannot rise).
        double finalGross = 0;
        double increases = 0;
        for (String code : codes) {
            finalGross += out.get(code);
            increases += Math.max(0, out.get(code) - current(holdings, code));
        }
        if (finalGross > grossCap + 1e-12 && increases > 0) {
            double keep = Math.max(0, 1 - (finalGross - grossCap) / increases);
            for (String code : codes) {
                double increase = out.get(code) - current(holdings, code);
                if (increase > 0) {
                    cut(out, notes, code, current(holdings, code) + increase * keep, capReason);
                }
            }
        }
        out.values().removeIf(w -> w <= 0);
        return new RiskDecision(Map.copyOf(out), Map.copyOf(notes), desired);
    }

    private static double current(Map<String, Holding> holdings, String code) {
        Holding h = holdings.get(code);
        return h == null ? 0 : h.weight();
    }

    private static void cut(Map<String, Double> out, Map<String, List<String>> notes, String code, double weight, String reason) {
        out.put(code, weight);
        notes.computeIfAbsent(code, c -> new ArrayList<>()).add(reason);
    }
}
