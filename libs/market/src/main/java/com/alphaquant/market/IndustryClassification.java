package com.alphaquant.market;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An industry classification through time (Shenwan L1 in production): which industry each stock
 * belonged to on each date. Industry-neutral scoring and per-industry factor evaluation ask it
 * for one date's map, so a stock that moved is counted in the industry of that day.
 */
public final class IndustryClassification {

    /** No classification: every stock unclassified on every date. */
    public static final IndustryClassification NONE = new IndustryClassification(List.of());

    private final Map<TsCode, List<IndustryMembership>> byCode = new HashMap<>();
    private final List<IndustryMembership> memberships;

    public IndustryClassification(Collection<IndustryMembership> memberships) {
        this.memberships = List.copyOf(memberships);
        for (IndustryMembership m : this.memberships) {
            byCode.computeIfAbsent(m.tsCode(), c -> new ArrayList<>()).add(m);
        }
    }

    /**
     * The classification tushare-sim serves for a stock list without a real one: one industry per
     * distinct stock_basic {@code industry} (Tushare's own labels, not Shenwan), coded
     * {@code IND001.SIM}, {@code IND002.SIM}, … in the sort order of the names; each stock a member
     * from its listing date, never out. Stocks without an industry or listing date are unclassified.
     */
    public static IndustryClassification fromStockBasic(Collection<? extends Listed> stocks) {
        Map<String, String> codeOf = simIndustryCodes(stocks.stream().map(Listed::industry).toList());
        List<IndustryMembership> rows = new ArrayList<>();
        for (Listed s : stocks) {
            String code = codeOf.get(s.industry());
            if (code != null && s.listDate() != null) {
                rows.add(new IndustryMembership(code + ".SIM", s.industry(), s.tsCode(), s.listDate(), null));
            }
        }
        return new IndustryClassification(rows);
    }

    /**
     * tushare-sim's industry codes for stock_basic's industry names: {@code IND001}, {@code IND002},
     * … in the names' sort order (blank names have none); the index codes add {@code .SIM}.
     */
    public static Map<String, String> simIndustryCodes(Collection<String> industries) {
        TreeSet<String> names = new TreeSet<>();
        industries.stream().filter(n -> n != null && !n.isBlank()).forEach(names::add);
        Map<String, String> codeOf = new LinkedHashMap<>();
        for (String name : names) {
            codeOf.put(name, String.format("IND%03d", codeOf.size() + 1));
        }
        return codeOf;
    }

    /** What {@link #fromStockBasic} needs of a stock_basic row. */
    public interface Listed {
        TsCode tsCode();

        String industry();

        LocalDate listDate();
    }

    public List<IndustryMembership> memberships() {
        return memberships;
    }

    /** Each industry's name by its code, in code order. */
    public Map<String, String> names() {
        Map<String, String> names = new TreeMap<>();
        memberships.forEach(m -> names.putIfAbsent(m.industryCode(), m.industryName()));
        return names;
    }

    /** The membership of {@code code} in force on {@code date}, if any. */
    public Optional<IndustryMembership> of(TsCode code, LocalDate date) {
        return byCode.getOrDefault(code, List.of()).stream().filter(m -> m.on(date)).findFirst();
    }

    /** Every classified stock's industry code on {@code date}, keyed by ts_code text. */
    public Map<String, String> asOf(LocalDate date) {
        Map<String, String> out = new HashMap<>();
        for (IndustryMembership m : memberships) {
            if (m.on(date)) {
                out.putIfAbsent(m.tsCode().toString(), m.industryCode());
            }
        }
        return out;
    }
}
