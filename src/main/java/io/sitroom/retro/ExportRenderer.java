package io.sitroom.retro;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.sitroom.room.RoomSnapshot;

/** Renders an export as Markdown, or as one self-contained HTML page that prints well. Pure. */
final class ExportRenderer {

    private ExportRenderer() {
    }

    static String markdown(RoomExport export, ObjectMapper mapper) {
        RoomSnapshot room = export.room();
        JsonNode sections = mapper.valueToTree(room.featureSections());
        StringBuilder md = new StringBuilder();
        md.append("# Retrospective: ").append(room.title()).append("\n\n");
        md.append("- Kind: ").append(room.kind()).append(", severity ").append(room.severity()).append(", phase ").append(room.phase())
                .append("\n- Opened: ").append(room.createdAt()).append("\n- Exported: ").append(export.exportedAt()).append(" by ")
                .append(export.exportedBy().displayName()).append(" (what this person may see)\n\n");
        md.append("## Summary\n\n");
        export.metrics().fields().forEach((k, v) -> {
            if (v != null && !List.of("roomId", "title", "kind").contains(k)) {
                md.append("- ").append(k).append(": ").append(v).append("\n");
            }
        });
        md.append("\n## Roles and hand-overs\n\n| seq | at | change | who | by |\n|---|---|---|---|---|\n");
        for (RoomExport.RoleChange c : export.roleHistory()) {
            String who = c.member() != null ? c.member().displayName() : c.from().displayName() + " -> " + c.to().displayName();
            String what = c.kind() + (c.role() != null ? " " + c.role() : c.roles() != null ? " " + String.join(", ", c.roles()) : "");
            md.append("| ").append(c.seq()).append(" | ").append(c.at()).append(" | ").append(what).append(" | ").append(cell(who)).append(" | ")
                    .append(c.by() == null ? "server" : cell(c.by().displayName())).append(" |\n");
        }
        md.append("\n## Decisions\n\n");
        for (JsonNode d : sections.path("decisions")) {
            md.append("### ").append(d.path("title").asText()).append(" (").append(d.path("status").asText()).append(")\n\n")
                    .append("- Choice: ").append(d.path("choice").asText()).append("\n- Rationale: ").append(d.path("rationale").asText())
                    .append("\n- Proposed by ").append(d.path("proposedBy").path("displayName").asText()).append(" at ")
                    .append(d.path("proposedAt").asText()).append("; approvers: ").append(join(d.path("approvers"))).append("\n");
            d.path("approvals").forEach(a -> md.append("- Approved by ").append(a.path("by").path("displayName").asText()).append(" (")
                    .append(join(a.path("roles"))).append(") at ").append(a.path("at").asText()).append("\n"));
            d.path("rejections").forEach(a -> md.append("- **Dissent**: ").append(a.path("by").path("displayName").asText()).append(": ")
                    .append(a.path("comment").asText()).append("\n"));
            if (d.hasNonNull("supersedes")) {
                md.append("- Supersedes ").append(d.path("supersedes").asText()).append("\n");
            }
            if (d.hasNonNull("supersededBy")) {
                md.append("- Superseded by ").append(d.path("supersededBy").asText()).append("\n");
            }
            md.append("\n");
        }
        md.append("## Statements\n\n");
        for (JsonNode s : sections.path("statements")) {
            md.append("- **").append(s.path("title").asText()).append("** v").append(s.path("version").asText()).append(" (")
                    .append(s.path("status").asText()).append(", text hash ").append(s.path("textHash").asText(), 0, 12).append("...)")
                    .append(s.hasNonNull("publishedVersion") ? ", published v" + s.path("publishedVersion").asText() : "").append("\n");
        }
        md.append("\n## Actions\n\n| action | owner | due | status | risk |\n|---|---|---|---|---|\n");
        for (JsonNode a : sections.path("actions")) {
            md.append("| ").append(cell(a.path("title").asText())).append(" | ")
                    .append(cell(a.path("owner").path("displayName").asText(a.path("owner").path("role").asText("")))).append(" | ")
                    .append(a.path("dueAt").asText("")).append(a.path("overdue").asBoolean() ? " (overdue)" : "").append(" | ")
                    .append(a.path("status").asText()).append(" | ").append(a.path("riskScore").asText("")).append(" |\n");
        }
        md.append("\n## Acknowledgements\n\n");
        for (JsonNode a : sections.path("acks")) {
            md.append("- About event ").append(a.path("about").asText()).append(", asked of ").append(join(a.path("roles")))
                    .append(a.path("pending").isEmpty() ? ": all acknowledged" : ": still pending " + join(a.path("pending")))
                    .append(a.path("overdue").asBoolean() ? " (overdue)" : "").append("\n");
        }
        md.append("\n## Lessons learned\n\n");
        if (export.lessonsLearned().isEmpty()) {
            md.append("None recorded.\n");
        }
        export.lessonsLearned().forEach(l -> md.append("- ").append(l).append("\n"));
        md.append("\n## Timeline\n\n| seq | at | event | by |\n|---|---|---|---|\n");
        for (RoomExport.ChainLink e : export.chain().events()) {
            if (e.redacted() == null) {
                md.append("| ").append(e.seq()).append(" | ").append(e.at()).append(" | ").append(e.kind()).append(": ")
                        .append(cell(brief(mapper.valueToTree(e.data())))).append(" | ")
                        .append(e.actor() == null ? "server" : cell(e.actor().displayName())).append(" |\n");
            }
        }
        RoomExport.Chain chain = export.chain();
        md.append("\n## Chain\n\n- Head: seq ").append(chain.headSeq()).append(", hash `").append(chain.headHash()).append("`\n- Verified: ")
                .append(chain.verification().ok() ? "yes, every hash recomputes" : "**NO**, first bad seq " + chain.verification().firstBadSeq())
                .append("\n- Algorithm: ").append(chain.algorithm()).append("\n\n| seq | hash |\n|---|---|\n");
        chain.events().forEach(e -> md.append("| ").append(e.seq()).append(" | `").append(e.hash()).append("`")
                .append(e.redacted() != null ? " (not visible to you)" : "").append(" |\n"));
        return md.toString();
    }

    /** A self-contained HTML page: the Markdown's content with print-friendly styles, no external resources. */
    static String html(RoomExport export, ObjectMapper mapper) {
        String md = markdown(export, mapper);
        StringBuilder body = new StringBuilder();
        boolean inTable = false;
        boolean inList = false;
        for (String line : md.split("\n")) {
            if (line.startsWith("|")) {
                if (line.startsWith("|---")) {
                    continue;
                }
                if (!inTable) {
                    body.append("<table>");
                    inTable = true;
                }
                body.append("<tr>");
                String[] cells = line.substring(1, line.length() - 1).split("(?<!\\\\)\\|");
                for (String c : cells) {
                    body.append("<td>").append(inline(c.strip().replace("\\|", "|"))).append("</td>");
                }
                body.append("</tr>");
                continue;
            }
            if (inTable) {
                body.append("</table>");
                inTable = false;
            }
            if (line.startsWith("- ")) {
                if (!inList) {
                    body.append("<ul>");
                    inList = true;
                }
                body.append("<li>").append(inline(line.substring(2))).append("</li>");
                continue;
            }
            if (inList) {
                body.append("</ul>");
                inList = false;
            }
            if (line.startsWith("### ")) {
                body.append("<h3>").append(escape(line.substring(4))).append("</h3>");
            } else if (line.startsWith("## ")) {
                body.append("<h2>").append(escape(line.substring(3))).append("</h2>");
            } else if (line.startsWith("# ")) {
                body.append("<h1>").append(escape(line.substring(2))).append("</h1>");
            } else if (!line.isBlank()) {
                body.append("<p>").append(inline(line)).append("</p>");
            }
        }
        if (inTable) {
            body.append("</table>");
        }
        if (inList) {
            body.append("</ul>");
        }
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(export.room().title())
                + " - retrospective</title><style>"
                + "body{font:11pt/1.45 system-ui,sans-serif;color:#111;max-width:60rem;margin:2rem auto;padding:0 1rem}"
                + "h1{font-size:1.6rem}h2{font-size:1.2rem;border-bottom:1px solid #999;margin-top:2rem}"
                + "table{border-collapse:collapse;width:100%;font-size:9.5pt}td{border:1px solid #bbb;padding:.25rem .4rem;vertical-align:top}"
                + "tr:first-child td{font-weight:600;background:#eee}code{font-size:8.5pt;word-break:break-all}"
                + "@media print{body{margin:0;max-width:none}h2{break-after:avoid}tr{break-inside:avoid}}"
                + "</style></head><body>" + body + "</body></html>";
    }

    private static String inline(String text) {
        String escaped = escape(text);
        return escaped.replaceAll("\\*\\*(.+?)\\*\\*", "<strong>$1</strong>").replaceAll("`(.+?)`", "<code>$1</code>");
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String brief(JsonNode data) {
        for (String key : List.of("text", "title", "summary", "to", "role", "injectId", "reason", "status")) {
            if (data.hasNonNull(key) && data.get(key).isValueNode()) {
                String value = data.get(key).asText();
                return value.length() > 120 ? value.substring(0, 117) + "..." : value;
            }
        }
        return "";
    }

    private static String join(JsonNode array) {
        StringBuilder out = new StringBuilder();
        array.forEach(n -> out.append(out.isEmpty() ? "" : ", ").append(n.asText()));
        return out.toString();
    }

    private static String cell(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
    }

}
