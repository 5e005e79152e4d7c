package com.alphaquant.market;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiPredicate;
import java.util.regex.Pattern;

/**
 * Which stocks bore an ST name on which days, from Tushare {@code namechange} rows: the
 * date-effective ST status the price-limit rules need (SPEC section 1), never today's name
 * applied to history. Immutable; answers a (stock, day) question with one map lookup and a
 * binary search, since engines ask it for every stock-day.
 *
 * <p>The name in force on a day is the stock's row with the latest start on or before it; it
 * holds until its own end date or the day before the next name starts, whichever comes first.
 * A day before a stock's first row, in a gap between an end date and the next start, or of a
 * stock without rows has no known name and counts as not ST.
 */
public final class StHistory implements BiPredicate<TsCode, LocalDate> {

    /**
     * The ST mark: {@code ST} or {@code *ST} at the start of the name, optionally behind the
     * one-letter prefixes of the 2005–2007 split-share reform ({@code S} not yet reformed,
     * {@code G} reformed), as Tushare spells them: {@code ST重机}, {@code *ST船舶}, {@code SST中燕},
     * {@code S*ST天华}, {@code G*ST玉源}. {@code PT} (1999–2002, special transfer) and delisting
     * names ({@code 退市…}, {@code …退}) are not ST: SPEC gives only ST and *ST their own band.
     */
    private static final Pattern ST_NAME = Pattern.compile("^[SG]?\\*?ST");

    /** A stock's ST days under one name: {@code first} to {@code last} inclusive ({@code last} null: still ST). */
    public record Episode(TsCode tsCode, String name, LocalDate first, LocalDate last) {

        public Episode {
            if (tsCode == null || name == null || first == null) {
                throw new IllegalArgumentException("An ST episode needs a ts_code, a name and a first day");
            }
            if (last != null && last.isBefore(first)) {
                throw new IllegalArgumentException("ST episode of " + tsCode + " '" + name + "' ends on " + last
                        + ", before its first day " + first);
            }
        }

        public boolean contains(LocalDate day) {
            return !day.isBefore(first) && (last == null || !day.isAfter(last));
        }

        /** Whether the episode has a day in [from, to]. */
        public boolean overlaps(LocalDate from, LocalDate to) {
            return !first.isAfter(to) && (last == null || !last.isBefore(from));
        }
    }

    /** No stock is ever ST: for inputs without namechange history. */
    public static final StHistory NONE = new StHistory(Map.of());

    /** Per stock, its ST episodes in date order (disjoint), and their days as epoch days for the search. */
    private record Episodes(List<Episode> list, long[] first, long[] last) {}

    private final Map<TsCode, Episodes> byCode;

    private StHistory(Map<TsCode, Episodes> byCode) {
        this.byCode = byCode;
    }

    /** Whether {@code name} carries the ST mark (ST, *ST, SST, S*ST, G*ST …). */
    public static boolean isStName(String name) {
        return name != null && ST_NAME.matcher(name.strip()).find();
    }

    /**
     * The history of every stock in {@code rows}, in any order. Identical rows count once; two
     * different names of one stock starting on the same day are refused, naming both.
     */
    public static StHistory of(Collection<NameChange> rows) {
        Map<TsCode, List<NameChange>> grouped = new TreeMap<>();
        for (NameChange row : rows) {
            grouped.computeIfAbsent(row.tsCode(), c -> new ArrayList<>()).add(row);
        }
        Map<TsCode, Episodes> byCode = new HashMap<>(grouped.size() * 2);
        grouped.forEach((code, names) -> {
            Episodes episodes = episodes(names);
            if (!episodes.list().isEmpty()) {
                byCode.put(code, episodes);
            }
        });
        return new StHistory(Map.copyOf(byCode));
    }

    /** The same history from already-resolved episodes (as a service sends them). */
    public static StHistory ofEpisodes(Collection<Episode> episodes) {
        List<NameChange> rows = new ArrayList<>(episodes.size());
        for (Episode e : episodes) {
            rows.add(new NameChange(e.tsCode(), e.name(), e.first(), e.last()));
        }
        return of(rows);
    }

    private static Episodes episodes(List<NameChange> names) {
        List<NameChange> sorted = new ArrayList<>(names);
        sorted.sort(Comparator.comparing(NameChange::startDate));
        List<NameChange> distinct = new ArrayList<>(sorted.size());
        for (NameChange row : sorted) {
            NameChange previous = distinct.isEmpty() ? null : distinct.get(distinct.size() - 1);
            if (previous != null && previous.startDate().equals(row.startDate())) {
                if (!previous.equals(row)) {
                    throw new IllegalArgumentException(row.tsCode() + " has two names starting on " + row.startDate()
                            + ": '" + previous.name() + "' (to " + previous.endDate() + ") and '" + row.name()
                            + "' (to " + row.endDate() + ")");
                }
                continue;
            }
            distinct.add(row);
        }
        List<Episode> list = new ArrayList<>();
        for (int i = 0; i < distinct.size(); i++) {
            NameChange row = distinct.get(i);
            if (!row.isSt()) {
                continue;
            }
            LocalDate last = row.endDate();
            if (i + 1 < distinct.size()) {
                LocalDate dayBeforeNext = distinct.get(i + 1).startDate().minusDays(1);
                last = last == null || last.isAfter(dayBeforeNext) ? dayBeforeNext : last;
            }
            list.add(new Episode(row.tsCode(), row.name(), row.startDate(), last));
        }
        long[] first = new long[list.size()];
        long[] lastDays = new long[list.size()];
        for (int i = 0; i < list.size(); i++) {
            first[i] = list.get(i).first().toEpochDay();
            lastDays[i] = list.get(i).last() == null ? Long.MAX_VALUE : list.get(i).last().toEpochDay();
        }
        return new Episodes(List.copyOf(list), first, lastDays);
    }

    /** Whether {@code code} bore an ST name on {@code day}. */
    public boolean isSt(TsCode code, LocalDate day) {
        Episodes e = byCode.get(code);
        if (e == null) {
            return false;
        }
        long d = day.toEpochDay();
        int i = Arrays.binarySearch(e.first(), d);
        int at = i >= 0 ? i : -i - 2; // the last episode starting on or before the day
        return at >= 0 && d <= e.last()[at];
    }

    @Override
    public boolean test(TsCode code, LocalDate day) {
        return isSt(code, day);
    }

    /** The stock's ST episodes, oldest first; empty when it was never ST. */
    public List<Episode> episodes(TsCode code) {
        Episodes e = byCode.get(code);
        return e == null ? List.of() : e.list();
    }

    /** Every stock's ST episodes with a day in [from, to], by code then date. */
    public List<Episode> episodes(LocalDate from, LocalDate to) {
        List<Episode> out = new ArrayList<>();
        new TreeMap<>(byCode).values().forEach(e -> e.list().stream().filter(x -> x.overlaps(from, to)).forEach(out::add));
        return out;
    }

    /** The number of ST episodes of all stocks. */
    public int size() {
        return byCode.values().stream().mapToInt(e -> e.list().size()).sum();
    }

    @Override
    public String toString() {
        return "StHistory[" + byCode.size() + " stocks, " + size() + " ST episodes]";
    }
}
