package com.alphaquant.testsupport.http;

/** Reading a Prometheus scrape ({@code /actuator/prometheus}) in a test. */
public final class Scrape {

    private Scrape() {
    }

    /**
     * The value of {@code series} (a name with its labels as the scrape writes them, e.g.
     * {@code alphaquant_factor_cache_total{result="hit"}}); fails, listing the scrape's AlphaQuant
     * series, when it is not there.
     */
    public static double value(String scrape, String series) {
        return scrape.lines().filter(l -> l.startsWith(series + " ")).findFirst()
                .map(l -> Double.parseDouble(l.substring(series.length() + 1).strip()))
                .orElseThrow(() -> new AssertionError(series + " is not in the scrape; its alphaquant_ series:\n"
                        + String.join("\n", scrape.lines().filter(l -> l.startsWith("alphaquant_")).toList())));
    }
}
