package dev.ascent.cli;

import dev.ascent.client.AscentClient;
import dev.ascent.proto.tracker.v1.CreatePlanRequest;
import dev.ascent.proto.tracker.v1.GetPlanRequest;
import dev.ascent.proto.tracker.v1.ListPlansRequest;
import dev.ascent.proto.tracker.v1.ListPlansResponse;
import dev.ascent.proto.tracker.v1.Plan;
import dev.ascent.proto.tracker.v1.PlanItem;
import dev.ascent.proto.tracker.v1.SkillRating;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ascent plan new|show|list}. */
@Command(name = "plan", mixinStandardHelpOptions = true, description = "Create, show and list learning plans.",
        subcommands = {PlanCommands.New.class, PlanCommands.Show.class, PlanCommands.ListPlans.class})
final class PlanCommands implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "name a subcommand: new, show or list");
    }

    static void printPlan(Cli cli, Plan plan) {
        cli.out.printf("%s  (plan %s, %s)%n", plan.getTitle(), Fmt.id(plan.getName()), plan.getName());
        cli.out.printf("target: %s  |  %.1f h/week  |  %s to %s%s%n", plan.getRoleTitle(), plan.getHoursPerWeek(),
                plan.getStartDate(), Fmt.orDash(plan.getScheduledEndDate()),
                plan.getTargetDate().isEmpty() ? "" : "  |  target " + plan.getTargetDate());
        if (!plan.getScheduleNote().isEmpty()) {
            cli.out.println(plan.getScheduleNote());
        }
        cli.out.println();
        Table t = new Table("#", "ITEM", "WEEK", "DUE", "STATUS", "KIND", "EST", "LOGGED", "TITLE");
        for (int n = 0; n < plan.getItemsCount(); n++) {
            PlanItem i = plan.getItems(n);
            String status = Fmt.en(i.getStatus(), "PLAN_ITEM_STATUS_") + (i.getVerified() ? " ✓" : "")
                    + (i.getOpenReviewRequest().isEmpty() ? "" : " (in review)");
            t.row(n + 1, Fmt.id(i.getName()), i.getWeek(), i.getDueDate(), status,
                    Fmt.en(i.getKind(), "PLAN_ITEM_KIND_"), Fmt.minutes(i.getEstimatedMinutes()),
                    Fmt.minutes(i.getLoggedMinutes()), i.getTitle());
        }
        t.print(cli.out);
    }

    @Command(name = "new", mixinStandardHelpOptions = true,
            description = "Builds a plan for a target role from its next steps, skill gaps and practice.")
    static final class New extends ClientCommand {
        @Option(names = "--role", required = true, paramLabel = "SLUG", description = "target role")
        String role;
        @Option(names = "--hours-per-week", paramLabel = "N", description = "hours you will spend each week (0 to 80)")
        double hoursPerWeek;
        @Option(names = "--target-date", paramLabel = "YYYY-MM-DD", description = "when you want to be done")
        String targetDate;
        @Option(names = "--start-date", paramLabel = "YYYY-MM-DD", description = "default: today")
        String startDate;
        @Option(names = "--title", description = "default: Path to <role title>")
        String title;
        @Option(names = "--time-zone", paramLabel = "ZONE", description = "IANA zone for dates and streaks (default: UTC)")
        String timeZone;
        @Option(names = "--rate", paramLabel = "SKILL=N", description = "rate a skill 0 to 5 (repeatable)")
        Map<String, Integer> ratings = new LinkedHashMap<>();

        New(Cli cli) {
            super(cli);
        }

        @Override
        int run(AscentClient client) {
            if (hoursPerWeek <= 0 && targetDate == null) {
                throw new CliException(ExitCodes.USAGE, "give --hours-per-week N or --target-date YYYY-MM-DD");
            }
            var request = CreatePlanRequest.newBuilder().setTargetRole(CatalogCommands.role(role))
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
            if (timeZone != null) {
                request.setTimeZone(timeZone);
            }
            ratings.forEach((skill, n) -> request.addSkillRatings(
                    SkillRating.newBuilder().setSkill(skill).setRating(n)));
            Plan plan = client.plans().createPlan(request.build()).getPlan();
            if (json) {
                Json.print(cli.out, plan);
            } else {
                printPlan(cli, plan);
            }
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Shows a plan with its items.")
    static final class Show extends ClientCommand {
        @Parameters(arity = "0..1", paramLabel = "PLAN", description = "plan id or name (default: current plan)")
        String plan;

        Show(Cli cli) {
            super(cli);
        }

        @Override
        int run(AscentClient client) {
            String name = refs(client).plan(plan);
            Plan p = client.plans().getPlan(GetPlanRequest.newBuilder().setName(name).build()).getPlan();
            if (json) {
                Json.print(cli.out, p);
            } else {
                printPlan(cli, p);
            }
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists your plans, newest first.")
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
                ListPlansResponse page = client.plans().listPlans(ListPlansRequest.newBuilder().setPageSize(100)
                        .setPageToken(token).setShowArchived(all).setParent(user == null ? "" : "users/" + user)
                        .build());
                plans.addAll(page.getPlansList());
                token = page.getNextPageToken();
            } while (!token.isEmpty());
            if (json) {
                Json.printList(cli.out, plans);
                return 0;
            }
            Table t = new Table("PLAN", "TITLE", "ROLE", "H/WEEK", "START", "END", "ARCHIVED");
            plans.forEach(p -> t.row(Fmt.id(p.getName()), p.getTitle(), Fmt.id(p.getTargetRole()),
                    String.format("%.1f", p.getHoursPerWeek()), p.getStartDate(), p.getScheduledEndDate(),
                    p.getArchived() ? "yes" : ""));
            t.print(cli.out);
            return 0;
        }
    }
}
