package dev.outreachpipeline.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The markdown report: where and how the figures were measured, then one section per workload. */
final class BenchReport {

    /** One measured figure beside its target; target null means reported, not judged. */
    record Figure(String name, String value, String target, Boolean met) {

        static Figure reported(String name, String value) {
            return new Figure(name, value, "", null);
        }

        static Figure atLeast(String name, double value, double target, String format) {
            return new Figure(name, fmt(format, value), "≥ " + fmt(format, target), value >= target);
        }

        static Figure atMost(String name, double value, double target, String format) {
            return new Figure(name, fmt(format, value), "≤ " + fmt(format, target), value <= target);
        }

        static Figure exactly(String name, double value, double target, String format) {
            return new Figure(name, fmt(format, value), "= " + fmt(format, target), Math.abs(value - target) < 1e-9);
        }

        String verdict() {
            return met == null ? "" : met ? "met" : "**missed**";
        }
    }

    /** A workload's figures, what it ran, and what the figures mean. */
    static final class Section {
        final String title;
        final List<String> setup = new ArrayList<>();
        final List<Figure> figures = new ArrayList<>();
        final List<String> notes = new ArrayList<>();

        Section(String title) {
            this.title = title;
        }

        Section setup(String line) {
            setup.add(line);
            return this;
        }

        Section figure(Figure figure) {
            figures.add(figure);
            return this;
        }

        Section note(String line) {
            notes.add(line);
            return this;
        }
    }

    private final List<Section> sections = new ArrayList<>();
    private final Instant started = Instant.now();
    private final String command;

    BenchReport(String command) {
        this.command = command;
    }

    void add(Section section) {
        sections.add(section);
    }

    String markdown(Machine machine) {
        var md = new StringBuilder();
        md.append("# Benchmarks\n\n");
        md.append("Written by the benchmark harness (`")
                .append(command)
                .append("`); the figures are rewritten by each run, the analysis at the end is kept. ")
                .append("Benchmarks are not tests: they run on demand, never in `.ci/run`.\n\n");
        md.append("| | |\n|---|---|\n");
        md.append("| run at | ")
                .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(
                        started.atZone(ZoneOffset.UTC).withNano(0)))
                .append(" UTC |\n");
        for (var fact : machine.facts().entrySet()) {
            md.append("| ")
                    .append(fact.getKey())
                    .append(" | ")
                    .append(fact.getValue())
                    .append(" |\n");
        }
        md.append("| command | `").append(command).append("` |\n\n");
        md.append("## Summary\n\n| workload | figure | measured | target | |\n|---|---|---|---|---|\n");
        for (Section s : sections) {
            for (Figure f : s.figures) {
                if (f.met() != null) {
                    md.append("| ")
                            .append(s.title)
                            .append(" | ")
                            .append(f.name())
                            .append(" | ")
                            .append(f.value())
                            .append(" | ")
                            .append(f.target())
                            .append(" | ")
                            .append(f.verdict())
                            .append(" |\n");
                }
            }
        }
        md.append('\n');
        for (Section s : sections) {
            md.append("## ").append(s.title).append("\n\n");
            for (String line : s.setup) {
                md.append("- ").append(line).append('\n');
            }
            md.append("\n| figure | measured | target | |\n|---|---|---|---|\n");
            for (Figure f : s.figures) {
                md.append("| ")
                        .append(f.name())
                        .append(" | ")
                        .append(f.value())
                        .append(" | ")
                        .append(f.target())
                        .append(" | ")
                        .append(f.verdict())
                        .append(" |\n");
            }
            if (!s.notes.isEmpty()) {
                md.append('\n');
                for (String line : s.notes) {
                    md.append(line).append("\n\n");
                }
            }
            md.append('\n');
        }
        return md.toString();
    }

    /** Everything after this line of an existing report is the people's reading of the figures, and is kept. */
    static final String ANALYSIS_MARKER = "<!-- analysis: written by hand, kept by the harness -->";

    void write(Path file, Machine machine) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        String analysis = "";
        if (Files.exists(file)) {
            String old = Files.readString(file, StandardCharsets.UTF_8);
            int at = old.indexOf(ANALYSIS_MARKER);
            analysis = at < 0 ? "" : old.substring(at);
        }
        Files.writeString(file, markdown(machine) + analysis, StandardCharsets.UTF_8);
    }

    static String fmt(String format, double value) {
        return String.format(Locale.ROOT, format, value);
    }
}
