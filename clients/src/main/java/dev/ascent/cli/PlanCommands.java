package dev.ascent.cli;

import dev.ascent.client.AscentClient;
import dev.ascent.proto.tracker.v1.CreatePlanRequest;
import dev.ascent.proto.tracker.v1.GetPlanRequest;
import dev.ascent.proto.tracker.v1.ListPlansRequest;
import dev.ascent.proto.tracker.v1.ListPlansResponse;
import dev.ascent.proto.tracker.v1.Plan;
import dev.ascent.proto.tracker.v1.SkillRating;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ascent plan new|show|list|use} and the edits in {@link PlanEditCommands}. */
@Command(
        name = "plan",
        mixinStandardHelpOptions = true,
        description = {
            "Create, show, list and change learning plans.",
            "The current plan (what 'item', 'log' and 'progress' use without --plan) is the one picked with",
            "'plan use', else your newest plan that is not archived. A new plan never becomes current by",
            "itself when you already have one: 'plan new --use' or 'plan use' switches."
        },
        subcommands = {
            PlanCommands.New.class,
            PlanCommands.Show.class,
            PlanCommands.ListPlans.class,
            PlanCommands.Use.class,
            PlanEditCommands.Rename.class,
            PlanEditCommands.Hours.class,
            PlanEditCommands.Target.class,
            PlanEditCommands.Archive.class,
            PlanEditCommands.Unarchive.class,
            PlanEditCommands.Delete.class
        })
final class PlanCommands implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(
                spec.commandLine(),
                "name a subcommand: new, show, list, use, rename, hours, target, archive, unarchive or delete");
    }

    @Command(
            name = "new",
            mixinStandardHelpOptions = true,
            description = {
                "Builds a plan for a target role from its next steps, skill gaps and practice.",
                "It becomes the current plan when you have none; otherwise add --use (or run 'plan use')."
            })
    static final class New extends ClientCommand {
        @Option(names = "--role", required = true, paramLabel = "SLUG", description = "target role")
        String role;

        @Option(
                names = "--hours-per-week",
                paramLabel = "N",
                description = "hours you will spend each week (0.5 to 80)")
        double hoursPerWeek;

        @Option(names = "--target-date", paramLabel = "YYYY-MM-DD", description = "when you want to be done")
        String targetDate;

        @Option(names = "--start-date", paramLabel = "YYYY-MM-DD", description = "default: today")
        String startDate;

        @Option(names = "--title", description = "default: Path to <role title>")
        String title;

        @Option(
                names = "--time-zone",
                paramLabel = "ZONE",
                description = "IANA zone for the plan's dates and streaks (default: this machine's)")
        String timeZone;

        @Option(
                names = "--rate",
                paramLabel = "SKILL=N",
                description = "rate one of the role's skills 0 to 5 (repeatable; see 'ascent role <slug>')")
        Map<String, Integer> ratings = new LinkedHashMap<>();

        @Option(names = "--use", description = "make the new plan the current one")
        boolean use;

        New(Cli cli) {
            super(cli);
        }

        @Override
        int run(AscentClient client) {
            if (hoursPerWeek <= 0 && targetDate == null) {
                throw new CliException(ExitCodes.USAGE, "give --hours-per-week N or --target-date YYYY-MM-DD");
            }
            var request = CreatePlanRequest.newBuilder()
                    .setTargetRole(CatalogCommands.role(role))
                    .setHoursPerWeek(hoursPerWeek);
            if (targetDate != null) {
                request.setTargetDate(targetDate);
            }
            if (startDate != null) {
                request.setStartDate(startDate);
            }
            if (title != null) {
                request.setTitle(title);
            }
            // The plan's "today" is the engineer's own: the zone of the machine they plan on, unless they name one.
            request.setTimeZone(
                    timeZone != null ? timeZone : ZoneId.systemDefault().getId());
            ratings.forEach((skill, n) -> request.addSkillRatings(
                    SkillRating.newBuilder().setSkill(skill).setRating(n)));
            String picked = storedPlan(client);
            Plan current = null;
            if (picked == null) {
                List<Plan> newest = client.plans()
                        .listPlans(ListPlansRequest.newBuilder().setPageSize(1).build())
                        .getPlansList();
                current = newest.isEmpty() ? null : newest.get(0);
            }
            Plan plan = client.plans().createPlan(request.build()).getPlan();
            String note;
            if (use || (picked == null && current == null)) {
                storePlan(client, plan.getName());
                note = "This is now your current plan.";
            } else {
                if (picked == null) {
                    // Without this the new plan, being the newest, would silently become current.
                    storePlan(client, current.getName());
                    picked = current.getName();
                }
                note = "Your current plan is still " + Fmt.id(picked) + "; to work on this one: ascent plan use "
                        + Fmt.id(plan.getName());
            }
            if (json) {
                Json.print(cli.out, plan);
            } else {
                PlanPrinter.print(cli, plan, List.of(), true);
                cli.out.println();
                cli.out.println(note);
                cli.out.flush();
            }
            return 0;
        }

        @Override
        Map<String, String> flags() {
            return Map.of("hours_per_week", "--hours-per-week");
        }
    }

    @Command(
            name = "show",
            mixinStandardHelpOptions = true,
            description = {
                "Shows a plan with its items (#, the number other commands take) and the items that",
                "need your attention: those a mentor sent back with a comment."
            })
    static final class Show extends ClientCommand {
        @Parameters(arity = "0..1", paramLabel = "PLAN", description = "plan id or name (default: current plan)")
        String plan;

        Show(Cli cli) {
            super(cli);
        }

        @Override
        int run(AscentClient client) {
            String name = refs(client).plan(plan);
            Plan p = refs(client).planWithItems(name);
            if (json) {
                Json.print(cli.out, p);
            } else {
                PlanPrinter.print(cli, p, PlanPrinter.needingAttention(client, p), name.equals(currentOrNull(client)));
            }
            return 0;
        }

        private String currentOrNull(AscentClient client) {
            try {
                return refs(client).currentPlan().getName();
            } catch (CliException e) {
                return null;
            }
        }
    }

    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description = {
                "Lists your plans, newest first. END is the target date (plan show gives the scheduled",
                "end); * marks the current plan."
            })
    static final class ListPlans extends ClientCommand {
        @Option(names = "--all", description = "include archived plans")
        boolean all;

        @Option(names = "--user", paramLabel = "HANDLE", description = "a mentee's plans (default: yours)")
        String user;

        ListPlans(Cli cli) {
            super(cli);
        }

        @Override
        int run(AscentClient client) {
            List<Plan> plans = new ArrayList<>();
            String token = "";
            do {
                ListPlansResponse page = client.plans()
                        .listPlans(ListPlansRequest.newBuilder()
                                .setPageSize(100)
                                .setPageToken(token)
                                .setShowArchived(all)
                                .setParent(user == null ? "" : "users/" + user)
                                .build());
                plans.addAll(page.getPlansList());
                token = page.getNextPageToken();
            } while (!token.isEmpty());
            if (json) {
                Json.printList(cli.out, plans);
                return 0;
            }
            String current = user == null && !plans.isEmpty() ? current(client) : null;
            Table t = new Table("", "PLAN", "TITLE", "ROLE", "H/WEEK", "START", "END", "ARCHIVED");
            plans.forEach(p -> t.row(
                    p.getName().equals(current) ? "*" : "",
                    Fmt.id(p.getName()),
                    p.getTitle(),
                    Fmt.id(p.getTargetRole()),
                    String.format("%.1f", p.getHoursPerWeek()),
                    p.getStartDate(),
                    Fmt.orDash(p.getTargetDate()),
                    p.getArchived() ? "yes" : ""));
            t.print(cli);
            return 0;
        }

        private String current(AscentClient client) {
            try {
                return refs(client).currentPlan().getName();
            } catch (CliException e) {
                return null;
            }
        }
    }

    @Command(
            name = "use",
            mixinStandardHelpOptions = true,
            description = "Makes a plan the current one (saved in your profile).")
    static final class Use extends ClientCommand {
        @Parameters(paramLabel = "PLAN", description = "plan id or name (see 'ascent plan list')")
        String plan;

        Use(Cli cli) {
            super(cli);
        }

        @Override
        int run(AscentClient client) {
            String name = refs(client).plan(plan);
            Plan p = client.plans()
                    .getPlan(GetPlanRequest.newBuilder().setName(name).build())
                    .getPlan();
            if (!name.startsWith("users/" + me(client) + "/")) {
                throw new CliException(
                        ExitCodes.USAGE,
                        name + " is not yours; a mentee's plan is read with " + "'ascent plan show " + name + "'");
            }
            storePlan(client, name);
            if (json) {
                Json.print(cli.out, p);
            } else {
                cli.out.printf(
                        "current plan: %s (%s)%s%n",
                        Fmt.id(name),
                        p.getTitle(),
                        p.getArchived() ? "; it is archived, so read-only until 'ascent plan unarchive'" : "");
                cli.out.flush();
            }
            return 0;
        }
    }
}
