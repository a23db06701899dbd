package dev.ascent.content.importer;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RepairHeuristicsTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Production PlanningVendor Management|Production Planning;Vendor Management",
                "AcmeGlobexInitechNVIDIAUmbrella|Acme;Globex;Initech;NVIDIA;Umbrella",
                "PyTorch|PyTorch",
                "TensorFlowKubeflowMLflow|TensorFlow;Kubeflow;MLflow",
                "JavaScriptTypeScript|JavaScript;TypeScript",
                "GitHubBigQueryDevOps|GitHub;BigQuery;DevOps",
                "MLOpsLinkedIniPhone|MLOps;LinkedIn;iPhone",
                "XGBoostLightGBMSageMaker|XGBoost;LightGBM;SageMaker",
                "Data PipelinesXGBoost Serving|Data Pipelines;XGBoost Serving",
                "McKinsey Reports|McKinsey Reports",
                "Healthcare and RetailMedia|Healthcare and Retail;Media",
            })
    void runTogetherSplit(String input, String expected) {
        assertEquals(List.of(expected.split(";")), RunTogether.split(input));
    }

    @Test
    void runTogetherLeavesLinesWithDigitsAlone() {
        assertEquals(List.of("Entry LevelUSD 90,000"), RunTogether.split("Entry LevelUSD 90,000"));
    }

    @Test
    void numberedStepsAcrossLines() {
        NumberedSteps steps = new NumberedSteps(1);
        assertEquals(List.of("Draft a study plan"), steps.take("Draft a study plan2"));
        assertEquals(List.of("Book the exam for Python 3 basics"), steps.take("Book the exam for Python 3 basics3"));
        assertEquals(List.of("Review AWS S3 pricing"), steps.take("Review AWS S3 pricing"));
    }

    @Test
    void numberedStepsOnOneLineOnlyCutExpectedNumbers() {
        NumberedSteps steps = new NumberedSteps(1);
        assertEquals(
                List.of("Learn Web3 basics", "Ship one demo", "Ask for review"),
                steps.take("1Learn Web3 basics2Ship one demo3Ask for review"));
        assertTrue(NumberedSteps.opensList("1Learn things"));
        assertFalse(NumberedSteps.opensList("3D Modeling"));
    }

    @Test
    void numberedStepsWithDotsAndMonitoringExample() {
        NumberedSteps steps = new NumberedSteps(1);
        assertEquals(
                List.of("Add a project that includes monitoring", "Build a small dashboard"),
                steps.take("Add a project that includes monitoring2Build a small dashboard"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Development SuggestionsPair with a senior colleague on one design review per month.|"
                        + "Development Suggestions;Pair with a senior colleague on one design review per month.",
                "Demand keeps rising in most regions.Companies Hiring|Demand keeps rising in most regions.;Companies Hiring",
                "Demand keeps rising in most regions.Where To Look|Demand keeps rising in most regions.;Where To Look",
                "OverviewA Data Steward keeps definitions consistent across teams.|"
                        + "Overview;A Data Steward keeps definitions consistent across teams.",
                "Career DevelopmentSystem Design|Career DevelopmentSystem Design",
                "Key Responsibilities|Key Responsibilities",
            })
    void gluedHeadings(String input, String expected) {
        assertEquals(List.of(expected.split(";")), GluedHeadings.split(input));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Overall, these habits keep the platform cheap and easy to reason about.",
                "Ultimately the role rewards people who enjoy careful operational work.",
                "Together these practices reduce incidents and speed up onboarding.",
                "These habits separate good data engineers from great ones in practice.",
                "In summary, the job mixes coding, planning and a lot of listening.",
                "By practicing these skills, engineers grow into trusted technical leads.",
                "Mastering these basics makes every later promotion conversation easier.",
                "Staff Data Engineers who combine these strengths become the people others ask for direction.",
            })
    void gluedClosingIsFoundAfterAWordWithoutPeriod(String closing) {
        ClosingSummaries c = new ClosingSummaries("Staff Data Engineer");
        String item = "Keep documentation close to the code " + closing;
        int at = c.splitPoint(item, true);
        assertEquals("Keep documentation close to the code ".length(), at);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Use tools like Docker Compose for local stacks with realistic sample data sets and fixtures.",
                "Present results to Product Managers and Finance Partners every single month without fail.",
                "Collaborate with Staff Engineers on the design of shared libraries and services for teams.",
                "Work with AWS and GCP services daily",
                "Publish results The team reviews",
            })
    void ordinaryBulletsAreNotSplit(String item) {
        assertEquals(-1, new ClosingSummaries("Senior Data Scientist").splitPoint(item, true));
    }

    @Test
    void paragraphsOnlySplitAtSentenceEnds() {
        ClosingSummaries c = new ClosingSummaries("Staff Data Engineer");
        String para = "Demand for Staff Data Engineers is expected to rise steadily across the next several years.";
        assertEquals(-1, c.splitPoint(para, false));
        String glued = "Teams adopt streaming. By embracing these shifts, engineers stay relevant for many years.";
        assertEquals(glued.indexOf("By"), c.splitPoint(glued, false));
    }

    @Test
    void closingAppliedToSectionDraft() {
        SectionDraft s = new SectionDraft(SectionKind.BEST_PRACTICES, "Best Practices", 1);
        s.intro.add(new TextLine(2, "Follow these:"));
        TopicDraft t = s.newTopic("Testing", 3);
        t.items.add(new ParsedItem("Write tests first Overall, testing early keeps the feedback loop short.", 4));
        new ClosingSummaries("QA Engineer").apply(s);
        ParsedSection frozen = s.freeze();
        assertEquals("Follow these:\nOverall, testing early keeps the feedback loop short.", frozen.summary());
        assertEquals(
                new ParsedItem("Write tests first", 4),
                frozen.topics().get(0).items().get(0));
    }

    @Test
    void cleanNumberedStepsOnTheirOwnLinesLoseTheirNumbers() throws Exception {
        String text = "Staff Platform Engineer\nCareer Guide\nTop Skills\n- Go\n- Kubernetes\nNext Steps\n"
                + "1. Run a game day for your service\n2. Write the runbook you wish you had\n"
                + "3. Mentor one engineer through an incident\n";
        ParsedGuide g = new GuideParser().parse(text, null);
        ParsedSection next = g.sections().stream()
                .filter(s -> s.kind() == SectionKind.NEXT_STEPS)
                .findFirst()
                .orElseThrow();
        org.junit.jupiter.api.Assertions.assertEquals(
                java.util.List.of(
                        "Run a game day for your service",
                        "Write the runbook you wish you had",
                        "Mentor one engineer through an incident"),
                next.topics().stream()
                        .flatMap(t -> t.items().stream())
                        .map(ParsedItem::text)
                        .toList());
    }
}
