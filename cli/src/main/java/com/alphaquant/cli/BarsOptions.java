package com.alphaquant.cli;

import com.alphaquant.market.Bar;
import com.alphaquant.market.csv.BarCsv;
import com.alphaquant.market.csv.SampleData;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The daily bars a research command reads and the dates it uses (a picocli mixin): Tushare CSVs,
 * by default the bundled 300-stock sample and its CSI 300.
 */
final class BarsOptions {

    @Option(names = "--start-date", paramLabel = "YYYY-MM-DD", description = "first day used (earlier bars are history only); default: all")
    LocalDate startDate;

    @Option(names = "--end-date", paramLabel = "YYYY-MM-DD", description = "last bar read, labels included; default: all")
    LocalDate endDate;

    @Option(names = "--bars", paramLabel = "FILE",
            description = "Tushare daily CSV (gzip allowed), raw prices with adj_factor_rel; default: the bundled 300-stock sample")
    Path bars;

    @Option(names = "--index", paramLabel = "FILE", description = "Tushare index_daily CSV holding 000300.SH; default: the bundled sample")
    Path index;

    /** Whether neither file was given: the bundled sample as it is. */
    boolean bundled() {
        return bars == null && index == null;
    }

    List<Bar> stockBars() {
        return BarCsv.read(BundledSample.orDefault(bars, SampleData.BARS_300));
    }

    List<Bar> indexBars() {
        return BarCsv.read(BundledSample.orDefault(index, SampleData.INDEX));
    }
}
