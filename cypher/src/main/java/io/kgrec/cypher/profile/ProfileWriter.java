package io.kgrec.cypher.profile;

import io.kgrec.model.schema.ModelRelationships;
import io.kgrec.model.schema.ProfileProperties;
import org.neo4j.graphdb.Direction;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.RelationshipType;

/**
 * Stores a profile: properties on the {@code :Customer} and one {@code HAS_AFFINITY {type, share, rank}} per
 * affinity. A customer's previous affinities are replaced and values that no longer apply are removed, so writing
 * the profiles of the same graph again leaves the same graph.
 */
public final class ProfileWriter {
    static final RelationshipType HAS_AFFINITY = RelationshipType.withName(ModelRelationships.HAS_AFFINITY);

    private ProfileWriter() {
    }

    /** @return the number of affinities written */
    static int write(CustomerProfile p) {
        Node c = p.activity().customer();
        set(c, ProfileProperties.RECENCY_DAYS, p.recencyDays());
        set(c, ProfileProperties.FREQUENCY, p.frequency());
        set(c, ProfileProperties.MONETARY, p.monetary());
        set(c, ProfileProperties.ACTIVITY_LEVEL, p.activityLevel());
        set(c, ProfileProperties.SEGMENT, p.segment());
        set(c, ProfileProperties.PROFILED_AT, p.asOf());
        for (Relationship r : c.getRelationships(Direction.OUTGOING, HAS_AFFINITY)) {
            r.delete();
        }
        for (Affinity a : p.affinities()) {
            Relationship r = c.createRelationshipTo(a.entity(), HAS_AFFINITY);
            r.setProperty(ProfileProperties.AFFINITY_TYPE, a.type());
            r.setProperty(ProfileProperties.AFFINITY_SHARE, a.share());
            r.setProperty(ProfileProperties.AFFINITY_RANK, (long) a.rank());
        }
        return p.affinities().size();
    }

    /**
     * Removes a customer's profile: its properties and affinities. An opted-out customer's profile goes at once, not
     * at the next profiling run, so nothing derived from their history stays readable.
     */
    public static void forget(Node customer) {
        for (String key : new String[] {ProfileProperties.RECENCY_DAYS, ProfileProperties.FREQUENCY,
                ProfileProperties.MONETARY, ProfileProperties.ACTIVITY_LEVEL, ProfileProperties.SEGMENT,
                ProfileProperties.PROFILED_AT}) {
            customer.removeProperty(key);
        }
        for (Relationship r : customer.getRelationships(Direction.OUTGOING, HAS_AFFINITY)) {
            r.delete();
        }
    }

    private static void set(Node node, String key, Object value) {
        if (value == null) {
            node.removeProperty(key);
        } else {
            node.setProperty(key, value);
        }
    }
}
