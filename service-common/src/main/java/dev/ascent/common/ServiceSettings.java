package dev.ascent.common;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Settings of one service, read from the environment once at start-up and handed to Micronaut as properties.
 * With no database URL the service uses an H2 file database in MySQL mode under the data directory.
 *
 * @param bind the address the gRPC server listens on ({@code ASCENT_BIND}, default {@code 127.0.0.1}: the services
 *             speak plain text, so they are reachable from this machine only unless told otherwise)
 */
public record ServiceSettings(
        ServiceSpec spec,
        Path home,
        int port,
        String dbUrl,
        String dbUser,
        String dbPassword,
        Map<String, Object> extra,
        String bind) {

    /** Where the tracker finds the content service. */
    public static final String CONTENT_TARGET_VARIABLE = "ASCENT_CONTENT_TARGET";
    /** Where the content service confirms the admin token (the tracker owns tokens and their revocation). */
    public static final String TRACKER_TARGET_VARIABLE = "ASCENT_TRACKER_TARGET";

    public static final String HOME_VARIABLE = "ASCENT_HOME";
    public static final String BIND_VARIABLE = "ASCENT_BIND";
    public static final String DEFAULT_BIND = "127.0.0.1";
    /** PEM certificate chain and PKCS#8 private key: with both set the service serves TLS only. */
    public static final String TLS_CERT_VARIABLE = "ASCENT_TLS_CERT_FILE";

    public static final String TLS_KEY_VARIABLE = "ASCENT_TLS_KEY_FILE";
    /** PEM certificates trusted when calling the other service over TLS (default: the service's own certificate). */
    public static final String TLS_CA_VARIABLE = "ASCENT_TLS_CA_FILE";

    public static final int DEFAULT_POOL_SIZE = 10;

    private static final List<String> MYSQL_DEFAULTS = List.of(
            "useServerPrepStmts=true",
            "cachePrepStmts=true",
            "prepStmtCacheSize=250",
            "prepStmtCacheSqlLimit=8192",
            "useLocalSessionState=true",
            "cacheServerConfiguration=true",
            "rewriteBatchedStatements=true");
    /**
     * MySQL's dialect, and no result reuse: H2 hands a session the last result of a query again while no table it
     * read has a newer modification id, and a commit does not move that id, so a read under a plan's lock could get
     * rows read before another writer's commit, and lose its update (H2FreshReadsTest).
     */
    public static final String H2_OPTIONS = ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;OPTIMIZE_REUSE_RESULTS=FALSE";

    /** Settings on the default address, {@code 127.0.0.1}. */
    public ServiceSettings(
            ServiceSpec spec,
            Path home,
            int port,
            String dbUrl,
            String dbUser,
            String dbPassword,
            Map<String, Object> extra) {
        this(spec, home, port, dbUrl, dbUser, dbPassword, extra, DEFAULT_BIND);
    }

    public static ServiceSettings fromEnvironment(ServiceSpec spec, Map<String, String> env) {
        Path home = Path.of(env.getOrDefault(HOME_VARIABLE, System.getProperty("user.home") + "/.ascent"))
                .toAbsolutePath()
                .normalize();
        int port = parsePort(spec, env.get(spec.portVariable()));
        String bind = parseBind(env.get(BIND_VARIABLE));
        Map<String, Object> extra = new LinkedHashMap<>();
        putIfSet(extra, "ascent.content.target", env.get(CONTENT_TARGET_VARIABLE));
        putIfSet(extra, "ascent.tracker.target", env.get(TRACKER_TARGET_VARIABLE));
        putIfSet(extra, "ascent.admin-token", env.get(AdminToken.VARIABLE));
        // Tracker: how long request ids are remembered, and how long a retry may still get a token's secret.
        putIfSet(extra, "ascent.request-log.retention", env.get("ASCENT_REQUEST_LOG_RETENTION"));
        putIfSet(extra, "ascent.request-log.secret-window", env.get("ASCENT_REQUEST_LOG_SECRET_WINDOW"));
        extra.put("datasources.default.maximum-pool-size", poolSize(spec, env.get(spec.dbPoolSizeVariable())));
        tls(env, extra);
        String url = env.get(spec.dbUrlVariable());
        if (url == null || url.isBlank()) {
            return new ServiceSettings(
                    spec, home, port, embeddedUrl(home.resolve(spec.name()).resolve("db")), "sa", "", extra, bind);
        }
        return new ServiceSettings(
                spec,
                home,
                port,
                url.trim(),
                env.getOrDefault(spec.dbUserVariable(), ""),
                env.getOrDefault(spec.dbPasswordVariable(), ""),
                extra,
                bind);
    }

    /**
     * Connector/J options for a small service's hot paths, unless the URL sets them: statements prepared once per
     * connection on the server and kept (no parse per call), and session state (autocommit, isolation, read-only)
     * tracked by the driver instead of asked of the server (docs/PERFORMANCE.md, third round). Statements up to 8 KB
     * are kept: LogTime's batch UPDATE over 32 items is about 3 KB, and one not kept is prepared and closed again on
     * every batch (docs/PERFORMANCE.md, seventh round).
     */
    public static String withDriverDefaults(String url) {
        if (url.startsWith("jdbc:h2:")) {
            // Any H2 URL, the operator's own too: result reuse loses updates (see H2_OPTIONS).
            return url.matches("(?is).*;OPTIMIZE_REUSE_RESULTS=.*") ? url : url + ";OPTIMIZE_REUSE_RESULTS=FALSE";
        }
        if (!url.startsWith("jdbc:mysql:")) {
            return url;
        }
        StringBuilder out = new StringBuilder(url);
        char separator = url.contains("?") ? '&' : '?';
        for (String option : MYSQL_DEFAULTS) {
            String key = option.substring(0, option.indexOf('=') + 1);
            if (!url.matches("(?is).*[?&]" + Pattern.quote(key) + ".*")) {
                out.append(separator).append(option);
                separator = '&';
            }
        }
        return out.toString();
    }

    /** An IP address literal (a host name would make the listening address depend on name resolution). */
    static String parseBind(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_BIND;
        }
        String address = value.strip();
        String literal =
                address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1) : address;
        if (literal.matches("\\d{1,3}(\\.\\d{1,3}){3}|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*")) {
            try {
                return InetAddress.getByName(literal).getHostAddress();
            } catch (UnknownHostException e) {
                // reported below
            }
        }
        throw new StartupException(BIND_VARIABLE + " must be an IP address of this machine (127.0.0.1, 0.0.0.0 for"
                + " every interface, ::1, ...), not '" + value + "'");
    }

    /**
     * TLS from the environment: the server's certificate and key (both or neither, each a readable file), and what
     * calls to the other service trust: the CA file, else the server's own certificate. Without any, plain text.
     */
    private static void tls(Map<String, String> env, Map<String, Object> extra) {
        String cert = readable(env, TLS_CERT_VARIABLE);
        String key = readable(env, TLS_KEY_VARIABLE);
        String ca = readable(env, TLS_CA_VARIABLE);
        if ((cert == null) != (key == null)) {
            throw new StartupException("set both " + TLS_CERT_VARIABLE + " and " + TLS_KEY_VARIABLE
                    + " to serve TLS, or neither for plain text");
        }
        if (cert != null) {
            extra.put("ascent.tls.cert-file", cert);
            extra.put("ascent.tls.key-file", key);
        }
        String trusted = ca != null ? ca : cert;
        if (trusted != null) {
            extra.put("ascent.tls.ca-file", trusted);
        }
    }

    private static String readable(Map<String, String> env, String variable) {
        String value = env.get(variable);
        if (value == null || value.isBlank()) {
            return null;
        }
        Path file = Path.of(value.strip()).toAbsolutePath().normalize();
        if (!java.nio.file.Files.isRegularFile(file) || !java.nio.file.Files.isReadable(file)) {
            throw new StartupException(variable + " names " + file + ", which is not a readable file");
        }
        return file.toString();
    }

    private static void putIfSet(Map<String, Object> map, String key, String value) {
        if (value != null && !value.isBlank()) {
            map.put(key, value.strip());
        }
    }

    public static String embeddedUrl(Path fileWithoutSuffix) {
        return "jdbc:h2:file:" + fileWithoutSuffix + H2_OPTIONS;
    }

    /** Connections in the pool: 10 by default; every call holds at most one at a time. */
    private static int poolSize(ServiceSpec spec, String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_POOL_SIZE;
        }
        try {
            int size = Integer.parseInt(value.trim());
            if (size >= 1 && size <= 1000) {
                return size;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new StartupException(spec.dbPoolSizeVariable() + " must be a number from 1 to 1000, not '" + value + "'");
    }

    private static int parsePort(ServiceSpec spec, String value) {
        if (value == null || value.isBlank()) {
            return spec.defaultPort();
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new StartupException(spec.portVariable() + " must be a port number from 0 to 65535, not '" + value + "'");
    }

    public boolean embedded() {
        return dbUrl.startsWith("jdbc:h2:");
    }

    /** The URL with any password hidden (a {@code password=} parameter or {@code //user:password@host}), for logs. */
    public String safeDbUrl() {
        return dbUrl.replaceAll("(?i)(password=)[^&;]*", "$1***").replaceAll("(//[^/:@]*:)[^@/]*@", "$1***@");
    }

    /** The Micronaut properties that wire this service: gRPC port, datasource, Flyway. */
    public Map<String, Object> properties() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("micronaut.application.name", spec.displayName());
        p.put("ascent.home", home.toString());
        p.put("grpc.server.host", bind);
        p.put("grpc.server.port", port);
        p.put("grpc.server.max-inbound-message-size", spec.maxInboundBytes());
        // Graceful shutdown: stop taking calls, then give in-flight calls this long to finish.
        p.put("grpc.server.await-termination", "30s");
        p.put("datasources.default.url", withDriverDefaults(dbUrl));
        p.put("datasources.default.username", dbUser);
        p.put("datasources.default.password", dbPassword);
        p.put("datasources.default.driver-class-name", embedded() ? "org.h2.Driver" : "com.mysql.cj.jdbc.Driver");
        p.put("datasources.default.dialect", "MYSQL");
        p.put("datasources.default.schema-generate", "NONE");
        // Every statement reads the latest committed rows. Writers lock their aggregate's root row first and read
        // after the lock, so they see every earlier writer's commit; under InnoDB's default REPEATABLE READ they
        // would read a snapshot taken before the lock and write stale values back (docs/ARCHITECTURE.md).
        p.put("datasources.default.transaction-isolation", "TRANSACTION_READ_COMMITTED");
        // While the database is away a call waits this long for a connection, then fails UNAVAILABLE (retryable)
        // instead of hanging for Hikari's default 30 s.
        p.put("datasources.default.connection-timeout", 5000);
        p.put("flyway.datasources.default.enabled", true);
        p.put("flyway.datasources.default.locations", "classpath:db/migration");
        p.putAll(extra);
        return p;
    }
}
