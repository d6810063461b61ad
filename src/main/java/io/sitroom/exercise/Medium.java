package io.sitroom.exercise;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import io.sitroom.error.SitroomException;
import io.sitroom.room.Fields;

/**
 * What an inject looks like when it reaches the players (issue 18, item 4): a news article, a social
 * post, an e-mail, a call transcript or a document. An inject without one is a plain message from
 * exercise control. The inject's body stays the content (the article's text, the post, the mail, the
 * transcript); a medium adds the headers a participant would see around it. On the wire it is an
 * object with {@code kind} and the kind's fields (docs/protocol.md, docs/scenario-format.md).
 *
 * <p>The records check themselves, so an improvised inject's medium (a command) is refused as
 * {@code invalid} naming the field; the scenario parser checks the same rules first to report lines.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Medium.News.class, name = "news"),
        @JsonSubTypes.Type(value = Medium.Social.class, name = "social"),
        @JsonSubTypes.Type(value = Medium.Email.class, name = "email"),
        @JsonSubTypes.Type(value = Medium.Call.class, name = "call"),
        @JsonSubTypes.Type(value = Medium.Document.class, name = "document") })
public sealed interface Medium {

    /** The longest header text (an outlet, a headline, an address). */
    int MAX_TEXT = 300;
    /** The most addresses in an e-mail's {@code to} or {@code cc}. */
    int MAX_ADDRESSES = 30;
    /** The kinds, as the scenario format and the wire spell them. */
    List<String> KINDS = List.of("news", "social", "email", "call", "document");

    /** Its kind as on the wire: news, social, email, call or document. */
    String kind();

    /** One line in English for the HSEEP documents and the MSEL's delivery column, e.g. "news article". */
    String deliveryName();

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record News(String outlet, String headline, String byline) implements Medium {
        public News {
            outlet = line(Fields.text(outlet, "medium.outlet", MAX_TEXT), "medium.outlet");
            headline = line(Fields.text(headline, "medium.headline", MAX_TEXT), "medium.headline");
            byline = line(Fields.optionalText(byline, "medium.byline", MAX_TEXT), "medium.byline");
        }

        @Override
        public String kind() {
            return "news";
        }

        @Override
        public String deliveryName() {
            return "news article";
        }
    }

    /** {@code handle} without its '@' (one given with it is taken without). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Social(String author, String handle, Long likes, Long shares, String platform) implements Medium {
        public Social {
            author = line(Fields.text(author, "medium.author", MAX_TEXT), "medium.author");
            handle = Fields.text(handle, "medium.handle", 65);
            handle = handle.startsWith("@") ? handle.substring(1) : handle;
            if (!handle.matches("[\\p{L}\\p{N}_.-]{1,64}")) {
                throw SitroomException.invalid("field 'medium.handle' must be letters, digits, '_', '.' or '-' (at most 64), without spaces");
            }
            likes = count(likes, "medium.likes");
            shares = count(shares, "medium.shares");
            platform = line(Fields.optionalText(platform, "medium.platform", 100), "medium.platform");
        }

        @Override
        public String kind() {
            return "social";
        }

        @Override
        public String deliveryName() {
            return "social media post";
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Email(String from, List<String> to, String subject, List<String> cc) implements Medium {
        public Email {
            from = line(Fields.text(from, "medium.from", MAX_TEXT), "medium.from");
            to = addresses(Fields.nonEmpty(to, "medium.to"), "medium.to");
            subject = line(Fields.text(subject, "medium.subject", MAX_TEXT), "medium.subject");
            cc = cc == null || cc.isEmpty() ? null : addresses(cc, "medium.cc");
        }

        @Override
        public String kind() {
            return "email";
        }

        @Override
        public String deliveryName() {
            return "e-mail";
        }
    }

    /** A call's transcript (the inject's body); {@code durationSeconds}: how long the call lasted, when known. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Call(String caller, String callee, Long durationSeconds) implements Medium {
        public Call {
            caller = line(Fields.text(caller, "medium.caller", MAX_TEXT), "medium.caller");
            callee = line(Fields.optionalText(callee, "medium.callee", MAX_TEXT), "medium.callee");
            if (durationSeconds != null && (durationSeconds < 0 || durationSeconds > Duration.ofDays(1).toSeconds())) {
                throw SitroomException.invalid("field 'medium.durationSeconds' must be from 0 to 86400");
            }
        }

        @Override
        public String kind() {
            return "call";
        }

        @Override
        public String deliveryName() {
            return "phone call";
        }
    }

    /** A document handed to the players: a {@code title}, a {@code filename}, or both. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Document(String title, String filename, String classification) implements Medium {
        public Document {
            title = line(Fields.optionalText(title, "medium.title", MAX_TEXT), "medium.title");
            filename = line(Fields.optionalText(filename, "medium.filename", 255), "medium.filename");
            if (title == null && filename == null) {
                throw SitroomException.invalid("field 'medium.title' or 'medium.filename' is required for a document");
            }
            classification = line(Fields.optionalText(classification, "medium.classification", 100), "medium.classification");
        }

        @Override
        public String kind() {
            return "document";
        }

        @Override
        public String deliveryName() {
            return "document";
        }
    }

    /**
     * What a participant would see around the body, in one line of English (the HSEEP documents):
     * {@code News article: Tagesblatt, "Outage hits ..." (by A. Writer)}.
     */
    default String describe() {
        if (this instanceof News n) {
            return "News article: " + n.outlet() + ", \"" + n.headline() + "\"" + (n.byline() == null ? "" : " (by " + n.byline() + ")");
        } else if (this instanceof Social s) {
            return "Social media post" + (s.platform() == null ? "" : " on " + s.platform()) + ": " + s.author() + " (@" + s.handle() + "), "
                    + s.likes() + " likes, " + s.shares() + " shares";
        } else if (this instanceof Email e) {
            return "E-mail from " + e.from() + " to " + String.join(", ", e.to()) + (e.cc() == null ? "" : ", cc " + String.join(", ", e.cc()))
                    + ": \"" + e.subject() + "\"";
        } else if (this instanceof Call c) {
            return "Phone call from " + c.caller() + (c.callee() == null ? "" : " to " + c.callee())
                    + (c.durationSeconds() == null ? "" : " (" + minutesSeconds(c.durationSeconds()) + ")");
        }
        Document d = (Document) this;
        String name = d.title() == null ? d.filename() : d.filename() == null ? d.title() : d.title() + " (" + d.filename() + ")";
        return "Document: " + name + (d.classification() == null ? "" : ", " + d.classification());
    }

    private static String minutesSeconds(long seconds) {
        return seconds / 60 + ":" + String.format("%02d", seconds % 60);
    }

    private static String line(String value, String field) {
        if (value != null && (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0)) {
            throw SitroomException.invalid("field '" + field + "' must be one line");
        }
        return value;
    }

    private static Long count(Long value, String field) {
        Fields.required(value, field);
        if (value < 0) {
            throw SitroomException.invalid("field '" + field + "' must not be negative");
        }
        return value;
    }

    private static List<String> addresses(List<String> values, String field) {
        if (values.size() > MAX_ADDRESSES) {
            throw SitroomException.invalid("field '" + field + "' holds more than " + MAX_ADDRESSES + " addresses");
        }
        List<String> checked = new ArrayList<>();
        for (String value : values) {
            checked.add(line(Fields.text(value, field, MAX_TEXT), field));
        }
        return List.copyOf(checked);
    }
}
