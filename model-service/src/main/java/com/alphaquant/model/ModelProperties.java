package com.alphaquant.model;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param device   {@code auto} uses a GPU when PyTorch sees one, else {@code cpu} or {@code gpu} forced
 * @param modelDir where trained models and the registry live
 */
@Validated
@ConfigurationProperties("alphaquant.model")
public record ModelProperties(@Pattern(regexp = "auto|cpu|gpu") String device, @NotBlank String modelDir) {
}
