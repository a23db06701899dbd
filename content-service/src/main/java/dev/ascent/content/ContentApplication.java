package dev.ascent.content;

import dev.ascent.common.ServiceLauncher;
import dev.ascent.common.ServiceSpec;

/** Entry point of the content service: the career-guide catalog, checklists and design prompts. */
public final class ContentApplication {

    public static final ServiceSpec SPEC = new ServiceSpec("content", "ASCENT_CONTENT", 50051, 2 * 1024 * 1024);

    private ContentApplication() {}

    public static void main(String[] args) {
        ServiceLauncher.launch(SPEC, ContentApplication.class, args);
    }
}
