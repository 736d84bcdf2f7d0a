package io.kgrec.api;

import io.kgrec.api.demo.DemoData;
import io.kgrec.api.graph.GraphConnection;
import io.kgrec.api.graph.GraphSettings;
import io.kgrec.api.training.TrainOnStart;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/** The web application: GraphQL over the graph, embedded or external. */
@SpringBootApplication
public class KgrecApplication {

    @Bean
    GraphSettings graphSettings(Environment env) {
        return GraphSettings.from(env::getProperty);
    }

    @Bean(destroyMethod = "close")
    GraphConnection graphConnection(GraphSettings settings) {
        return GraphConnection.open(settings);
    }

    @Bean
    ApplicationRunner demoDataThenModel(GraphConnection graph, GraphSettings settings,
            @Value("${kgrec.demo.enabled:true}") boolean demo,
            @Value("${kgrec.train-on-start:true}") boolean trainOnStart) {
        return args -> {
            if (demo) {
                Path work = settings.dataDir().toAbsolutePath().getParent();
                DemoData.loadIfEmpty(graph, work == null ? Path.of(".") : work);
            }
            if (trainOnStart) {
                TrainOnStart.ifNeeded(graph, 42);
            }
        };
    }
}
