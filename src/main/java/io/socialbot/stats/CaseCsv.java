package io.socialbot.stats;

import io.socialbot.triage.TriageDecision.Priority;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The export format: one row per case, every timestamp in ISO-8601 UTC, RFC 4180 quoting; {@code first_reply} is an
 * agent's, {@code first_broadcast} the bot's own status-update reply, {@code approval_wait} how long its replies
 * waited for a lead's approval (an ISO-8601 duration such as {@code PT4M12S}; empty when none did).
 */
public final class CaseCsv {

    public static final String HEADER =
            "case_key,priority,incident,channel,agent,received,posted,claimed,first_reply,resolved,first_broadcast,note,"
                    + "approval_wait";

    private CaseCsv() {
    }

    public static String write(List<CaseTimeline> cases) {
        StringBuilder sb = new StringBuilder(HEADER.length() + cases.size() * 160).append(HEADER).append("\r\n");
        for (CaseTimeline c : cases) {
            sb.append(field(c.caseKey())).append(',')
                    .append(c.priority() == null ? "" : c.priority().name()).append(',')
                    .append(field(c.incident())).append(',')
                    .append(field(c.channel())).append(',')
                    .append(field(c.agent())).append(',')
                    .append(time(c.received())).append(',')
                    .append(time(c.posted())).append(',')
                    .append(time(c.claimed())).append(',')
                    .append(time(c.firstReply())).append(',')
                    .append(time(c.resolved())).append(',')
                    .append(time(c.broadcast())).append(',').append(field(c.note())).append(',')
                    .append(c.approvalWait() == null ? "" : c.approvalWait().toString()).append("\r\n");
        }
        return sb.toString();
    }

    /** Reads what {@link #write} wrote; empty fields are null. */
    public static List<CaseTimeline> read(String csv) {
        List<List<String>> rows = rows(csv);
        String header = rows.isEmpty() ? "" : String.join(",", rows.get(0));
        // this version's header, or an older export's: up to resolved (10 columns), first_broadcast (11) or note (12)
        boolean older = HEADER.startsWith(header + ",") && header.split(",").length >= 10;
        if (!header.equals(HEADER) && !older) {
            throw new IllegalArgumentException("not a case export: the first line must be " + HEADER);
        }
        List<CaseTimeline> out = new ArrayList<>();
        for (List<String> r : rows.subList(1, rows.size())) {
            int fields = rows.get(0).size();
            if (r.size() != fields) {
                throw new IllegalArgumentException("expected " + fields + " fields, got " + r.size() + ": " + r);
            }
            out.add(new CaseTimeline(r.get(0), r.get(1).isEmpty() ? null : Priority.valueOf(r.get(1)),
                    nullIfEmpty(r.get(2)), nullIfEmpty(r.get(3)), nullIfEmpty(r.get(4)), instant(r.get(5)),
                    instant(r.get(6)), instant(r.get(7)), instant(r.get(8)), instant(r.get(9)),
                    fields > 10 ? instant(r.get(10)) : null, fields > 11 ? nullIfEmpty(r.get(11)) : null,
                    fields > 12 ? duration(r.get(12)) : null));
        }
        return out;
    }

    private static List<List<String>> rows(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char ch = csv.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                cell.append(ch);
            }
        }
        if (cell.length() > 0 || !row.isEmpty()) {
            row.add(cell.toString());
            rows.add(row);
        }
        return rows;
    }

    private static String field(String s) {
        if (s == null) {
            return "";
        }
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }

    private static String time(Instant t) {
        return t == null ? "" : t.toString();
    }

    private static Instant instant(String s) {
        return s.isEmpty() ? null : Instant.parse(s);
    }

    private static Duration duration(String s) {
        return s.isEmpty() ? null : Duration.parse(s);
    }

    private static String nullIfEmpty(String s) {
        return s.isEmpty() ? null : s;
    }
}
