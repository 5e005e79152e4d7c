package com.alphaquant.market;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * An index's constituents by date, from its {@code index_weight} snapshots: on any day the
 * members are those of the latest snapshot on or before it (weights are published on rebalance
 * dates and stand until the next). Before the first snapshot nothing is known: no members.
 */
public final class IndexMembership {

    /** The constituents published on {@code date}, code → weight (percent). */
    public record Snapshot(LocalDate date, Map<TsCode, Double> weights) {

        public Snapshot {
            weights = Collections.unmodifiableMap(new TreeMap<>(weights));
        }

        public Set<TsCode> members() {
            return weights.keySet();
        }
    }

    private final TsCode index;
    private final NavigableMap<LocalDate, Snapshot> snapshots;

    private IndexMembership(TsCode index, NavigableMap<LocalDate, Snapshot> snapshots) {
        this.index = index;
        this.snapshots = snapshots;
    }

    /** The membership of {@code index} from its rows; rows of other indices are ignored. */
    public static IndexMembership of(TsCode index, Collection<IndexWeight> rows) {
        Map<LocalDate, Map<TsCode, Double>> byDate = new TreeMap<>();
        for (IndexWeight w : rows) {
            if (w.indexCode().equals(index)) {
                byDate.computeIfAbsent(w.tradeDate(), d -> new TreeMap<>()).put(w.conCode(), w.weight());
            }
        }
        NavigableMap<LocalDate, Snapshot> snapshots = new TreeMap<>();
        byDate.forEach((date, weights) -> snapshots.put(date, new Snapshot(date, weights)));
        return new IndexMembership(index, Collections.unmodifiableNavigableMap(snapshots));
    }

    public TsCode index() {
        return index;
    }

    public boolean isEmpty() {
        return snapshots.isEmpty();
    }

    /** The snapshot in force on {@code date}, or null before the first. */
    public Snapshot asOf(LocalDate date) {
        Map.Entry<LocalDate, Snapshot> e = snapshots.floorEntry(date);
        return e == null ? null : e.getValue();
    }

    public boolean isMember(TsCode code, LocalDate date) {
        Snapshot s = asOf(date);
        return s != null && s.weights().containsKey(code);
    }

    /** Every stock that was a member at some time in [from, to]. */
    public Set<TsCode> everMember(LocalDate from, LocalDate to) {
        Set<TsCode> codes = new java.util.TreeSet<>();
        Snapshot first = asOf(from);
        if (first != null) {
            codes.addAll(first.members());
        }
        snapshots.subMap(from, true, to, true).values().forEach(s -> codes.addAll(s.members()));
        return codes;
    }

    /** The snapshot dates, oldest first. */
    public Set<LocalDate> dates() {
        return snapshots.keySet();
    }
}
