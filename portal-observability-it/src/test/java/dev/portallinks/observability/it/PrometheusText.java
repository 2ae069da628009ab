package dev.portallinks.observability.it;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One scrape of {@code /metrics} in the Prometheus text format, read into samples. */
final class PrometheusText {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+(\\S+).*$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** A sample: metric name, labels, value. */
    record Sample(String name, Map<String, String> labels, double value) {
    }

    private final String text;
    private final List<Sample> samples;

    private PrometheusText(String text) {
        this.text = text;
        this.samples = text.lines().filter(line -> !line.startsWith("#")).map(SAMPLE::matcher).filter(Matcher::matches).map(PrometheusText::sample)
                .toList();
    }

    /** @return the application's metrics now ({@code obs.metrics.url}, scope {@code application}) */
    static PrometheusText scrape() {
        return new PrometheusText(ObservedServer.get(System.getProperty("obs.metrics.url") + "?scope=application"));
    }

    /** @return every metric of the server now, Fault Tolerance's (scope {@code base}) included */
    static PrometheusText scrapeAll() {
        return new PrometheusText(ObservedServer.get(System.getProperty("obs.metrics.url")));
    }

    private static Sample sample(Matcher line) {
        Map<String, String> labels = new HashMap<>();
        if (line.group(2) != null) {
            Matcher label = LABEL.matcher(line.group(2));
            while (label.find()) {
                labels.put(label.group(1), label.group(2));
            }
        }
        return new Sample(line.group(1), labels, Double.parseDouble(line.group(3)));
    }

    /**
     * Returns the value of the one sample with the name and (at least) the labels; 0 when there is none yet.
     *
     * @param name the sample's name, e.g. {@code portallinks_links_issued_total}
     * @param labels name, value, name, value…
     * @return its value
     */
    double value(String name, String... labels) {
        List<Sample> matching = samples.stream().filter(sample -> sample.name().equals(name)).filter(sample -> {
            for (int i = 0; i < labels.length; i += 2) {
                if (!labels[i + 1].equals(sample.labels().get(labels[i]))) {
                    return false;
                }
            }
            return true;
        }).toList();
        if (matching.size() > 1) {
            throw new AssertionError("more than one sample " + name + " with " + List.of(labels) + ": " + matching);
        }
        return matching.isEmpty() ? 0 : matching.get(0).value();
    }

    /** @return the whole scrape */
    String text() {
        return text;
    }
}
