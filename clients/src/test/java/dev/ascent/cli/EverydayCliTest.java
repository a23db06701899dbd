package dev.ascent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.ascent.client.PackagedPlatform;
import dev.ascent.common.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14 as a person meets it: the real CLI, in-process, against the packaged services. Every detail view prints
 * the whole text, everything the API offers can be managed, nothing is lost silently, and errors speak in flags.
 */
class EverydayCliTest {

    static PackagedPlatform platform;

    @BeforeAll
    static void start() throws Exception {
        platform = PackagedPlatform.start(TestDatabase.Engine.H2);
    }

    @AfterAll
    static void stop() throws Exception {
        platform.close();
    }

    /** An environment with its own config file: profiles and the current plan live there. */
    static Map<String, String> env(Path config, String token) {
        return platform.cliEnvironment(config, token);
    }

    static CliRun ok(CliRun r) {
        assertEquals(0, r.exitCode, r::toString);
        return r;
    }

    static JsonObject object(CliRun r) {
        return JsonParser.parseString(ok(r).out).getAsJsonObject();
    }

    static String newUser(Path config, String handle) {
        return ok(CliRun.run(
                        env(config, PackagedPlatform.ADMIN_TOKEN),
                        "",
                        "admin",
                        "create-user",
                        handle,
                        "Test",
                        "User",
                        "--token-only"))
                .out
                .strip();
    }

    /** A person with a profile of their own in {@code config}, logged in through standard input. */
    static Map<String, String> login(Path config, String handle) {
        String token = newUser(config, handle);
        CliRun login = ok(CliRun.run(env(config, null), token + "\n", "login", "--profile", handle));
        assertTrue(login.out.startsWith("Logged in as " + handle), login.out);
        Map<String, String> env = env(config, null);
        env.put("ASCENT_PROFILE", handle);
        return env;
    }

    static CliRun as(Map<String, String> env, String... args) {
        return CliRun.run(env, "", args);
    }

    @Test
    void loginKeepsSeveralProfilesReadFromStandardInputAndTokensAreManaged(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("config.properties");
        String ann = newUser(config, "prof-ann");
        String bob = newUser(config, "prof-bob");
        CliRun first = ok(CliRun.run(env(config, null), ann + "\n", "login"));
        assertTrue(first.out.contains("saved as profile prof-ann (the default)"), first.out);
        CliRun second = ok(CliRun.run(env(config, null), bob + "\n", "login", "--profile", "bob"));
        assertTrue(second.out.contains("saved as profile bob, used with --profile bob"), second.out);
        assertEquals(
                "prof-ann (Test User)",
                ok(CliRun.run(env(config, null), "", "whoami")).out.strip());
        assertEquals(
                "prof-bob (Test User)",
                ok(CliRun.run(env(config, null), "", "whoami", "--profile", "bob"))
                        .out
                        .strip());
        Map<String, String> viaEnv = env(config, null);
        viaEnv.put("ASCENT_PROFILE", "bob");
        assertTrue(ok(CliRun.run(viaEnv, "", "whoami")).out.startsWith("prof-bob "));
        ok(CliRun.run(env(config, null), "", "profile", "use", "bob"));
        assertTrue(ok(CliRun.run(env(config, null), "", "whoami")).out.startsWith("prof-bob "));
        CliRun profiles = ok(CliRun.run(env(config, null), "", "profile", "list"));
        assertTrue(profiles.out.lines().anyMatch(l -> l.startsWith("bob ") && l.endsWith("yes")), profiles.out);
        assertFalse(profiles.out.contains(bob), "never prints a token");
        CliRun noToken = CliRun.run(env(config, null), "", "login", "--profile", "empty");
        assertEquals(ExitCodes.USAGE, noToken.exitCode, noToken::toString);
        assertTrue(noToken.err.contains("ascent login < token-file"), noToken.err);

        // Tokens: create one straight into a profile, list it, revoke it; the revoked profile stops working.
        CliRun created = ok(CliRun.run(env(config, null), "", "token", "create", "--label", "laptop", "--token-only"));
        ok(CliRun.run(env(config, null), created.out, "login", "--profile", "laptop"));
        CliRun list = ok(CliRun.run(env(config, null), "", "token", "list"));
        assertTrue(list.out.contains("laptop") && list.out.contains("first token"), list.out);
        assertTrue(list.out.contains("(this one)"), list.out);
        String laptopId = JsonParser.parseString(ok(CliRun.run(env(config, null), "", "token", "list", "--json")).out)
                .getAsJsonArray()
                .asList()
                .stream()
                .map(e -> e.getAsJsonObject())
                .filter(t -> t.get("label").getAsString().equals("laptop"))
                .findFirst()
                .orElseThrow()
                .get("name")
                .getAsString()
                .replaceAll(".*/", "");
        ok(CliRun.run(env(config, null), "", "token", "revoke", laptopId));
        CliRun revoked = CliRun.run(env(config, null), "", "whoami", "--profile", "laptop");
        assertEquals(ExitCodes.AUTH, revoked.exitCode, revoked::toString);
        assertFalse(ok(CliRun.run(env(config, null), "", "token", "list")).out.contains("laptop"));
        assertTrue(ok(CliRun.run(env(config, null), "", "token", "list", "--all"))
                .out
                .contains("laptop"));

        // A lost token: the admin resets access; the old token stops working, the new one logs in.
        CliRun reset = ok(CliRun.run(
                env(config, PackagedPlatform.ADMIN_TOKEN), "", "admin", "reset-access", "prof-ann", "--token-only"));
        assertEquals(ExitCodes.AUTH, CliRun.run(env(config, ann), "", "whoami").exitCode);
        ok(CliRun.run(env(config, null), reset.out, "login", "--profile", "prof-ann"));
        assertTrue(ok(CliRun.run(env(config, null), "", "whoami", "--profile", "prof-ann"))
                .out
                .startsWith("prof-ann "));
        CliRun notAdmin = CliRun.run(env(config, bob), "", "admin", "reset-access", "prof-ann");
        assertEquals(ExitCodes.AUTH, notAdmin.exitCode, notAdmin::toString);
        assertEquals(
                "rw-------",
                java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(config)));
    }

    @Test
    void theCurrentPlanChangesOnlyWhenAskedAndPlansAreManaged(@TempDir Path dir) {
        Map<String, String> cat = login(dir.resolve("c.properties"), "plan-cat");
        CliRun first = ok(as(
                cat,
                "plan",
                "new",
                "--role",
                "senior-machine-learning-scientist",
                "--hours-per-week",
                "5",
                "--title",
                "First"));
        assertTrue(first.out.contains("This is now your current plan."), first.out);
        String firstId = object(as(cat, "plan", "show", "--json"))
                .get("name")
                .getAsString()
                .replaceAll(".*/", "");
        CliRun second = ok(as(
                cat,
                "plan",
                "new",
                "--role",
                "senior-machine-learning-engineer",
                "--hours-per-week",
                "6",
                "--title",
                "Second plan with a title much longer than sixty characters, shown whole"));
        assertTrue(
                second.out.contains(
                        "Your current plan is still " + firstId + "; to work on this one: ascent " + "plan use "),
                second.out);
        assertTrue(second.out.contains("Second plan with a title much longer than sixty characters, shown whole"));
        ok(as(cat, "item", "done", "1"));
        JsonObject firstPlan = object(as(cat, "plan", "show", firstId, "--json"));
        assertEquals(
                "PLAN_ITEM_STATUS_DONE",
                firstPlan
                        .getAsJsonArray("items")
                        .get(0)
                        .getAsJsonObject()
                        .get("status")
                        .getAsString(),
                "'item done 1' changed the current plan, not the new one");
        JsonArray plans = JsonParser.parseString(ok(as(cat, "plan", "list", "--json")).out)
                .getAsJsonArray();
        String secondId =
                plans.get(0).getAsJsonObject().get("name").getAsString().replaceAll(".*/", "");
        assertNotEquals(firstId, secondId);
        CliRun list = ok(as(cat, "plan", "list"));
        assertTrue(list.out.lines().anyMatch(l -> l.startsWith("*") && l.contains(firstId)), list.out);
        ok(as(cat, "plan", "use", secondId));
        assertTrue(ok(as(cat, "plan", "show")).out.contains("(plan " + secondId + ", current)"));

        // Rename, hours, target date (END in the list), custom items, estimates, order, archive, delete.
        ok(as(cat, "plan", "rename", "Evening", "plan"));
        CliRun hours = ok(as(cat, "plan", "hours", "8"));
        assertTrue(hours.out.contains("8 h a week"), hours.out);
        String target =
                java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusWeeks(40).toString();
        ok(as(cat, "plan", "target", target));
        assertTrue(
                ok(as(cat, "plan", "list")).out.lines().anyMatch(l -> l.contains(secondId) && l.contains(target)),
                "END shows the target date");
        CliRun added = ok(as(cat, "item", "add", "Read", "the", "serving", "paper", "--estimate", "1h30", "--at", "2"));
        assertTrue(added.out.startsWith("added #2 Read the serving paper"), added.out);
        ok(as(cat, "item", "edit", "2", "--estimate", "45", "--notes", "chapter 3 first", "--private"));
        JsonObject item2 = object(as(cat, "plan", "show", "--json"))
                .getAsJsonArray("items")
                .get(1)
                .getAsJsonObject();
        assertEquals(45, item2.get("estimatedMinutes").getAsInt());
        assertTrue(item2.get("notesPrivate").getAsBoolean());
        ok(as(cat, "item", "move", "2", "1"));
        assertEquals(
                "Read the serving paper",
                object(as(cat, "plan", "show", "--json"))
                        .getAsJsonArray("items")
                        .get(0)
                        .getAsJsonObject()
                        .get("title")
                        .getAsString());
        ok(as(cat, "plan", "archive"));
        assertFalse(ok(as(cat, "plan", "list")).out.contains(secondId));
        CliRun archivedWrite = as(cat, "item", "start", "2");
        assertEquals(ExitCodes.FAILED, archivedWrite.exitCode, archivedWrite::toString);
        ok(as(cat, "plan", "unarchive", secondId));
        CliRun refused = as(cat, "plan", "delete", firstId);
        assertEquals(ExitCodes.USAGE, refused.exitCode, refused::toString);
        assertTrue(refused.err.contains("--force"), refused.err);
        ok(as(cat, "plan", "delete", firstId, "--force"));
        assertEquals(
                1,
                JsonParser.parseString(ok(as(cat, "plan", "list", "--json")).out)
                        .getAsJsonArray()
                        .size());
    }

    @Test
    void itemShowPrintsEverythingAndAMentorsCommentReachesTheEngineer(@TempDir Path dir) {
        Path config = dir.resolve("c.properties");
        Map<String, String> dee = login(config, "show-dee");
        Map<String, String> max = login(config, "show-max");
        ok(as(dee, "plan", "new", "--role", "senior-machine-learning-engineer", "--hours-per-week", "6"));
        ok(as(dee, "log", "2", "1h30", "shipped", "the", "API"));
        ok(as(dee, "log", "2", "20", "fixed the flaky test"));
        ok(as(dee, "item", "edit", "2", "--notes", "remember the latency budget"));
        ok(as(dee, "item", "done", "2"));
        ok(as(dee, "mentor", "invite", "show-max"));
        CliRun early = as(dee, "review", "request", "2");
        assertEquals(ExitCodes.FAILED, early.exitCode, early::toString);
        assertTrue(
                early.err.contains("your invitation to show-max is waiting for their answer")
                        && early.err.contains("ascent mentor wait show-max"),
                early.err);
        assertFalse(early.err.contains("MentorshipService"), early.err);
        ok(as(max, "mentor", "accept", "show-dee"));
        assertTrue(
                ok(as(dee, "mentor", "wait", "show-max", "--timeout", "5")).out.contains("show-max accepted"));
        ok(as(dee, "review", "request", "2", "--note", "please look"));
        CliRun queue = ok(as(max, "review", "queue"));
        assertTrue(queue.out.lines().anyMatch(l -> l.startsWith("1 ") && l.contains("show-dee")), queue.out);
        ok(as(
                max,
                "review",
                "request-changes",
                "1",
                "--comment",
                "Add the p99 latency numbers, and the cost per "
                        + "thousand requests, before I approve this one; the rest reads well."));

        CliRun show = ok(as(dee, "item", "show", "2"));
        assertTrue(show.out.startsWith("#2 "), show.out);
        assertTrue(show.out.contains("status:    in progress"), show.out);
        assertTrue(show.out.contains("remember the latency budget"), show.out);
        assertTrue(show.out.contains("time logged (2 entries):"), show.out);
        assertTrue(
                show.out.contains("1h 30m  shipped the API") && show.out.contains("20m  fixed the flaky test"),
                show.out);
        assertTrue(show.out.contains("show-max (review: changes requested):"), show.out);
        assertTrue(
                show.out.contains("Add the p99 latency numbers, and the cost per thousand requests, before I "
                        + "approve this one; the rest reads well."),
                "the comment is whole: " + show.out);
        CliRun attention = ok(as(dee, "plan", "show"));
        assertTrue(
                attention.out.contains("needs your attention")
                        && attention.out.contains("#2 ")
                        && attention.out.contains("show-max: \"Add the p99 latency numbers"),
                attention.out);
        // The hot commands skip picocli (HotPath); through picocli they print the same.
        for (String[] args : new String[][] {{"plan", "show"}, {"plan", "show", "--json"}, {"whoami"}}) {
            java.io.StringWriter viaPicocli = new java.io.StringWriter();
            java.io.PrintWriter w = new java.io.PrintWriter(viaPicocli, true);
            assertEquals(
                    0,
                    AscentCli.commandLine(new Cli(dee, w, w, java.io.InputStream.nullInputStream(), false))
                            .execute(args));
            assertEquals(viaPicocli.toString(), ok(as(dee, args)).out, String.join(" ", args));
        }
        ok(as(dee, "comments", "2", "--add", "Added both; see the dashboard"));
        CliRun thread = ok(as(
                max,
                "comments",
                "users/show-dee/plans/"
                        + object(as(dee, "plan", "show", "--json"))
                                .get("name")
                                .getAsString()
                                .replaceAll(".*/", "") + "/items/"
                        + object(as(dee, "plan", "show", "--json"))
                                .getAsJsonArray("items")
                                .get(1)
                                .getAsJsonObject()
                                .get("name")
                                .getAsString()
                                .replaceAll(".*/", "")));
        assertTrue(thread.out.contains("Added both; see the dashboard"), thread.out);

        // Approved and verified; reopening asks first and is on record as such.
        ok(as(dee, "item", "done", "2"));
        ok(as(dee, "review", "request", "2"));
        ok(as(max, "review", "approve", "1", "--comment", "solid"));
        assertTrue(ok(as(dee, "item", "show", "2")).out.contains("verified:  by show-max: \"solid\""));
        CliRun silent = as(dee, "item", "start", "2");
        assertEquals(ExitCodes.FAILED, silent.exitCode, silent::toString);
        assertTrue(silent.err.contains("--force"), silent.err);
        assertTrue(ok(as(dee, "progress")).out.contains("1 done (1 verified)"));
        CliRun declined = CliRun.runInteractive(dee, "n\n", "item", "start", "2");
        assertEquals(ExitCodes.FAILED, declined.exitCode, declined::toString);
        assertTrue(declined.out.contains("withdraws that approval. Go ahead? [y/N]"), declined.out);
        CliRun confirmed = CliRun.runInteractive(dee, "y\n", "item", "start", "2");
        assertEquals(0, confirmed.exitCode, confirmed::toString);
        assertTrue(ok(as(dee, "progress")).out.contains("0 done (0 verified)"));
        CliRun history = ok(as(dee, "activity", "--limit", "3"));
        assertTrue(
                history.out.contains("Reopened verified") && history.out.contains("done -> in progress"), history.out);
        int all = JsonParser.parseString(ok(as(dee, "activity", "--all", "--json")).out)
                .getAsJsonArray()
                .size();
        assertTrue(
                history.out.matches("(?s).*3 of " + all + "; --all, or --page-token \\S+ for the next ones\n"),
                history.out);
        ok(as(dee, "item", "done", "2"));
        ok(as(dee, "review", "request", "2"));
        ok(as(max, "review", "approve", "1"));
        ok(as(dee, "item", "skip", "2", "--force"));
    }

    @Test
    void progressNumbersAgreeWithMenteesAndItemsShowTheirNumbers(@TempDir Path dir) {
        Path config = dir.resolve("c.properties");
        Map<String, String> eve = login(config, "num-eve");
        Map<String, String> pat = login(config, "num-pat");
        String start =
                java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(10).toString();
        ok(as(
                eve,
                "plan",
                "new",
                "--role",
                "senior-machine-learning-engineer",
                "--hours-per-week",
                "6",
                "--start-date",
                start));
        for (int d = 10; d >= 0; d--) {
            ok(as(
                    eve,
                    "log",
                    "1",
                    Integer.toString(10 + d),
                    "--day",
                    java.time.LocalDate.now(java.time.ZoneOffset.UTC)
                            .minusDays(d)
                            .toString()));
        }
        CliRun early = as(eve, "log", "1", "10", "--day", "2020-01-01");
        assertEquals(ExitCodes.USAGE, early.exitCode, early::toString);
        assertTrue(
                early.err.startsWith("ascent: invalid input: --day: must not be before the plan's start date"),
                early.err);
        ok(as(eve, "item", "done", "1"));
        ok(as(eve, "mentor", "invite", "num-pat"));
        ok(as(pat, "mentor", "accept", "num-eve"));
        JsonObject progress = object(as(eve, "progress", "--json"));
        JsonObject row = JsonParser.parseString(ok(as(pat, "mentees", "--json")).out)
                .getAsJsonArray()
                .get(0)
                .getAsJsonObject();
        assertEquals(
                progress.get("minutesThisWeek").getAsLong(),
                row.get("minutesThisWeek").getAsLong());
        assertEquals(
                progress.get("percentComplete").getAsDouble(),
                row.get("percentComplete").getAsDouble());
        CliRun text = ok(as(eve, "progress"));
        assertTrue(text.out.contains(Fmt.minutes(progress.get("minutesThisWeek").getAsLong()) + " this week"));
        assertTrue(ok(as(pat, "mentees"))
                .out
                .contains(Fmt.minutes(row.get("minutesThisWeek").getAsLong())));
        assertTrue(text.out.matches("(?s).*due next:\n  #\\d+ +\\d{4}-\\d\\d-\\d\\d  .*"), text.out);
        assertFalse(text.out.contains("(item "), "no 18-digit ids: " + text.out);
        assertTrue(
                text.out.contains("finish:  Not enough history to project a finish yet: 7 of 7 days, 3 of 3")
                        || text.out.matches("(?s).*finish:  \\d{4}-\\d\\d-\\d\\d at your pace so far.*"),
                text.out);

        Map<String, String> fresh = login(config, "num-new");
        ok(as(fresh, "plan", "new", "--role", "senior-machine-learning-engineer", "--hours-per-week", "6"));
        ok(as(fresh, "item", "done", "1"));
        assertTrue(ok(as(fresh, "progress"))
                .out
                .contains(
                        "finish:  Not enough history to project a finish yet: " + "1 of 7 days, 1 of 3 active days."));
    }

    @Test
    void unknownSkillsAndBadInputNameTheFlagWithSuggestions(@TempDir Path dir) {
        Map<String, String> fay = login(dir.resolve("c.properties"), "typo-fay");
        CliRun typo = as(
                fay,
                "plan",
                "new",
                "--role",
                "senior-machine-learning-engineer",
                "--hours-per-week",
                "6",
                "--rate",
                "pythn=2");
        assertEquals(ExitCodes.USAGE, typo.exitCode, typo::toString);
        assertTrue(typo.err.startsWith("ascent: invalid input: --rate: 'pythn' is not a skill of "), typo.err);
        assertTrue(typo.err.contains("did you mean Python"), typo.err);
        assertEquals("[]", ok(as(fay, "plan", "list", "--json")).out.strip(), "nothing stored");
        CliRun badDate = as(
                fay,
                "plan",
                "new",
                "--role",
                "senior-machine-learning-engineer",
                "--hours-per-week",
                "6",
                "--target-date",
                "next year");
        assertTrue(badDate.err.contains("--target-date") && !badDate.err.contains("target_date"), badDate.err);
        CliRun badLimit = as(fay, "log", "1", "2000");
        assertTrue(badLimit.exitCode != 0, badLimit::toString);
    }

    @Test
    void practiceSessionsAreNeverStranded(@TempDir Path dir) {
        Map<String, String> gus = login(dir.resolve("c.properties"), "prac-gus");
        CliRun later = CliRun.run(
                gus,
                "help\nhelp 2\nnote 2 sharded by user id\nnote first pass\n1\nlater\n",
                "practice",
                "start",
                "feature-store",
                "-i");
        assertEquals(0, later.exitCode, later::toString);
        assertTrue(later.out.contains("help 3    the guidance of step 3"), later.out);
        assertFalse(later.out.contains("not a step number: help"), later.out);
        assertTrue(later.out.contains("noted on step 2") && later.out.contains("noted on the session"), later.out);
        String id = later.out.replaceAll("(?s).*left open: session (\\d+);.*", "$1");
        CliRun listed = ok(as(gus, "practice", "list", "--open"));
        assertTrue(listed.out.contains(id), listed.out);
        CliRun show = ok(as(gus, "practice", "show", id));
        assertTrue(show.out.contains("note: sharded by user id") && show.out.contains("first pass"), show.out);
        assertTrue(show.out.contains("[x]"), show.out);
        JsonObject session = object(as(gus, "practice", "show", id, "--json"));
        String guidance = session.getAsJsonArray("steps")
                .get(1)
                .getAsJsonObject()
                .get("text")
                .getAsString();
        assertTrue(
                show.out.contains(guidance.lines().findFirst().orElseThrow()), "step guidance is shown: " + show.out);
        CliRun resumed = CliRun.run(gus, "2\ndone\n4\n", "practice", "resume", "-i");
        assertEquals(0, resumed.exitCode, resumed::toString);
        assertTrue(resumed.out.contains("completed session " + id + ": 2 of "), resumed.out);
        assertTrue(resumed.out.contains("ascent review request practiceSessions/" + id), resumed.out);

        String open = object(as(gus, "practice", "start", "feature-store", "--check", "1", "--json"))
                .get("name")
                .getAsString()
                .replaceAll(".*/", "");
        ok(as(gus, "practice", "notes", "ran", "out", "of", "time", "--session", open));
        CliRun finished = ok(as(gus, "practice", "finish", open, "--rating", "3", "--check", "2"));
        assertTrue(finished.out.contains("2 of") && finished.out.contains("rated 3"), finished.out);
        ok(as(gus, "practice", "start", "feature-store"));
        CliRun abandoned = ok(as(gus, "practice", "abandon"));
        assertTrue(abandoned.out.startsWith("abandoned practice session"), abandoned.out);
        CliRun none = as(gus, "practice", "finish", "--rating", "3");
        assertEquals(ExitCodes.NOT_FOUND, none.exitCode, none::toString);
        JsonObject overall = object(as(gus, "practice", "stats", "--json")).getAsJsonObject("overall");
        assertEquals(2, overall.get("attempts").getAsInt());
        assertEquals(1, overall.get("abandonedCount").getAsInt());
    }

    @Test
    void reviewsTakeStepScoresRequestsCanBeCancelledAndMentorshipsEnded(@TempDir Path dir) {
        Path config = dir.resolve("c.properties");
        Map<String, String> hal = login(config, "rev-hal");
        Map<String, String> ida = login(config, "rev-ida");
        ok(as(hal, "plan", "new", "--role", "senior-machine-learning-engineer", "--hours-per-week", "6"));
        ok(as(hal, "mentor", "invite", "rev-ida"));
        ok(as(ida, "mentor", "accept", "rev-hal"));
        assertTrue(ok(as(hal, "mentor", "list")).out.contains("your mentor  rev-ida"), "mentor list");

        ok(as(hal, "item", "done", "1"));
        ok(as(hal, "review", "request", "1"));
        CliRun cancelled = ok(as(hal, "review", "cancel", "1"));
        assertTrue(cancelled.out.contains("cancelled"), cancelled.out);
        assertTrue(ok(as(ida, "review", "queue", "--json")).out.strip().equals("[]"));

        String session = object(
                        as(hal, "practice", "start", "feature-store", "--check", "1,2", "--rating", "3", "--json"))
                .get("name")
                .getAsString()
                .replaceAll(".*/", "");
        ok(as(hal, "review", "request", "practiceSessions/" + session));
        CliRun badStep = as(ida, "review", "approve", "1", "--score", "99=3");
        assertEquals(ExitCodes.USAGE, badStep.exitCode, badStep::toString);
        CliRun badScore = as(ida, "review", "approve", "1", "--score", "1=9");
        assertEquals(ExitCodes.USAGE, badScore.exitCode, badScore::toString);
        assertTrue(badScore.err.startsWith("ascent: invalid input: --score: "), badScore.err);
        ok(as(ida, "review", "approve", "1", "--score", "1=4", "--score", "2=2", "--comment", "good start"));
        CliRun scored = ok(as(hal, "practice", "show", session));
        assertTrue(scored.out.contains("(mentor: 4/5)") && scored.out.contains("(mentor: 2/5)"), scored.out);

        CliRun ended = ok(as(hal, "mentor", "end", "rev-ida"));
        assertTrue(ended.out.contains("ended"), ended.out);
        assertEquals("[]", ok(as(ida, "mentees", "--json")).out.strip());
        CliRun gone = as(ida, "plan", "list", "--user", "rev-hal");
        assertEquals(ExitCodes.NOT_FOUND, gone.exitCode, gone::toString);
        CliRun noMentor = as(hal, "review", "request", "1");
        assertEquals(ExitCodes.FAILED, noMentor.exitCode, noMentor::toString);
        assertTrue(noMentor.err.contains("'ascent mentor invite <handle>'"), noMentor.err);
    }

    @Test
    void rolesShowTheirWholeContentAndTablesAreNotCut() {
        Map<String, String> env = env(Path.of("/nonexistent/config"), null);
        CliRun outline = ok(as(env, "role", "senior-machine-learning-engineer"));
        assertTrue(outline.out.contains("--full shows every section's content"), outline.out);
        CliRun full = ok(as(env, "role", "senior-machine-learning-engineer", "--full"));
        CliRun steps = ok(as(env, "role", "senior-machine-learning-engineer", "--section", "next-steps"));
        assertTrue(steps.out.contains("== ") && steps.out.contains("    - "), steps.out);
        assertTrue(
                full.out.length() > steps.out.length()
                        && full.out.contains(
                                steps.out.lines().skip(3).findFirst().orElseThrow()),
                "the section is part of --full");
        CliRun missing = as(env, "role", "senior-machine-learning-engineer", "--section", "astrology");
        assertEquals(ExitCodes.NOT_FOUND, missing.exitCode, missing::toString);
        assertTrue(missing.err.contains("next-steps"), missing.err);

        Table t = new Table("A", "B").row("x", "y".repeat(200));
        java.io.StringWriter wide = new java.io.StringWriter();
        t.print(new java.io.PrintWriter(wide), 0);
        assertTrue(wide.toString().contains("y".repeat(200)), "no terminal limit: nothing cut");
        java.io.StringWriter narrow = new java.io.StringWriter();
        t.print(new java.io.PrintWriter(narrow), 80);
        assertTrue(narrow.toString().lines().limit(2).allMatch(l -> l.length() <= 80), narrow.toString());
        assertTrue(narrow.toString().contains("…") && narrow.toString().contains("--wide"), narrow.toString());
    }
}
