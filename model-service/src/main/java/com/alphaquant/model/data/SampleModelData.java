package com.alphaquant.model.data;

import com.alphaquant.market.Bar;
import com.alphaquant.market.csv.BarCsv;
import com.alphaquant.market.csv.SampleData;
import com.alphaquant.model.dataset.BundledDataset;
import com.alphaquant.model.dataset.Dataset;
import com.alphaquant.model.dataset.DatasetBuilder;
import com.alphaquant.model.dataset.DatasetSpec;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/** The repository's 300-stock sample (what {@code alphaquant train} reads without --bars), read once. */
public final class SampleModelData implements ModelData {

    private final List<Bar> bars = BarCsv.read(SampleData.file(BundledDataset.DEFAULT_BARS));

    @Override
    public String describe() {
        return "bundled sample " + BundledDataset.DEFAULT_BARS;
    }

    @Override
    public Dataset build(DatasetSpec spec, Collection<String> tsCodes) {
        Set<String> wanted = Set.copyOf(tsCodes);
        List<Bar> chosen = wanted.isEmpty() ? bars : bars.stream().filter(b -> wanted.contains(b.tsCode().toString())).toList();
        if (chosen.isEmpty()) {
            throw new IllegalArgumentException("The sample holds none of " + tsCodes);
        }
        return new DatasetBuilder(spec).build(BundledDataset.panelInput(chosen));
    }
}
