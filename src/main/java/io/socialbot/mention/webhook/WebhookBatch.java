package io.socialbot.mention.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.socialbot.mention.Mention;
import io.socialbot.mention.MentionJson;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** Reads a webhook body (one object, a JSON array, or NDJSON) into mentions, or names the first bad item. */
final class WebhookBatch {

    /** The body as mentions, or the first problem. */
    sealed interface Result permits Ok, Bad {
    }

    record Ok(List<Mention> mentions) implements Result {
    }

    /** {@code index} is the item's position from 0; {@code line} is its NDJSON line (0 for arrays and objects). */
    record Bad(int index, long line, String field, String reason) implements Result {
    }

    private WebhookBatch() {
    }

    static Result parse(byte[] body, int maxItems) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            return new Bad(0, 0, "$", "body is not valid UTF-8");
        }
        text = MentionJson.withoutByteOrderMark(text); // accepted: some Windows tools start UTF-8 with one
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            return new Bad(0, 0, "$", "body is empty: send a mention object, an array, or NDJSON");
        }
        if (trimmed.startsWith("[")) {
            JsonNode array;
            try {
                array = MentionJson.mapper().readTree(trimmed);
            } catch (JsonProcessingException e) {
                return arrayProblem(MentionJson.notJson(e));
            }
            if (array.size() > maxItems) {
                return new Bad(maxItems, 0, "$", "more than " + maxItems + " mentions in one request");
            }
            List<Mention> out = new ArrayList<>(array.size());
            for (int i = 0; i < array.size(); i++) {
                MentionJson.Parsed parsed = MentionJson.parse(array.get(i));
                if (parsed instanceof MentionJson.Invalid bad) {
                    return new Bad(i, 0, bad.field(), bad.reason());
                }
                out.add(((MentionJson.Valid) parsed).mention());
            }
            return new Ok(out);
        }
        // One object or NDJSON: a single pretty-printed object spans lines, so try it whole first.
        MentionJson.Parsed whole = MentionJson.parseLine(trimmed);
        if (whole instanceof MentionJson.Valid valid) {
            return new Ok(List.of(valid.mention()));
        }
        if (!trimmed.contains("\n")) {
            MentionJson.Invalid bad = (MentionJson.Invalid) whole;
            return new Bad(0, 0, bad.field(), bad.reason());
        }
        List<Mention> out = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        int index = 0;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            if (index >= maxItems) {
                return new Bad(index, i + 1, "$", "more than " + maxItems + " mentions in one request");
            }
            MentionJson.Parsed parsed = MentionJson.parseLine(lines[i]);
            if (parsed instanceof MentionJson.Invalid bad) {
                return new Bad(index, i + 1, bad.field(), bad.reason());
            }
            out.add(((MentionJson.Valid) parsed).mention());
            index++;
        }
        return new Ok(out);
    }

    /** A problem found while reading the whole array: a duplicate key's path starts with its item's index. */
    private static Bad arrayProblem(MentionJson.Invalid bad) {
        int dot = bad.field().indexOf('.');
        if (dot > 0 && bad.field().substring(0, dot).chars().allMatch(Character::isDigit)) {
            return new Bad(Integer.parseInt(bad.field().substring(0, dot)), 0, bad.field().substring(dot + 1),
                    bad.reason());
        }
        return new Bad(0, 0, bad.field(), bad.reason());
    }
}
