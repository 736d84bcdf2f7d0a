package io.kgrec.api.graph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.core.type.classreading.CachingMetadataReaderFactory;
import org.springframework.core.type.classreading.MetadataReader;

/**
 * Finds the classes that declare Neo4j procedures and functions under some packages, by reading class files with
 * ASM instead of loading them: GDS ships thousands of classes, and only a few hundred declare procedures. Works on
 * an exploded classpath and inside the application's fat jar alike.
 */
final class ProcedureScanner {
    static final String PROCEDURE = "org.neo4j.procedure.Procedure";
    static final String FUNCTION = "org.neo4j.procedure.UserFunction";
    static final String AGGREGATION = "org.neo4j.procedure.UserAggregationFunction";

    /** The classes found, by kind. */
    record Found(List<String> procedures, List<String> functions, List<String> aggregations) {
    }

    private ProcedureScanner() {
    }

    static Found scan(ClassLoader loader, String... packages) {
        var resolver = new PathMatchingResourcePatternResolver(loader);
        var readers = new CachingMetadataReaderFactory(resolver);
        List<String> procedures = new ArrayList<>();
        List<String> functions = new ArrayList<>();
        List<String> aggregations = new ArrayList<>();
        try {
            for (String pkg : packages) {
                for (Resource r : resolver.getResources("classpath*:" + pkg.replace('.', '/') + "/**/*.class")) {
                    MetadataReader reader = readers.getMetadataReader(r);
                    AnnotationMetadata m = reader.getAnnotationMetadata();
                    if (!m.isConcrete() || !m.isIndependent()) {
                        continue;
                    }
                    String name = m.getClassName();
                    if (m.hasAnnotatedMethods(PROCEDURE)) {
                        procedures.add(name);
                    }
                    if (m.hasAnnotatedMethods(FUNCTION)) {
                        functions.add(name);
                    }
                    if (m.hasAnnotatedMethods(AGGREGATION)) {
                        aggregations.add(name);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot scan the classpath for procedures", e);
        }
        return new Found(procedures, functions, aggregations);
    }
}
