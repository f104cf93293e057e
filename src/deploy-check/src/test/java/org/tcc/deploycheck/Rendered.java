package org.tcc.deploycheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** One overlay as {@code kubectl kustomize} renders it: the objects a cluster would receive. */
final class Rendered {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    final String overlay;
    final List<ObjectNode> objects;

    Rendered(String overlay, List<ObjectNode> objects) {
        this.overlay = overlay;
        this.objects = objects;
    }

    /** The repository root (the build passes {@code tcc.root}). */
    static Path root() {
        String root = System.getProperty("tcc.root");
        Path path = root != null ? Path.of(root) : Path.of("../..");
        return path.toAbsolutePath().normalize();
    }

    /** Every folder under {@code k8s/overlays}. */
    static List<String> overlays() throws IOException {
        try (Stream<Path> dirs = Files.list(root().resolve("k8s/overlays"))) {
            return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Renders {@code k8s/overlays/<name>} with kubectl's built-in kustomize. */
    static Rendered overlay(String name) throws IOException, InterruptedException {
        requireKubectl();
        Path dir = root().resolve("k8s/overlays").resolve(name);
        Path out = Files.createTempFile("tcc-kustomize-" + name, ".yaml");
        Path err = Files.createTempFile("tcc-kustomize-" + name, ".err");
        try {
            Process process = new ProcessBuilder("kubectl", "kustomize", dir.toString())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("kubectl kustomize " + dir + " did not finish in 2 minutes");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("kubectl kustomize " + dir + " failed: "
                        + Files.readString(err, StandardCharsets.UTF_8));
            }
            return new Rendered(name, parse(Files.readString(out, StandardCharsets.UTF_8)));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /**
     * A developer machine with only a JDK and Maven has no kubectl: the overlays are then not rendered, and the
     * tests say so (skipped with the reason) instead of failing the README's test command. CI sets
     * {@code TCC_REQUIRE_KUBECTL=true} (.ci/run installs kubectl), where a missing kubectl fails.
     */
    private static void requireKubectl() {
        boolean onPath = Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, "kubectl")));
        if (onPath) {
            return;
        }
        String reason = "kubectl is not on the PATH: the k8s overlays were NOT rendered nor validated"
                + " (install kubectl, e.g. Debian's kubernetes-client; .ci/run does)";
        if (Boolean.parseBoolean(System.getenv("TCC_REQUIRE_KUBECTL"))) {
            throw new IllegalStateException(reason);
        }
        System.err.println("[deploy-check] " + reason);
        org.junit.jupiter.api.Assumptions.abort(reason);
    }

    static List<ObjectNode> parse(String yaml) throws IOException {
        List<ObjectNode> docs = new ArrayList<>();
        try (YAMLParser parser = ((YAMLFactory) YAML.getFactory()).createParser(yaml)) {
            var it = YAML.readValues(parser, JsonNode.class);
            while (it.hasNext()) {
                JsonNode node = it.next();
                if (node != null && node.isObject() && node.size() > 0) {
                    docs.add((ObjectNode) node);
                }
            }
        }
        return docs;
    }

    List<ObjectNode> ofKind(String kind) {
        return objects.stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
    }

    Optional<ObjectNode> find(String kind, String name) {
        return ofKind(kind).stream().filter(o -> name.equals(name(o))).findFirst();
    }

    static String name(JsonNode object) {
        return object.path("metadata").path("name").asText();
    }

    static String id(JsonNode object) {
        return object.path("kind").asText() + "/" + name(object);
    }
}
