package io.kgrec.cypher.recommend;

import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.kernel.api.procedure.GlobalProcedures;
import org.neo4j.kernel.extension.ExtensionFactory;
import org.neo4j.kernel.extension.context.ExtensionContext;
import org.neo4j.kernel.lifecycle.Lifecycle;
import org.neo4j.kernel.lifecycle.LifecycleAdapter;

/**
 * Makes one {@link ModelStore} per DBMS injectable into kgrec's procedures with {@code @Context}, the way GDS
 * provides its graph catalogue. Neo4j finds this factory through {@code META-INF/services}.
 */
public final class ModelStoreExtension extends ExtensionFactory<ModelStoreExtension.Dependencies> {
    public ModelStoreExtension() {
        super("kgrec-model-store");
    }

    @Override
    public Lifecycle newInstance(ExtensionContext context, Dependencies dependencies) {
        ModelStore store = new ModelStore(dependencies.databaseManagementService());
        dependencies.globalProcedures().registerComponent(ModelStore.class, ctx -> store, true);
        return new LifecycleAdapter() {
            @Override
            public void shutdown() {
                store.clear();
            }
        };
    }

    /** What Neo4j hands the extension. */
    public interface Dependencies {
        GlobalProcedures globalProcedures();

        DatabaseManagementService databaseManagementService();
    }
}
