package dev.ascent.common.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.data.connection.ConnectionDefinition;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.data.connection.ConnectionStatus;
import io.micronaut.data.connection.ConnectionSynchronization;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Where a shared read runs. The connection scope here is a stand-in that only records what it was asked (which
 * scope a read was given, and whether the caller holds one); the reads themselves are CoalescedReadsTest's, and the
 * queries' behaviour on H2 and MariaDB is KeptReadsContract's.
 */
class CoalescedQueriesTest {

    /** A connection scope that records the definitions it opens; a thread "holds a connection" inside one. */
    private static final class Scopes implements ConnectionOperations<Connection> {
        final List<ConnectionDefinition.Propagation> opened = new CopyOnWriteArrayList<>();
        final ThreadLocal<ConnectionStatus<Connection>> held = new ThreadLocal<>();

        @Override
        public Optional<ConnectionStatus<Connection>> findConnectionStatus() {
            return Optional.ofNullable(held.get());
        }

        @Override
        public <R> R execute(ConnectionDefinition definition, Function<ConnectionStatus<Connection>, R> callback) {
            opened.add(definition.getPropagationBehavior());
            ConnectionStatus<Connection> outer = held.get();
            ConnectionStatus<Connection> status = status(definition);
            held.set(status);
            try {
                return callback.apply(status);
            } finally {
                held.set(outer);
            }
        }

        static ConnectionStatus<Connection> status(ConnectionDefinition definition) {
            return new ConnectionStatus<>() {
                @Override
                public boolean isNew() {
                    return true;
                }

                @Override
                public Connection getConnection() {
                    return null;
                }

                @Override
                public ConnectionDefinition getDefinition() {
                    return definition;
                }

                @Override
                public void registerSynchronization(ConnectionSynchronization synchronization) {}
            };
        }
    }

    private final Scopes scopes = new Scopes();
    private final List<Boolean> readInsideAScope = new CopyOnWriteArrayList<>();
    private final CoalescedQueries<Integer, Integer> queries = new CoalescedQueries<>(scopes, 8, keys -> {
        readInsideAScope.add(scopes.findConnectionStatus().isPresent());
        return Map.of(keys.iterator().next(), keys.iterator().next() * 10);
    });

    @Test
    void aCallerHoldingNoConnectionReadsOnANewOne() {
        assertEquals(30, queries.get(3));
        assertEquals(List.of(ConnectionDefinition.Propagation.REQUIRES_NEW), scopes.opened);
        assertEquals(List.of(true), readInsideAScope);
    }

    @Test
    void aCallerHoldingAConnectionReadsOnItAndOpensNone() {
        int value = scopes.execute(ConnectionDefinition.DEFAULT, status -> queries.get(4));
        assertEquals(40, value);
        assertEquals(List.of(ConnectionDefinition.Propagation.REQUIRED), scopes.opened, "only the caller's own scope");
        assertEquals(List.of(true), readInsideAScope);
    }
}
