package io.kgrec.model.id;

/** Shared validation for the string ids of customers, items and entities. */
final class Ids {
    static final int MAX_LENGTH = 256;

    private Ids() {
    }

    /**
     * Trims an id and rejects what cannot be a key: null, empty, too long, or containing control characters.
     *
     * @param what the kind of id, for the message ("customer id")
     */
    static String clean(String raw, String what) {
        if (raw == null) {
            throw new IllegalArgumentException(what + " is missing");
        }
        String id = raw.strip();
        if (id.isEmpty()) {
            throw new IllegalArgumentException(what + " is empty");
        }
        if (id.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(what + " is longer than " + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < id.length(); i++) {
            if (Character.isISOControl(id.charAt(i))) {
                throw new IllegalArgumentException(what + " contains a control character");
            }
        }
        return id;
    }
}
