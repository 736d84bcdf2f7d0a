package io.kgrec.api;

import io.kgrec.api.demo.DemoData;
import io.kgrec.api.graph.GraphConnection;
import io.kgrec.api.graph.GraphSettings;
import io.kgrec.api.start.Readiness;
import io.kgrec.api.training.ModelWarmUp;
import io.kgrec.api.training.TrainOnStart;
import io.kgrec.loader.schema.SchemaMigrator;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The web application: GraphQL over the graph, embedded or external. */
@SpringBootApplication
@EnableScheduling
public class KgrecApplication {

    @Bean
    GraphSettings graphSettings(Environment env) {
        return GraphSettings.from(env::getProperty);
    }

    @Bean(destroyMethod = "close")
    GraphConnection graphConnection(GraphSettings settings) {
        GraphConnection graph = GraphConnection.open(settings);
        // The schema is brought up to date at every start, embedded or external; migrations are idempotent.
        new SchemaMigrator(graph.driver(), graph.database()).migrate();
        return graph;
    }

    @Bean
    ApplicationRunner demoDataThenModel(GraphConnection graph, GraphSettings settings, Readiness readiness,
            @Value("${kgrec.demo.enabled:true}") boolean demo,
            @Value("${kgrec.train-on-start:true}") boolean trainOnStart) {
        return args -> {
            if (demo) {
                Path work = settings.dataDir().toAbsolutePath().getParent();
                DemoData.loadIfEmpty(graph, work == null ? Path.of(".") : work);
            }
            CompletableFuture<Void> model = trainOnStart ? TrainOnStart.ifNeeded(graph, 42)
                    : CompletableFuture.completedFuture(null);
            // The model a start finds, or the one it trains, is loaded into memory before page views need it.
            CompletableFuture<Void> loaded = model.thenRunAsync(() -> ModelWarmUp.ifModel(graph));
            // Ready once the serving model is loaded. A first model still training serves nobody yet (the untrained
            // walk answers until it is done), so the service does not wait for it.
            (model.isDone() ? loaded : CompletableFuture.<Void>completedFuture(null))
                    .whenComplete((done, failure) -> readiness.ready());
        };
    }
}
