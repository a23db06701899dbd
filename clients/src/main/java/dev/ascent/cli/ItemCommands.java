package dev.ascent.cli;

import com.google.protobuf.FieldMask;
import dev.ascent.client.AscentClient;
import dev.ascent.client.FailedPreconditionException;
import dev.ascent.proto.tracker.v1.LogTimeRequest;
import dev.ascent.proto.tracker.v1.LogTimeResponse;
import dev.ascent.proto.tracker.v1.PlanItem;
import dev.ascent.proto.tracker.v1.PlanItemStatus;
import dev.ascent.proto.tracker.v1.UpdatePlanItemRequest;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ascent item start|done|skip|todo|show|edit|add|move} and {@code ascent log}. */
@Command(
        name = "item",
        mixinStandardHelpOptions = true,
        description = "Show, change and add plan items.",
        subcommands = {
            ItemCommands.Start.class,
            ItemCommands.Done.class,
            ItemCommands.Skip.class,
            ItemCommands.Todo.class,
            ItemDetail.Show.class,
            ItemEdit.Edit.class,
            ItemEdit.Add.class,
            ItemEdit.Move.class
        })
final class ItemCommands implements Runnable {

    static final String ITEM_HELP = "item: its # in the plan, its id, PLAN/ITEM ids, or its full name";

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(
                spec.commandLine(), "name a subcommand: start, done, skip, todo, show, edit, add or move");
    }

    abstract static class SetStatus extends ClientCommand {
        @Parameters(paramLabel = "ITEM", description = ITEM_HELP)
        String item;

        @Option(names = "--plan", paramLabel = "PLAN", description = "plan of the item (default: current plan)")
        String plan;

        @Option(
                names = "--force",
                description = "reopen an item a mentor verified without asking (its approval is " + "withdrawn)")
        boolean force;

        private final PlanItemStatus status;

        SetStatus(Cli cli, PlanItemStatus status) {
            super(cli);
            this.status = status;
        }

        @Override
        int run(AscentClient client) {
            String name = refs(client).item(item, plan);
            PlanItem updated;
            try {
                updated = update(client, name, force);
            } catch (FailedPreconditionException e) {
                if (!e.reason().orElse("").equals("ITEM_VERIFIED")) {
                    throw e;
                }
                Boolean yes = Confirm.yes(
                        cli,
                        "Item " + item + " was verified by your mentor; " + Fmt.en(status, "PLAN_ITEM_STATUS_")
                                + " withdraws that approval. Go ahead?");
                if (yes == null) {
                    throw new CliException(
                            ExitCodes.FAILED,
                            "item " + item + " was verified by a mentor; this "
                                    + "withdraws the approval: run it at a terminal to confirm, or pass --force");
                }
                if (!yes) {
                    cli.out.println("left as it was: done and verified");
                    cli.out.flush();
                    return ExitCodes.FAILED;
                }
                updated = update(client, name, true);
            }
            if (json) {
                Json.print(cli.out, updated);
            } else {
                cli.out.printf("%s: %s%n", updated.getTitle(), Fmt.en(updated.getStatus(), "PLAN_ITEM_STATUS_"));
                cli.out.flush();
            }
            return 0;
        }

        private PlanItem update(AscentClient client, String name, boolean reopen) {
            return client.plans()
                    .updatePlanItem(UpdatePlanItemRequest.newBuilder()
                            .setPlanItem(PlanItem.newBuilder().setName(name).setStatus(status))
                            .setUpdateMask(FieldMask.newBuilder().addPaths("status"))
                            .setAllowReopenVerified(reopen)
                            .build())
                    .getPlanItem();
        }
    }

    @Command(name = "start", mixinStandardHelpOptions = true, description = "Marks an item in progress.")
    static final class Start extends SetStatus {
        Start(Cli cli) {
            super(cli, PlanItemStatus.PLAN_ITEM_STATUS_IN_PROGRESS);
        }
    }

    @Command(name = "done", mixinStandardHelpOptions = true, description = "Marks an item done.")
    static final class Done extends SetStatus {
        Done(Cli cli) {
            super(cli, PlanItemStatus.PLAN_ITEM_STATUS_DONE);
        }
    }

    @Command(name = "skip", mixinStandardHelpOptions = true, description = "Leaves an item out on purpose.")
    static final class Skip extends SetStatus {
        Skip(Cli cli) {
            super(cli, PlanItemStatus.PLAN_ITEM_STATUS_SKIPPED);
        }
    }

    @Command(name = "todo", mixinStandardHelpOptions = true, description = "Puts an item back to do.")
    static final class Todo extends SetStatus {
        Todo(Cli cli) {
            super(cli, PlanItemStatus.PLAN_ITEM_STATUS_TODO);
        }
    }

    @Command(name = "log", mixinStandardHelpOptions = true, description = "Records time spent on an item.")
    static final class Log extends ClientCommand {
        @Parameters(index = "0", paramLabel = "ITEM", description = ITEM_HELP)
        String item;

        @Parameters(index = "1", paramLabel = "MINUTES", description = "1 to 1440, or hours and minutes: 1h30")
        String minutes;

        @Parameters(index = "2..*", arity = "0..*", paramLabel = "NOTE", description = "what you did")
        List<String> note;

        @Option(names = "--day", paramLabel = "YYYY-MM-DD", description = "default: today; not before the plan's start")
        String day;

        @Option(names = "--plan", paramLabel = "PLAN", description = "plan of the item (default: current plan)")
        String plan;

        Log(Cli cli) {
            super(cli);
        }

        @Override
        int run(AscentClient client) {
            int m = Fmt.parseMinutes(minutes, "MINUTES");
            var request = LogTimeRequest.newBuilder()
                    .setPlanItem(refs(client).item(item, plan))
                    .setMinutes(m);
            if (note != null) {
                request.setNote(String.join(" ", note));
            }
            if (day != null) {
                request.setDay(day);
            }
            LogTimeResponse r = client.plans().logTime(request.build());
            if (json) {
                Json.print(cli.out, r);
            } else {
                cli.out.printf(
                        "logged %s on %s (%s in all)%n",
                        Fmt.minutes(m),
                        r.getPlanItem().getTitle(),
                        Fmt.minutes(r.getPlanItem().getLoggedMinutes()));
            }
            return 0;
        }

        @Override
        Map<String, String> flags() {
            return Map.of("note", "NOTE");
        }
    }
}
