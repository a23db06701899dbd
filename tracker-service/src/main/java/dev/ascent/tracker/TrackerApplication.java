package dev.ascent.tracker;

import dev.ascent.common.ServiceLauncher;
import dev.ascent.common.ServiceSpec;

/** Entry point of the tracker service: users, plans, progress, practice, mentorship and reviews. */
public final class TrackerApplication {

    public static final ServiceSpec SPEC = new ServiceSpec("tracker", "ASCENT_TRACKER", 50052);

    private TrackerApplication() {}

    public static void main(String[] args) {
        ServiceLauncher.launch(SPEC, TrackerApplication.class, args);
    }
}
