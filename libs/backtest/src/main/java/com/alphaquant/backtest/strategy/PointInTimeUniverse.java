package com.alphaquant.backtest.strategy;

import com.alphaquant.market.IndexMembership;
import com.alphaquant.market.TsCode;
import java.time.LocalDate;
import java.util.List;

/**
 * A strategy restricted to an index's constituents as they were: after the close of a day, a
 * stock that was not a member of the index on that day (its latest publication on or before it)
 * may not be bought. Its target is capped at the weight it already has, so a holding that left
 * the index may be kept or sold, never added to, and one never held stays out. Without this a
 * backtest over today's constituents trades stocks before they joined (survivorship bias).
 */
public final class PointInTimeUniverse implements Strategy {

    private final Strategy inner;
    private final IndexMembership membership;

    public PointInTimeUniverse(Strategy inner, IndexMembership membership) {
        if (membership.isEmpty()) {
            throw new IllegalArgumentException("No constituents of " + membership.index() + " are known: no universe to trade");
        }
        this.inner = inner;
        this.membership = membership;
    }

    /** The codes of {@code codes} that were members on {@code date}, in their order. */
    public static List<String> members(IndexMembership membership, LocalDate date, List<String> codes) {
        IndexMembership.Snapshot snapshot = membership.asOf(date);
        return snapshot == null ? List.of() : codes.stream().filter(c -> snapshot.weights().containsKey(TsCode.of(c))).toList();
    }

    @Override
    public boolean decide(MarketView view, TargetWeights target) {
        if (!inner.decide(view, target)) {
            return false;
        }
        LocalDate day = view.date();
        double equity = view.portfolio().equity();
        for (int k = 0; k < target.count(); k++) {
            int s = target.stock(k);
            if (target.get(s) > 0 && !membership.isMember(view.code(s), day)) {
                double shares = view.portfolio().shares(s);
                // The engine sizes a target as weight × equity / last close, so this weight is the holding itself.
                double held = shares > 0 && equity > 0 ? shares * view.history(s).lastClose() / equity : 0;
                if (target.get(s) > held) {
                    target.set(s, held);
                }
            }
        }
        return true;
    }

    @Override
    public String name() {
        return inner.name();
    }
}
