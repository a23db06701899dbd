package dev.ascent.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassDataArchiveTest {

    @TempDir
    Path dir;

    /** The training program: loads a class of its own jar and says so. */
    public static void main(String[] args) {
        System.out.println("trained " + (args.length > 0 ? args[0] : ""));
    }

    /** A jar holding this class alone (the JVM archives classes from jars only, not from directories). */
    private Path jar() throws Exception {
        Path jar = dir.resolve("probe.jar");
        String entry = ClassDataArchiveTest.class.getName().replace('.', '/') + ".class";
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
                InputStream in = ClassDataArchiveTest.class.getClassLoader().getResourceAsStream(entry)) {
            out.putNextEntry(new JarEntry(entry));
            in.transferTo(out);
        }
        return jar;
    }

    private static Process java(List<String> args) throws Exception {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(args);
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    @Test
    void theArchiveMapsIntoTheProgramItWasMadeFor() throws Exception {
        Path jar = jar();
        Path archive = dir.resolve("probe.jsa");
        assertTrue(ClassDataArchive.create(
                archive, List.of("-XX:+UseSerialGC", "-cp", jar.toString(), ClassDataArchiveTest.class.getName())));
        // -Xshare:on refuses to start when the archive cannot be mapped, so a start proves it fits.
        Process p = java(List.of(
                "-Xshare:on",
                "-XX:SharedArchiveFile=" + archive,
                "-XX:+UseSerialGC",
                "-Xlog:class+load",
                "-cp",
                jar.toString(),
                ClassDataArchiveTest.class.getName(),
                "again"));
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        assertTrue(out.contains("trained again"), out);
        assertTrue(out.contains(ClassDataArchiveTest.class.getName() + " source: shared objects file (top)"), out);
        assertEquals(List.of(archive), files());
    }

    @Test
    void aFailedTrainingLeavesNoArchiveAndNoPartialFile() throws Exception {
        Path archive = dir.resolve("probe.jsa");
        assertFalse(ClassDataArchive.create(archive, List.of("-cp", dir.toString(), "NoSuchMainClass")));
        assertEquals(List.of(), files());
    }

    private List<Path> files() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> !p.getFileName().toString().endsWith(".jar"))
                    .sorted()
                    .toList();
        }
    }
}
