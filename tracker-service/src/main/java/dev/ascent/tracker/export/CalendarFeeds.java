package dev.ascent.tracker.export;

import dev.ascent.common.AdminToken;
import dev.ascent.common.db.InstantMicros;
import dev.ascent.common.error.ApiException;
import dev.ascent.tracker.access.AccessPolicy;
import dev.ascent.tracker.account.Caller;
import dev.ascent.tracker.account.Tokens;
import dev.ascent.tracker.account.UserRow;
import dev.ascent.tracker.account.Users;
import dev.ascent.tracker.grpc.Days;
import dev.ascent.tracker.plan.PlanItemRow;
import dev.ascent.tracker.plan.PlanItems;
import dev.ascent.tracker.plan.PlanRow;
import dev.ascent.tracker.plan.PlanView;
import dev.ascent.tracker.plan.Plans;
import dev.ascent.tracker.recall.RecallSettingsRow;
import dev.ascent.tracker.recall.RecallStore;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Calendar feed secrets: made, replaced and revoked by their owner (the user's row locked first, so changes
 * serialize per user), stored as SHA-256 only; and what a feed shows, for whoever holds the secret.
 */
@Singleton
public class CalendarFeeds {

    /** Plans a feed shows at most, newest first. */
    static final int MAX_PLANS = 50;

    private static final String NOT_FOUND = "calendar feed";
    /** Compared against when the user does not exist, so the answer takes as long as for a wrong secret. */
    private static final String NO_HASH = Tokens.hash("no such feed");

    /** A feed as stored: active while {@code hash} is set. */
    public record Feed(String handle, String hash, String prefix, Instant createTime) {
        public boolean active() {
            return hash != null;
        }
    }

    /** A feed with its new secret, shown once. */
    public record Secret(Feed feed, String secret) {}

    /** What a feed shows. */
    public record Contents(UserRow user, List<PlanView> plans, RecallSettingsRow settings, RecallStore.Active cards) {}

    private final AccessPolicy access;
    private final Users users;
    private final Plans plans;
    private final PlanItems items;
    private final RecallStore recall;
    private final JdbcOperations jdbc;
    private final Clock clock;

    public CalendarFeeds(
            AccessPolicy access,
            Users users,
            Plans plans,
            PlanItems items,
            RecallStore recall,
            JdbcOperations jdbc,
            Clock clock) {
        this.access = access;
        this.users = users;
        this.plans = plans;
        this.items = items;
        this.recall = recall;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public Feed get(Caller caller, String handle) {
        UserRow owner = access.writableOwner(caller, handle, feedName(handle));
        return stored(owner).orElse(new Feed(owner.handle(), null, "", null));
    }

    @Transactional
    public Secret create(Caller caller, String handle) {
        UserRow owner = lockOwner(caller, handle);
        if (stored(owner).map(Feed::active).orElse(false)) {
            throw ApiException.alreadyExists(
                    feedName(handle) + " is already active; RotateCalendarFeed replaces its " + "secret");
        }
        return save(owner);
    }

    @Transactional
    public Secret rotate(Caller caller, String handle) {
        UserRow owner = lockOwner(caller, handle);
        if (!stored(owner).map(Feed::active).orElse(false)) {
            throw new ApiException(
                    dev.ascent.common.error.ErrorKind.NOT_FOUND,
                    "FEED_NOT_ACTIVE",
                    feedName(handle) + " is not active; CreateCalendarFeed makes one",
                    List.of());
        }
        return save(owner);
    }

    @Transactional
    public Feed revoke(Caller caller, String handle) {
        UserRow owner = lockOwner(caller, handle);
        long now = InstantMicros.toMicros(clock.instant());
        jdbc.prepareStatement(
                "UPDATE calendar_feed SET secret_hash = NULL, secret_prefix = '', create_time = NULL, "
                        + "revoke_time = ?, update_time = ? WHERE user_id = ? AND secret_hash IS NOT NULL",
                ps -> {
                    ps.setLong(1, now);
                    ps.setLong(2, now);
                    ps.setLong(3, owner.id());
                    return ps.executeUpdate();
                });
        return new Feed(owner.handle(), null, "", null);
    }

    /**
     * The feed of {@code handle}, when {@code secret} is its current secret: the user's plans that are not archived
     * (open items only) and their recall cards. The same NOT_FOUND for an unknown user and a wrong secret.
     */
    @Transactional
    public Contents read(String handle, String secret) {
        Optional<UserRow> user = users.findByHandle(handle);
        String stored = user.flatMap(this::stored).map(Feed::hash).orElse(null);
        byte[] given = Tokens.hash(secret).getBytes(StandardCharsets.US_ASCII);
        boolean match =
                MessageDigest.isEqual(given, (stored == null ? NO_HASH : stored).getBytes(StandardCharsets.US_ASCII));
        if (!match || stored == null) {
            throw ApiException.notFound(NOT_FOUND);
        }
        UserRow owner = user.get();
        List<PlanRow> shown = plans.listForUser(owner.id(), false, MAX_PLANS, 0);
        Map<Long, List<PlanItemRow>> open = shown.isEmpty()
                ? Map.of()
                : items
                        .findByUserIdAndPlanIdIn(
                                owner.id(), shown.stream().map(PlanRow::id).toList())
                        .stream()
                        .filter(PlanItemRow::open)
                        .sorted(Comparator.comparingInt(PlanItemRow::position))
                        .collect(Collectors.groupingBy(PlanItemRow::planId));
        List<PlanView> views = shown.stream()
                .map(p -> new PlanView(
                        p,
                        owner.handle(),
                        open.getOrDefault(p.id(), List.of()),
                        Days.today(clock, p.timeZone()),
                        false))
                .toList();
        return new Contents(
                owner,
                views,
                recall.settings(owner.id()).orElse(RecallSettingsRow.DEFAULTS),
                recall.active(owner.id()));
    }

    static String feedName(String handle) {
        return "users/" + handle + "/calendarFeed";
    }

    private UserRow lockOwner(Caller caller, String handle) {
        UserRow owner = access.writableOwner(caller, handle, feedName(handle));
        return users.lockById(owner.id()).orElseThrow(() -> ApiException.notFound(feedName(handle)));
    }

    private Secret save(UserRow owner) {
        String secret = AdminToken.newSecret();
        Instant now = clock.instant();
        long micros = InstantMicros.toMicros(now);
        String hash = Tokens.hash(secret);
        String prefix = Tokens.prefix(secret);
        int updated = jdbc.prepareStatement(
                "UPDATE calendar_feed SET secret_hash = ?, secret_prefix = ?, "
                        + "create_time = ?, revoke_time = NULL, update_time = ? WHERE user_id = ?",
                ps -> {
                    ps.setString(1, hash);
                    ps.setString(2, prefix);
                    ps.setLong(3, micros);
                    ps.setLong(4, micros);
                    ps.setLong(5, owner.id());
                    return ps.executeUpdate();
                });
        if (updated == 0) {
            jdbc.prepareStatement(
                    "INSERT INTO calendar_feed (user_id, secret_hash, secret_prefix, create_time, "
                            + "revoke_time, update_time) VALUES (?, ?, ?, ?, NULL, ?)",
                    ps -> {
                        ps.setLong(1, owner.id());
                        ps.setString(2, hash);
                        ps.setString(3, prefix);
                        ps.setLong(4, micros);
                        ps.setLong(5, micros);
                        return ps.executeUpdate();
                    });
        }
        return new Secret(new Feed(owner.handle(), hash, prefix, now), secret);
    }

    private Optional<Feed> stored(UserRow owner) {
        return jdbc.prepareStatement(
                "SELECT secret_hash, secret_prefix, create_time FROM calendar_feed " + "WHERE user_id = ?", ps -> {
                    ps.setLong(1, owner.id());
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            return Optional.<Feed>empty();
                        }
                        long created = rs.getLong(3);
                        Instant createTime = rs.wasNull() ? null : InstantMicros.fromMicros(created);
                        return Optional.of(new Feed(owner.handle(), rs.getString(1), rs.getString(2), createTime));
                    }
                });
    }
}
