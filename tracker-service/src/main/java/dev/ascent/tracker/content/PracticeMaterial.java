package dev.ascent.tracker.content;

import java.util.List;

/**
 * A design prompt or checklist as the catalog serves it, in the tracker's own types. Each step has its name in the
 * catalog, its phase ("" when it has none: checklist items), a title and its text.
 */
public record PracticeMaterial(String name, String title, String scenario, List<Step> steps) {

    public record Step(String name, String phase, String title, String text) {}
}
