package dev.outreachpipeline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the figures were measured on: CPU, memory, JVM, the database server and the libraries. */
final class Machine {

    private final Map<String, String> facts = new LinkedHashMap<>();

    Machine(String postgresVersion) {
        facts.put("CPU", cpuModel() + ", " + Runtime.getRuntime().availableProcessors() + " cores");
        facts.put("memory", memTotal());
        facts.put(
                "OS",
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"));
        facts.put("JVM", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        facts.put("PostgreSQL", postgresVersion);
        facts.put(
                "Camel",
                org.apache.camel.CamelContext.class.getPackage().getImplementationVersion() == null
                        ? "4.22.0"
                        : org.apache.camel.CamelContext.class.getPackage().getImplementationVersion());
        facts.put("program", "outreach-pipeline " + version());
    }

    Map<String, String> facts() {
        return facts;
    }

    private static String version() {
        String v = dev.outreachpipeline.App.class.getPackage().getImplementationVersion();
        return v == null ? "(classes of this checkout)" : v;
    }

    private static String cpuModel() {
        return readLine(Path.of("/proc/cpuinfo"), "model name").orElse(System.getProperty("os.arch"));
    }

    private static String memTotal() {
        return readLine(Path.of("/proc/meminfo"), "MemTotal")
                .map(v -> Long.parseLong(v.replaceAll("[^0-9]", "")) / 1024 / 1024 + " GiB")
                .orElse("unknown");
    }

    private static java.util.Optional<String> readLine(Path file, String key) {
        try {
            return Files.readAllLines(file).stream()
                    .filter(l -> l.startsWith(key))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst();
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }
}
