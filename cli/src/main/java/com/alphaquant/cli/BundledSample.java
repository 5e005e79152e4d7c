package com.alphaquant.cli;

import com.alphaquant.market.csv.SampleData;
import java.nio.file.Path;

/**
 * What a command reads when the user gives no file: the repository's real sample (docs/DATA.md),
 * the compact 31-stock set for bars and stock_basic, so that every command runs on a fresh
 * clone with no token.
 */
final class BundledSample {

    private BundledSample() {
    }

    static Path orDefault(Path given, String name) {
        return given != null ? given : SampleData.file(name);
    }
}
