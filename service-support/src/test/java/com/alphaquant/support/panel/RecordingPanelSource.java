package com.alphaquant.support.panel;

import com.alphaquant.factor.engine.MarketSeries;
import com.alphaquant.market.Bar;
import com.alphaquant.market.IndustryClassification;
import com.alphaquant.market.StHistory;
import com.alphaquant.market.TsCode;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/** Another source's answers, counting the stock-bar requests and remembering how far back the first and the last asked. */
public class RecordingPanelSource implements PanelSource {

    private final PanelSource inner;
    private LocalDate firstFrom;
    private LocalDate lastFrom;
    private int requests;

    public RecordingPanelSource(PanelSource inner) {
        this.inner = inner;
    }

    public LocalDate firstFrom() {
        return firstFrom;
    }

    public LocalDate lastFrom() {
        return lastFrom;
    }

    public int requests() {
        return requests;
    }

    @Override
    public List<Security> securities() {
        return inner.securities();
    }

    @Override
    public List<Bar> stockBars(Collection<TsCode> codes, LocalDate from, LocalDate to) {
        if (requests++ == 0) {
            firstFrom = from;
        }
        lastFrom = from;
        return inner.stockBars(codes, from, to);
    }

    @Override
    public List<Bar> benchmarkBars(LocalDate from, LocalDate to) {
        return inner.benchmarkBars(from, to);
    }

    @Override
    public MarketSeries northFlow(LocalDate from, LocalDate to) {
        return inner.northFlow(from, to);
    }

    @Override
    public StHistory stHistory(LocalDate from, LocalDate to) {
        return inner.stHistory(from, to);
    }

    @Override
    public IndustryClassification industries() {
        return inner.industries();
    }
}
