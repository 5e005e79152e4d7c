package com.alphaquant.alpha.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Random formulas built without any check, printed and parsed: the parser must accept exactly
 * those that a separate, plain statement of the rules accepts, give them the same dimension,
 * sign and variation, and name the first offending node (bottom-up, left to right) of the rest.
 */
class TypeRulesPropertyTest {

    private static final List<String> LEAVES = List.of("open", "high", "low", "close", "vwap", "volume", "amount", "returns",
            "RET", "MOM20", "VOL20", "RSI14", "NORTH_FLOW_Z", "2.0", "-1.0", "0.5");
    private static final Set<String> WINDOWED = Set.of("Ref", "Delta", "Mean", "Std", "Var", "Skew", "Kurt", "Max", "Min", "Med",
            "Mad", "WMA", "EMA", "Rank", "Corr", "Cov");
    private static final Set<String> TWO_OPERANDS = Set.of("Add", "Sub", "Mul", "Div", "Greater", "Less", "Corr", "Cov");
    private static final List<String> OPS = List.of("Add", "Sub", "Mul", "Div", "Greater", "Less", "Abs", "Log", "Sign",
            "CSRank", "CSZScore", "Ref", "Delta", "Mean", "Std", "Var", "Skew", "Kurt", "Max", "Min", "Med", "Mad", "WMA", "EMA",
            "Rank", "Corr", "Cov");

    /** A formula as written, unchecked. */
    private record Raw(String name, List<Raw> operands, int window) {
        String text() {
            if (operands.isEmpty()) {
                return name;
            }
            List<String> parts = new ArrayList<>();
            operands.forEach(o -> parts.add(o.text()));
            if (window > 0) {
                parts.add(Integer.toString(window));
            }
            return name + "(" + String.join(", ", parts) + ")";
        }

        /** Commutative operands in a fixed order, as the "same operands" rule compares them. */
        String canonical() {
            if (operands.isEmpty()) {
                return name;
            }
            List<String> parts = new ArrayList<>();
            operands.forEach(o -> parts.add(o.canonical()));
            if (Set.of("Add", "Mul", "Greater", "Less", "Corr", "Cov").contains(name)) {
                parts.sort(null);
            }
            return name + "(" + String.join(", ", parts) + (window > 0 ? ", " + window : "") + ")";
        }
    }

    /** The plain statement's verdict: price and volume exponents, sign (+, 0+, ?), variation (C, M, S), or a failing node. */
    private record Verdict(int price, int volume, String sign, char variation, String failing) {
        static Verdict failed(Raw r) {
            return new Verdict(0, 0, null, ' ', r.text());
        }
    }

    @Test
    void theParserAgreesWithAPlainStatementOfTheRules() {
        Random random = new Random(2024);
        int accepted = 0;
        int refused = 0;
        for (int i = 0; i < 20_000; i++) {
            Raw raw = generate(random, 1 + random.nextInt(4));
            Verdict expected = verdict(raw);
            String text = raw.text();
            Expr parsed;
            try {
                parsed = FunctionForm.parse(text);
            } catch (FormulaException e) {
                assertThat(expected.failing()).as("refused %s: %s", text, e.getMessage()).isNotNull();
                assertThat(e.getMessage()).as(text).startsWith(expected.failing() + ": ");
                refused++;
                continue;
            }
            if (expected.failing() != null) {
                fail("accepted " + text + ", but " + expected.failing() + " breaks a rule");
            }
            assertThat(parsed.dim()).as(text).isEqualTo(new Dim(expected.price(), expected.volume()));
            assertThat(sign(parsed.signedness())).as(text).isEqualTo(expected.sign());
            assertThat(parsed.variation().name().charAt(0)).as(text).isEqualTo(expected.variation());
            accepted++;
        }
        assertThat(accepted).isGreaterThan(3_000);
        assertThat(refused).isGreaterThan(3_000);
    }

    private static Raw generate(Random random, int depth) {
        if (depth == 0 || random.nextInt(4) == 0) {
            return new Raw(LEAVES.get(random.nextInt(LEAVES.size())), List.of(), 0);
        }
        String op = OPS.get(random.nextInt(OPS.size()));
        List<Raw> operands = new ArrayList<>();
        Raw first = generate(random, depth - 1);
        operands.add(first);
        if (TWO_OPERANDS.contains(op)) {
            // now and then the same operand twice, to exercise the degenerate-pair rule
            operands.add(random.nextInt(8) == 0 ? first : generate(random, depth - 1));
        }
        int window = 0;
        if (WINDOWED.contains(op)) {
            window = random.nextInt(12) == 0 ? 7 : List.of(5, 10, 20, 30, 40, 60).get(random.nextInt(6));
        }
        return new Raw(op, operands, window);
    }

    private static String sign(Signedness s) {
        return s == Signedness.POSITIVE ? "+" : s == Signedness.NON_NEGATIVE ? "0+" : "?";
    }

    private static Verdict verdict(Raw r) {
        if (r.operands().isEmpty()) {
            return leaf(r.name());
        }
        List<Verdict> in = new ArrayList<>();
        for (Raw o : r.operands()) {
            Verdict v = verdict(o);
            if (v.failing() != null) {
                return v;
            }
            in.add(v);
        }
        String op = r.name();
        Verdict a = in.get(0);
        Verdict b = in.size() > 1 ? in.get(1) : null;
        if (WINDOWED.contains(op) && r.window() == 7) {
            return Verdict.failed(r);
        }
        boolean aConst = a.variation() == 'C';
        boolean bConst = b != null && b.variation() == 'C';
        boolean binary = Set.of("Add", "Sub", "Mul", "Div", "Greater", "Less").contains(op);
        boolean pair = op.equals("Corr") || op.equals("Cov");
        boolean cross = op.equals("CSRank") || op.equals("CSZScore");
        if (binary ? aConst && bConst : pair ? aConst || bConst : aConst) {
            return Verdict.failed(r);
        }
        if (cross && a.variation() == 'M') {
            return Verdict.failed(r);
        }
        if (Set.of("Sub", "Div", "Greater", "Less", "Corr", "Cov").contains(op)
                && r.operands().get(0).canonical().equals(r.operands().get(1).canonical())) {
            return Verdict.failed(r);
        }
        boolean sameDim = b != null && a.price() == b.price() && a.volume() == b.volume();
        if (Set.of("Add", "Sub", "Greater", "Less").contains(op) && !sameDim) {
            return Verdict.failed(r);
        }
        if (op.equals("Log") && a.sign().equals("?")) {
            return Verdict.failed(r);
        }
        char variation = cross ? 'S' : b == null ? a.variation() : max(a.variation(), b.variation());
        int p = a.price();
        int v = a.volume();
        switch (op) {
            case "Mul", "Cov" -> {
                p += b.price();
                v += b.volume();
            }
            case "Div" -> {
                p -= b.price();
                v -= b.volume();
            }
            case "Var" -> {
                p *= 2;
                v *= 2;
            }
            case "Add", "Sub", "Greater", "Less", "Abs", "Ref", "Delta", "Mean", "Std", "Max", "Min", "Med", "Mad", "WMA",
                    "EMA" -> { }
            default -> {
                p = 0;
                v = 0;
            }
        }
        return new Verdict(p, v, sign(op, a.sign(), b == null ? null : b.sign()), variation, null);
    }

    private static String sign(String op, String a, String b) {
        switch (op) {
            case "Add":
                return a.equals("?") || b.equals("?") ? "?" : a.equals("+") || b.equals("+") ? "+" : "0+";
            case "Mul":
            case "Div":
                return a.equals("?") || b.equals("?") ? "?" : a.equals("+") && b.equals("+") ? "+" : "0+";
            case "Greater":
                return a.equals("+") || b.equals("+") ? "+" : a.equals("0+") || b.equals("0+") ? "0+" : "?";
            case "Less":
                return a.equals("+") && b.equals("+") ? "+" : !a.equals("?") && !b.equals("?") ? "0+" : "?";
            case "Abs":
                return a.equals("+") ? "+" : "0+";
            case "Ref": case "Mean": case "Max": case "Min": case "Med": case "WMA": case "EMA":
                return a;
            case "Std": case "Var": case "Mad":
                return "0+";
            case "CSRank": case "Rank":
                return "+";
            default:
                return "?";
        }
    }

    private static char max(char a, char b) {
        String order = "CMS";
        return order.indexOf(a) >= order.indexOf(b) ? a : b;
    }

    private static Verdict leaf(String name) {
        Map<String, Verdict> table = Map.ofEntries(
                Map.entry("open", new Verdict(1, 0, "+", 'S', null)),
                Map.entry("high", new Verdict(1, 0, "+", 'S', null)),
                Map.entry("low", new Verdict(1, 0, "+", 'S', null)),
                Map.entry("close", new Verdict(1, 0, "+", 'S', null)),
                Map.entry("vwap", new Verdict(1, 0, "+", 'S', null)),
                Map.entry("volume", new Verdict(0, 1, "0+", 'S', null)),
                Map.entry("amount", new Verdict(1, 1, "0+", 'S', null)),
                Map.entry("returns", new Verdict(0, 0, "?", 'S', null)),
                Map.entry("RET", new Verdict(0, 0, "?", 'S', null)),
                Map.entry("MOM20", new Verdict(0, 0, "?", 'S', null)),
                Map.entry("VOL20", new Verdict(0, 0, "0+", 'S', null)),
                Map.entry("RSI14", new Verdict(0, 0, "0+", 'S', null)),
                Map.entry("NORTH_FLOW_Z", new Verdict(0, 0, "?", 'M', null)),
                Map.entry("2.0", new Verdict(0, 0, "+", 'C', null)),
                Map.entry("-1.0", new Verdict(0, 0, "?", 'C', null)),
                Map.entry("0.5", new Verdict(0, 0, "+", 'C', null)));
        return table.get(name);
    }
}
