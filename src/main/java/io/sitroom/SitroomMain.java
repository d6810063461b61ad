package io.sitroom;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import io.sitroom.verify.ExportVerifier;

/**
 * The entry point: runs the server, or, as {@code verify <export.json>}, checks an export's hash
 * chain offline without starting anything.
 */
@QuarkusMain
public class SitroomMain {

    public static void main(String... args) {
        if (args.length > 0 && args[0].equals("verify")) {
            System.exit(ExportVerifier.run(java.util.Arrays.copyOfRange(args, 1, args.length)));
        }
        Quarkus.run(args);
    }
}
