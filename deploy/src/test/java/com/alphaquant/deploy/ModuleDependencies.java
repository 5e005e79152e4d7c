package com.alphaquant.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dependencies a module runs with, read from its pom.xml and, through each AlphaQuant module
 * it depends on (a folder of the repository or of libs/), theirs: groupId:artifactId, test scope
 * left out. Enough to see what lands on a service's class path (service-support, DJL's engine).
 */
public final class ModuleDependencies {

    private static final Pattern DEPENDENCY = Pattern.compile("(?s)<dependency>(.*?)</dependency>");
    private static final Pattern GROUP = Pattern.compile("<groupId>([^<]+)</groupId>");
    private static final Pattern ARTIFACT = Pattern.compile("<artifactId>([^<]+)</artifactId>");
    private static final String OWN_GROUP = "com.alphaquant";

    private ModuleDependencies() {
    }

    public static Set<String> of(Path root, String module) {
        Set<String> found = new TreeSet<>();
        collect(root, module, found);
        return found;
    }

    private static void collect(Path root, String module, Set<String> found) {
        Matcher dependency = DEPENDENCY.matcher(Repository.read(pom(root, module)));
        while (dependency.find()) {
            String block = dependency.group(1);
            Matcher group = GROUP.matcher(block);
            Matcher artifact = ARTIFACT.matcher(block);
            if (block.contains("<scope>test</scope>") || !group.find() || !artifact.find()) {
                continue;
            }
            String id = group.group(1) + ":" + artifact.group(1);
            if (found.add(id) && group.group(1).equals(OWN_GROUP)) {
                collect(root, artifact.group(1), found);
            }
        }
    }

    private static Path pom(Path root, String module) {
        Path top = root.resolve(module).resolve("pom.xml");
        return Files.exists(top) ? top : root.resolve("libs").resolve(module).resolve("pom.xml");
    }
}
