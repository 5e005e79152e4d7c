package com.alphaquant.model;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * model-service settings under {@code alphaquant.model}.
 *
 * @param device          {@code auto} uses a GPU when PyTorch sees one, else {@code cpu} or {@code gpu} forced
 * @param modelDir        where trained models' parameter files live ({@code <dir>/<id>/})
 * @param dataServiceUrl  where bars come from when {@code bars = data-service}
 * @param bars            {@code data-service} (what was ingested) or {@code sample} (the bundled 300-stock sample)
 * @param historyDays     calendar days of bars before a prediction day that inference reads (factor warm-up and window)
 * @param jobPolling      whether this replica claims training jobs (off: API and inference only)
 * @param jobPollInterval how often a replica looks for a runnable training job
 * @param jobStaleAfter   a RUNNING job without a heartbeat for this long is claimed again
 * @param maxAttempts     claims of one job before it is failed
 */
@Validated
@ConfigurationProperties("alphaquant.model")
public record ModelProperties(@NotNull @Pattern(regexp = "auto|cpu|gpu") String device,
                              @NotBlank String modelDir,
                              @NotBlank String dataServiceUrl,
                              @DefaultValue("data-service") @NotNull @Pattern(regexp = "data-service|sample") String bars,
                              @DefaultValue("400") @Min(90) int historyDays,
                              @DefaultValue("true") boolean jobPolling,
                              @DefaultValue("1s") @NotNull Duration jobPollInterval,
                              @DefaultValue("2m") @NotNull Duration jobStaleAfter,
                              @DefaultValue("3") @Min(1) int maxAttempts) {

    public Path modelPath() {
        return Path.of(modelDir);
    }
}
