package dev.ascent.content.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Splits list entries that lost their separators ("Production DebuggingModel Monitoring"). A split point is a
 * lower-case letter followed by an upper-case one, or the last capital of an acronym followed by a capitalized
 * word ("NVIDIASalesforce"). It is only taken when the letters on both sides, up to the neighbouring split points,
 * are at least three long (so "PyTorch", "iPhone" and "LinkedIn" stay whole) and it does not fall inside a known
 * camel-case name; the edges of known names are split points too. Lines with digits are left alone: they are amounts or steps, not glued names.
 */
final class RunTogether {
    private static final List<String> CAMEL_NAMES = List.of(
            "PyTorch",
            "TensorFlow",
            "MLflow",
            "JavaScript",
            "TypeScript",
            "CoffeeScript",
            "GitHub",
            "GitLab",
            "BitBucket",
            "BigQuery",
            "BigTable",
            "DevOps",
            "MLOps",
            "DataOps",
            "DevSecOps",
            "FinOps",
            "LLMOps",
            "AIOps",
            "GitOps",
            "LinkedIn",
            "iPhone",
            "iPad",
            "iOS",
            "macOS",
            "XGBoost",
            "LightGBM",
            "CatBoost",
            "SageMaker",
            "Kubeflow",
            "PostgreSQL",
            "MySQL",
            "NoSQL",
            "GraphQL",
            "MongoDB",
            "DynamoDB",
            "CockroachDB",
            "FastAPI",
            "NumPy",
            "SciPy",
            "PySpark",
            "OpenAI",
            "OpenCV",
            "OpenShift",
            "OpenStack",
            "OpenTelemetry",
            "YouTube",
            "PowerPoint",
            "PowerShell",
            "SharePoint",
            "WordPress",
            "PayPal",
            "DoorDash",
            "DeepMind",
            "DeepSpeed",
            "HuggingFace",
            "LangChain",
            "LlamaIndex",
            "ClickHouse",
            "CloudFormation",
            "CloudWatch",
            "CloudFlare",
            "ElasticSearch",
            "JetBrains",
            "HashiCorp",
            "ServiceNow",
            "WhatsApp",
            "SalesForce",
            "HubSpot",
            "DataRobot",
            "MicroStrategy",
            "QuickBooks",
            "SolidWorks",
            "AutoCAD",
            "ArcGIS",
            "JupyterLab",
            "JupyterHub",
            "PagerDuty",
            "TeamCity",
            "CircleCI",
            "ArgoCD",
            "VMware",
            "RabbitMQ",
            "ZeroMQ",
            "ScyllaDB",
            "InfluxDB",
            "TimescaleDB",
            "SnowPark",
            "DuckDB");

    private RunTogether() {}

    static List<String> split(String text) {
        return split(text, Cancellation.NONE);
    }

    /** As {@link #split(String)}, checking the cancellation every few thousand characters of a long line. */
    static List<String> split(String text, Cancellation cancellation) {
        if (text.chars().anyMatch(Character::isDigit)) {
            return List.of(text.trim());
        }
        TreeSet<Integer> candidates = new TreeSet<>();
        for (int p = 1; p < text.length(); p++) {
            if ((p & 4095) == 0) {
                cancellation.check();
            }
            char a = text.charAt(p - 1);
            char b = text.charAt(p);
            boolean lowerUpper = Character.isLowerCase(a) && Character.isUpperCase(b);
            boolean acronymWord = Character.isUpperCase(a)
                    && Character.isUpperCase(b)
                    && p + 1 < text.length()
                    && Character.isLowerCase(text.charAt(p + 1));
            if (lowerUpper || acronymWord) {
                candidates.add(p);
            }
        }
        boolean[] protectedPos = protectedPositions(text);
        addNameEdges(text, candidates);
        candidates.removeIf(p -> protectedPos[p]);
        // An array, not the set, answers "is this a split point" in the letter walks below.
        boolean[] marks = new boolean[text.length() + 1];
        candidates.forEach(p -> marks[p] = true);
        List<String> parts = new ArrayList<>();
        int from = 0;
        int seen = 0;
        for (int p : candidates) {
            if ((++seen & 1023) == 0) {
                cancellation.check();
            }
            int left = letters(text, p, -1, marks);
            int right = letters(text, p, +1, marks);
            if (left >= 3 && right >= 3) {
                parts.add(text.substring(from, p).trim());
                from = p;
            }
        }
        parts.add(text.substring(from).trim());
        parts.removeIf(String::isEmpty);
        return parts;
    }

    /** Letters from p in one direction until a non-letter or another candidate split point. */
    private static int letters(String text, int p, int dir, boolean[] candidates) {
        int count = 0;
        int i = dir > 0 ? p : p - 1;
        while (i >= 0 && i < text.length() && Character.isLetter(text.charAt(i))) {
            count++;
            int boundary = dir > 0 ? i + 1 : i;
            if (candidates[boundary] && boundary != p) {
                break;
            }
            i += dir;
        }
        return count;
    }

    /** Known names also mark where they start and end, which case alone misses in "LinkedIniPhone". */
    private static void addNameEdges(String text, TreeSet<Integer> candidates) {
        for (String name : CAMEL_NAMES) {
            for (int at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
                int end = at + name.length();
                if (at > 0 && Character.isLetter(text.charAt(at - 1))) {
                    candidates.add(at);
                }
                if (end < text.length() && Character.isLetter(text.charAt(end))) {
                    candidates.add(end);
                }
            }
        }
    }

    /** Marks split positions strictly inside known camel-case names. */
    private static boolean[] protectedPositions(String text) {
        boolean[] marks = new boolean[text.length() + 1];
        for (String name : CAMEL_NAMES) {
            int at = text.indexOf(name);
            while (at >= 0) {
                for (int p = at + 1; p < at + name.length(); p++) {
                    marks[p] = true;
                }
                at = text.indexOf(name, at + 1);
            }
        }
        return marks;
    }
}
