package dev.ascent.tracker.recall;

import dev.ascent.common.db.InstantMicros;
import dev.ascent.common.error.ApiException;
import dev.ascent.tracker.access.AccessPolicy;
import dev.ascent.tracker.account.Caller;
import dev.ascent.tracker.account.Ids;
import dev.ascent.tracker.account.UserRow;
import dev.ascent.tracker.activity.ActivityLog;
import dev.ascent.tracker.activity.ActivityType;
import dev.ascent.tracker.grpc.Days;
import dev.ascent.tracker.recall.fsrs.CardState;
import dev.ascent.tracker.recall.fsrs.FsrsParameters;
import dev.ascent.tracker.recall.fsrs.Rating;
import dev.ascent.tracker.recall.fsrs.ScheduledCard;
import dev.ascent.tracker.recall.fsrs.Scheduler;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * Recall cards of their owner: creation by hand, due lists, reviews, suspension and deletion. Only the owner reads
 * or writes cards; an active mentor gets PERMISSION_DENIED (they may read {@link RecallStats} only), anyone else
 * NOT_FOUND. Every write to a card locks its row first.
 */
@Singleton
public class RecallService {

    private final RecallStore store;
    private final AccessPolicy access;
    private final ActivityLog activity;
    private final Clock clock;

    public RecallService(RecallStore store, AccessPolicy access, ActivityLog activity, Clock clock) {
        this.store = store;
        this.access = access;
        this.activity = activity;
        this.clock = clock;
    }

    /** A page of due cards, with the total due and what the daily limit leaves for today (-1: no limit). */
    public record DuePage(List<RecallCardRow> cards, int dueCount, int remainingToday) {}

    @Transactional
    public RecallCardRow create(Caller caller, String handle, String front, String back) {
        UserRow owner = cardOwner(caller, handle, "users/" + handle);
        long id = Ids.next(clock);
        Instant now = clock.instant();
        store.insertIfAbsent(new RecallStore.NewCard(
                id, owner.id(), RecallCardRow.MANUAL, "manual:" + id, "", null, front, back, now));
        return store.find(owner.id(), id).orElseThrow();
    }

    /**
     * Up to {@code limit} due cards from {@code offset}, oldest due first, never past what the daily limit leaves
     * for today (reviews already done today count against it).
     */
    @Transactional
    public DuePage due(Caller caller, String handle, int limit, int offset) {
        UserRow owner = cardOwner(caller, handle, "users/" + handle);
        RecallSettingsRow settings = settings(owner.id());
        long now = InstantMicros.toMicros(clock.instant());
        int dueCount = store.dueBefore(owner.id(), now + 1);
        int remaining = settings.dailyLimit() == 0
                ? -1
                : Math.max(0, settings.dailyLimit() - store.reviewsOn(owner.id(), today(settings)));
        int shown = remaining < 0 ? dueCount : Math.min(dueCount, remaining);
        int fetch = Math.min(limit, Math.max(0, shown - offset));
        List<RecallCardRow> rows = fetch == 0 ? List.of() : store.due(owner.id(), now, fetch, offset);
        return new DuePage(rows, dueCount, remaining);
    }

    @Transactional
    public RecallCardRow review(Caller caller, RecallNames.CardName name, Rating rating, String etag) {
        Locked locked = lock(caller, name, etag);
        RecallCardRow card = locked.card;
        if (card.suspended()) {
            throw ApiException.failedPrecondition(
                    "CARD_SUSPENDED", name.name() + " is suspended; unsuspend it " + "before reviewing");
        }
        RecallSettingsRow settings = settings(locked.owner.id());
        Instant now = clock.instant();
        ScheduledCard before = card.scheduled();
        ScheduledCard next =
                new Scheduler(FsrsParameters.defaults(settings.desiredRetention())).review(before, rating, now);
        long elapsed = before.lastReview() == null
                ? 0
                : Duration.between(before.lastReview(), now).toDays();
        boolean lapse = rating == Rating.AGAIN && before.state() == CardState.REVIEW;
        store.reviewed(card.id(), next, lapse, now);
        store.insertReview(Ids.next(clock), card, rating.grade(), elapsed, next, now, today(settings));
        // No plan id: a review is the owner's recall activity, not a change to a plan (and takes no plan lock).
        activity.record(ActivityLog.Event.of(
                        card.userId(),
                        null,
                        null,
                        caller.userId(),
                        ActivityType.RECALL_REVIEWED,
                        "Reviewed a recall card: " + rating + ", next due " + next.due())
                .withSubject(name.name()));
        return store.find(card.userId(), card.id()).orElseThrow();
    }

    @Transactional
    public RecallCardRow suspend(Caller caller, RecallNames.CardName name, boolean suspended) {
        RecallCardRow card = lock(caller, name, "").card;
        if (card.suspended() != suspended) {
            store.setSuspended(card.id(), suspended, clock.instant());
        }
        return store.find(card.userId(), card.id()).orElseThrow();
    }

    @Transactional
    public void delete(Caller caller, RecallNames.CardName name) {
        RecallCardRow card = lock(caller, name, "").card;
        store.delete(card.userId(), card.id(), clock.instant());
    }

    RecallSettingsRow settings(long userId) {
        return store.settings(userId).orElse(RecallSettingsRow.DEFAULTS);
    }

    /** Today in the settings' time zone. */
    int today(RecallSettingsRow settings) {
        return Days.today(clock, settings.timeZone());
    }

    static long startOfDayMicros(int epochDay, String zone) {
        return InstantMicros.toMicros(
                LocalDate.ofEpochDay(epochDay).atStartOfDay(ZoneId.of(zone)).toInstant());
    }

    private record Locked(UserRow owner, RecallCardRow card) {}

    private Locked lock(Caller caller, RecallNames.CardName name, String etag) {
        UserRow owner = cardOwner(caller, name.handle(), name.name());
        RecallCardRow card =
                store.lock(owner.id(), name.cardId()).orElseThrow(() -> ApiException.notFound(name.name()));
        if (etag != null && !etag.isEmpty() && !etag.equals(card.etag())) {
            throw ApiException.aborted(
                    "STALE_ETAG", name.name() + " changed since etag " + etag + "; read it again and retry");
        }
        return new Locked(owner, card);
    }

    /** The owner, for the owner only: a mentor may read recall stats but not the cards. */
    private UserRow cardOwner(Caller caller, String handle, String resource) {
        UserRow owner = access.readableOwner(caller, handle, resource);
        if (owner.id() != caller.userId()) {
            throw ApiException.permissionDenied(
                    "recall cards are private to " + owner.name() + "; mentors may read their recall stats only");
        }
        return owner;
    }
}
