package dev.ascent.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code ascent} command. */
@Command(name = "ascent", mixinStandardHelpOptions = true, version = "ascent 0.1.0",
        description = "Career-guide catalog, learning plans, practice and mentor reviews, from the terminal.",
        subcommands = {HealthCommand.class})
public final class AscentCli {

    public static void main(String[] args) {
        System.exit(new CommandLine(new AscentCli()).execute(args));
    }
}
