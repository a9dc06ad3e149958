package vn.gov.eid.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * The benchmark's output: the run as JSON ({@code run.json}), the table of rates against the Argon2id bound as
 * markdown ({@code report.md}, also printed) and the end-to-end latency distribution as an SVG chart
 * ({@code latency.svg}). Percentiles come from HdrHistogram; nothing here computes one.
 */
final class Report {

    private Report() {}

    /** p50, p95, p99, max and mean of a histogram of microseconds, in milliseconds. */
    static Map<String, Object> percentiles(Histogram h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", h.getTotalCount());
        m.put("p50", h.getValueAtPercentile(50) / 1000.0);
        m.put("p95", h.getValueAtPercentile(95) / 1000.0);
        m.put("p99", h.getValueAtPercentile(99) / 1000.0);
        m.put("max", h.getMaxValue() / 1000.0);
        m.put("mean", h.getMean() / 1000.0);
        return m;
    }

    /**
     * Writes run.json, report.md and latency.svg. Rows whose third column is "hash" are divided by the mean of the
     * two Argon2id bounds of the run.
     */
    static void write(
            Path out,
            Map<String, Object> results,
            List<String[]> rows,
            List<String[]> comparisons,
            double boundBefore,
            double boundAfter,
            Histogram chart,
            String chartTitle)
            throws IOException {
        double bound = (boundBefore + boundAfter) / 2;
        StringBuilder md = new StringBuilder();
        md.append("# Pipeline benchmark ").append(results.get("startedAt")).append("\n\n");
        md.append(String.format(
                Locale.ROOT,
                "Argon2id bound (identity-service's library and parameters %s, all %s cores): %.1f hashes/s before"
                        + " the load, %.1f after; the ratios use their mean, %.1f.%n%n",
                results.get("argon2Parameters"),
                ((Map<?, ?>) results.get("machine")).get("cores"),
                boundBefore,
                boundAfter,
                bound));
        md.append("| measurement | rate | Argon2id bound | rate / bound |\n|---|---:|---:|---:|\n");
        for (String[] row : rows) {
            boolean hashBound = "hash".equals(row[2]);
            double rate = Double.parseDouble(row[1]);
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %s | %s | %s |%n",
                    row[0],
                    row[1],
                    hashBound ? String.format(Locale.ROOT, "%.1f", bound) : "-",
                    hashBound ? String.format(Locale.ROOT, "%.2f", rate / bound) : "-"));
        }
        if (!comparisons.isEmpty()) {
            md.append("\n## Side by side (same machine, same PostgreSQL, same Argon2id parameters, interleaved)\n\n");
            md.append("| job | ours /s | Keycloak /s | ours / Keycloak |\n|---|---:|---:|---:|\n");
            for (String[] c : comparisons) {
                md.append("| ").append(String.join(" | ", c)).append(" |\n");
            }
        }
        md.append("\n## Latency (ms)\n\n| what | p50 | p95 | p99 | max |\n|---|---:|---:|---:|---:|\n");
        latencyRow(md, "password login", results, "logins", "latencyMs");
        latencyRow(md, "COMPLETE -> SMS at the SMSC, burst", results, "accountsEndToEnd", "burstLatencyMs");
        latencyRow(md, "COMPLETE -> SMS at the SMSC, half rate, open loop", results, "endToEndLatency", "latencyMs");
        md.append("\n## Cost\n\n");
        md.append("- CPU ms per login: ")
                .append(nested(results, "logins", "cpuMsPerLogin"))
                .append('\n');
        md.append("- CPU ms per account, from events (identity-service alone): ")
                .append(nested(results, "accountsFromEvents", "cpuMsPerAccount"))
                .append('\n');
        md.append("- CPU ms per account, end to end: ")
                .append(nested(results, "accountsEndToEnd", "cpuMsPerAccount"))
                .append('\n');
        md.append("- resident memory after the load (MiB): ")
                .append(results.get("rssMiB"))
                .append('\n');
        md.append("- time to ready (s): ")
                .append(results.get("timeToReadySeconds"))
                .append('\n');
        md.append("\nRaw figures: run.json; latency distribution: latency.svg.\n");
        Files.writeString(out.resolve("report.md"), md);
        System.out.println(md);
        new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(out.resolve("run.json").toFile(), results);
        if (chart != null) {
            Files.writeString(out.resolve("latency.svg"), svg(chart, chartTitle));
        }
    }

    private static void latencyRow(StringBuilder md, String what, Map<String, Object> results, String... path) {
        Object v = nested(results, path);
        if (v instanceof Map<?, ?> m) {
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %.0f | %.0f | %.0f | %.0f |%n",
                    what,
                    (Double) m.get("p50"),
                    (Double) m.get("p95"),
                    (Double) m.get("p99"),
                    (Double) m.get("max")));
        }
    }

    private static Object nested(Map<String, Object> results, String... path) {
        Object v = results;
        for (String key : path) {
            if (!(v instanceof Map<?, ?> m)) {
                return null;
            }
            v = m.get(key);
        }
        return v;
    }

    /** A bar chart of the latency distribution: 40 equal buckets from 0 to the maximum, counts per bucket. */
    static String svg(Histogram h, String title) {
        int buckets = 40;
        long max = Math.max(1, h.getMaxValue());
        long width = Math.max(1, max / buckets + 1);
        long[] counts = new long[buckets + 1];
        for (HistogramIterationValue v : h.linearBucketValues(width)) {
            int i = (int) Math.min(buckets, v.getValueIteratedTo() / width);
            counts[i] += v.getCountAddedInThisIterationStep();
        }
        long top = 1;
        for (long c : counts) {
            top = Math.max(top, c);
        }
        int w = 800, hgt = 400, left = 60, bottom = 50, plotW = w - left - 20, plotH = hgt - bottom - 40;
        StringBuilder s = new StringBuilder();
        s.append(String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\""
                        + " font-size=\"12\">%n<title>%s</title>%n<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n",
                w,
                hgt,
                escape(title)));
        s.append(String.format(
                Locale.ROOT, "<text x=\"%d\" y=\"20\" font-size=\"13\">%s</text>%n", left, escape(title)));
        double barW = (double) plotW / (buckets + 1);
        for (int i = 0; i <= buckets; i++) {
            double bh = (double) counts[i] / top * plotH;
            s.append(String.format(
                    Locale.ROOT,
                    "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#3b6ea5\"><title>%d-%d ms: %d</title></rect>%n",
                    left + i * barW,
                    40 + plotH - bh,
                    barW - 1,
                    bh,
                    i * width / 1000,
                    (i + 1) * width / 1000,
                    counts[i]));
        }
        int axisY = 40 + plotH;
        s.append(String.format(
                Locale.ROOT,
                "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n",
                left,
                axisY,
                left + plotW,
                axisY));
        for (int i = 0; i <= 4; i++) {
            s.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%d ms</text>%n",
                    left + i * plotW / 4.0,
                    axisY + 18,
                    (long) (i * (buckets + 1) * width / 4.0 / 1000)));
        }
        s.append(String.format(
                Locale.ROOT, "<text x=\"10\" y=\"%d\">%d</text>%n<text x=\"10\" y=\"%d\">0</text>%n", 45, top, axisY));
        for (double p : new double[] {50, 95, 99}) {
            double x = left + (double) h.getValueAtPercentile(p) / ((buckets + 1) * (double) width) * plotW;
            s.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%.1f\" y1=\"40\" x2=\"%.1f\" y2=\"%d\" stroke=\"#c0392b\" stroke-dasharray=\"4 3\"/>"
                            + "<text x=\"%.1f\" y=\"36\" fill=\"#c0392b\" text-anchor=\"middle\">p%.0f %.0f ms</text>%n",
                    x,
                    x,
                    axisY,
                    x,
                    p,
                    h.getValueAtPercentile(p) / 1000.0));
        }
        s.append(String.format(
                Locale.ROOT,
                "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">latency (count of citizens per bucket)</text>%n</svg>%n",
                left + plotW / 2,
                hgt - 8));
        return s.toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
