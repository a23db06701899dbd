package dev.ascent.content.importer;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class VocabularyAndKeysTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Overview|OVERVIEW",
                "Role Overview|OVERVIEW",
                "Core Responsibilities|RESPONSIBILITIES",
                "Key Responsibilities|RESPONSIBILITIES",
                "Responsibilities|RESPONSIBILITIES",
                "Duties and Tasks|RESPONSIBILITIES",
                "Requirements|REQUIREMENTS",
                "Qualifications|REQUIREMENTS",
                "Skills|SKILLS",
                "Technical Skills|SKILLS",
                "Top Skills for Success|SKILLS",
                "Required Skills|SKILLS",
                "Skill Gaps|SKILL_GAPS",
                "Common Skill Gaps|SKILL_GAPS",
                "Career Paths|CAREER_PATHS",
                "Career Progression|CAREER_PATHS",
                "Career Development|CAREER_DEVELOPMENT",
                "Professional Growth|CAREER_DEVELOPMENT",
                "Development Suggestions|DEVELOPMENT_SUGGESTIONS",
                "Next Steps|NEXT_STEPS",
                "Recommended Next Steps|NEXT_STEPS",
                "Market Demand|MARKET_DEMAND",
                "Market Outlook|MARKET_DEMAND",
                "Job Outlook|MARKET_DEMAND",
                "Salary Ranges (US Market, 2024)|SALARY",
                "Salary Range|SALARY",
                "Salary & Demand|SALARY",
                "Compensation|SALARY",
                "Industry Trends|INDUSTRY_TRENDS",
                "Emerging Trends|INDUSTRY_TRENDS",
                "Essential Soft Skills|SOFT_SKILLS",
                "Soft Skills|SOFT_SKILLS",
                "Best Practices|BEST_PRACTICES",
                "Common Challenges|CHALLENGES",
                "Challenges|CHALLENGES",
                "4. Salary Range|SALARY",
            })
    void headingKinds(String heading, SectionKind kind) {
        assertEquals(kind, SectionVocabulary.kindOf(heading).orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Best Practices and Compliance",
                "Continuous Learning",
                "Salary Trends",
                "Growth Trend",
                "Leadership and Management Skills",
                "Team Rituals",
                "Data Quality and Availability"
            })
    void headingsOutsideTheVocabulary(String heading) {
        assertTrue(SectionVocabulary.kindOf(heading).isEmpty(), heading);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Can Lead To",
                "Transition Opportunities",
                "Often Missing Skills",
                "Median Salary Range",
                "Growth Trend",
                "Major Employers",
                "Industry Sectors"
            })
    void shortFormLabels(String label) {
        assertTrue(SectionVocabulary.isLabel(label));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Distributed Systems|distributed system",
                "distributed  system|distributed system",
                "C++|c++",
                "CI/CD|ci/cd",
                "CI / CD|ci/cd",
                "Libraries|library",
                "Data Pipelines|data pipeline",
                "Business Process|business process",
                "Kubernetes|kubernetes",
                "MLOps|mlops",
                "Node.js|node.js",
                "  Python. |python",
                "Data Analysis|data analysis",
                "AWS|aws",
            })
    void skillKeys(String name, String key) {
        assertEquals(key, SkillKeys.key(name));
    }

    @Test
    void skillKeyOfNullIsEmpty() {
        assertEquals("", SkillKeys.key(null));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Python: strong coding and testing habits|Python",
                "Frameworks: Spark, Flink, Beam|Spark;Flink;Beam",
                "Experience with warehouses (Snowflake, BigQuery, Redshift)|Snowflake;BigQuery;Redshift",
                "Comfort with languages such as Scala, Java and Kotlin|Scala;Java;Kotlin",
                "Stream Processing|Stream Processing",
            })
    void skillNamesFromItems(String item, String names) {
        assertEquals(java.util.List.of(names.split(";")), SkillMentions.names(item));
    }

    @Test
    void longSentenceWithoutStructureYieldsNoSkill() {
        assertTrue(SkillMentions.names("A solid grasp of how storage engines trade reads for writes.")
                .isEmpty());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "A Staff Data Engineer owns the platform.|Staff Data Engineer",
                "An Analytics Engineer sits between data and business teams.|Analytics Engineer",
                "The role of a Senior MLOps Engineer is to keep models shipping.|Senior MLOps Engineer",
                "As a Head of Data, you set the direction for analytics.|Head of Data",
                "Machine Learning Engineers (MLE) play a central part in products.|Machine Learning Engineer",
                "Data Engineers specializing in Streaming Systems build real-time pipelines.|"
                        + "Data Engineer specializing in Streaming Systems",
                "Platform Engineers are in high demand.|Platform Engineer",
            })
    void titleInference(String sentence, String title) {
        assertEquals(title, TitleInference.infer(sentence).orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "This overview explains the job.",
                "Machine Learning is a broad field.",
                "Working in data is rewarding.",
                ""
            })
    void noTitleInOrdinarySentences(String sentence) {
        assertTrue(TitleInference.infer(sentence).isEmpty());
    }
}
