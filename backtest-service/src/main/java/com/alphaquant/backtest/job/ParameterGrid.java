package com.alphaquant.backtest.job;

import com.alphaquant.backtest.spec.BacktestSpec;
import com.alphaquant.support.web.BadRequestException;
import com.alphaquant.support.web.Problems;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks an {@link OptimizeRequest} and expands it into its grid: every combination of the
 * ranges' values applied to the base request, each point checked like a single backtest (so a
 * grid that would fail is refused at submission, naming the range). Dates, the universe and the
 * strategy are fixed by the base: one panel of bars serves the whole grid.
 */
public final class ParameterGrid {

    /** Numeric request fields a grid may vary. */
    public static final List<String> NUMERIC = List.of("initialCapital", "commission", "minCommission", "stampDuty",
            "transferFee", "slippage", "impact", "slippageCap", "riskFree");
    public static final String FILL = "fill";
    public static final String CARRY_OVER = "carryOver";

    /** One point of the grid: its number, the values it varies (in range order) and the checked request. */
    public record Point(int number, Map<String, Object> values, ParsedRequest request) {}

    /** A checked optimisation: the base, the normalised ranges (explicit values), the objective and the points. */
    public record Plan(ParsedRequest base, List<OptimizeRequest.Range> ranges, Objective objective, List<Point> points) {

        /** The request as stored: the normalised base, explicit values, the objective's label. */
        public OptimizeRequest normalized() {
            return new OptimizeRequest(base.normalized(), ranges, objective.label());
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ParameterGrid() {
    }

    public static Plan plan(OptimizeRequest request, int maxPoints) {
        if (request == null) {
            throw new BadRequestException("body", "a JSON object {base, ranges, objective} is required");
        }
        if (request.base() == null) {
            throw new BadRequestException("base", "base is required: the backtest whose parameters the grid varies");
        }
        ParsedRequest base;
        try {
            base = RequestParser.parse(request.base());
        } catch (BadRequestException e) {
            throw new BadRequestException("base." + e.field(), e.getMessage());
        }
        Objective objective;
        try {
            objective = Objective.parse(request.objective());
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("objective", e.getMessage());
        }
        if (request.ranges() == null || request.ranges().isEmpty()) {
            throw new BadRequestException("ranges", "ranges is required: at least one {name, values} or {name, from, to, step}");
        }
        Set<String> strategyParameters = BacktestSpec.strategyParameterDefaults(base.spec().strategy()).keySet();
        List<OptimizeRequest.Range> ranges = new ArrayList<>();
        Set<String> names = new HashSet<>();
        long size = 1;
        for (int i = 0; i < request.ranges().size(); i++) {
            OptimizeRequest.Range r = request.ranges().get(i);
            String at = "ranges[" + i + "]";
            if (r == null || r.name() == null || r.name().isBlank()) {
                throw new BadRequestException(at + ".name", "name is required");
            }
            if (!NUMERIC.contains(r.name()) && !r.name().equals(FILL) && !r.name().equals(CARRY_OVER)
                    && !strategyParameters.contains(r.name())) {
                throw new BadRequestException(at + ".name", "Parameter '" + r.name() + "' cannot be varied: a grid varies "
                        + String.join(", ", NUMERIC) + ", " + FILL + ", " + CARRY_OVER
                        + (strategyParameters.isEmpty() ? " (strategy " + base.spec().strategy() + " exposes no parameters)"
                        : " and the strategy's " + String.join(", ", strategyParameters)));
            }
            if (!names.add(r.name())) {
                throw new BadRequestException(at + ".name", "Parameter '" + r.name() + "' is varied twice");
            }
            List<Object> values = values(r, at, maxPoints);
            size *= values.size();
            if (size > maxPoints) {
                throw new BadRequestException("ranges", "The grid has more than " + maxPoints + " points (the most allowed)");
            }
            ranges.add(new OptimizeRequest.Range(r.name(), values, null, null, null));
        }
        List<Point> points = new ArrayList<>((int) size);
        int[] index = new int[ranges.size()];
        for (int n = 0; n < size; n++) {
            Map<String, Object> values = new LinkedHashMap<>();
            for (int k = 0; k < ranges.size(); k++) {
                values.put(ranges.get(k).name(), ranges.get(k).values().get(index[k]));
            }
            points.add(new Point(n, values, point(base, values, ranges, strategyParameters)));
            for (int k = ranges.size() - 1; k >= 0; k--) { // odometer: the last range varies fastest
                if (++index[k] < ranges.get(k).values().size()) {
                    break;
                }
                index[k] = 0;
            }
        }
        return new Plan(base, List.copyOf(ranges), objective, List.copyOf(points));
    }

    private static List<Object> values(OptimizeRequest.Range r, String at, int maxPoints) {
        boolean explicit = r.values() != null;
        boolean stepped = r.from() != null || r.to() != null || r.step() != null;
        if (explicit == stepped) {
            throw new BadRequestException(at, "give either values [...] or from, to and step");
        }
        List<Object> out = new ArrayList<>();
        if (explicit) {
            if (r.values().isEmpty()) {
                throw new BadRequestException(at + ".values", "values is empty");
            }
            if (r.values().size() > maxPoints) {
                throw new BadRequestException("ranges", "The grid has more than " + maxPoints + " points (the most allowed)");
            }
            for (int j = 0; j < r.values().size(); j++) {
                out.add(checkedValue(r.name(), r.values().get(j), at + ".values[" + j + "]"));
            }
            return out;
        }
        if (r.name().equals(FILL) || r.name().equals(CARRY_OVER)) {
            throw new BadRequestException(at, r.name() + " takes values [...], not from/to/step");
        }
        if (r.from() == null || r.to() == null || r.step() == null) {
            throw new BadRequestException(at, "from, to and step are all required");
        }
        Limits.finite(at + ".from", r.from());
        Limits.finite(at + ".to", r.to());
        Limits.finite(at + ".step", r.step());
        if (!(r.step() > 0) || r.step().isInfinite()) {
            throw new BadRequestException(at + ".step", "step must be a positive number, got " + r.step());
        }
        if (!(r.to() >= r.from()) || r.from().isInfinite() || r.to().isInfinite()) {
            throw new BadRequestException(at + ".to", "to (" + r.to() + ") must be a number >= from (" + r.from() + ")");
        }
        BigDecimal from = BigDecimal.valueOf(r.from());
        BigDecimal to = BigDecimal.valueOf(r.to());
        BigDecimal step = BigDecimal.valueOf(r.step());
        for (BigDecimal v = from; v.compareTo(to) <= 0; v = v.add(step)) {
            if (out.size() >= maxPoints) {
                throw new BadRequestException("ranges", "The grid has more than " + maxPoints + " points (the most allowed)");
            }
            out.add(v.doubleValue());
        }
        return out;
    }

    private static Object checkedValue(String name, Object v, String at) {
        if (name.equals(FILL)) {
            if (!(v instanceof String)) {
                throw new BadRequestException(at, "fill values are \"open\", \"close\" or \"vwap\", got " + Problems.quote(v));
            }
            return v;
        }
        if (name.equals(CARRY_OVER)) {
            if (!(v instanceof Boolean)) {
                throw new BadRequestException(at, "carryOver values are true or false, got " + Problems.quote(v));
            }
            return v;
        }
        if (!(v instanceof Number number)) {
            throw new BadRequestException(at, name + " values must be numbers, got " + Problems.quote(v));
        }
        double value = number.doubleValue();
        Limits.Range range = Limits.NUMERIC.get(name);
        if (range != null) {
            Limits.check(at, range, value);
        } else {
            Limits.finite(at, value);
        }
        return value;
    }

    private static ParsedRequest point(ParsedRequest base, Map<String, Object> values, List<OptimizeRequest.Range> ranges,
                                       Set<String> strategyParameters) {
        ObjectNode node = JSON.valueToTree(base.normalized().withoutWeights());
        values.forEach((name, value) -> {
            ObjectNode target = strategyParameters.contains(name) ? node.withObject("strategyParameters") : node;
            if (value instanceof Double d) {
                target.put(name, d);
            } else if (value instanceof Boolean b) {
                target.put(name, b);
            } else {
                target.put(name, value.toString());
            }
        });
        try {
            return RequestParser.parsePoint(JSON.treeToValue(node, BacktestRequest.class), base);
        } catch (BadRequestException e) {
            int i = 0;
            for (OptimizeRequest.Range r : ranges) {
                if (r.name().equals(e.field()) || (e.field().equals("strategyParameters") && strategyParameters.contains(r.name()))) {
                    throw new BadRequestException("ranges[" + i + "]", r.name() + " = " + values.get(r.name()) + ": " + e.getMessage());
                }
                i++;
            }
            throw new BadRequestException("ranges", values + ": " + e.getMessage());
        }
    }
}
