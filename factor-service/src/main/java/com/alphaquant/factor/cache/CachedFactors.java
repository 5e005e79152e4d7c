package com.alphaquant.factor.cache;

import com.alphaquant.factor.compute.FactorComputer;
import com.alphaquant.factor.compute.StockFactors;
import com.alphaquant.factor.engine.DateInts;
import com.alphaquant.market.TsCode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Factors through the cache. The unit is a stock-month: a request for any range reads the
 * months it touches (a day-by-day consumer such as strategy-service hits the month the first
 * day computed), misses are computed together in one engine run per request and stored, and
 * concurrent requests for the same chunks compute them once ({@link SingleFlight}).
 * Months that start after today are not stored: they can only be empty now. Chunks count as
 * {@code alphaquant.factor.cache{result=hit|miss}}; each engine run (its bars loaded included) is
 * timed as {@code alphaquant.factor.compute}.
 */
public final class CachedFactors {

    private static final int FACTORS = FactorComputer.FACTORS.size();

    private final FactorComputer computer;
    private final FactorCache cache;
    private final Clock clock;
    private final SingleFlight<ChunkKey, StockFactors> flights = new SingleFlight<>();
    private final Counter hits;
    private final Counter misses;
    private final Timer computeTime;

    public CachedFactors(FactorComputer computer, FactorCache cache, MeterRegistry meters, Clock clock) {
        this.computer = computer;
        this.cache = cache;
        this.clock = clock;
        this.hits = Counter.builder("alphaquant.factor.cache").tag("result", "hit")
                .description("stock-month chunks asked of the cache, by whether Redis had them").register(meters);
        this.misses = Counter.builder("alphaquant.factor.cache").tag("result", "miss")
                .description("stock-month chunks asked of the cache, by whether Redis had them").register(meters);
        this.computeTime = Timer.builder("alphaquant.factor.compute")
                .description("factor engine runs, loading their bars included").register(meters);
    }

    /** Each stock's factors on its bars in [start, end]; stocks without a bar there are absent. */
    public Map<TsCode, StockFactors> factors(Collection<TsCode> codes, LocalDate start, LocalDate end) {
        List<ChunkKey> keys = keys(codes, start, end);
        Map<ChunkKey, StockFactors> chunks = new HashMap<>(cache.getAll(keys));
        hits.increment(chunks.size());
        List<ChunkKey> missing = keys.stream().filter(k -> !chunks.containsKey(k)).toList();
        if (!missing.isEmpty()) {
            chunks.putAll(computeOnce(missing));
        }
        return assemble(codes, chunks, start, end);
    }

    /**
     * Recomputes [start, end] for {@code codes} from the source and overwrites their chunks; the
     * chunks of later months (up to this month) are evicted, since a changed bar also changes
     * the windows after it. Returns the fresh factors of [start, end].
     */
    public Map<TsCode, StockFactors> refresh(Collection<TsCode> codes, LocalDate start, LocalDate end) {
        List<ChunkKey> keys = keys(codes, start, end);
        Map<ChunkKey, StockFactors> fresh = compute(keys);
        store(fresh);
        List<ChunkKey> later = new ArrayList<>();
        for (YearMonth m = YearMonth.from(end).plusMonths(1); !m.isAfter(YearMonth.now(clock)); m = m.plusMonths(1)) {
            for (TsCode code : codes) {
                later.add(new ChunkKey(code, m));
            }
        }
        cache.evict(later);
        return assemble(codes, fresh, start, end);
    }

    private Map<ChunkKey, StockFactors> computeOnce(List<ChunkKey> missing) {
        SingleFlight<ChunkKey, StockFactors>.Claim claim = flights.claim(missing);
        Map<ChunkKey, StockFactors> out = new HashMap<>();
        try {
            if (!claim.owned().isEmpty()) {
                // Another request may have stored these between our read and our claim.
                Map<ChunkKey, StockFactors> stored = cache.getAll(claim.owned());
                List<ChunkKey> todo = claim.owned().stream().filter(k -> !stored.containsKey(k)).toList();
                Map<ChunkKey, StockFactors> computed = compute(todo);
                store(computed);
                out.putAll(stored);
                out.putAll(computed);
                hits.increment(stored.size());
                misses.increment(computed.size());
            }
            claim.complete(out);
        } catch (Throwable e) {
            // Errors too (OutOfMemoryError of a huge request): an owned key left unfailed would
            // keep every later request for it waiting forever.
            claim.fail(e);
            throw e;
        }
        out.putAll(claim.awaitOthers());
        return out;
    }

    /** One engine run over the span of all the months asked; every key gets a chunk, empty when no bars. */
    private Map<ChunkKey, StockFactors> compute(List<ChunkKey> keys) {
        Map<ChunkKey, StockFactors> out = new HashMap<>();
        if (keys.isEmpty()) {
            return out;
        }
        Set<TsCode> codes = new TreeSet<>();
        YearMonth first = keys.get(0).month();
        YearMonth last = first;
        for (ChunkKey k : keys) {
            codes.add(k.code());
            first = k.month().isBefore(first) ? k.month() : first;
            last = k.month().isAfter(last) ? k.month() : last;
        }
        LocalDate from = first.atDay(1);
        LocalDate to = last.atEndOfMonth();
        Map<TsCode, StockFactors> computed = computeTime.record(() -> computer.compute(codes, from, to));
        for (ChunkKey k : keys) {
            StockFactors all = computed.get(k.code());
            out.put(k, all == null ? StockFactors.empty(k.code(), FACTORS)
                    : all.slice(DateInts.of(k.month().atDay(1)), DateInts.of(k.month().atEndOfMonth())));
        }
        return out;
    }

    private void store(Map<ChunkKey, StockFactors> chunks) {
        YearMonth now = YearMonth.now(clock);
        Map<ChunkKey, StockFactors> storable = new HashMap<>(chunks);
        storable.keySet().removeIf(k -> k.month().isAfter(now));
        cache.putAll(storable);
    }

    private static List<ChunkKey> keys(Collection<TsCode> codes, LocalDate start, LocalDate end) {
        List<ChunkKey> keys = new ArrayList<>();
        for (TsCode code : new TreeSet<>(codes)) {
            for (YearMonth m = YearMonth.from(start); !m.isAfter(YearMonth.from(end)); m = m.plusMonths(1)) {
                keys.add(new ChunkKey(code, m));
            }
        }
        return keys;
    }

    private static Map<TsCode, StockFactors> assemble(Collection<TsCode> codes, Map<ChunkKey, StockFactors> chunks,
                                                      LocalDate start, LocalDate end) {
        Map<ChunkKey, StockFactors> sorted = new TreeMap<>((a, b) -> a.code().equals(b.code())
                ? a.month().compareTo(b.month()) : a.code().compareTo(b.code()));
        sorted.putAll(chunks);
        Set<TsCode> wanted = new HashSet<>(codes);
        Map<TsCode, List<StockFactors>> parts = new TreeMap<>();
        sorted.forEach((k, v) -> {
            if (wanted.contains(k.code()) && v != null && v.size() > 0) {
                parts.computeIfAbsent(k.code(), c -> new ArrayList<>()).add(v);
            }
        });
        Map<TsCode, StockFactors> out = new TreeMap<>();
        int lo = DateInts.of(start);
        int hi = DateInts.of(end);
        parts.forEach((code, list) -> {
            StockFactors s = StockFactors.concat(code, FACTORS, list).slice(lo, hi);
            if (s.size() > 0) {
                out.put(code, s);
            }
        });
        return out;
    }
}
