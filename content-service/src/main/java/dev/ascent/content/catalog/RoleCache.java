package dev.ascent.content.catalog;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Assembled roles kept in memory: GetRole is served from here after the first read. An import on this instance
 * invalidates its role at once; entries also expire after {@code ascent.catalog.cache-ttl} (default 30 s) so that
 * imports made through another instance show up without a message bus.
 */
@Singleton
public class RoleCache {

    private record Entry(RoleView view, Instant loaded) {
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    /** Bumped by every invalidation, so a load that raced with an import does not cache what it read before. */
    private final AtomicLong generation = new AtomicLong();
    private final Duration ttl;
    private final Clock clock;

    public RoleCache(@Value("${ascent.catalog.cache-ttl:30s}") Duration ttl, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
    }

    public Optional<RoleView> get(String slug, Function<String, Optional<RoleView>> loader) {
        Instant now = clock.instant();
        Entry entry = entries.get(slug);
        if (entry != null && entry.loaded().plus(ttl).isAfter(now)) {
            return Optional.of(entry.view());
        }
        long before = generation.get();
        Optional<RoleView> loaded = loader.apply(slug);
        if (loaded.isPresent() && generation.get() == before) {
            entries.put(slug, new Entry(loaded.get(), now));
        }
        return loaded;
    }

    public void invalidate(String slug) {
        generation.incrementAndGet();
        entries.remove(slug);
    }
}
