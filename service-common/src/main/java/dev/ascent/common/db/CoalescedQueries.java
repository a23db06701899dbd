package dev.ascent.common.db;

import io.micronaut.data.connection.ConnectionDefinition;
import io.micronaut.data.connection.ConnectionOperations;
import java.sql.Connection;
import java.util.Set;

/**
 * A query by key that callers holding no connection share ({@link CoalescedReads}): the read runs on a connection of
 * its own, in autocommit, so it sees every commit made before it began. A caller that holds a connection (inside a
 * write's transaction, or a borrowed one) reads its key there instead, as any statement of its own would: a shared
 * read must never run in someone's transaction, and waiting for one while holding a connection could leave the pool
 * empty for the read that would answer it.
 *
 * @param <K> the key
 * @param <V> the value; null for a key the query does not answer
 */
public final class CoalescedQueries<K, V> {

    private final ConnectionOperations<Connection> connections;
    private final CoalescedReads.BatchRead<K, V> read;
    private final CoalescedReads<K, V> shared;

    public CoalescedQueries(
            ConnectionOperations<Connection> connections, int maxKeys, CoalescedReads.BatchRead<K, V> read) {
        this.connections = connections;
        this.read = read;
        this.shared = new CoalescedReads<>(
                keys -> connections.execute(ConnectionDefinition.REQUIRES_NEW, status -> read.read(keys)), maxKeys);
    }

    public V get(K key) {
        return connections.findConnectionStatus().isPresent()
                ? read.read(Set.of(key)).get(key)
                : shared.get(key);
    }
}
