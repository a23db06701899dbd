package dev.ascent.cli;

import com.google.protobuf.FieldMask;
import dev.ascent.client.AscentClient;
import dev.ascent.proto.tracker.v1.LogTimeRequest;
import dev.ascent.proto.tracker.v1.LogTimeResponse;
import dev.ascent.proto.tracker.v1.PlanItem;
import dev.ascent.proto.tracker.v1.PlanItemStatus;
import dev.ascent.proto.tracker.v1.UpdatePlanItemRequest;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ascent item start|done|skip} and {@code ascent log}. */
@Command(name = "item", mixinStandardHelpOptions = true, description = "Change an item's status.",
        subcommands = {ItemCommands.Start.class, ItemCommands.Done.class, ItemCommands.Skip.class})
final class ItemCommands implements Runnable {

    static final String ITEM_HELP = "item: its # in the plan, its id, PLAN/ITEM ids, or its full name";

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "name a subcommand: start, done or skip");
    }

    abstract static class SetStatus extends ClientCommand {
        @Parameters(paramLabel = "ITEM", description = ITEM_HELP)
        String item;
        @Option(names = "--plan", paramLabel = "PLAN", description = "plan of the item (default: current plan)")
        String plan;

        private final PlanItemStatus status;

        SetStatus(Cli cli, PlanItemStatus status) {
            super(cli);
            this.status = status;
        }

        @Override
        int run(AscentClient client) {
            String name = refs(client).item(item, plan);
            PlanItem updated = client.plans().updatePlanItem(UpdatePlanItemRequest.newBuilder()
                    .setPlanItem(PlanItem.newBuilder().setName(name).setStatus(status))
                    .setUpdateMask(FieldMask.newBuilder().addPaths("status")).build()).getPlanItem();
            if (json) {
                Json.print(cli.out, updated);
            } else {
                cli.out.printf("%s: %s%n", updated.getTitle(),
                        Fmt.en(updated.getStatus(), "PLAN_ITEM_STATUS_"));
            }
            return 0;
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

    @Command(name = "log", mixinStandardHelpOptions = true, description = "Records minutes spent on an item.")
    static final class Log extends ClientCommand {
        @Parameters(index = "0", paramLabel = "ITEM", description = ITEM_HELP)
        String item;
        @Parameters(index = "1", paramLabel = "MINUTES", description = "1 to 1440")
        int minutes;
        @Parameters(index = "2..*", arity = "0..*", paramLabel = "NOTE", description = "what you did")
        List<String> note;
        @Option(names = "--day", paramLabel = "YYYY-MM-DD", description = "default: today")
        String day;
        @Option(names = "--plan", paramLabel = "PLAN", description = "plan of the item (default: current plan)")
        String plan;

        Log(Cli cli) {
            super(cli);
        }

        @Override
        int run(AscentClient client) {
            var request = LogTimeRequest.newBuilder().setPlanItem(refs(client).item(item, plan)).setMinutes(minutes);
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
                cli.out.printf("logged %s on %s (%s in all)%n", Fmt.minutes(minutes), r.getPlanItem().getTitle(), Fmt.minutes(r.getPlanItem().getLoggedMinutes()));
            }
            return 0;
        }
    }
}
