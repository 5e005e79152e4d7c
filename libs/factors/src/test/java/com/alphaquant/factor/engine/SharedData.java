package com.alphaquant.factor.engine;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real Tushare sample in the workspace's {@code shared/data} folder (beside the clone, in
 * CI too). Tests over it fail loudly, rather than skip, when it cannot be found.
 */
final class SharedData {

    private SharedData() {
    }

    static Path file(String name) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("data").resolve(name);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("Real sample " + name + " not found in any shared/data folder above "
                + Path.of("").toAbsolutePath());
    }
}
