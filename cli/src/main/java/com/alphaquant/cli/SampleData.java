package com.alphaquant.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The compact real sample bundled in the CLI (provenance: docs/DATA.md), so commands run on a
 * fresh machine with no token: 31 stocks' raw daily bars with adjustment factors 2021-01-04 to
 * 2022-12-20, four indices, stock_basic and the SSE calendar.
 */
final class SampleData {

    static final String BARS = "daily_raw_adj_31_20210104_20221220.csv.gz";
    static final String INDEX = "index_daily_2018_2026.csv.gz";
    static final String STOCK_BASIC = "stock_basic_31.csv.gz";
    static final String TRADE_CAL = "trade_cal_SSE_derived_20160101_20260318.csv.gz";

    private SampleData() {
    }

    /** The bundled file as a path on disk (extracted once per run to a temporary folder). */
    static Path file(String name) {
        try (InputStream in = SampleData.class.getResourceAsStream("/sample/" + name)) {
            if (in == null) {
                throw new IllegalStateException("Bundled sample " + name + " is missing from the CLI jar");
            }
            Path dir = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "alphaquant-sample"));
            Path target = dir.resolve(name);
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot extract bundled sample " + name, e);
        }
    }

    static Path orSample(Path given, String name) {
        return given != null ? given : file(name);
    }
}
