package io.sitroom.mail;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An e-mail address as Sitroom keeps it: trimmed and lower-cased (so one mailbox is one address), one {@code @},
 * no spaces, quotes, angle brackets or control characters (nothing that could make another header), at most 254
 * characters.
 */
public final class EmailAddress {

    private static final Pattern SHAPE = Pattern.compile("[a-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+");

    private EmailAddress() {
    }

    /** The address normalised, or empty if it is not one Sitroom mails. */
    public static Optional<String> parse(String input) {
        if (input == null) {
            return Optional.empty();
        }
        String address = input.strip().toLowerCase(Locale.ROOT);
        if (address.length() > 254 || !SHAPE.matcher(address).matches()) {
            return Optional.empty();
        }
        return Optional.of(address);
    }
}
