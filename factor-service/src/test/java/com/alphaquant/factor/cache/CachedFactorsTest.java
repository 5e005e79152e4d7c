package com.alphaquant.factor.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alphaquant.factor.Sample;
import com.alphaquant.factor.compute.FactorComputer;
import com.alphaquant.factor.compute.StockFactors;
import com.alphaquant.market.Bar;
import com.alphaquant.market.TsCode;
import com.alphaquant.support.panel.RecordingPanelSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Single-flight bookkeeping without Redis (the cache against real Redis is CachedFactorsIT). */
class CachedFactorsTest {

    static final LocalDate START = LocalDate.parse("2022-06-01");
    static final LocalDate END = LocalDate.parse("2022-06-30");
    static final List<TsCode> CODES = Sample.CODES.subList(0, 3);

    /** The sample, except that the first bar request dies with an Error, as an out-of-memory would. */
    static final class FailingOnce extends RecordingPanelSource {
        final AtomicBoolean failed = new AtomicBoolean();

        FailingOnce() {
            super(Sample.source());
        }

        @Override
        public List<Bar> stockBars(Collection<TsCode> codes, LocalDate from, LocalDate to) {
            if (failed.compareAndSet(false, true)) {
                throw new OutOfMemoryError("simulated");
            }
            return super.stockBars(codes, from, to);
        }
    }

    @Test
    void anErrorWhileComputingReleasesTheKeysSoTheNextRequestComputesThem() throws Exception {
        FactorComputer computer = new FactorComputer(new FailingOnce(), 400, 1);
        CachedFactors factors = new CachedFactors(computer, FactorCache.none(), new SimpleMeterRegistry(), Clock.systemUTC());

        assertThatThrownBy(() -> factors.factors(CODES, START, END)).isInstanceOf(OutOfMemoryError.class);

        // Before the fix the keys stayed claimed by the failed request: this waited forever.
        Map<TsCode, StockFactors> values = CompletableFuture.supplyAsync(() -> factors.factors(CODES, START, END))
                .get(60, TimeUnit.SECONDS);
        assertThat(values).hasSize(CODES.size());
        values.values().forEach(v -> Sample.assertMatchesWholeHistory(v, 1e-12));
    }
}
