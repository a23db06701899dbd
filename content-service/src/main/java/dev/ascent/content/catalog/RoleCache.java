package dev.ascent.content.catalog;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Assembled roles kept in memory: GetRole is served from here after the first read. An import on this instance
 * invalidates its role at once; entries also expire after {@code ascent.catalog.cache-ttl} (default 30 s) so that
 * imports made through another instance show up without a message bus. The same holds for the roles' title order
 * (ListRoles): an import here drops it at once, another instance's import shows within the TTL. A revision check
 * per call would be one more query per ListRoles, which is what this cache is there to save.
 */
@Singleton
public class RoleCache {

    private record Entry(RoleView view, Instant loaded) {}

    /** The slugs of all roles by title, valid while no invalidation happened since {@code generation} was read. */
    private record Order(List<String> slugs, Instant loaded, long generation) {}

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    /** Bumped by every invalidation, so a load that raced with an import does not cache what it read before. */
    private final AtomicLong generation = new AtomicLong();

    private volatile Order order;
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

    /** Every role's slug ordered by title, from memory while fresh (one query per TTL, or after an import). */
    public List<String> titleOrder(Supplier<List<String>> loader) {
        Instant now = clock.instant();
        Order kept = order;
        if (kept != null
                && kept.generation() == generation.get()
                && kept.loaded().plus(ttl).isAfter(now)) {
            return kept.slugs();
        }
        long before = generation.get();
        List<String> loaded = List.copyOf(loader.get());
        // Kept with the generation read before the load: an import during the load makes it stale at once.
        order = new Order(loaded, now, before);
        return loaded;
    }

    public void invalidate(String slug) {
        generation.incrementAndGet();
        entries.remove(slug);
    }
}
