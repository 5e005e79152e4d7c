package com.alphaquant.strategy.industries;

import com.alphaquant.support.calls.ServiceCalls;
import com.alphaquant.support.web.UpstreamUnavailableException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/** The day's industry of every classified stock, from data-service's {@code GET /api/data/industries?date=}. */
@Component
public class IndustryClient {

    /** One industry as data-service serves it. */
    record IndustryView(String industryCode, String name, List<String> members) {}

    private final RestClient http;

    public IndustryClient(IndustryProperties properties, ServiceCalls calls) {
        this.http = calls.client(properties.dataServiceUrl(), Duration.ofSeconds(2), properties.readTimeout());
    }

    /**
     * ts_code → industry code on {@code date}.
     *
     * @throws UpstreamUnavailableException when data-service gives no usable reply (a 409 included:
     *         no classification ingested), since a neutral strategy must not silently run plain
     */
    public Map<String, String> asOf(LocalDate date) {
        IndustryView[] views;
        try {
            views = http.get().uri("/api/data/industries?date={date}", date.toString()).retrieve().body(IndustryView[].class);
        } catch (RestClientException e) {
            throw new UpstreamUnavailableException("Industries unavailable",
                    "The industry classification is unavailable right now (data-service); try again shortly.",
                    "data-service did not answer for the industries of " + date + ": " + e.getMessage(), e);
        }
        Map<String, String> out = new HashMap<>();
        for (IndustryView v : views == null ? new IndustryView[0] : views) {
            v.members().forEach(code -> out.put(code, v.industryCode()));
        }
        return out;
    }
}
