package dev.ascent.web;

import io.micronaut.runtime.Micronaut;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Map;

/**
 * The web app: {@code ASCENT_WEB_PORT} (default 8080) on {@code ASCENT_BIND} (default 127.0.0.1), the services at {@code ASCENT_CONTENT_TARGET} and
 * {@code ASCENT_TRACKER_TARGET}. A taken port ends the process with one line and exit code 2, as the services do.
 */
public final class WebApplication {

    public static final int EXIT_BAD_SETTINGS = 2;

    private WebApplication() {}

    public static void main(String[] args) {
        Map<String, Object> properties;
        try {
            properties = WebSettings.fromEnvironment(System.getenv()).properties();
        } catch (IllegalArgumentException e) {
            System.err.println("web: " + e.getMessage());
            System.exit(EXIT_BAD_SETTINGS);
            return;
        }
        int port = (Integer) properties.get("micronaut.server.port");
        if (!portFree((String) properties.get("micronaut.server.host"), port)) {
            System.err.println("web: port " + port + " is already in use; set ASCENT_WEB_PORT to a free port");
            System.exit(EXIT_BAD_SETTINGS);
        }
        Micronaut.build(args)
                .mainClass(WebApplication.class)
                .banner(false)
                .properties(properties)
                .start();
    }

    private static boolean portFree(String host, int port) {
        if (port == 0) {
            return true;
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(host, port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
