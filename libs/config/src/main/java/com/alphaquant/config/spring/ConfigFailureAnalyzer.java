package com.alphaquant.config.spring;

import com.alphaquant.config.ConfigException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** An invalid alpha_config.yaml stops a service with the checker's one-line message, not a stack trace. */
public class ConfigFailureAnalyzer extends AbstractFailureAnalyzer<ConfigException> {

    @Override
    protected FailureAnalysis analyze(Throwable root, ConfigException cause) {
        return new FailureAnalysis("The AlphaQuant configuration is invalid: " + cause.getMessage(),
                "Fix the setting named above (docs/CONFIG.md lists every key, its values and its environment variable), "
                        + "or point ALPHAQUANT_CONFIG at another file.", cause);
    }
}
