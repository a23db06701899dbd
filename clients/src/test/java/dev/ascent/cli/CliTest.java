package dev.ascent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.ascent.client.PackagedPlatform;
import dev.ascent.common.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The CLI run in-process against the packaged services: output, --json, exit codes, the config file. */
class CliTest {

    static PackagedPlatform platform;
    static Path configDir;

    @BeforeAll
    static void start() throws Exception {
        platform = PackagedPlatform.start(TestDatabase.Engine.H2);
        configDir = Files.createTempDirectory("ascent-cli-config");
    }

    @AfterAll
    static void stop() throws Exception {
        platform.close();
    }

    static Map<String, String> env(String token) {
        return platform.cliEnvironment(configDir.resolve("unused.properties"), token);
    }

    static CliRun ascent(String token, String... args) {
        return CliRun.run(env(token), "", args);
    }

    static String newUser(String handle) {
        CliRun r = ascent(PackagedPlatform.ADMIN_TOKEN, "admin", "create-user", handle, "Test", "User", "--token-only");
        assertEquals(0, r.exitCode, r::toString);
        return r.out.strip();
    }

    @Test
    void importDryRunPrintsTheOutlineAndWarningsOfMarkdownAndHtml(@TempDir Path dir) throws Exception {
        Path md = dir.resolve("release-engineer.md");
        Files.writeString(md, """
                # Release Engineer

                ## Overview

                A Release Engineer keeps the path from merge to production **short** and safe.

                ## Responsibilities

                ### Pipelines

                - Own the build pipeline
                - Keep `main` releasable
                  - Revert broken merges fast
                """);
        Path html = dir.resolve("release-engineer.html");
        Files.writeString(
                html,
                "<html><body><nav><ul><li>Home</li></ul></nav><main><h1>Release Engineer</h1>"
                        + "<h2>Overview</h2><p>A Release Engineer ships safely.</p><h2>Skills</h2><ul><li>Bazel</li>"
                        + "<li>GitHub Actions</li></ul></main><footer><p>Contact</p></footer></body></html>");
        CliRun r = ascent(PackagedPlatform.ADMIN_TOKEN, "import", "--dry-run", md.toString(), html.toString());
        assertEquals(0, r.exitCode, r::toString);
        assertTrue(
                r.out.contains("release-engineer.md (markdown): Release Engineer -> roles/release-engineer"
                        + " (dry run, nothing stored)"),
                r.out);
        assertTrue(r.out.contains("  responsibilities: Responsibilities (line 7)\n    Pipelines: 3 items"), r.out);
        assertTrue(r.out.contains("release-engineer.html (html): Release Engineer"), r.out);
        assertTrue(r.out.contains("  skills: Skills (line 1)\n    (untitled): 2 items"), r.out);
        assertTrue(r.out.contains("  warning: only 2 sections were recognized"), r.out);
        CliRun roles = ascent(null, "roles");
        assertFalse(roles.out.contains("release-engineer"), "a dry run stores nothing: " + roles.out);
    }

    @Test
    void importRefusesFilesOfUnknownTypeUnlessAFormatIsGiven(@TempDir Path dir) throws Exception {
        Path doc = dir.resolve("guide.docx");
        Files.writeString(doc, "Overview\nA Release Engineer ships safely.\nSkills\n- Bazel\n");
        CliRun refused = ascent(PackagedPlatform.ADMIN_TOKEN, "import", "--dry-run", doc.toString());
        assertEquals(2, refused.exitCode, refused::toString);
        assertTrue(refused.err.contains("unsupported file type"), refused::toString);
        CliRun forced = ascent(PackagedPlatform.ADMIN_TOKEN, "import", "--dry-run", "--format", "text", doc.toString());
        assertEquals(0, forced.exitCode, forced::toString);
        assertTrue(forced.out.contains("guide.docx (text): Release Engineer"), forced.out);
    }

    @Test
    void listingsPrintAnAlignedTableOrJson() {
        CliRun table = ascent(null, "roles");
        assertEquals(0, table.exitCode, table::toString);
        String[] lines = table.out.split("\n");
        assertTrue(lines[0].startsWith("SLUG "), lines[0]);
        int titleColumn = lines[0].indexOf("TITLE");
        assertTrue(table.out.contains("senior-machine-learning-engineer"), table.out);
        for (int i = 1; i < lines.length; i++) {
            assertEquals(' ', lines[i].charAt(titleColumn - 1), "aligned: " + lines[i]);
        }

        CliRun json = ascent(null, "roles", "--json");
        assertEquals(0, json.exitCode, json::toString);
        JsonArray roles = JsonParser.parseString(json.out).getAsJsonArray();
        assertEquals(lines.length - 1, roles.size());
        assertTrue(roles.get(0).getAsJsonObject().get("name").getAsString().startsWith("roles/"));

        CliRun prompts = ascent(null, "prompts");
        assertTrue(prompts.out.contains("feature-store"), prompts::toString);
    }

    /** A plan made at the command line counts its days where the engineer is, unless told otherwise. */
    @Test
    void aNewPlanTakesThisMachinesTimeZone() {
        String token = newUser("cli-kiri");
        TimeZone before = TimeZone.getDefault();
        CliRun created;
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
            created = newPlan(token, "3");
        } finally {
            TimeZone.setDefault(before);
        }
        assertEquals(0, created.exitCode, created::toString);
        assertEquals("Pacific/Kiritimati", currentPlanTimeZone(token));
        CliRun named = newPlan(token, "3", "--time-zone", "Europe/Berlin", "--use");
        assertEquals(0, named.exitCode, named::toString);
        assertEquals("Europe/Berlin", currentPlanTimeZone(token));
    }

    /** {@code plan new} for the SMLE role at {@code hours} a week, with {@code more} options. */
    private static CliRun newPlan(String token, String hours, String... more) {
        List<String> args = new ArrayList<>(
                List.of("plan", "new", "--role", "senior-machine-learning-engineer", "--hours-per-week", hours));
        args.addAll(List.of(more));
        return ascent(token, args.toArray(String[]::new));
    }

    private static String currentPlanTimeZone(String token) {
        return JsonParser.parseString(ascent(token, "plan", "show", "--json").out)
                .getAsJsonObject()
                .get("timeZone")
                .getAsString();
    }

    @Test
    void aPlanFromCreationToProgress() {
        String token = newUser("cli-ann");
        CliRun created = newPlan(token, "6", "--rate", "python=1");
        assertEquals(0, created.exitCode, created::toString);
        assertTrue(created.out.contains("Path to"), created.out);

        assertEquals(0, ascent(token, "item", "start", "1").exitCode);
        CliRun done = ascent(token, "item", "done", "1");
        assertEquals(0, done.exitCode, done::toString);
        assertTrue(done.out.contains(": done"), done.out);
        CliRun logged = ascent(token, "log", "2", "45", "read", "the", "paper");
        assertEquals(0, logged.exitCode, logged::toString);
        assertTrue(logged.out.contains("logged 45m"), logged.out);

        JsonObject plan = JsonParser.parseString(ascent(token, "plan", "show", "--json").out)
                .getAsJsonObject();
        JsonObject first = plan.getAsJsonArray("items").get(0).getAsJsonObject();
        assertEquals("PLAN_ITEM_STATUS_DONE", first.get("status").getAsString());
        String planId = plan.get("name").getAsString().replaceAll(".*/", "");
        String secondItem = plan.getAsJsonArray("items")
                .get(1)
                .getAsJsonObject()
                .get("name")
                .getAsString();
        assertEquals(0, ascent(token, "item", "skip", planId + "/" + secondItem.replaceAll(".*/", "")).exitCode);

        CliRun progress = ascent(token, "progress", planId);
        assertEquals(0, progress.exitCode, progress::toString);
        assertTrue(progress.out.contains("[#"), progress.out);
        assertTrue(progress.out.contains("pace:"), progress.out);
        assertTrue(progress.out.contains("streak:  1 day"), progress.out);
        assertTrue(progress.out.contains("due next:"), progress.out);
        assertTrue(progress.out.contains("45m logged"), progress.out);

        CliRun list = ascent(token, "plan", "list");
        assertTrue(list.out.contains(planId), list::toString);
        CliRun activity = ascent(token, "activity", "--json");
        assertTrue(JsonParser.parseString(activity.out).getAsJsonArray().size() >= 4, activity::toString);
    }

    static JsonObject object(CliRun r) {
        assertEquals(0, r.exitCode, r::toString);
        return JsonParser.parseString(r.out).getAsJsonObject();
    }

    static JsonArray array(CliRun r) {
        assertEquals(0, r.exitCode, r::toString);
        return JsonParser.parseString(r.out).getAsJsonArray();
    }

    static CliRun ok(CliRun r) {
        assertEquals(0, r.exitCode, r::toString);
        return r;
    }

    static String id(JsonObject o) {
        return o.get("name").getAsString().replaceAll(".*/", "");
    }

    @Test
    void aMenteeAndAMentorFromInvitationToAVerifiedItem() {
        String mentee = newUser("cli-mentee");
        String mentor = newUser("cli-mentor");
        ok(ascent(mentee, "plan", "new", "--role", "senior-machine-learning-engineer", "--hours-per-week", "6"));
        String planName =
                object(ascent(mentee, "plan", "show", "--json")).get("name").getAsString();
        ok(ascent(mentee, "item", "start", "1"));
        ok(ascent(mentee, "item", "done", "1"));

        JsonObject invited =
                object(ascent(mentee, "mentor", "invite", "cli-mentor", "--message", "Review me?", "--json"));
        assertEquals("MENTORSHIP_STATE_PENDING", invited.get("state").getAsString());
        assertEquals("users/cli-mentor", invited.get("mentor").getAsString());
        String invitation = id(invited);
        CliRun again = ascent(mentee, "mentor", "invite", "cli-mentor");
        assertEquals(ExitCodes.FAILED, again.exitCode, again::toString);
        assertTrue(again.err.startsWith("ascent: already exists: "), again.err);

        CliRun received = ok(ascent(mentor, "mentor", "invitations"));
        assertTrue(received.out.startsWith("ID "), received.out);
        assertTrue(
                received.out.contains(invitation)
                        && received.out.contains("cli-mentee")
                        && received.out.contains("pending")
                        && received.out.contains("Review me?"),
                received.out);
        JsonArray receivedJson = array(ascent(mentor, "mentor", "invitations", "--json"));
        assertEquals(1, receivedJson.size());
        assertEquals(invitation, id(receivedJson.get(0).getAsJsonObject()));
        assertEquals(
                1,
                array(ascent(mentee, "mentor", "invitations", "--sent", "--json"))
                        .size());
        assertEquals(0, array(ascent(mentee, "mentor", "invitations", "--json")).size());

        CliRun menteeAccepts = ascent(mentee, "mentor", "accept", invitation);
        assertEquals(ExitCodes.AUTH, menteeAccepts.exitCode, menteeAccepts::toString);
        CliRun accepted = ok(ascent(mentor, "mentor", "accept", invitation));
        assertTrue(accepted.out.contains("cli-mentor mentors cli-mentee, active"), accepted.out);
        assertEquals(0, array(ascent(mentor, "mentor", "invitations", "--json")).size());
        assertEquals(
                1,
                array(ascent(mentor, "mentor", "invitations", "--all", "--json"))
                        .size());

        CliRun mentees = ok(ascent(mentor, "mentees"));
        assertTrue(mentees.out.startsWith("MENTEE "), mentees.out);
        assertTrue(
                mentees.out.lines().anyMatch(l -> l.startsWith("cli-mentee ") && l.contains("Test User")), mentees.out);
        JsonObject row = array(ascent(mentor, "mentees", "--json")).get(0).getAsJsonObject();
        assertEquals("users/cli-mentee", row.get("mentee").getAsString());
        assertEquals(1, row.get("planCount").getAsInt());

        JsonObject asked = object(ascent(
                mentee,
                "review",
                "request",
                "1",
                "--note",
                "Dashboards are live",
                "--link",
                "https://example.com/dashboards",
                "--json"));
        assertEquals("REVIEW_REQUEST_STATE_OPEN", asked.get("state").getAsString());
        assertEquals(planName + "/items/", asked.get("target").getAsString().replaceAll("[0-9]+$", ""));
        String request = id(asked);
        assertEquals(
                1,
                array(ascent(mentor, "mentees", "--json"))
                        .get(0)
                        .getAsJsonObject()
                        .get("awaitingReviewCount")
                        .getAsInt());

        CliRun queue = ok(ascent(mentor, "review", "queue"));
        assertTrue(queue.out.startsWith("#  ID "), queue.out);
        assertTrue(queue.out.contains(request) && queue.out.contains("Dashboards are live"), queue.out);
        JsonArray queueJson = array(ascent(mentor, "review", "queue", "--mentee", "cli-mentee", "--json"));
        assertEquals(1, queueJson.size());
        assertEquals(request, id(queueJson.get(0).getAsJsonObject()));
        CliRun menteeApproves = ascent(mentee, "review", "approve", request);
        assertEquals(ExitCodes.AUTH, menteeApproves.exitCode, menteeApproves::toString);

        CliRun approved = ok(ascent(mentor, "review", "approve", request, "--comment", "Solid work"));
        assertTrue(approved.out.contains("approved"), approved.out);
        assertEquals(0, array(ascent(mentor, "review", "queue", "--json")).size());

        JsonObject progress = object(ascent(mentee, "progress", "--json"));
        assertEquals(1, progress.get("verifiedCount").getAsInt(), progress::toString);
        CliRun progressText = ok(ascent(mentee, "progress"));
        assertTrue(progressText.out.contains("1 done (1 verified)"), progressText.out);
        CliRun mentorView = ok(ascent(mentor, "progress", planName));
        assertTrue(mentorView.out.contains("1 done (1 verified)"), mentorView.out);

        // Changes requested: the item goes back to in progress, the comment joins its thread.
        ok(ascent(mentee, "item", "done", "2"));
        String second = id(object(ascent(mentee, "review", "request", "2", "--json")));
        CliRun noComment = ascent(mentor, "review", "request-changes", second);
        assertEquals(ExitCodes.USAGE, noComment.exitCode, noComment::toString);
        assertTrue(noComment.err.contains("--comment"), noComment.err);
        JsonObject changes = object(
                ascent(mentor, "review", "request-changes", second, "--comment", "Add the latency numbers", "--json"));
        assertEquals(
                "REVIEW_REQUEST_STATE_CHANGES_REQUESTED", changes.get("state").getAsString());
        JsonObject item2 = object(ascent(mentee, "plan", "show", "--json"))
                .getAsJsonArray("items")
                .get(1)
                .getAsJsonObject();
        assertEquals("PLAN_ITEM_STATUS_IN_PROGRESS", item2.get("status").getAsString());

        // A completed practice session, by its short name, goes to the mentor's queue like an item.
        JsonObject session = object(
                ascent(mentee, "practice", "start", "feature-store", "--check", "1,2", "--rating", "2", "--json"));
        CliRun sessionReview = ok(ascent(mentee, "review", "request", "practiceSessions/" + id(session)));
        assertTrue(
                array(ascent(mentor, "review", "queue", "--json"))
                        .toString()
                        .contains("practiceSessions/" + id(session)),
                sessionReview::toString);

        // Someone else's invitation, declined.
        String other = newUser("cli-other");
        String declinedId = id(object(ascent(other, "mentor", "invite", "cli-mentor", "--json")));
        CliRun declined = ok(ascent(mentor, "mentor", "decline", "mentorships/" + declinedId));
        assertTrue(declined.out.contains("declined"), declined.out);
        assertEquals(1, array(ascent(mentor, "mentees", "--json")).size());
        // A listing cut short by --limit says how many of the whole list it shows (total_size), and how to see more.
        CliRun limited = ok(ascent(mentor, "mentor", "invitations", "--all", "--limit", "1"));
        assertTrue(limited.out.endsWith("\n1 of 2; --limit N shows more\n"), limited.out);
    }

    @Test
    void practiceWithFlagsAndStats() {
        String token = newUser("cli-practice");
        ok(ascent(token, "plan", "new", "--role", "senior-machine-learning-engineer", "--hours-per-week", "6"));

        CliRun done = ok(ascent(
                token,
                "practice",
                "start",
                "feature-store",
                "--check",
                "1,2",
                "--notes",
                "ran out of time",
                "--rating",
                "4",
                "--complete"));
        assertTrue(
                done.out.matches("(?s)practice session \\d+: .+, 2 of \\d+ steps \\(.+%\\), rated 4\n"
                        + "ask your mentor to review it: ascent review request practiceSessions/\\d+\n"),
                done.out);

        JsonObject linked = object(ascent(
                token,
                "practice",
                "start",
                "designPrompts/feature-store",
                "--item",
                "1",
                "--minutes",
                "30",
                "--check",
                "1,2,3",
                "--rating",
                "3",
                "--mark-done",
                "--json"));
        assertEquals("PRACTICE_SESSION_STATE_COMPLETED", linked.get("state").getAsString());
        assertEquals(3, linked.get("checkedCount").getAsInt());
        assertEquals(30, linked.get("timeBoxMinutes").getAsInt());
        assertEquals(3, linked.get("selfRating").getAsInt());
        assertEquals(
                "PLAN_ITEM_STATUS_DONE",
                object(ascent(token, "plan", "show", "--json"))
                        .getAsJsonArray("items")
                        .get(0)
                        .getAsJsonObject()
                        .get("status")
                        .getAsString());

        CliRun open = ok(ascent(token, "practice", "start", "feature-store", "--check", "1"));
        assertTrue(
                open.out.contains("1 of")
                        && open.out.contains(", active, ")
                        && open.out.contains("it stays open: 'ascent practice resume "),
                open.out);

        CliRun badStep = ascent(token, "practice", "start", "feature-store", "--check", "99");
        assertEquals(ExitCodes.USAGE, badStep.exitCode, badStep::toString);
        assertEquals(ExitCodes.USAGE, ascent(token, "practice", "start", "feature-store", "--complete").exitCode);
        assertEquals(ExitCodes.USAGE, ascent(token, "practice", "start", "feature-store", "--rating", "9").exitCode);
        assertEquals(
                ExitCodes.USAGE,
                ascent(token, "practice", "start", "feature-store", "--rating", "3", "--mark-done").exitCode);
        assertEquals(ExitCodes.NOT_FOUND, ascent(token, "practice", "start", "no-such-prompt").exitCode);

        CliRun stats = ok(ascent(token, "practice", "stats"));
        assertTrue(stats.out.startsWith("2 sessions completed, 0 abandoned; average coverage "), stats.out);
        assertTrue(stats.out.contains("average rating 3.5"), stats.out);
        assertTrue(stats.out.contains("PROMPT ") && stats.out.contains("feature-store"), stats.out);
        assertTrue(stats.out.contains("PHASE "), stats.out);
        JsonObject statsJson = object(ascent(token, "practice", "stats", "--prompt", "feature-store", "--json"));
        assertEquals(2, statsJson.getAsJsonObject("overall").get("attempts").getAsInt());
        assertEquals(
                "designPrompts/feature-store",
                statsJson
                        .getAsJsonArray("sources")
                        .get(0)
                        .getAsJsonObject()
                        .get("source")
                        .getAsString());
    }

    @Test
    void theInteractiveChecklistReadsItsCommandsFromAPipe() {
        String token = newUser("cli-checklist");
        CliRun run = CliRun.run(
                env(token), "1 2\n3\n2\nbogus\ndone\n7\n5\n", "practice", "start", "feature-store", "--interactive");
        assertEquals(0, run.exitCode, run::toString);
        assertTrue(run.out.contains("left]") || run.out.contains(" left] "), run.out);
        assertTrue(run.out.contains("not a step number: bogus"), run.out);
        assertTrue(run.out.contains("how did it go"), run.out);
        assertTrue(
                run.out.matches("(?s).*completed session \\d+: 2 of \\d+ steps \\(.+%\\), rated 5\n"
                        + "ask your mentor to review it: ascent review request practiceSessions/\\d+\n"),
                run.out);

        CliRun later = CliRun.run(env(token), "1\n", "practice", "start", "feature-store", "-i");
        assertEquals(0, later.exitCode, later::toString);
        assertTrue(
                later.out.contains("left open: session ") && later.out.contains("ascent practice resume "), later.out);
        CliRun abandoned = CliRun.run(env(token), "abandon\n", "practice", "start", "feature-store", "-i");
        assertTrue(abandoned.out.matches("(?s).*abandoned session \\d+\n"), abandoned::toString);
        JsonObject overall =
                object(ascent(token, "practice", "stats", "--json")).getAsJsonObject("overall");
        assertEquals(1, overall.get("attempts").getAsInt());
        assertEquals(1, overall.get("abandonedCount").getAsInt());
        assertEquals(
                ExitCodes.USAGE, ascent(token, "practice", "start", "feature-store", "-i", "--rating", "3").exitCode);
    }

    @Test
    void watchPrintsTheBacklogAfterACursorAndLiveEventsOfMentees() throws Exception {
        String mentee = newUser("cli-watched");
        String mentor = newUser("cli-watcher");
        ok(ascent(mentee, "plan", "new", "--role", "senior-machine-learning-engineer", "--hours-per-week", "6"));
        long last = array(ascent(mentee, "activity", "--json"))
                .get(0)
                .getAsJsonObject()
                .get("sequence")
                .getAsLong();
        ok(ascent(mentee, "log", "1", "25", "warm-up"));
        ok(ascent(mentee, "item", "start", "2"));

        CliRun backlog = ok(ascent(mentee, "watch", "--after", Long.toString(last), "--count", "2", "--json"));
        List<JsonObject> events = backlog.out
                .lines()
                .map(l -> JsonParser.parseString(l).getAsJsonObject())
                .toList();
        assertEquals(2, events.size(), backlog.out);
        assertEquals("ACTIVITY_TYPE_TIME_LOGGED", events.get(0).get("type").getAsString());
        assertEquals(25, events.get(0).get("minutes").getAsInt());
        assertEquals("ACTIVITY_TYPE_STATUS_CHANGED", events.get(1).get("type").getAsString());
        CliRun text = ok(ascent(mentee, "watch", "--after", Long.toString(last), "--count", "1"));
        assertTrue(text.out.strip().lines().count() == 1 && text.out.contains("cli-watched"), text.out);

        long start = System.nanoTime();
        CliRun quiet = ok(ascent(mentor, "watch", "--timeout", "2"));
        assertEquals("", quiet.out);
        assertTrue(System.nanoTime() - start < 15_000_000_000L, "--timeout 2 took too long");

        String invitation = id(object(ascent(mentee, "mentor", "invite", "cli-watcher", "--json")));
        ok(ascent(mentor, "mentor", "accept", invitation));
        // The mentor watches the mentee's plan from now; the mentee keeps logging until the watcher has seen one of
        // those events. (Filtered to the plan: "now" on the server is its poller's head, which may lag a moment
        // behind the invitation and acceptance just made, and those mentorship events are not plan events.)
        String plan =
                object(ascent(mentee, "plan", "show", "--json")).get("name").getAsString();
        CompletableFuture<CliRun> watching = CompletableFuture.supplyAsync(() -> ascent(
                mentor, "watch", "--user", "cli-watched", "--plan", plan, "--count", "1", "--timeout", "60", "--json"));
        for (int i = 0; i < 60 && !watching.isDone(); i++) {
            ok(ascent(mentee, "log", "1", "1", "live " + i));
            Thread.sleep(500);
        }
        CliRun live = watching.get(70, TimeUnit.SECONDS);
        assertEquals(0, live.exitCode, live::toString);
        JsonObject event = JsonParser.parseString(live.out.strip()).getAsJsonObject();
        assertEquals("users/cli-watched", event.get("owner").getAsString());
        assertEquals("ACTIVITY_TYPE_TIME_LOGGED", event.get("type").getAsString());
        assertEquals(1, event.get("minutes").getAsInt());
        assertEquals(plan, event.get("plan").getAsString());

        CliRun stranger = ascent(newUser("cli-stranger"), "watch", "--user", "cli-watched", "--timeout", "5");
        assertEquals(ExitCodes.NOT_FOUND, stranger.exitCode, stranger::toString);
        assertEquals(ExitCodes.USAGE, ascent(mentor, "watch", "--count", "-1").exitCode);
    }

    @Test
    void adminCheckRecomputesTheCountersAndSaysWhetherAnythingDiffers() {
        String token = newUser("cli-check");
        assertEquals(
                0,
                ascent(token, "plan", "new", "--role", "senior-machine-learning-engineer", "--hours-per-week", "5")
                        .exitCode);
        CliRun check = ascent(PackagedPlatform.ADMIN_TOKEN, "admin", "check", "--page-size", "1");
        assertEquals(0, check.exitCode, check::toString);
        assertTrue(
                check.out.matches("(?s)checked [1-9][0-9]* plans and [0-9]+ practice sessions: consistent\\s*"),
                check.out);
        CliRun notAdmin = ascent(token, "admin", "check");
        assertEquals(ExitCodes.AUTH, notAdmin.exitCode, notAdmin::toString);
    }

    @Test
    void failuresPrintOneLineAndExitWithDistinctCodes() {
        CliRun notFound = ascent(null, "role", "no-such-role");
        assertEquals(ExitCodes.NOT_FOUND, notFound.exitCode, notFound::toString);
        assertEquals(1, notFound.err.strip().lines().count(), notFound.err);
        assertTrue(notFound.err.startsWith("ascent: not found: "), notFound.err);

        CliRun noToken = ascent(null, "plan", "list");
        assertEquals(ExitCodes.AUTH, noToken.exitCode, noToken::toString);
        assertTrue(noToken.err.contains("ascent login"), noToken.err);
        assertEquals(ExitCodes.AUTH, ascent("not-a-real-token-at-all", "whoami").exitCode);

        assertEquals(ExitCodes.USAGE, ascent(null, "plan", "new").exitCode);
        assertEquals(ExitCodes.USAGE, ascent(null, "no-such-command").exitCode);
        CliRun invalid = ascent(
                newUser("cli-bad"),
                "plan",
                "new",
                "--role",
                "senior-machine-learning-engineer",
                "--hours-per-week",
                "500");
        assertEquals(ExitCodes.USAGE, invalid.exitCode, invalid::toString);
        assertTrue(invalid.err.startsWith("ascent: invalid input: --hours-per-week: "), invalid.err);
        assertFalse(invalid.err.contains("hours_per_week"), invalid.err);

        CliRun noPlan = ascent(newUser("cli-new"), "progress");
        assertEquals(ExitCodes.NOT_FOUND, noPlan.exitCode, noPlan::toString);
        assertTrue(noPlan.err.contains("ascent plan new"), noPlan.err);

        CliRun down = ascent(null, "roles", "--content", "127.0.0.1:1", "--deadline", "1");
        assertEquals(ExitCodes.UNAVAILABLE, down.exitCode, down::toString);
        assertTrue(down.err.startsWith("ascent: service unavailable"), down.err);
    }

    @Test
    void loginSavesTheTokenReadableOnlyByItsOwnerAndEnvironmentOverridesIt(@TempDir Path dir) throws Exception {
        String token = newUser("cli-login");
        Map<String, String> env = env(null);
        Path config = dir.resolve("ascent").resolve("config.properties");
        env.put("ASCENT_CONFIG", config.toString());
        CliRun login = CliRun.run(env, token + "\n", "login");
        assertEquals(0, login.exitCode, login::toString);
        assertTrue(login.out.contains("Logged in as cli-login"), login.out);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(config)));
        assertTrue(Files.readString(config).contains("token=" + token));

        CliRun whoami = CliRun.run(env, "", "whoami");
        assertEquals("cli-login (Test User)", whoami.out.strip(), whoami::toString);
        env.put("ASCENT_TOKEN", PackagedPlatform.ADMIN_TOKEN);
        assertTrue(CliRun.run(env, "", "whoami").out.startsWith("admin "));
        assertTrue(CliRun.run(env, "", "whoami", "--token", token).out.startsWith("cli-login "));
    }

    @Test
    void everyCommandHasHelp() {
        List<List<String>> paths = new ArrayList<>();
        java.io.PrintWriter sink = new java.io.PrintWriter(java.io.Writer.nullWriter());
        collect(
                AscentCli.commandLine(new Cli(Map.of(), sink, sink, java.io.InputStream.nullInputStream(), false)),
                new ArrayList<>(),
                paths);
        assertTrue(paths.size() > 30, paths::toString);
        for (List<String> path : paths) {
            List<String> args = new ArrayList<>(path);
            args.add("--help");
            CliRun help = ascent(null, args.toArray(String[]::new));
            assertEquals(0, help.exitCode, () -> path + ": " + help);
            assertTrue(help.out.startsWith("Usage: ascent"), () -> path + ": " + help.out);
            assertFalse(help.out.isBlank());
        }
    }

    private static void collect(CommandLine cl, List<String> path, List<List<String>> out) {
        out.add(path);
        cl.getSubcommands().forEach((name, sub) -> {
            if (!name.equals("help")) {
                List<String> p = new ArrayList<>(path);
                p.add(name);
                collect(sub, p, out);
            }
        });
    }
}
