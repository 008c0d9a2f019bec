package io.socialbot.casework.twittertext;

import com.twitter.twittertext.Extractor;
import io.socialbot.casework.ReplyEntities;
import java.util.List;

/** Links and mentions as X finds them (twitter-text's extractor: {@code example.com} is a link too). */
public final class TwitterTextEntities implements ReplyEntities {

    private final Extractor extractor = new Extractor();

    @Override
    public List<String> links(String text) {
        return extractor.extractURLs(text);
    }

    @Override
    public List<String> handles(String text) {
        return extractor.extractMentionedScreennames(text);
    }
}
