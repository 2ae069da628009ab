package dev.portallinks.benchmarks.driver;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Collects the measured values and writes {@code results.json} and {@code summary.md}. */
final class Results {

    /**
     * One measured value.
     *
     * @param scenario e.g. {@code 1-service-overhead}
     * @param metric what was measured, e.g. {@code calls/s 16 callers 1 subscription}
     * @param value the service's value
     * @param unit the unit
     * @param baseline the baseline's name, or null
     * @param baselineValue the baseline's value, or NaN
     * @param ratio value / baseline (or the difference for "added" metrics), or NaN
     * @param target the target in words, or null
     * @param met whether the target was met, or null without a target
     * @param note how to read it
     */
    record Entry(String scenario, String metric, double value, String unit, String baseline, double baselineValue, double ratio, String target,
            Boolean met, String note) {
    }

    private final List<Entry> entries = new ArrayList<>();
    private final JsonArrayBuilder rounds = Json.createArrayBuilder();
    private final List<String> problems = new ArrayList<>();
    private final JsonObjectBuilder environment = Json.createObjectBuilder();

    synchronized void add(Entry entry) {
        entries.add(entry);
    }

    synchronized void value(String scenario, String metric, double value, String unit, String target, Boolean met, String note) {
        entries.add(new Entry(scenario, metric, value, unit, null, Double.NaN, Double.NaN, target, met, note));
    }

    synchronized void round(String scenario, String implementation, JsonObject measured) {
        rounds.add(Json.createObjectBuilder().add("scenario", scenario).add("implementation", implementation).add("measured", measured));
    }

    synchronized void problem(String scenario, Throwable failure) {
        problems.add(scenario + ": " + failure);
    }

    synchronized List<String> problems() {
        return List.copyOf(problems);
    }

    synchronized void environment(String name, String value) {
        environment.add(name, value);
    }

    synchronized void write(Path directory, long runSeconds) throws IOException {
        Files.createDirectories(directory);
        JsonArrayBuilder results = Json.createArrayBuilder();
        for (Entry entry : entries) {
            JsonObjectBuilder json = Json.createObjectBuilder().add("scenario", entry.scenario()).add("metric", entry.metric())
                    .add("value", number(entry.value())).add("unit", entry.unit());
            json.add("baseline", entry.baseline() == null ? JsonValue.NULL : Json.createValue(entry.baseline()));
            json.add("baselineValue", number(entry.baselineValue())).add("ratio", number(entry.ratio()));
            json.add("target", entry.target() == null ? JsonValue.NULL : Json.createValue(entry.target()));
            json.add("met", entry.met() == null ? JsonValue.NULL : entry.met() ? JsonValue.TRUE : JsonValue.FALSE);
            json.add("note", entry.note() == null ? JsonValue.NULL : Json.createValue(entry.note()));
            results.add(json);
        }
        JsonArrayBuilder problemJson = Json.createArrayBuilder();
        problems.forEach(problemJson::add);
        JsonObject document = Json.createObjectBuilder().add("environment", environment).add("runSeconds", runSeconds).add("results", results)
                .add("problems", problemJson).add("rounds", rounds).build();
        try (Writer out = Files.newBufferedWriter(directory.resolve("results.json"), StandardCharsets.UTF_8)) {
            Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(out).write(document);
            out.write('\n');
        }
        Files.writeString(directory.resolve("summary.md"), summary(runSeconds), StandardCharsets.UTF_8);
    }

    private String summary(long runSeconds) {
        StringBuilder md = new StringBuilder("| scenario | metric | value | baseline | baseline value | ratio / difference | target | met |\n")
                .append("| --- | --- | ---: | --- | ---: | ---: | --- | --- |\n");
        for (Entry entry : entries) {
            md.append("| ").append(entry.scenario()).append(" | ").append(entry.metric()).append(" | ").append(format(entry.value())).append(' ')
                    .append(entry.unit()).append(" | ").append(entry.baseline() == null ? "" : entry.baseline()).append(" | ")
                    .append(format(entry.baselineValue())).append(" | ").append(format(entry.ratio())).append(" | ")
                    .append(entry.target() == null ? "" : entry.target()).append(" | ")
                    .append(entry.met() == null ? "" : entry.met() ? "yes" : "**no**").append(" |\n");
        }
        md.append("\nRun time of the driver: ").append(runSeconds).append(" s.\n");
        for (String problem : problems) {
            md.append("\nProblem: ").append(problem).append('\n');
        }
        return md.toString();
    }

    private static JsonValue number(double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? JsonValue.NULL : Json.createValue(Math.round(value * 1000) / 1000.0);
    }

    private static String format(double value) {
        if (Double.isNaN(value)) {
            return "";
        }
        if (Math.abs(value) >= 100) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
