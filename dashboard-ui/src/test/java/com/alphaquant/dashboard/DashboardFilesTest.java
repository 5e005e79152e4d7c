package com.alphaquant.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's static files, checked without a browser: what the gateway's Content-Security-Policy
 * (script-src 'self') would block, imports that point nowhere, labels missing a language, and the
 * ECharts file index.html loads being where the webjar puts it.
 */
class DashboardFilesTest {

    private static final Path WEB = Path.of("src/main/web");
    private static final Pattern LABEL = Pattern.compile("'([\\w.-]+)':\\s*\\[\\s*'((?:[^'\\\\]|\\\\.)*)',\\s*'((?:[^'\\\\]|\\\\.)*)'\\s*]");
    private static final Pattern LABEL_KEY = Pattern.compile("'([\\w.-]+)':\\s*\\[");
    private static final Pattern USED_KEY = Pattern.compile("\\bt(?:Or)?\\('([\\w.-]+)'");
    private static final Pattern IMPORT = Pattern.compile("(?:from\\s+|import\\()\\s*['`](\\.{1,2}/[^'`$]+)['`]");

    @Test
    void pagesLoadScriptsOnlyFromFilesAndHaveNoInlineHandlers() {
        List<Path> pages = files(".html");
        assertThat(pages).extracting(p -> p.getFileName().toString()).contains("index.html", "signin.html");
        for (Path page : pages) {
            String html = read(page);
            Matcher script = Pattern.compile("<script\\b([^>]*)>").matcher(html);
            while (script.find()) {
                assertThat(script.group(1)).as("%s: %s", page, script.group()).contains("src=");
            }
            assertThat(html).as("%s: an inline event handler", page).doesNotContainPattern("(?i)\\son[a-z]+\\s*=");
            assertThat(html).as("%s: a javascript: URL", page).doesNotContainIgnoringCase("javascript:");
        }
    }

    @Test
    void scriptsNeitherEvaluateTextNorWriteMarkup() {
        for (Path js : files(".js")) {
            String code = read(js);
            assertThat(code).as("%s (CSP forbids eval; text from the API must never become markup)", js)
                    .doesNotContain("eval(", "new Function(", "innerHTML", "outerHTML", "insertAdjacentHTML", "document.write");
        }
    }

    @Test
    void everyRelativeImportResolvesToAFile() {
        List<String> missing = new ArrayList<>();
        for (Path js : files(".js")) {
            Matcher m = IMPORT.matcher(read(js));
            while (m.find()) {
                if (!Files.isRegularFile(js.getParent().resolve(m.group(1)).normalize())) {
                    missing.add(WEB.relativize(js) + " -> " + m.group(1));
                }
            }
        }
        assertThat(missing).isEmpty();
        // pages are imported by name from the router: one module per navigation entry
        assertThat(read(WEB.resolve("js/nav.js"))).contains("'overview', 'backtest', 'optimize', 'calendar', 'factors', 'signals', 'data', 'models'");
        for (String page : List.of("overview", "backtest", "optimize", "calendar", "factors", "signals", "data", "models")) {
            assertThat(WEB.resolve("js/pages/" + page + ".js")).isRegularFile();
        }
    }

    @Test
    void everyLabelUsedExistsInBothLanguages() {
        String source = read(WEB.resolve("js/labels.js"));
        Map<String, String[]> labels = new LinkedHashMap<>();
        Matcher m = LABEL.matcher(source);
        while (m.find()) {
            assertThat(labels.put(m.group(1), new String[] {m.group(2), m.group(3)})).as("label %s twice", m.group(1)).isNull();
        }
        TreeSet<String> declared = new TreeSet<>();
        LABEL_KEY.matcher(source).results().forEach(r -> declared.add(r.group(1)));
        assertThat(labels.keySet()).as("every label is [English, 中文]").containsExactlyInAnyOrderElementsOf(declared);
        labels.forEach((key, texts) -> {
            assertThat(texts[0]).as("%s in English", key).isNotBlank();
            assertThat(texts[1]).as("%s in Chinese", key).isNotBlank();
        });
        TreeSet<String> used = new TreeSet<>();
        for (Path js : files(".js")) {
            USED_KEY.matcher(read(js)).results().forEach(r -> used.add(r.group(1)));
        }
        assertThat(used).hasSizeGreaterThan(100);
        assertThat(labels.keySet()).containsAll(used);
        for (String page : List.of("overview", "backtest", "optimize", "calendar", "factors", "signals", "data", "models")) {
            assertThat(labels).containsKey("nav." + page);
        }
    }

    @Test
    void indexLoadsTheEchartsFileTheWebjarHolds() {
        Matcher m = Pattern.compile("<script src=\"/(webjars/echarts/[^\"]+)\"").matcher(read(WEB.resolve("index.html")));
        assertThat(m.find()).isTrue();
        assertThat(getClass().getResource("/META-INF/resources/" + m.group(1))).as(m.group(1)).isNotNull();
    }

    private static List<Path> files(String suffix) {
        try (Stream<Path> all = Files.walk(WEB)) {
            return all.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
