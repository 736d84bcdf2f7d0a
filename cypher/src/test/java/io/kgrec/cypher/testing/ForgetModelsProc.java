package io.kgrec.cypher.testing;

import io.kgrec.cypher.recommend.ModelStore;
import org.neo4j.procedure.Context;
import org.neo4j.procedure.Description;
import org.neo4j.procedure.Procedure;

/** Test-only: empties the plugin's in-memory model snapshots, as a restart would, when the shared database is emptied. */
public class ForgetModelsProc {
    @Context
    public ModelStore store;

    @Procedure(name = "kgrec.testing.forgetModels")
    @Description("Forgets every in-memory model snapshot (tests only).")
    public void forgetModels() {
        store.clear();
    }
}
