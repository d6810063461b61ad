package io.sitroom.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The offline verifier needs nothing but a JDK: neither it nor anything it references, however
 * indirectly, uses Jackson, Quarkus or any other library (the event records it decodes carry Jackson's
 * annotations, which a JVM without them ignores). {@code --document} renders with the application's libraries
 * through a renderer found by {@link java.util.ServiceLoader}, which the verifier's classes do not name.
 */
class ExportVerifierJdkOnlyTest {

    /**
     * Jackson's annotations only: the event records the verifier decodes carry them for the server's JSON
     * library, and a JVM loads a class whose annotation types it cannot find (it ignores those annotations),
     * as {@link #verify_runsInAClassLoaderThatHasNothingButTheJdk} shows. The library itself is never referenced.
     */
    private static final String ANNOTATIONS = "com/fasterxml/jackson/annotation/";

    private static final Pattern DESCRIPTOR_CLASS = Pattern.compile("(?<![\\w$/])L([\\w/$]+)[;<]");

    /** Every class a class file names: its constant pool's classes and the types in its descriptors and signatures. */
    private static Set<String> references(byte[] classFile) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
        in.readInt();
        in.readUnsignedShort();
        in.readUnsignedShort();
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        Set<Integer> classes = new TreeSet<>();
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF();
                case 7 -> classes.add(in.readUnsignedShort());
                case 8, 16, 19, 20 -> in.readUnsignedShort();
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.readInt();
                case 5, 6 -> {
                    in.readLong();
                    i++;
                }
                case 15 -> {
                    in.readUnsignedByte();
                    in.readUnsignedShort();
                }
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        Set<String> names = new TreeSet<>();
        for (int index : classes) {
            String name = utf8[index];
            if (!name.startsWith("[")) {
                names.add(name);
            }
        }
        for (String text : utf8) {
            if (text != null) {
                Matcher m = DESCRIPTOR_CLASS.matcher(text);
                while (m.find()) {
                    names.add(m.group(1));
                }
            }
        }
        return names;
    }

    @Test
    void verifierClasses_referenceOnlyTheJdk_transitively() throws Exception {
        Set<String> seen = new TreeSet<>();
        Set<String> outside = new TreeSet<>();
        Deque<String> queue = new ArrayDeque<>();
        queue.add("io/sitroom/verify/ExportVerifier");
        while (!queue.isEmpty()) {
            String name = queue.poll();
            if (!seen.add(name)) {
                continue;
            }
            try (InputStream in = ExportVerifier.class.getClassLoader().getResourceAsStream(name + ".class")) {
                assertTrue(in != null, "no class file for " + name);
                for (String reference : references(in.readAllBytes())) {
                    if (reference.startsWith("io/sitroom/")) {
                        queue.add(reference);
                    } else if (!reference.startsWith("java/") && !reference.startsWith(ANNOTATIONS)) {
                        outside.add(name + " -> " + reference);
                    }
                }
            }
        }
        assertEquals(Set.of(), outside);
        assertTrue(seen.containsAll(Set.of("io/sitroom/chain/ChainHash", "io/sitroom/chain/ChainEvent", "io/sitroom/json/CanonicalForm",
                "io/sitroom/crypto/Sha256", "io/sitroom/verify/StrictJson")), seen.toString());
        assertFalse(seen.contains("io/sitroom/json/CanonicalJson"), seen.toString());
    }

    @Test
    void verify_runsInAClassLoaderThatHasNothingButTheJdk() throws Exception {
        URL classes = ExportVerifier.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader bare = new URLClassLoader(new URL[] { classes }, ClassLoader.getPlatformClassLoader())) {
            assertThrows(ClassNotFoundException.class, () -> bare.loadClass("com.fasterxml.jackson.databind.JsonNode"));
            Class<?> verifier = bare.loadClass(ExportVerifier.class.getName());
            assertTrue(verifier != ExportVerifier.class);
            Method verify = verifier.getMethod("verify", String.class);

            Object whole = verify.invoke(null, TestExport.valid().json());
            assertEquals(true, whole.getClass().getMethod("ok").invoke(whole), whole.toString());

            Object broken = verify.invoke(null, TestExport.valid().json().replace("Plant isolated", "Plant isolatex"));
            assertEquals(4L, broken.getClass().getMethod("firstBadSeq").invoke(broken), broken.toString());

            InvocationTargetException refused = assertThrows(InvocationTargetException.class,
                    () -> verify.invoke(null, "{\"a\":1,\"a\":2}"));
            assertInstanceOf(IllegalArgumentException.class, refused.getCause());
        }
    }

    /**
     * {@code --document} renders with the packaged application's libraries, found only when asked for: with a JDK
     * alone the verifier says so, in one line, rather than failing on a missing class.
     */
    @Test
    void document_needsThePackagedApplication_andSaysSo_withAJdkAlone(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path export = java.nio.file.Files.writeString(dir.resolve("export.json"), TestExport.valid().json());
        java.nio.file.Path document = java.nio.file.Files.writeString(dir.resolve("retrospective.md"), "# Retrospective\n");
        URL classes = ExportVerifier.class.getProtectionDomain().getCodeSource().getLocation();
        java.io.PrintStream err = System.err;
        java.io.ByteArrayOutputStream errBytes = new java.io.ByteArrayOutputStream();
        try (URLClassLoader bare = new URLClassLoader(new URL[] { classes }, ClassLoader.getPlatformClassLoader())) {
            Method run = bare.loadClass(ExportVerifier.class.getName()).getMethod("run", String[].class);
            System.setErr(new java.io.PrintStream(errBytes, true, java.nio.charset.StandardCharsets.UTF_8));
            Object exit = run.invoke(null, (Object) new String[] { export.toString(), "--document", document.toString() });
            assertEquals(2, exit);
        } finally {
            System.setErr(err);
        }
        assertEquals("cannot verify " + document + ": --document needs the packaged application's libraries (java -jar quarkus-run.jar verify ...)"
                + System.lineSeparator(), errBytes.toString(java.nio.charset.StandardCharsets.UTF_8));
    }
}
