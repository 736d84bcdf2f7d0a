package io.kgrec.cypher.profile;

import java.util.Map;
import java.util.stream.Stream;
import org.neo4j.graphdb.Transaction;
import org.neo4j.procedure.Context;
import org.neo4j.procedure.Description;
import org.neo4j.procedure.Mode;
import org.neo4j.procedure.Name;
import org.neo4j.procedure.Procedure;

/** {@code kgrec.profile.write}: computes every customer's profile and stores it in the graph. */
public class ProfileWriteProc {
    @Context
    public Transaction tx;

    @Procedure(name = "kgrec.profile.write", mode = Mode.WRITE)
    @Description("Computes every customer's profile (recencyDays, frequency, monetary, activityLevel, segment, "
            + "profiledAt) and stores it on the :Customer, with the top attribute affinities as HAS_AFFINITY "
            + "{type, share, rank} to entities. Configuration: topPerType (3), minShare (0.0), asOf (epoch seconds; "
            + "default: the latest interaction in the graph).")
    public Stream<ProfileWriteResult> write(
            @Name(value = "configuration", defaultValue = "{}") Map<String, Object> configuration) {
        Profiler profiler = Profiler.of(tx, ProfileConfig.of(configuration));
        long customers = 0;
        long profiled = 0;
        long affinities = 0;
        for (CustomerProfile p : profiler.all()) {
            customers++;
            profiled += p.activity().isActive() ? 1 : 0;
            affinities += ProfileWriter.write(p);
        }
        return Stream.of(new ProfileWriteResult(customers, profiled, affinities, profiler.asOf()));
    }
}
