package dev.ascent.client;

import io.grpc.Channel;
import io.grpc.ChannelCredentials;
import io.grpc.ClientInterceptor;
import io.grpc.ClientInterceptors;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.TlsChannelCredentials;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.okhttp.OkHttpChannelBuilder;
import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * The entry point to the Ascent API: one channel to the content service and one to the tracker service, and a
 * typed client per gRPC service.
 *
 * <pre>{@code
 * try (AscentClient ascent = AscentClient.builder()
 *         .contentTarget("localhost:50051").trackerTarget("localhost:50052")
 *         .token(System.getenv("ASCENT_TOKEN")).build()) {
 *     Plan plan = ascent.plans().createPlan(CreatePlanRequest.newBuilder()
 *             .setTargetRole("roles/senior-machine-learning-engineer").setHoursPerWeek(6).build()).getPlan();
 * }
 * }</pre>
 *
 * <p>Manners on the network, the same for every method:
 * <ul>
 *   <li>every unary call carries the {@linkplain Builder#deadline deadline} (default 10 s) unless the caller set one
 *       on a raw stub; streams have none;</li>
 *   <li>the bearer token goes with every call that needs one, and not with the catalog's reads (methods marked
 *       {@code no_credentials} in the contract), so the content service never sees a user's token;</li>
 *   <li>reads, and writes whose request has a {@code request_id} field, are retried on {@code UNAVAILABLE} with
 *       exponential backoff and jitter ({@link RetryPolicy}); an empty {@code request_id} is filled with a random
 *       UUID first, so every attempt carries the same id and the service answers a retry with the first result;</li>
 *   <li>failures arrive as {@link AscentException} subclasses carrying the status and its error details.</li>
 * </ul>
 * Retries live in the client rather than in gRPC's service-config retry so that the request_id is fixed before the
 * first attempt and the policy reads the same for every method. {@link #close()} shuts both channels down.
 * Instances are thread-safe; share one.
 */
public final class AscentClient implements AutoCloseable {

    /** The two services of the platform. */
    public enum Service {
        CONTENT,
        TRACKER
    }

    private final ManagedChannel content;
    private final ManagedChannel tracker;
    private final Duration deadline;
    private final ContentClient contentClient;
    private final AccountClient accounts;
    private final AdminClient admin;
    private final PlanClient plans;
    private final ProgressClient progress;
    private final PracticeClient practice;
    private final MentorshipClient mentorship;
    private final ReviewClient reviews;
    private final ActivityClient activity;
    private final RecallClient recall;
    private final ExportClient exports;

    private final Builder settings;
    private final boolean ownsChannels;

    private AscentClient(Builder b) {
        this(b, channel(b.contentTarget, b), channel(b.trackerTarget, b), true);
    }

    private AscentClient(Builder b, ManagedChannel content, ManagedChannel tracker, boolean ownsChannels) {
        this.settings = b;
        this.ownsChannels = ownsChannels;
        this.content = content;
        this.tracker = tracker;
        this.deadline = b.deadline;
        List<ClientInterceptor> interceptors = new ArrayList<>(b.interceptors);
        // The last interceptor added runs first, so the defaults apply before any of the caller's.
        interceptors.add(new CallDefaults(b.deadline, b.token));
        Channel c = ClientInterceptors.intercept(content, interceptors);
        Channel t = ClientInterceptors.intercept(tracker, interceptors);
        Calls calls = new Calls(b.retryPolicy, () -> {
            content.resetConnectBackoff();
            tracker.resetConnectBackoff();
        });
        this.contentClient = new ContentClient(calls, c);
        this.accounts = new AccountClient(calls, t);
        this.admin = new AdminClient(calls, c, t);
        this.plans = new PlanClient(calls, t);
        this.progress = new ProgressClient(calls, t);
        this.practice = new PracticeClient(calls, t);
        this.mentorship = new MentorshipClient(calls, t);
        this.reviews = new ReviewClient(calls, t);
        this.activity = new ActivityClient(calls, t, b.streamReconnectWindow);
        this.recall = new RecallClient(calls, t);
        this.exports = new ExportClient(calls, t);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The same client acting for another token holder: it shares this client's channels (and so its connections),
     * its deadline, retries and interceptors, and sends {@code token} instead. Closing the view does not close the
     * channels; closing this client does. A server acting for many signed-in users holds one client and takes a view
     * per request.
     */
    public AscentClient withToken(String token) {
        Builder b = new Builder();
        b.contentTarget = settings.contentTarget;
        b.trackerTarget = settings.trackerTarget;
        b.deadline = settings.deadline;
        b.caFile = settings.caFile;
        b.retryPolicy = settings.retryPolicy;
        b.streamReconnectWindow = settings.streamReconnectWindow;
        b.interceptors.addAll(settings.interceptors);
        b.token = token;
        return new AscentClient(b, content, tracker, false);
    }

    /** The catalog: roles, skills, comparisons, checklists, design prompts, search, imports. */
    public ContentClient content() {
        return contentClient;
    }

    /** Users and access tokens. */
    public AccountClient accounts() {
        return accounts;
    }

    /** Administration: the consistency check, backups. Needs the admin token. */
    public AdminClient admin() {
        return admin;
    }

    /** Learning plans and their items. */
    public PlanClient plans() {
        return plans;
    }

    /** Progress summaries and plan activity. */
    public ProgressClient progress() {
        return progress;
    }

    /** System-design practice sessions and stats. */
    public PracticeClient practice() {
        return practice;
    }

    /** Mentor invitations, mentors and mentees. */
    public MentorshipClient mentorship() {
        return mentorship;
    }

    /** Review requests, reviews and comments. */
    public ReviewClient reviews() {
        return reviews;
    }

    /** The live activity stream. */
    public ActivityClient activity() {
        return activity;
    }

    /** Spaced-repetition recall: due cards, reviews, stats and settings. */
    public RecallClient recall() {
        return recall;
    }

    /** Plan exports and imports, and the calendar feed's secret. */
    public ExportClient exports() {
        return exports;
    }

    /** The health of one service as its load balancer would see it; UNKNOWN when it cannot be reached. */
    public ServingStatus health(Service service) {
        try {
            return HealthGrpc.newBlockingStub(channel(service))
                    .withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS)
                    .check(HealthCheckRequest.getDefaultInstance())
                    .getStatus();
        } catch (io.grpc.StatusRuntimeException e) {
            return ServingStatus.UNKNOWN;
        }
    }

    /** The raw channel to one service, without the client's deadline, token or retries. */
    public ManagedChannel channel(Service service) {
        return service == Service.CONTENT ? content : tracker;
    }

    @Override
    public void close() {
        if (!ownsChannels) {
            return;
        }
        content.shutdown();
        tracker.shutdown();
        try {
            if (!content.awaitTermination(5, TimeUnit.SECONDS)) {
                content.shutdownNow();
            }
            if (!tracker.awaitTermination(5, TimeUnit.SECONDS)) {
                tracker.shutdownNow();
            }
        } catch (InterruptedException e) {
            content.shutdownNow();
            tracker.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The transport is OkHttp: a short command spends about half the CPU it spent on Netty, which loads and sets up
     * far more before its first call (docs/PERFORMANCE.md, "CLI start-up").
     */
    private static ManagedChannel channel(String target, Builder b) {
        ChannelCredentials credentials = InsecureChannelCredentials.create();
        if (b.caFile != null) {
            try {
                credentials = TlsChannelCredentials.newBuilder()
                        .trustManager(b.caFile)
                        .build();
            } catch (IOException | RuntimeException e) {
                throw new IllegalArgumentException("cannot use CA file " + b.caFile + ": " + e.getMessage(), e);
            }
        }
        return OkHttpChannelBuilder.forTarget(target, credentials).build();
    }

    /** Settings of an {@link AscentClient}; the defaults talk plain text to both services on localhost. */
    public static final class Builder {
        private String contentTarget = "localhost:50051";
        private String trackerTarget = "localhost:50052";
        private String token;
        private Duration deadline = Duration.ofSeconds(10);
        private File caFile;
        private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
        private Duration streamReconnectWindow = Duration.ofSeconds(60);
        private final List<ClientInterceptor> interceptors = new ArrayList<>();

        private Builder() {}

        /** The content service, as {@code host:port} or any gRPC target URI. */
        public Builder contentTarget(String target) {
            this.contentTarget = Objects.requireNonNull(target);
            return this;
        }

        /** The tracker service, as {@code host:port} or any gRPC target URI. */
        public Builder trackerTarget(String target) {
            this.trackerTarget = Objects.requireNonNull(target);
            return this;
        }

        /**
         * The bearer token, sent with every call that needs credentials (never with the catalog's reads); without
         * one only catalog reads work.
         */
        public Builder token(String token) {
            this.token = token;
            return this;
        }

        /** The deadline of every unary call attempt (default 10 seconds). */
        public Builder deadline(Duration deadline) {
            if (deadline.isNegative() || deadline.isZero()) {
                throw new IllegalArgumentException("deadline must be positive");
            }
            this.deadline = deadline;
            return this;
        }

        /** Use TLS, trusting the certificates in this PEM file; without it the channels are plain text. */
        public Builder caFile(File caFile) {
            this.caFile = caFile;
            return this;
        }

        /** How safe calls are retried on UNAVAILABLE (default {@link RetryPolicy#DEFAULT}). */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy);
            return this;
        }

        /**
         * How long {@link ActivityClient#follow} keeps reconnecting a live stream that broke with UNAVAILABLE before
         * it gives up (default 60 seconds, enough for a tracker restart). Waits between attempts follow the retry
         * policy's backoff; with {@link RetryPolicy#NONE} the stream is not reconnected.
         */
        public Builder streamReconnectWindow(Duration window) {
            if (window.isNegative()) {
                throw new IllegalArgumentException("streamReconnectWindow must not be negative");
            }
            this.streamReconnectWindow = window;
            return this;
        }

        /** An extra interceptor on both channels, for metrics or tracing; it sees every attempt of a call. */
        public Builder intercept(ClientInterceptor interceptor) {
            this.interceptors.add(Objects.requireNonNull(interceptor));
            return this;
        }

        public AscentClient build() {
            return new AscentClient(this);
        }
    }
}
