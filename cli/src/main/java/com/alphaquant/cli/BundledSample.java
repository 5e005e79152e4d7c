package com.alphaquant.cli;

import com.alphaquant.market.csv.SampleData;
import com.alphaquant.tusharesim.TushareSim;
import java.nio.file.Path;

/**
 * What a command reads when the user gives no file: the repository's real sample (docs/DATA.md),
 * the compact 31-stock set for bars and stock_basic, so that every command runs on a fresh
 * clone with no token.
 */
public final class BundledSample {

    private BundledSample() {
    }

    static Path orDefault(Path given, String name) {
        return given != null ? given : SampleData.file(name);
    }

    /**
     * tushare-sim serving the compact sample on {@code port} (0: any free one), with no rate
     * limit: what {@code alphaquant up} and {@code alphaquant ingest} load without a token.
     */
    public static TushareSim tushareSim(int port) {
        return TushareSim.builder()
                .file("daily", SampleData.file(SampleData.COMPACT_BARS))
                .file("index_daily", SampleData.file(SampleData.INDEX))
                .file("stock_basic", SampleData.file(SampleData.COMPACT_STOCK_BASIC))
                .file("trade_cal", SampleData.file(SampleData.TRADE_CAL))
                .file("namechange", SampleData.file(SampleData.NAMECHANGE))
                .file("stk_limit", SampleData.file(SampleData.SYNTHETIC_STK_LIMIT))   // synthetic: docs/DATA.md
                .file("suspend_d", SampleData.file(SampleData.SYNTHETIC_SUSPEND_D))
                .file("moneyflow_hsgt", SampleData.file(SampleData.MONEYFLOW_HSGT))
                .callsPerMinute(0).eager(true).start(port);
    }
}
