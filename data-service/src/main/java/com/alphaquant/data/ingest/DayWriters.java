package com.alphaquant.data.ingest;

import com.alphaquant.data.store.BarStore;
import com.alphaquant.data.store.LimitStore;
import com.alphaquant.data.store.NorthFlowStore;
import com.alphaquant.data.store.RejectedRow;
import com.alphaquant.data.store.IndexWeightStore;
import com.alphaquant.data.tushare.TushareTable;
import com.alphaquant.market.Bar;
import com.alphaquant.market.IndexWeight;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * How each per-day dataset's rows are cleaned and stored, inside the unit's transaction: one case
 * per dataset, so that a new dataset is one more case here (and its planning is the same as
 * every other's).
 */
@Component
public class DayWriters {

    /**
     * What a unit stored: rows kept, rows rejected with their reasons, and the codes whose stored
     * data changed (new rows or corrected ones; none when a re-fetch found the same values).
     */
    public record Written(long stored, List<RejectedRow> rejected, List<String> touched) {

        public long rejectedRows() {
            return rejected.size();
        }
    }

    private final BarStore bars;
    private final LimitStore limits;
    private final NorthFlowStore northFlows;
    private final IndexWeightStore indexWeights;

    public DayWriters(BarStore bars, LimitStore limits, NorthFlowStore northFlows, IndexWeightStore indexWeights) {
        this.bars = bars;
        this.limits = limits;
        this.northFlows = northFlows;
        this.indexWeights = indexWeights;
    }

    public Written write(Dataset dataset, TushareTable table) {
        return switch (dataset) {
            case DAILY -> bars(table, BarStore.Table.DAILY, true);
            case INDEX_DAILY -> bars(table, BarStore.Table.INDEX, false);
            case ADJ_FACTOR -> adjFactors(table);
            case STK_LIMIT -> written(Cleaning.limits(table), limits::upsertLimits);
            case SUSPEND_D -> written(Cleaning.suspensions(table), limits::upsertSuspensions);
            case MONEYFLOW_HSGT -> northFlows(table);
            case INDEX_WEIGHT -> indexWeights(table);
            default -> throw new IllegalArgumentException(dataset.apiName() + " is not fetched by day");
        };
    }

    private Written bars(TushareTable table, BarStore.Table into, boolean stocks) {
        Cleaning.Result<Bar> result = Cleaning.bars(table, stocks);
        Set<String> changed = bars.upsertBars(into, result.accepted());
        return new Written(result.accepted().size(), result.rejects(), List.copyOf(changed));
    }

    private static <T> Written written(Cleaning.Result<T> result, Function<List<T>, Set<String>> store) {
        return new Written(result.accepted().size(), result.rejects(), List.copyOf(store.apply(result.accepted())));
    }

    private Written adjFactors(TushareTable table) {
        Cleaning.Result<BarStore.AdjFactor> result = Cleaning.adjFactors(table);
        Set<String> changed = bars.upsertAdjFactors(result.accepted());
        return new Written(result.accepted().size(), result.rejects(), List.copyOf(changed));
    }

    /** Market-wide: no stock's data changed, and consumers take the flow as touching every stock. */
    private Written northFlows(TushareTable table) {
        Cleaning.Result<NorthFlowStore.Flow> result = Cleaning.northFlows(table);
        northFlows.upsert(result.accepted());
        return new Written(result.accepted().size(), result.rejects(), List.of());
    }

    private Written indexWeights(TushareTable table) {
        Cleaning.Result<IndexWeight> result = Cleaning.indexWeights(table);
        Set<String> changed = indexWeights.upsert(result.accepted());
        return new Written(result.accepted().size(), result.rejects(), List.copyOf(changed));
    }
}
