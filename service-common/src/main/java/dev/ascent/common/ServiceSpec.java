package dev.ascent.common;

/**
 * The fixed facts about one service: its short name, the prefix of its environment variables and its default port.
 *
 * @param name         short name, also the sub-directory of the data directory ({@code content})
 * @param envPrefix    prefix of the service's variables ({@code ASCENT_CONTENT} gives {@code ASCENT_CONTENT_PORT})
 * @param defaultPort  the gRPC port when the variable is unset
 * @param maxInboundBytes the largest request message the server accepts; larger ones get RESOURCE_EXHAUSTED
 *                        before any of it is parsed
 */
public record ServiceSpec(String name, String envPrefix, int defaultPort, int maxInboundBytes) {

    public static final int DEFAULT_MAX_INBOUND_BYTES = 4 * 1024 * 1024;

    public ServiceSpec(String name, String envPrefix, int defaultPort) {
        this(name, envPrefix, defaultPort, DEFAULT_MAX_INBOUND_BYTES);
    }

    public String displayName() {
        return name + "-service";
    }

    public String portVariable() {
        return envPrefix + "_PORT";
    }

    public String dbUrlVariable() {
        return envPrefix + "_DB_URL";
    }

    public String dbUserVariable() {
        return envPrefix + "_DB_USER";
    }

    public String dbPasswordVariable() {
        return envPrefix + "_DB_PASSWORD";
    }

    public String dbPoolSizeVariable() {
        return envPrefix + "_DB_POOL_SIZE";
    }
}
