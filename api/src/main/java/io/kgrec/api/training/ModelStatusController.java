package io.kgrec.api.training;

import io.kgrec.api.graph.GraphConnection;
import io.kgrec.api.security.Access;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** {@code Query.model}: the model's state and training progress, for every authenticated role. */
@Controller
public class ModelStatusController {
    private final ModelStatusReader reader;
    private final Access access;

    public ModelStatusController(GraphConnection graph, Access access) {
        this.reader = new ModelStatusReader(graph);
        this.access = access;
    }

    @QueryMapping
    public ModelStatus model() {
        access.require(Access.READ_MODEL_STATUS);
        return reader.read();
    }
}
