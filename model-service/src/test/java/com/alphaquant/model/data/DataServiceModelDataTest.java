package com.alphaquant.model.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alphaquant.model.dataset.Dataset;
import com.alphaquant.model.dataset.DatasetSpec;
import com.alphaquant.model.dataset.SampleSource;
import com.alphaquant.model.dataset.Samples;
import com.alphaquant.support.panel.DataServicePanelSource;
import com.alphaquant.support.panel.DataServiceStub;
import com.alphaquant.support.panel.InMemoryPanelSource;
import com.alphaquant.support.panel.PanelSample;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A prediction day's dataset read from data-service over HTTP equals the one read from the same bars in memory. */
class DataServiceModelDataTest {

    static final LocalDate DAY = LocalDate.of(2022, 6, 1);
    static final DatasetSpec SPEC = DatasetSpec.defaults().withSeqLen(20).withDates(DAY, DAY);

    @Test
    void aDayReadFromDataServiceEqualsTheSameBarsReadInMemory() {
        try (DataServiceStub stub = DataServiceStub.start();
             DataServicePanelSource http = new DataServicePanelSource(stub.url(), 2, Duration.ofSeconds(30))) {
            Dataset remote = new DataServiceModelData(http, "data-service").build(SPEC, List.of());
            Dataset local = new DataServiceModelData(new InMemoryPanelSource(PanelSample.STOCK_BARS, PanelSample.INDEX_BARS,
                    PanelSample.ST, PanelSample.NORTH), "memory").build(SPEC, List.of());

            Samples a = all(remote.inference(DAY));
            Samples b = all(local.inference(DAY));
            assertThat(a.size()).isGreaterThan(25);
            assertThat(a.keys()).isEqualTo(b.keys());
            assertThat(a.factors()).isEqualTo(b.factors());
            assertThat(a.market()).isEqualTo(b.market());
            assertThat(a.mask()).isEqualTo(b.mask());
            assertThat(stub.requests(DataServiceStub.PANEL)).isNotEmpty();
        }
    }

    @Test
    void aDayWithoutBarsIsAClearError() {
        try (DataServiceStub stub = DataServiceStub.start();
             DataServicePanelSource http = new DataServicePanelSource(stub.url(), 2, Duration.ofSeconds(30))) {
            LocalDate sunday = LocalDate.of(2022, 6, 5);
            Dataset data = new DataServiceModelData(http, "data-service").build(SPEC.withDates(sunday, sunday), List.of("600519.SH"));
            assertThatThrownBy(() -> data.inference(sunday)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("No bars on");
        }
    }

    static Samples all(SampleSource source) {
        return source.gather(IntStream.range(0, source.size()).toArray());
    }
}
