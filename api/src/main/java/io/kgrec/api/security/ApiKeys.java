package io.kgrec.api.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The API keys the service accepts, from {@code KGREC_API_KEYS}: comma-separated {@code key=role} or
 * {@code key=frontend:customerId} entries, e.g. {@code 9f2c...=analyst,77ab...=frontend:1453}. Keys are held only as
 * SHA-256 digests and compared as digests, so a lookup does not leak timing about how much of a key matched.
 */
public final class ApiKeys {
    /** Documented in the README; used only when no key and no JWT secret is configured. */
    public static final Map<String, String> DEMO = demo();

    private final Map<String, Caller> byDigest;

    private ApiKeys(Map<String, Caller> byDigest) {
        this.byDigest = byDigest;
    }

    /**
     * @throws IllegalArgumentException naming the malformed entry
     */
    public static ApiKeys parse(String spec) {
        Map<String, Caller> keys = new HashMap<>();
        int n = 0;
        for (String entry : spec.split(",")) {
            String e = entry.strip();
            if (e.isEmpty()) {
                continue;
            }
            n++;
            int entryNo = n;
            int eq = e.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("KGREC_API_KEYS entry " + n + " is not key=role[:customerId]");
            }
            String key = e.substring(0, eq);
            if (key.length() < 12) {
                throw new IllegalArgumentException("KGREC_API_KEYS entry " + n + ": keys must have at least 12 characters");
            }
            String[] roleAndScope = e.substring(eq + 1).split(":", 2);
            Role role = Role.parse(roleAndScope[0]).orElseThrow(() -> new IllegalArgumentException(
                    "KGREC_API_KEYS entry " + entryNo + ": unknown role '" + roleAndScope[0]
                            + "'; use frontend, analyst, reviewer or admin"));
            Optional<String> scope = roleAndScope.length == 2 ? Optional.of(roleAndScope[1].strip()) : Optional.empty();
            if (scope.isPresent() && role != Role.FRONTEND) {
                throw new IllegalArgumentException("KGREC_API_KEYS entry " + n + ": only frontend keys are scoped to a customer");
            }
            keys.put(digest(key), new Caller("api-key-" + n, role, scope));
        }
        return new ApiKeys(keys);
    }

    public static ApiKeys demoKeys() {
        StringBuilder spec = new StringBuilder();
        DEMO.forEach((key, role) -> spec.append(key).append('=').append(role).append(','));
        return parse(spec.toString());
    }

    public Optional<Caller> lookup(String presented) {
        return Optional.ofNullable(byDigest.get(digest(presented)));
    }

    public boolean isEmpty() {
        return byDigest.isEmpty();
    }

    private static String digest(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static Map<String, String> demo() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("demo-admin-key", "admin");
        m.put("demo-analyst-key", "analyst");
        m.put("demo-reviewer-key", "reviewer");
        m.put("demo-frontend-key", "frontend");
        m.put("demo-frontend-1453", "frontend:1453");
        return m;
    }
}
