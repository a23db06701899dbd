package dev.ascent.common.db;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * Whether a database already holds every Flyway migration of the service, unchanged: then a later start can leave
 * Flyway off. Flyway's own check loads and configures its engine (and Jackson) and re-reads the history on every
 * start, which was the largest single step of a later start (docs/PERFORMANCE.md). The comparison is Flyway's:
 * the script name and its checksum (CRC32 of the lines without their line breaks, a leading BOM dropped), so an
 * edited, renamed or new migration still goes through Flyway, which applies it or refuses the start as before.
 */
public final class MigrationState {

    /** Where the services keep their migrations (flyway.datasources.default.locations). */
    public static final String LOCATION = "db/migration";

    private MigrationState() {}

    /** The migrations beside {@code anchor}'s classes: script name (relative to {@link #LOCATION}) to checksum. */
    public static Map<String, Integer> onClasspath(Class<?> anchor) throws IOException {
        Map<String, Integer> out = new TreeMap<>();
        Path source;
        try {
            source = Path.of(
                    anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        if (Files.isDirectory(source)) {
            Path dir = source.resolve(LOCATION);
            if (Files.isDirectory(dir)) {
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path f : files.filter(MigrationState::isSql).toList()) {
                        try (InputStream in = Files.newInputStream(f)) {
                            out.put(f.getFileName().toString(), checksum(in));
                        }
                    }
                }
            }
            return out;
        }
        try (JarFile jar = new JarFile(source.toFile())) {
            for (JarEntry e : jar.stream()
                    .filter(e -> e.getName().startsWith(LOCATION + "/")
                            && !e.isDirectory()
                            && e.getName().endsWith(".sql"))
                    .toList()) {
                try (InputStream in = jar.getInputStream(e)) {
                    out.put(e.getName().substring(LOCATION.length() + 1), checksum(in));
                }
            }
        }
        return out;
    }

    private static boolean isSql(Path p) {
        return p.getFileName().toString().endsWith(".sql");
    }

    /** Flyway's checksum of a SQL migration (its ChecksumCalculator). */
    static int checksum(InputStream in) throws IOException {
        CRC32 crc = new CRC32();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 4096);
        String line = reader.readLine();
        if (line != null && line.startsWith("\uFEFF")) {
            line = line.substring(1);
        }
        while (line != null) {
            crc.update(line.getBytes(StandardCharsets.UTF_8));
            line = reader.readLine();
        }
        return (int) crc.getValue();
    }

    /**
     * True when every migration of {@code migrations} was applied successfully with the same checksum. False when
     * one is missing or changed, or the history cannot be read (no table yet: a fresh database).
     */
    public static boolean upToDate(Connection connection, Map<String, Integer> migrations) {
        if (migrations.isEmpty()) {
            return false;
        }
        Set<String> applied = new HashSet<>();
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT script, checksum, success FROM flyway_schema_history")) {
            while (rs.next()) {
                int checksum = rs.getInt(2);
                if (rs.getBoolean(3) && !rs.wasNull()) {
                    applied.add(rs.getString(1) + "\n" + checksum);
                }
            }
        } catch (SQLException e) {
            return false;
        }
        return migrations.entrySet().stream().allMatch(m -> applied.contains(m.getKey() + "\n" + m.getValue()));
    }
}
