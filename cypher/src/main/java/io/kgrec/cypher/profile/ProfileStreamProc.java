package io.kgrec.cypher.profile;

import java.util.Map;
import java.util.stream.Stream;
import org.neo4j.graphdb.Transaction;
import org.neo4j.procedure.Context;
import org.neo4j.procedure.Description;
import org.neo4j.procedure.Mode;
import org.neo4j.procedure.Name;
import org.neo4j.procedure.Procedure;

/** {@code kgrec.profile.stream}: one customer's profile, or every customer's, computed without storing it. */
public class ProfileStreamProc {
    @Context
    public Transaction tx;

    @Procedure(name = "kgrec.profile.stream", mode = Mode.READ)
    @Description("A customer's profile as kgrec.profile.write would store it, with the 1-5 recency, frequency and "
            + "monetary scores behind the segment; all customers when customerId is null or empty (the default). Same configuration as "
            + "kgrec.profile.write.")
    public Stream<ProfileResult> stream(
            @Name(value = "customerId", defaultValue = "") String customerId,
            @Name(value = "configuration", defaultValue = "{}") Map<String, Object> configuration) {
        Profiler profiler = Profiler.of(tx, ProfileConfig.of(configuration));
        if (customerId == null || customerId.isEmpty()) {
            return profiler.all().stream().map(ProfileResult::of);
        }
        return Stream.of(ProfileResult.of(profiler.one(tx, customerId)));
    }
}
