package io.socialbot.casework.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.view.View;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The reply modal's suggestion list stays within a section's 3,000 characters without cutting an entity. */
class ReplyModalTest {

    @Test
    void longSuggestionsAreClippedBeforeEscapingOnWholeEntities() {
        View view = ReplyModal.view("twitter:1", Optional.empty(),
                List.of("first", "Fish & chips <3", "&".repeat(2_000)));
        String others = view.getBlocks().stream().filter(b -> b instanceof SectionBlock)
                .map(b -> ((SectionBlock) b).getText().getText()).filter(t -> t.startsWith("*Other suggestions*"))
                .findFirst().orElseThrow();

        assertThat(others.length()).isLessThanOrEqualTo(CaseBlocks.SECTION_TEXT);
        assertThat(others).contains("Fish &amp; chips &lt;3").doesNotContain("<3");
        assertThat(others.replace("&amp;", "").replace("&lt;", "").replace("&gt;", "")).doesNotContain("&");
    }
}
