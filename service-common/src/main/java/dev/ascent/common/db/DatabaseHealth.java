package dev.ascent.common.db;

import io.grpc.BindableService;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.protobuf.services.HealthStatusManager;
import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.jdbc.DataSourceResolver;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps {@code grpc.health.v1.Health} truthful: SERVING only while the database answers. Checked at start-up and
 * every few seconds; on shutdown every service turns NOT_SERVING first, so load balancers stop sending new calls
 * while the server lets in-flight calls finish.
 */
@Singleton
public class DatabaseHealth {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseHealth.class);

    private final DataSource dataSource;
    private final HealthStatusManager health;
    private final List<String> serviceNames;
    private final AtomicReference<ServingStatus> current = new AtomicReference<>();
    private volatile String lastError = "";

    public DatabaseHealth(DataSource dataSource, DataSourceResolver resolver, HealthStatusManager health,
                          List<BindableService> services) {
        // The injected data source only hands out the current transaction's connection; probe the pool itself.
        this.dataSource = resolver.resolve(dataSource);
        this.health = health;
        this.serviceNames = services.stream()
                .map(s -> s.bindService().getServiceDescriptor().getName())
                .filter(name -> name.startsWith("ascent."))
                .toList();
    }

    @EventListener
    void onStartup(StartupEvent event) {
        check();
    }

    @Scheduled(fixedDelay = "${ascent.health.interval:2s}", initialDelay = "${ascent.health.interval:2s}")
    void check() {
        ServingStatus status = databaseAnswers() ? ServingStatus.SERVING : ServingStatus.NOT_SERVING;
        ServingStatus previous = current.getAndSet(status);
        if (previous == status) {
            return;
        }
        if (status == ServingStatus.SERVING) {
            LOG.info("database answers: SERVING");
        } else {
            LOG.warn("database does not answer ({}): NOT_SERVING", lastError);
        }
        health.setStatus(HealthStatusManager.SERVICE_NAME_ALL_SERVICES, status);
        serviceNames.forEach(name -> health.setStatus(name, status));
    }

    public boolean serving() {
        return current.get() == ServingStatus.SERVING;
    }

    @EventListener
    void onShutdown(ShutdownEvent event) {
        LOG.info("stopped");
        health.enterTerminalState();
    }

    private boolean databaseAnswers() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(2);
        } catch (SQLException | RuntimeException e) {
            LOG.debug("database check failed", e);
            lastError = e.toString();
            return false;
        }
    }
}
