package io.sitroom.chat;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.sitroom.error.SitroomException;

/**
 * The text after {@code /sitroom} (or after the bot's mention in Teams), read into a {@link ChatAction}. Pure; a
 * text it cannot read is refused with the usage, never guessed at.
 */
public final class ChatText {

    public static final String USAGE = String.join("\n",
            "/sitroom declare [sev1|sev2|...] <title>: open an incident room and its channel",
            "/sitroom note <text>: add a note to the room's timeline",
            "/sitroom decide <choice> because <rationale> [approvers: role, role]: propose a decision (approver: the incident commander unless named)",
            "/sitroom approve <decision id> | approve statement <statement id>: approve",
            "/sitroom reject <decision id> <reason>: reject a decision",
            "/sitroom ack <ack id>: acknowledge",
            "/sitroom update <summary>: post a status update for everyone",
            "/sitroom status: the room's severity, phase and your roles",
            "/sitroom link <code>: link your chat account to Sitroom (a code from POST /api/chat/link-codes)",
            "/sitroom connect <room id>: mirror an existing room in this channel (its lead only)");

    private ChatText() {
    }

    public static ChatAction parse(String text) {
        String line = text == null ? "" : text.strip();
        if (line.isEmpty()) {
            return new ChatAction.Help();
        }
        String[] split = line.split("\\s+", 2);
        String verb = split[0].toLowerCase(Locale.ROOT);
        String rest = split.length > 1 ? split[1].strip() : "";
        return switch (verb) {
            case "help" -> new ChatAction.Help();
            case "status" -> new ChatAction.Status();
            case "declare" -> declare(rest);
            case "note" -> new ChatAction.Note(required(rest, "note <text>"));
            case "update" -> new ChatAction.Update(required(rest, "update <summary>"));
            case "decide" -> decide(rest);
            case "approve" -> approve(rest);
            case "reject" -> {
                String[] parts = required(rest, "reject <decision id> <reason>").split("\\s+", 2);
                if (parts.length < 2) {
                    throw usage("reject <decision id> <reason>: a rejection needs a reason");
                }
                yield new ChatAction.Reject(id(parts[0], "reject <decision id> <reason>"), parts[1].strip());
            }
            case "ack" -> new ChatAction.Ack(id(required(rest, "ack <ack id>"), "ack <ack id>"));
            case "link" -> new ChatAction.Link(required(rest, "link <code>"));
            case "connect" -> new ChatAction.Connect(id(required(rest, "connect <room id>"), "connect <room id>"));
            default -> throw SitroomException.invalid("unknown command '" + clip(verb) + "'. Usage:\n" + USAGE);
        };
    }

    private static ChatAction declare(String rest) {
        String body = required(rest, "declare [sev1|sev2|...] <title>");
        String[] parts = body.split("\\s+", 2);
        if (parts[0].matches("(?i)sev\\w{1,16}")) {
            if (parts.length < 2) {
                throw usage("declare [sev1|sev2|...] <title>: the incident needs a title");
            }
            return new ChatAction.Declare(parts[0].toUpperCase(Locale.ROOT), parts[1].strip());
        }
        return new ChatAction.Declare(null, body);
    }

    private static ChatAction decide(String rest) {
        String form = "decide <choice> because <rationale> [approvers: role, role]";
        String body = required(rest, form);
        Set<String> approvers = Set.of("incident_commander");
        int at = body.toLowerCase(Locale.ROOT).lastIndexOf("approvers:");
        if (at >= 0) {
            approvers = Arrays.stream(body.substring(at + "approvers:".length()).split("[,\\s]+")).map(String::strip)
                    .filter(s -> !s.isEmpty()).map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.toCollection(LinkedHashSet::new));
            body = body.substring(0, at).strip();
            if (approvers.isEmpty()) {
                throw usage(form + ": name at least one approver role after 'approvers:'");
            }
        }
        int because = body.toLowerCase(Locale.ROOT).indexOf(" because ");
        if (because < 0) {
            throw usage(form + ": say why, after 'because'");
        }
        String choice = body.substring(0, because).strip();
        String rationale = body.substring(because + " because ".length()).strip();
        if (choice.isEmpty() || rationale.isEmpty()) {
            throw usage(form);
        }
        return new ChatAction.Decide(choice, rationale, approvers);
    }

    private static ChatAction approve(String rest) {
        String body = required(rest, "approve <decision id> | approve statement <statement id>");
        String[] parts = body.split("\\s+");
        if (parts[0].equalsIgnoreCase("statement")) {
            if (parts.length != 2) {
                throw usage("approve statement <statement id>");
            }
            return new ChatAction.ApproveStatement(id(parts[1], "approve statement <statement id>"));
        }
        if (parts.length != 1) {
            throw usage("approve <decision id>");
        }
        return new ChatAction.Approve(id(parts[0], "approve <decision id>"));
    }

    private static UUID id(String text, String form) {
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            throw usage(form + ": '" + clip(text) + "' is not an id (the buttons in the incident's channel carry them)");
        }
    }

    private static String required(String rest, String form) {
        if (rest.isEmpty()) {
            throw usage(form);
        }
        return rest;
    }

    private static SitroomException usage(String form) {
        return SitroomException.invalid("usage: /sitroom " + form);
    }

    private static String clip(String text) {
        String line = text.replaceAll("\\p{Cntrl}+", " ");
        return line.length() > 40 ? line.substring(0, 40) + "..." : line;
    }
}
