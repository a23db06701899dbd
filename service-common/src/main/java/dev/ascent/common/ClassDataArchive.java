package dev.ascent.common;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Makes a class-data archive (AppCDS, {@code -XX:SharedArchiveFile}): the classes a program loads, already parsed
 * and verified, mapped into memory at start instead of read from its jar (docs/PERFORMANCE.md, "Start-up").
 *
 * <p>{@code ClassDataArchive ARCHIVE JAVA_ARGUMENT...} runs {@code java -XX:ArchiveClassesAtExit=... JAVA_ARGUMENT...}
 * (a training run: the program as it is run for real, with the same JVM options and the same jar), which writes the
 * archive as it exits. It writes under a temporary name, renamed into place only when complete: a JVM handed a
 * truncated archive can crash. The build runs it for the services and the CLI after shading their jars, and
 * {@code ./ascent} when an archive is missing. Uses the JDK only, so any jar that holds this class can run it.
 */
public final class ClassDataArchive {

    private ClassDataArchive() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: ClassDataArchive ARCHIVE JAVA_ARGUMENT...");
            System.exit(2);
        }
        if (!create(Path.of(args[0]).toAbsolutePath(), List.of(args).subList(1, args.length))) {
            // Without an archive the program only starts slower; the build goes on.
            System.err.println("class-data archive " + args[0] + " not created; the program starts without it");
        }
    }

    static boolean create(Path archive, List<String> javaArguments) throws IOException, InterruptedException {
        Path tmp = archive.resolveSibling(
                archive.getFileName() + ".tmp" + ProcessHandle.current().pid());
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-XX:ArchiveClassesAtExit=" + tmp);
        // The dump lists every class it cannot archive (Java 5 class files, JFR's); none of that is news.
        command.add("-Xlog:cds=off,cds+dynamic=off");
        command.addAll(javaArguments);
        Path output = Files.createTempFile("ascent-cds", ".log");
        Process p = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        try {
            boolean exited = p.waitFor(180, TimeUnit.SECONDS);
            if (!exited || p.exitValue() != 0 || !Files.isRegularFile(tmp)) {
                p.destroyForcibly();
                System.err.println(String.join(" ", command) + (exited ? ": exit " + p.exitValue() : ": timed out")
                        + "\n" + Files.readString(output));
                return false;
            }
            Files.move(tmp, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } finally {
            Files.deleteIfExists(tmp);
            Files.deleteIfExists(output);
        }
    }
}
