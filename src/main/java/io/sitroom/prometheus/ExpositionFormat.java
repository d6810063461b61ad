package io.sitroom.prometheus;

import java.util.Locale;

/**
 * The two formats {@code /q/metrics} speaks, and which one an {@code Accept} header asks for: the
 * media range with the highest {@code q} wins, OpenMetrics on a tie (it is what Prometheus prefers),
 * the classic text format when nothing names either (no header, {@code *}{@code /*}, a browser).
 */
public enum ExpositionFormat {
    TEXT("text/plain; version=0.0.4; charset=utf-8"),
    OPENMETRICS("application/openmetrics-text; version=1.0.0; charset=utf-8");

    private final String contentType;

    ExpositionFormat(String contentType) {
        this.contentType = contentType;
    }

    public String contentType() {
        return contentType;
    }

    public static ExpositionFormat of(String accept) {
        if (accept == null || accept.isBlank()) {
            return TEXT;
        }
        double openMetrics = 0;
        double text = 0;
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            String type = parts[0].strip().toLowerCase(Locale.ROOT);
            double q = quality(parts);
            if (type.equals("application/openmetrics-text")) {
                openMetrics = Math.max(openMetrics, q);
            } else if (type.equals("text/plain") || type.equals("text/*") || type.equals("*/*")) {
                text = Math.max(text, q);
            }
        }
        return openMetrics > 0 && openMetrics >= text ? OPENMETRICS : TEXT;
    }

    private static double quality(String[] parameters) {
        for (int i = 1; i < parameters.length; i++) {
            String parameter = parameters[i].strip();
            if (parameter.regionMatches(true, 0, "q=", 0, 2)) {
                try {
                    return Math.max(0, Math.min(1, Double.parseDouble(parameter.substring(2).strip())));
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }
}
