package io.sitroom.cluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.sitroom.error.OutageLog;
import io.sitroom.live.RoomFanout;
import io.sitroom.live.TokenRevocations;

/**
 * Hears other nodes' appends and revocations: one dedicated connection runs {@code LISTEN}; it hands
 * a revoked sign-in to this node's sockets (closed with 4401) and each (room, seq) to the fan-out, which reads {@code seq > delivered} from the log for rooms with
 * clients on this node. A lost connection is opened again and followed by a catch-up of every
 * such room, and a check of the tokens of this node's connections for revocations it did not hear; a slow poll
 * does the catch-up in case a wake-up was lost, so a lost wake-up only delays.
 */
@ApplicationScoped
public class ClusterListener {

    private static final Logger LOG = Logger.getLogger(ClusterListener.class);
    private static final int WAIT_MS = 500;

    private final RoomFanout fanout;
    private final TokenRevocations revocations;
    private final ClusterConfig config;
    /** On PostgreSQL several nodes may share the database: poll, whether or not wake-ups are on. */
    private final boolean shared;
    private final boolean active;
    private final String url;
    private final String username;
    private final String password;
    private final AtomicBoolean listening = new AtomicBoolean();
    private final OutageLog outage = new OutageLog(LOG, "wake-ups from other nodes (LISTEN)");
    private final OutageLog pollOutage = new OutageLog(LOG, "the catch-up poll");
    private final Counter wakeUps;
    private volatile boolean running;
    private Thread thread;

    public ClusterListener(RoomFanout fanout, TokenRevocations revocations, ClusterConfig config, MeterRegistry registry,
            @ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") Optional<String> url,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.fanout = fanout;
        this.revocations = revocations;
        this.config = config;
        this.shared = ClusterNotifier.isPostgresql(dbKind) && url.isPresent();
        this.active = shared && config.enabled();
        this.url = url.orElse(null);
        this.username = username.orElse(null);
        this.password = password.orElse(null);
        registry.find("sitroom.cluster.listening").gauges().forEach(registry::remove); // see WebhookDispatcher
        Gauge.builder("sitroom.cluster.listening", listening, l -> l.get() ? 1 : 0)
                .description("1 while this node listens for other nodes' appends").register(registry);
        this.wakeUps = Counter.builder("sitroom.cluster.wakeups").description("Wake-ups heard from appends on any node")
                .register(registry);
    }

    void onStart(@Observes StartupEvent event) {
        if (!shared) {
            // The only node: every revocation is made here, and heard as it commits.
            revocations.hearing();
        }
        if (!active) {
            return;
        }
        running = true;
        thread = new Thread(this::listen, "sitroom-cluster-listen");
        thread.setDaemon(true);
        thread.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    /** Whether this node currently hears other nodes' appends. */
    public boolean listening() {
        return listening.get();
    }

    @Scheduled(every = "${sitroom.cluster.poll-interval:5s}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        if (shared) {
            try {
                fanout.catchUp();
                pollOutage.succeeded();
            } catch (RuntimeException e) {
                if (!pollOutage.failed(e)) {
                    throw e;
                }
            }
        }
    }

    private void listen() {
        while (running) {
            try (Connection connection = DriverManager.getConnection(url, username, password)) {
                PGConnection pg = connection.unwrap(PGConnection.class);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + quoted(config.channel()));
                }
                listening.set(true);
                // Revocations on other nodes are heard from here on; any made while not listening is looked for.
                revocations.hearing();
                outage.succeeded();
                LOG.infof("listening for appends on other nodes (channel %s)", config.channel());
                fanout.catchUp();
                receive(connection, pg);
            } catch (SQLException | RuntimeException e) {
                if (running && !outage.failed(e)) {
                    LOG.warnf("lost the LISTEN connection (%s); other nodes' events arrive by the %s poll until it is back",
                            e.getMessage(), config.pollInterval());
                }
            } finally {
                if (listening.getAndSet(false)) {
                    revocations.deaf();
                }
            }
            pause(config.reconnectDelay().toMillis());
        }
    }

    private void receive(Connection connection, PGConnection pg) throws SQLException {
        long quietSince = System.nanoTime();
        while (running) {
            PGNotification[] notifications = pg.getNotifications(WAIT_MS);
            if (notifications != null && notifications.length > 0) {
                quietSince = System.nanoTime();
                for (PGNotification notification : notifications) {
                    wakeUps.increment();
                    String payload = notification.getParameter();
                    WakeUp.parse(payload).ifPresent(w -> fanout.wake(w.roomId(), w.seq()));
                    Revoked.parse(payload).ifPresent(r -> revocations.revoke(r.userId(), r.tokenHash()));
                }
            } else if (System.nanoTime() - quietSince > TimeUnit.MILLISECONDS.toNanos(config.checkAfter().toMillis())) {
                // A connection that died quietly never reports it by itself: ask it something.
                try (Statement statement = connection.createStatement()) {
                    statement.setQueryTimeout(5);
                    statement.execute("SELECT 1");
                }
                quietSince = System.nanoTime();
            }
        }
    }

    private static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    private void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
