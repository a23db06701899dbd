package dev.ascent.cli;

import com.google.protobuf.FieldMask;
import dev.ascent.client.AscentClient;
import dev.ascent.proto.tracker.v1.DeletePlanRequest;
import dev.ascent.proto.tracker.v1.GetPlanRequest;
import dev.ascent.proto.tracker.v1.Plan;
import dev.ascent.proto.tracker.v1.UpdatePlanRequest;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ascent plan rename|hours|target|archive|unarchive|delete}: UpdatePlan and DeletePlan. */
final class PlanEditCommands {

    private PlanEditCommands() {}

    /** One UpdatePlan with a field mask; prints the plan's new schedule. */
    abstract static class Change extends ClientCommand {
        @Option(names = "--plan", paramLabel = "PLAN", description = "plan id or name (default: current plan)")
        String plan;

        Change(Cli cli) {
            super(cli);
        }

        abstract void apply(Plan.Builder plan, FieldMask.Builder mask);

        abstract String done(Plan p);

        String planRef() {
            return plan;
        }

        @Override
        int run(AscentClient client) {
            Plan.Builder p = Plan.newBuilder().setName(refs(client).plan(planRef()));
            FieldMask.Builder mask = FieldMask.newBuilder();
            apply(p, mask);
            Plan updated = client.plans()
                    .updatePlan(UpdatePlanRequest.newBuilder()
                            .setPlan(p)
                            .setUpdateMask(mask)
                            .build())
                    .getPlan();
            if (json) {
                Json.print(cli.out, updated);
            } else {
                cli.out.println(done(updated));
                if (!updated.getScheduleNote().isEmpty()) {
                    cli.out.println(updated.getScheduleNote());
                }
                cli.out.flush();
            }
            return 0;
        }
    }

    @Command(name = "rename", mixinStandardHelpOptions = true, description = "Gives a plan a new title.")
    static final class Rename extends Change {
        @Parameters(arity = "1..*", paramLabel = "TITLE", description = "1 to 200 characters")
        List<String> title;

        Rename(Cli cli) {
            super(cli);
        }

        @Override
        void apply(Plan.Builder p, FieldMask.Builder mask) {
            p.setTitle(String.join(" ", title));
            mask.addPaths("title");
        }

        @Override
        String done(Plan p) {
            return "plan " + Fmt.id(p.getName()) + " is now \"" + p.getTitle() + "\"";
        }

        @Override
        Map<String, String> flags() {
            return Map.of("plan.title", "TITLE");
        }
    }

    @Command(
            name = "hours",
            mixinStandardHelpOptions = true,
            description = "Changes the hours per week; the open items are rescheduled from this week on.")
    static final class Hours extends Change {
        @Parameters(paramLabel = "N", description = "hours per week, 0.5 to 80")
        double hours;

        Hours(Cli cli) {
            super(cli);
        }

        @Override
        void apply(Plan.Builder p, FieldMask.Builder mask) {
            p.setHoursPerWeek(hours);
            mask.addPaths("hours_per_week");
        }

        @Override
        String done(Plan p) {
            return "plan " + Fmt.id(p.getName()) + ": " + Fmt.hours(p.getHoursPerWeek()) + " h a week";
        }

        @Override
        Map<String, String> flags() {
            return Map.of("plan.hours_per_week", "N");
        }
    }

    @Command(
            name = "target",
            mixinStandardHelpOptions = true,
            description = "Sets the target date ('none' clears it); the open items are rescheduled.")
    static final class Target extends Change {
        @Parameters(paramLabel = "YYYY-MM-DD|none", description = "the date you want to be done by, or none")
        String date;

        Target(Cli cli) {
            super(cli);
        }

        @Override
        void apply(Plan.Builder p, FieldMask.Builder mask) {
            p.setTargetDate(date.equalsIgnoreCase("none") ? "" : date);
            mask.addPaths("target_date");
        }

        @Override
        String done(Plan p) {
            return "plan " + Fmt.id(p.getName()) + ": "
                    + (p.getTargetDate().isEmpty() ? "no target date" : "target " + p.getTargetDate());
        }

        @Override
        Map<String, String> flags() {
            return Map.of("plan.target_date", "YYYY-MM-DD");
        }
    }

    @Command(
            name = "archive",
            mixinStandardHelpOptions = true,
            description = "Archives a plan: read-only and left out of 'plan list' (see --all).")
    static final class Archive extends Change {
        @Parameters(arity = "0..1", paramLabel = "PLAN", description = "plan id or name (default: current plan)")
        String which;

        Archive(Cli cli) {
            super(cli);
        }

        @Override
        String planRef() {
            return which != null ? which : plan;
        }

        @Override
        void apply(Plan.Builder p, FieldMask.Builder mask) {
            p.setArchived(true);
            mask.addPaths("archived");
        }

        @Override
        String done(Plan p) {
            return "archived plan " + Fmt.id(p.getName()) + " (" + p.getTitle() + "); 'ascent plan unarchive "
                    + Fmt.id(p.getName()) + "' brings it back";
        }
    }

    @Command(name = "unarchive", mixinStandardHelpOptions = true, description = "Brings an archived plan back.")
    static final class Unarchive extends Change {
        @Parameters(paramLabel = "PLAN", description = "plan id or name (see 'ascent plan list --all')")
        String which;

        Unarchive(Cli cli) {
            super(cli);
        }

        @Override
        String planRef() {
            return which;
        }

        @Override
        void apply(Plan.Builder p, FieldMask.Builder mask) {
            p.setArchived(false);
            mask.addPaths("archived");
        }

        @Override
        String done(Plan p) {
            return "plan " + Fmt.id(p.getName()) + " (" + p.getTitle() + ") is active again";
        }
    }

    @Command(
            name = "delete",
            mixinStandardHelpOptions = true,
            description = {
                "Deletes a plan with its items, time, comments and history; this cannot be undone",
                "(archive keeps it). At a terminal it asks for the plan's id; scripts pass --force."
            })
    static final class Delete extends ClientCommand {
        @Parameters(paramLabel = "PLAN", description = "plan id or name")
        String which;

        @Option(names = "--force", description = "do not ask")
        boolean force;

        Delete(Cli cli) {
            super(cli);
        }

        @Override
        int run(AscentClient client) {
            String name = refs(client).plan(which);
            Plan p = client.plans()
                    .getPlan(GetPlanRequest.newBuilder().setName(name).build())
                    .getPlan();
            if (!force) {
                String typed = Confirm.ask(
                        cli,
                        "Delete plan " + Fmt.id(name) + " (" + p.getTitle() + ", " + p.getItemsCount()
                                + " items) for good? Type its id to confirm: ");
                if (typed == null) {
                    throw new CliException(
                            ExitCodes.USAGE,
                            "deleting a plan cannot be undone: pass --force to " + "delete " + Fmt.id(name)
                                    + " without a prompt (or 'ascent plan archive' to keep it)");
                }
                if (!typed.equals(Fmt.id(name))) {
                    cli.out.println("not deleted");
                    return ExitCodes.FAILED;
                }
            }
            client.plans()
                    .deletePlan(DeletePlanRequest.newBuilder()
                            .setName(name)
                            .setEtag(p.getEtag())
                            .build());
            if (name.equals(storedPlan(client))) {
                storePlan(client, null);
            }
            cli.out.printf("deleted plan %s (%s)%n", Fmt.id(name), p.getTitle());
            cli.out.flush();
            return 0;
        }
    }
}
