package com.alphaquant.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads {@code alpha_config.yaml} into its settings as written (text, with the line of each key),
 * checking the structure against {@link ConfigSchema}: every key known, sections holding keys,
 * settings holding values, no secret in the file. Nested maps and dotted keys
 * ({@code backtest.defaults.commission: 0.0005} under {@code alphaquant:}) both work, as in Spring.
 */
final class ConfigFile {

    /** One setting as written: {@code text} for a single value, {@code items} for a YAML list. */
    record Raw(String key, String text, List<String> items, int line) {}

    private final Path file;
    private final Map<String, Raw> settings = new LinkedHashMap<>();

    private ConfigFile(Path file) {
        this.file = file;
    }

    static List<Raw> read(Path file) {
        ConfigFile reader = new ConfigFile(file);
        Node root;
        try (Reader in = Files.newBufferedReader(file)) {
            root = new Yaml(new LoaderOptions()).compose(in);
        } catch (MarkedYAMLException e) {
            throw ConfigException.at(file, e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1, null,
                    "not valid YAML: " + e.getProblem());
        } catch (YAMLException e) {
            throw ConfigException.at(file, 0, null, "not valid YAML: " + e.getMessage());
        } catch (IOException e) {
            throw ConfigException.at(file, 0, null, "cannot be read: " + e.getMessage());
        }
        if (root == null || isNull(root)) {
            return List.of(); // only comments
        }
        if (!(root instanceof MappingNode map)) {
            throw ConfigException.at(file, line(root), null, "expected the settings under " + ConfigSchema.ROOT + ":");
        }
        reader.section(map, "");
        return List.copyOf(reader.settings.values());
    }

    private void section(MappingNode map, String prefix) {
        for (NodeTuple t : map.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode keyNode)) {
                throw ConfigException.at(file, line(t.getKeyNode()), null, "a key must be a name");
            }
            String name = prefix.isEmpty() ? keyNode.getValue() : prefix + "." + keyNode.getValue();
            int line = line(keyNode);
            Node value = t.getValueNode();
            ConfigKey key = ConfigSchema.key(name);
            if (key != null) {
                setting(key, value, line);
            } else if (ConfigSchema.isSection(name)) {
                if (value instanceof MappingNode m) {
                    section(m, name);
                } else if (!isNull(value)) {
                    throw ConfigException.at(file, line, name, "is a section, not a value: it holds "
                            + String.join(", ", ConfigSchema.children(name)));
                }
            } else {
                throw ConfigException.at(file, line, name, unknown(name));
            }
        }
    }

    private void setting(ConfigKey key, Node value, int line) {
        if (key.secret()) {
            throw ConfigException.at(file, line, key.name(), "is a secret and is read only from the environment: "
                    + "remove it from the file and set the environment variable " + key.env() + " instead");
        }
        Raw earlier = settings.get(key.name());
        if (earlier != null) {
            throw ConfigException.at(file, line, key.name(), "is set twice (also at line " + earlier.line() + ")");
        }
        if (value instanceof MappingNode) {
            throw ConfigException.at(file, line, key.name(), "is a setting, not a section: give it a value");
        }
        if (value instanceof SequenceNode seq) {
            if (key.type() != ConfigKey.Type.LIST) {
                throw ConfigException.at(file, line, key.name(), "takes one value, not a list");
            }
            List<String> items = new ArrayList<>();
            for (Node item : seq.getValue()) {
                if (!(item instanceof ScalarNode s)) {
                    throw ConfigException.at(file, line(item), key.name(), "list items must be plain values");
                }
                items.add(s.getValue());
            }
            settings.put(key.name(), new Raw(key.name(), null, items, line));
        } else if (!isNull(value)) {
            settings.put(key.name(), new Raw(key.name(), ((ScalarNode) value).getValue(), null, line));
        }
    }

    /** Why an unknown name is refused, with the likely intended name or the names its section has. */
    private static String unknown(String name) {
        if (ConfigSchema.looksSecret(name)) {
            return "looks like a secret: secrets are read only from environment variables, never from the file";
        }
        String suggestion = Suggestions.closest(name, ConfigSchema.names());
        if (suggestion == null && !name.startsWith(ConfigSchema.ROOT + ".")) {
            String rooted = ConfigSchema.ROOT + "." + name;
            suggestion = ConfigSchema.isSection(rooted) || ConfigSchema.key(rooted) != null ? rooted
                    : Suggestions.closest(rooted, ConfigSchema.names());
        }
        if (suggestion != null) {
            return "unknown key; did you mean " + suggestion + "?";
        }
        String parent = name;
        while (parent.contains(".") && !ConfigSchema.isSection(parent)) {
            parent = parent.substring(0, parent.lastIndexOf('.'));
        }
        return ConfigSchema.isSection(parent) ? "unknown key; " + parent + " holds " + String.join(", ", ConfigSchema.children(parent))
                : "unknown key; the file's settings sit under " + ConfigSchema.ROOT + ": ("
                + String.join(", ", ConfigSchema.children(ConfigSchema.ROOT)) + ")";
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode s && Tag.NULL.equals(s.getTag());
    }

    private static int line(Node node) {
        return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }
}
