package io.kgrec.loader.write;

import io.kgrec.loader.stage.InteractionAggregate;
import io.kgrec.loader.stage.InteractionKey;
import io.kgrec.model.schema.InteractionProperties;
import io.kgrec.model.schema.InteractionType;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;

/**
 * Writes one source file's interactions as its contribution to the interaction relationships, and, when the graph may
 * still hold entries of another version of the file, takes the file's entry off the relationships the new version no
 * longer has. Loading the same file again therefore changes nothing, a new file adds its own entries, and an edited
 * file replaces its own.
 */
final class InteractionWriter {
    private final Driver driver;
    private final String database;
    private final Batches batches;
    private final SourceRegister register;
    private final boolean procedure;

    /** @param procedure write with {@code kgrec.load.contribute} (the server has it) instead of the statements */
    InteractionWriter(Driver driver, String database, Batches batches, SourceRegister register, boolean procedure) {
        this.driver = driver;
        this.database = database;
        this.batches = batches;
        this.register = register;
        this.procedure = procedure;
    }

    /** The version of the contribution that was written, and its interaction types. */
    record Written(String version, List<String> types) {
    }

    /** A staged interaction: its key and the file's merged rows. */
    private record Staged(InteractionKey key, InteractionAggregate aggregate) {
    }

    /**
     * @return the version of the contribution that was written, and its types
     */
    Written write(String sourceKey, Map<InteractionKey, InteractionAggregate> interactions) {
        List<Staged> staged = sorted(interactions);
        String version = version(staged);
        Map<InteractionType, List<Staged>> byType = new EnumMap<>(InteractionType.class);
        for (Staged s : staged) {
            byType.computeIfAbsent(s.key().type(), t -> new ArrayList<>()).add(s);
        }
        boolean mayHoldOthers = register.begin(sourceKey, version, typeNames(byType.keySet()));
        byType.forEach((type, rows) -> {
            boolean alone = !register.othersContribute(sourceKey, type.relationshipType());
            if (procedure) {
                batches.run(ContributeProcedure.CALL, ContributeProcedure.params(params(type, sourceKey), alone),
                        rows, s -> ContributeProcedure.row(s.key(), s.aggregate()), s -> s.key().customerId(),
                        ContributeProcedure.everyRowWritten(sourceKey));
            } else if (!alone) {
                batches.run(InteractionStatements.CONTRIBUTE, params(type, sourceKey), rows,
                        s -> row(s.key(), s.aggregate()), s -> s.key().customerId(), everyRowMatched(sourceKey));
            } else {
                batches.run(InteractionStatements.CONTRIBUTE_ALONE, params(type, sourceKey), rows,
                        s -> aloneRow(sourceKey, s.key(), s.aggregate()), s -> s.key().customerId(),
                        everyRowMatched(sourceKey));
            }
        });
        if (mayHoldOthers) {
            removeStale(sourceKey, interactions.keySet());
        }
        return new Written(version, typeNames(byType.keySet()));
    }

    private void removeStale(String sourceKey, Set<InteractionKey> current) {
        Map<InteractionType, List<InteractionKey>> stale = new EnumMap<>(InteractionType.class);
        try (Session session = driver.session(SessionConfig.forDatabase(database))) {
            session.executeRead(tx -> {
                var result = tx.run(InteractionStatements.CONTRIBUTED_BY, Map.of("source", sourceKey));
                while (result.hasNext()) {
                    var r = result.next();
                    InteractionType type = InteractionType.valueOf(r.get("type").asString());
                    InteractionKey key = new InteractionKey(r.get("customer").asString(), r.get("item").asString(),
                            type);
                    if (!current.contains(key)) {
                        stale.computeIfAbsent(type, t -> new ArrayList<>()).add(key);
                    }
                }
                return null;
            });
        }
        stale.forEach((type, keys) -> {
            if (procedure) {
                batches.run(ContributeProcedure.CALL, ContributeProcedure.params(params(type, sourceKey), false),
                        keys, ContributeProcedure::removal, InteractionKey::customerId, ContributeProcedure.anyRows());
            } else {
                batches.run(InteractionStatements.CONTRIBUTE, params(type, sourceKey), keys,
                        InteractionWriter::removal, InteractionKey::customerId);
            }
        });
    }

    /** As the procedure's check: a missing end fails the batch and leaves the file's contribution pending. */
    private static Batches.Check everyRowMatched(String sourceKey) {
        return Batches.everyRowMatched(sourceKey + ": interactions");
    }

    private static Map<String, Object> params(InteractionType type, String sourceKey) {
        return Map.of("type", type.relationshipType(), "source", sourceKey, "rating", type.isRating());
    }

    private static Map<String, Object> row(InteractionKey key, InteractionAggregate a) {
        Map<String, Object> row = new HashMap<>(12);
        row.put("customer", key.customerId());
        row.put("item", key.itemId());
        row.put("raw", a.raw());
        row.put("count", a.count());
        row.put("spend", a.spend() == null ? -1.0 : a.spend());
        row.put("timestamp", a.latest() == null ? -1L : a.latest());
        row.put("remove", false);
        return row;
    }

    /**
     * The properties {@link InteractionStatements#CONTRIBUTE} computes for a relationship whose only entry is this
     * file's, with the same arithmetic (so either way gives the same doubles).
     */
    private static Map<String, Object> aloneRow(String sourceKey, InteractionKey key, InteractionAggregate a) {
        Map<String, Object> props = new HashMap<>(16);
        props.put(InteractionProperties.SOURCES, List.of(sourceKey));
        // one entry: the totals are its values, and the per-entry arrays are not stored (null removes them)
        props.put(InteractionProperties.SOURCE_RAW, null);
        props.put(InteractionProperties.SOURCE_COUNT, null);
        props.put(InteractionProperties.SOURCE_SPEND, null);
        props.put(InteractionProperties.SOURCE_TIMESTAMP, null);
        double raw = 0.0 + a.raw();
        props.put(InteractionProperties.RAW, raw);
        props.put(InteractionProperties.COUNT, a.count());
        props.put(InteractionProperties.WEIGHT, key.type().isRating() ? Math.log(1 + raw / a.count())
                : Math.log(1 + raw));
        props.put(InteractionProperties.SPEND, a.spend() == null ? null : 0.0 + a.spend());
        props.put(InteractionProperties.TIMESTAMP, a.latest());
        return Map.of("customer", key.customerId(), "item", key.itemId(), "props", props);
    }

    private static List<String> typeNames(Set<InteractionType> types) {
        return types.stream().map(InteractionType::relationshipType).sorted().toList();
    }

    private static Map<String, Object> removal(InteractionKey key) {
        return Map.of("customer", key.customerId(), "item", key.itemId(), "raw", 0.0, "count", 0L, "spend", -1.0,
                "timestamp", -1L, "remove", true);
    }

    /** By customer, then item, then type: a customer's rows go in the same batches, in a stable order. */
    private static List<Staged> sorted(Map<InteractionKey, InteractionAggregate> interactions) {
        List<Staged> staged = new ArrayList<>(interactions.size());
        interactions.forEach((k, a) -> staged.add(new Staged(k, a)));
        staged.sort(Comparator.comparing((Staged s) -> s.key().customerId())
                .thenComparing(s -> s.key().itemId())
                .thenComparing(s -> s.key().type()));
        return staged;
    }

    /** A digest of everything the file contributes: the same contribution always has the same version. */
    private static String version(List<Staged> staged) {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
        ByteBuffer numbers = ByteBuffer.allocate(8 * 4);
        for (Staged s : staged) {
            md.update((s.key().customerId() + '\t' + s.key().itemId() + '\t' + s.key().type() + '\t')
                    .getBytes(StandardCharsets.UTF_8));
            InteractionAggregate a = s.aggregate();
            numbers.clear();
            numbers.putDouble(a.raw()).putLong(a.count())
                    .putDouble(a.spend() == null ? -1.0 : a.spend()).putLong(a.latest() == null ? -1L : a.latest());
            md.update(numbers.array());
        }
        return HexFormat.of().formatHex(md.digest()).substring(0, 32);
    }
}
