package dev.ascent.cli;

import java.nio.file.Path;
import java.util.Properties;
import java.util.TreeSet;

/**
 * The named profiles of the config file: each holds a token, its handle, the service addresses, an optional CA file
 * and the current plan per user ({@code plan.<handle>}). Stored as {@code profile.<name>.<key>}; {@code profile}
 * names the default one. A file written before profiles existed (flat {@code token}, {@code content}, ... keys) reads
 * as the profile "default".
 */
final class Profiles {

    static final String DEFAULT = "default";
    private static final String PREFIX = "profile.";

    private final Path file;
    private final Properties values;

    private Profiles(Path file, Properties values) {
        this.file = file;
        this.values = values;
    }

    static Profiles load(Cli cli) {
        Path file = cli.configFile();
        return new Profiles(file, Config.load(file));
    }

    Path file() {
        return file;
    }

    /** --profile, else $ASCENT_PROFILE, else the file's default, else "default". */
    String selected(String flag, Cli cli) {
        if (flag != null && !flag.isBlank()) {
            return flag.strip();
        }
        if (cli.env("ASCENT_PROFILE") != null) {
            return cli.env("ASCENT_PROFILE").strip();
        }
        String chosen = values.getProperty("profile");
        return chosen == null || chosen.isBlank() ? DEFAULT : chosen;
    }

    String defaultProfile() {
        return values.getProperty("profile");
    }

    String get(String profile, String key) {
        String v = values.getProperty(PREFIX + profile + "." + key);
        if (v == null && profile.equals(DEFAULT)) {
            v = values.getProperty(key);
        }
        return v;
    }

    void set(String profile, String key, String value) {
        if (value == null) {
            values.remove(PREFIX + profile + "." + key);
        } else {
            values.setProperty(PREFIX + profile + "." + key, value);
        }
        if (profile.equals(DEFAULT)) {
            values.remove(key);
        }
    }

    boolean exists(String profile) {
        return get(profile, "token") != null;
    }

    void use(String profile) {
        values.setProperty("profile", profile);
    }

    void remove(String profile) {
        values.stringPropertyNames().stream()
                .filter(k -> k.startsWith(PREFIX + profile + "."))
                .forEach(values::remove);
        if (profile.equals(DEFAULT)) {
            for (String k : new String[] {"token", "handle", "content", "tracker", "ca-file"}) {
                values.remove(k);
            }
        }
        if (profile.equals(values.getProperty("profile"))) {
            values.remove("profile");
        }
    }

    TreeSet<String> names() {
        TreeSet<String> out = new TreeSet<>();
        for (String k : values.stringPropertyNames()) {
            if (k.startsWith(PREFIX) && k.endsWith(".token")) {
                out.add(k.substring(PREFIX.length(), k.length() - ".token".length()));
            }
        }
        if (values.getProperty("token") != null) {
            out.add(DEFAULT);
        }
        return out;
    }

    void save() {
        Config.save(file, values);
    }
}
