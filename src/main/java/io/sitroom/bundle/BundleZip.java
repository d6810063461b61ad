package io.sitroom.bundle;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The zip of an exercise bundle: its five entries, always written in {@link #ENTRIES} order, and read
 * back with every entry bounded while it inflates (a header's declared size is not trusted), so that a
 * small upload cannot unpack into more than {@code maxUnpacked} bytes.
 */
final class BundleZip {

    static final String MANIFEST = "bundle.json";
    static final String SCENARIO = "scenario.yaml";
    static final String EXPORT = "export.json";
    static final String REPORT = "report.md";
    static final String FEEDBACK = "feedback.json";
    /** The entries of version 1, in the order they are written. */
    static final List<String> ENTRIES = List.of(MANIFEST, SCENARIO, EXPORT, REPORT, FEEDBACK);

    private BundleZip() {
    }

    /** Writes the entries in {@link #ENTRIES} order, each stamped with the export's time. */
    static byte[] write(Map<String, byte[]> parts, Instant exportedAt) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            for (String name : ENTRIES) {
                ZipEntry entry = new ZipEntry(name);
                entry.setTime(exportedAt.toEpochMilli());
                zip.putNextEntry(entry);
                zip.write(parts.get(name));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return out.toByteArray();
    }

    /**
     * The entries of a bundle as text, by name.
     *
     * @throws BundleRejected when the bytes are not a zip, an entry is missing, unknown, repeated, not
     *             UTF-8, or the entries unpack into more than {@code maxUnpacked} bytes
     */
    static Map<String, String> read(byte[] bytes, long maxUnpacked) {
        if (bytes.length < 4 || bytes[0] != 'P' || bytes[1] != 'K' || bytes[2] != 3 || bytes[3] != 4) {
            throw new BundleRejected("the bundle", "is not a zip file (an exercise bundle is the .zip that GET /api/rooms/{id}/bundle returns)");
        }
        Map<String, String> entries = new LinkedHashMap<>();
        long unpacked = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                String name = entry.getName();
                if (!ENTRIES.contains(name)) {
                    throw new BundleRejected("the bundle", "has an entry '" + printable(name) + "' that version 1 does not have (it has "
                            + String.join(", ", ENTRIES) + ")");
                }
                if (entries.containsKey(name)) {
                    throw new BundleRejected(name, "is in the bundle twice");
                }
                byte[] content = readBounded(zip, name, maxUnpacked - unpacked, maxUnpacked);
                unpacked += content.length;
                entries.put(name, utf8(name, content));
            }
        } catch (ZipException e) {
            throw new BundleRejected("the bundle", "is not a readable zip file: " + e.getMessage());
        } catch (IOException e) {
            throw new BundleRejected("the bundle", "could not be read: " + e.getMessage());
        }
        for (String name : ENTRIES) {
            if (!entries.containsKey(name)) {
                throw new BundleRejected(name, "is missing from the bundle");
            }
        }
        return entries;
    }

    private static byte[] readBounded(InputStream in, String name, long room, long maxUnpacked) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        int n;
        while ((n = in.read(buffer)) > 0) {
            if (out.size() + (long) n > room) {
                throw new BundleRejected(name, "unpacks into more than the " + maxUnpacked + " bytes a whole bundle may hold");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static String utf8(String name, byte[] content) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw new BundleRejected(name, "is not UTF-8 text");
        }
    }

    /** An entry name as it may appear in a message: at most 100 printable characters. */
    private static String printable(String name) {
        String shown = name.replaceAll("\\p{Cntrl}", "?");
        return shown.length() > 100 ? shown.substring(0, 100) + "..." : shown;
    }
}
