package io.sitroom.bundle;

import io.sitroom.error.ErrorCode;
import io.sitroom.error.SitroomException;

/** A bundle refused on import: {@code 400 invalid}, the message naming the part that failed ("export.json: ..."). */
public class BundleRejected extends SitroomException {

    BundleRejected(String part, String what) {
        super(ErrorCode.INVALID, part + ": " + what);
    }
}
