package dev.ascent.cli;

import java.util.HashSet;
import java.util.Set;

/**
 * The two commands people run most, {@code ascent whoami} and {@code ascent plan show [PLAN]}, with no option but
 * {@code --json} and {@code --wide}, run without picocli. Setting picocli up was the largest part of such a
 * command's start-up (docs/PERFORMANCE.md, "CLI start-up"): its ~170 classes are Java 5 class files, which the JDK's
 * class-data archive cannot hold, and its first use registers converters by reflection; a hand-built command spec
 * would still pay all of that. Any other argument (help, a connection option, a typo) goes through picocli as
 * before; HotPathTest checks that both ways print the same and exit the same.
 */
final class HotPath {

    private HotPath() {}

    /** The command's exit code, or null when {@code args} are not one of the hot commands in its plain form. */
    static Integer run(Cli cli, String... args) {
        ClientCommand command = command(cli, args);
        if (command == null) {
            return null;
        }
        try {
            return command.call();
        } catch (RuntimeException e) {
            return AscentCli.failed(cli, e, command.flags());
        }
    }

    /** The command {@code args} name, its fields set as picocli would set them; null when picocli must parse. */
    static ClientCommand command(Cli cli, String... args) {
        int operands;
        ClientCommand command;
        if (args.length >= 1 && args[0].equals("whoami")) {
            operands = 1;
            command = new LoginCommand.Whoami(cli);
        } else if (args.length >= 2 && args[0].equals("plan") && args[1].equals("show")) {
            operands = 2;
            command = new PlanCommands.Show(cli);
        } else {
            return null;
        }
        Set<String> flags = new HashSet<>();
        String positional = null;
        for (int i = operands; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--json") || a.equals("--wide")) {
                if (!flags.add(a)) {
                    return null;
                }
            } else if (command instanceof PlanCommands.Show
                    && positional == null
                    && !a.isEmpty()
                    && !a.startsWith("-")
                    && !a.startsWith("@")) {
                positional = a;
            } else {
                return null;
            }
        }
        command.connection = new Connection();
        command.json = flags.contains("--json");
        command.wide = flags.contains("--wide");
        if (command instanceof PlanCommands.Show show) {
            show.plan = positional;
        }
        return command;
    }
}
