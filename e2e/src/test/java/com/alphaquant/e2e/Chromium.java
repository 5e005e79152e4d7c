package com.alphaquant.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The system's Chromium (Debian package {@code chromium}), driven by Playwright; Playwright never
 * downloads a browser. Without it the browser tests are skipped, unless {@code ALPHAQUANT_E2E=required}
 * (CI), where they fail.
 */
final class Chromium {

    static final Path EXECUTABLE = Path.of("/usr/bin/chromium");

    private Chromium() {
    }

    /** Skips (or, when required, fails) the calling tests when there is no Chromium to drive. */
    static void requireInstalled() {
        if (Files.isExecutable(EXECUTABLE)) {
            return;
        }
        String message = EXECUTABLE + " is absent: the dashboard's browser tests need Debian's chromium (apt-get install -y chromium)";
        if ("required".equalsIgnoreCase(System.getenv("ALPHAQUANT_E2E"))) {
            Assertions.fail(message + " and ALPHAQUANT_E2E=required");
        }
        Assumptions.abort(message + "; skipped (set ALPHAQUANT_E2E=required to fail instead)");
    }

    static Browser launch(Playwright playwright) {
        return playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(EXECUTABLE).setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu")));
    }
}
