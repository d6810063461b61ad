package io.sitroom.prometheus;

import java.util.Map;
import java.util.Set;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;

/**
 * Keeps {@code /q/metrics} within Prometheus' conventions as {@code promtool check metrics} checks
 * them, in the text and the OpenMetrics format alike, for the meters the libraries register too:
 * every metric has help text, none carries a quote in it (OpenMetrics escapes it as {@code \"},
 * which the text format's parser refuses), and the few library meters whose names break the rules
 * (an abbreviated unit, a gauge named {@code _count}) are left out or renamed.
 */
public class PrometheusConventions {

    /** Help for the library meters registered without any; any other such meter gets its name in words. */
    static final Map<String, String> HELP = Map.ofEntries(
            Map.entry("http.server.active.requests", "HTTP requests being handled now"),
            Map.entry("netty.allocator.memory.pinned", "Bytes of Netty's pooled memory pinned by buffers in use"),
            Map.entry("netty.allocator.memory.used", "Bytes of memory Netty's allocator holds"),
            Map.entry("netty.allocator.pooled.arenas", "Netty allocator arenas"),
            Map.entry("netty.allocator.pooled.cache.size", "Size of Netty allocator thread caches"),
            Map.entry("netty.allocator.pooled.chunk.size", "Size of a Netty allocator memory chunk"),
            Map.entry("netty.allocator.pooled.threadlocal.caches", "Netty allocator thread-local caches"),
            Map.entry("netty.eventexecutor.tasks.pending", "Tasks waiting on a Netty event loop"));

    /** Library meters whose names break the conventions and that another meter already covers. */
    static final Set<String> LEFT_OUT = Set.of(
            "process.cpu.time", // in ns (an abbreviated, non-base unit); process_cpu_usage covers it
            "system.cpu.count", // a gauge named _count; the JVM's processors, rarely worth a series
            // A long task timer: written as a summary whose samples (_active_count, _duration_sum) the
            // text format's parser takes for families without help; http_server_active_requests and
            // sitroom_connections_open count what is open.
            "http.server.connections",
            "http.server.websocket.connections"); // the same, for WebSockets

    /**
     * Library meters left out by prefix: {@code mail.}, the Vert.x mail client's connection meters (quarkus-mailer),
     * whose label names are camelCase; what to watch about mail is the outbox (operations.md, "E-mail").
     */
    static final Set<String> LEFT_OUT_PREFIXES = Set.of("mail.");

    @Produces
    @Singleton
    MeterFilter conventions() {
        return new MeterFilter() {
            @Override
            public MeterFilterReply accept(Meter.Id id) {
                boolean leftOut = LEFT_OUT.contains(id.getName()) || LEFT_OUT_PREFIXES.stream().anyMatch(id.getName()::startsWith);
                return leftOut ? MeterFilterReply.DENY : MeterFilterReply.NEUTRAL;
            }

            @Override
            public Meter.Id map(Meter.Id id) {
                String help = id.getDescription() == null || id.getDescription().isBlank()
                        ? HELP.getOrDefault(id.getName(), id.getName().replace('.', ' '))
                        : id.getDescription();
                if (help.equals(id.getDescription()) && help.indexOf('"') < 0) {
                    return id;
                }
                return new Meter.Id(id.getName(), io.micrometer.core.instrument.Tags.of(id.getTagsAsIterable()), id.getBaseUnit(),
                        help.replace('"', '\''), id.getType());
            }
        };
    }
}
