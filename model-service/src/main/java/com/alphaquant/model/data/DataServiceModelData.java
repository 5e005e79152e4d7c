package com.alphaquant.model.data;

import com.alphaquant.factor.engine.FactorRegistry;
import com.alphaquant.market.TsCode;
import com.alphaquant.model.dataset.Dataset;
import com.alphaquant.model.dataset.DatasetBuilder;
import com.alphaquant.model.dataset.DatasetSpec;
import com.alphaquant.support.panel.PanelLoader;
import com.alphaquant.support.panel.PanelSource;
import com.alphaquant.support.panel.WarmUp;
import com.alphaquant.support.web.TradingDates;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/**
 * Datasets from data-service's stored bars, loaded with the same {@link PanelLoader} that
 * factor-service computes its factors from: the stocks' bars from {@code from} back by the factors'
 * warm-up plus the model's window, the benchmark, northbound flow and ST history.
 */
public final class DataServiceModelData implements ModelData {

    /** Bars of history the exponentially smoothed factors settle in (as factor-service reads). */
    private static final int RECURSIVE_TAIL = 400;

    private final PanelSource source;
    private final String description;

    public DataServiceModelData(PanelSource source, String description) {
        this.source = source;
        this.description = description;
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public Dataset build(DatasetSpec spec, Collection<String> tsCodes) {
        List<TsCode> codes = tsCodes.isEmpty() ? source.securities().stream().map(PanelSource.Security::code).toList()
                : tsCodes.stream().map(TsCode::of).toList();
        LocalDate to = spec.to() == null ? LocalDate.now() : spec.to();
        LocalDate from = spec.from() == null ? TradingDates.FIRST_SESSION : spec.from();
        int warmup = WarmUp.bars(FactorRegistry.all(), RECURSIVE_TAIL) + spec.seqLen();
        return new DatasetBuilder(spec).build(new PanelLoader(source, warmup).load(codes, from, to));
    }
}
