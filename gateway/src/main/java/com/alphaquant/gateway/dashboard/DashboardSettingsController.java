package com.alphaquant.gateway.dashboard;

import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The dashboard's defaults from the platform configuration (alphaquant.dashboard.*): its language
 * and which colour means "up". A person's own choice, kept in the browser, wins over these.
 */
@RestController
class DashboardSettingsController {

    private final Map<String, String> settings;

    DashboardSettingsController(@Value("${alphaquant.dashboard.language:zh}") String language,
                                @Value("${alphaquant.dashboard.colours:red-up}") String colours) {
        this.settings = Map.of("language", language, "colours", colours);
    }

    @GetMapping(value = "/api/dashboard/settings", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, String> settings() {
        return settings;
    }
}
