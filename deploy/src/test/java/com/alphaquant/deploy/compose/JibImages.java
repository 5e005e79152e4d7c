package com.alphaquant.deploy.compose;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The images the root pom's {@code images} profile builds, read from the poms: every module that
 * sets {@code jib.skip} to false, named by the Jib plugin's {@code <to><image>} in the root pom,
 * once plainly and once per profile of the module that sets {@code image.variant} (model-service's
 * gpu).
 *
 * @param byModule module → the image names it is built as
 * @param ports    module → {@code image.port}, the port its image exposes
 */
record JibImages(Map<String, List<String>> byModule, Map<String, Integer> ports) {

    static JibImages read(Path root) {
        Element pom = xml(root.resolve("pom.xml"));
        String version = child(pom, "version").getTextContent().trim();
        String template = jibTargetImage(pom);
        Map<String, List<String>> images = new LinkedHashMap<>();
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (Element module : children(child(pom, "modules"), "module")) {
            String dir = module.getTextContent().trim();
            Element modulePom = xml(root.resolve(dir).resolve("pom.xml"));
            Element properties = child(modulePom, "properties");
            if (properties == null || child(properties, "jib.skip") == null
                    || !child(properties, "jib.skip").getTextContent().trim().equals("false")) {
                continue;
            }
            String artifactId = child(modulePom, "artifactId").getTextContent().trim();
            String named = template.replace("${project.artifactId}", artifactId).replace("${project.version}", version);
            List<String> names = new ArrayList<>(List.of(named.replace("${image.variant}", "")));
            Element profiles = child(modulePom, "profiles");
            for (Element profile : profiles == null ? List.<Element>of() : children(profiles, "profile")) {
                Element variant = child(child(profile, "properties"), "image.variant");
                if (variant != null) {
                    names.add(named.replace("${image.variant}", variant.getTextContent().trim()));
                }
            }
            images.put(artifactId, List.copyOf(names));
            ports.put(artifactId, Integer.parseInt(child(properties, "image.port").getTextContent().trim()));
        }
        return new JibImages(images, ports);
    }

    /** Every image name, of every module. */
    List<String> all() {
        return byModule.values().stream().flatMap(List::stream).toList();
    }

    private static String jibTargetImage(Element pom) {
        Element plugins = child(child(child(pom, "build"), "pluginManagement"), "plugins");
        for (Element plugin : children(plugins, "plugin")) {
            if (child(plugin, "artifactId").getTextContent().trim().equals("jib-maven-plugin")) {
                return child(child(child(plugin, "configuration"), "to"), "image").getTextContent().trim();
            }
        }
        throw new IllegalStateException("the root pom's pluginManagement configures no jib-maven-plugin");
    }

    private static Element xml(Path file) {
        try {
            Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
            return doc.getDocumentElement();
        } catch (Exception e) {
            throw new IllegalStateException("cannot parse " + file, e);
        }
    }

    private static Element child(Element parent, String name) {
        List<Element> found = parent == null ? List.of() : children(parent, name);
        return found.isEmpty() ? null : found.get(0);
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i).getNodeType() == Node.ELEMENT_NODE && nodes.item(i).getNodeName().equals(name)) {
                found.add((Element) nodes.item(i));
            }
        }
        return found;
    }
}
