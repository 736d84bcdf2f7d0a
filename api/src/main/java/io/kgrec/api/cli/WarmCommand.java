package io.kgrec.api.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code kgrec warm}: an operations step before traffic is switched to a freshly started instance. It sends the
 * requests customers will send (the README's recommendations page for some customers, and similar items for each
 * one's top item) so that Neo4j plans the statements and the JVM compiles the code on them rather than on the first
 * customers' requests. The service itself sends nothing to itself and writes nothing for it.
 */
@Command(name = "warm", mixinStandardHelpOptions = true,
        description = {"Sends representative requests to a running service before traffic is switched to it: the "
                + "recommendations page for the first N customers (customers(first: N)) and similarItems for each "
                + "one's top item, round after round for S seconds (at least one round).",
                "Prints how many requests it sent, how many failed, and the latency of the last round. Exits with 1 "
                        + "when any request failed."})
public final class WarmCommand implements Callable<Integer> {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    @Spec
    CommandSpec spec;

    @Option(names = "--url", defaultValue = "http://127.0.0.1:8080/graphql",
            description = "The service's GraphQL endpoint. Default: ${DEFAULT-VALUE}.")
    URI url;

    @Option(names = "--key", required = true, description = "An API key that may list customers (analyst or admin).")
    String key;

    @Option(names = "--customers", defaultValue = "20", paramLabel = "N",
            description = "How many customers' pages to ask for (1 to 100). Default: ${DEFAULT-VALUE}.")
    int customers;

    @Option(names = "--seconds", defaultValue = "30", paramLabel = "S",
            description = "How long to go on sending rounds (0 sends one round). Default: ${DEFAULT-VALUE}.")
    int seconds;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** One request's outcome: its latency, and the first error it came back with, if any. */
    record Sent(long nanos, String error, Map<String, Object> data) {
    }

    @Override
    public Integer call() {
        if (customers < 1 || customers > 100) {
            throw new ParameterException(spec.commandLine(), "--customers must be between 1 and 100, got "
                    + customers);
        }
        if (seconds < 0) {
            throw new ParameterException(spec.commandLine(), "--seconds must be 0 or more, got " + seconds);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Sent listed = post(document("customers"), Map.of("first", customers));
        if (listed.error() != null) {
            err.println("could not list customers at " + url + ": " + listed.error());
            return 1;
        }
        List<String> ids = ids(listed.data());
        if (ids.isEmpty()) {
            err.println("the service at " + url + " has no customers to warm on");
            return 1;
        }
        String page = document("recommendations-page");
        String similar = document("similar-items");
        long sent = 1;
        long failed = 0;
        String firstError = null;
        List<Long> lastRound;
        int rounds = 0;
        long giveUpAt = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        do {
            lastRound = new ArrayList<>();
            for (String id : ids) {
                Sent answer = post(page, Map.of("customer", id));
                List<Sent> round = new ArrayList<>(List.of(answer));
                topItem(answer.data()).ifPresent(item -> round.add(post(similar, Map.of("item", item))));
                for (Sent s : round) {
                    sent++;
                    lastRound.add(s.nanos());
                    if (s.error() != null) {
                        failed++;
                        firstError = firstError == null ? s.error() : firstError;
                    }
                }
            }
            rounds++;
        } while (System.nanoTime() < giveUpAt);
        Collections.sort(lastRound);
        out.printf("sent %d requests in %d rounds for %d customers, %d failed%n", sent, rounds, ids.size(), failed);
        out.printf("last round: %d requests, median %d ms, slowest %d ms%n", lastRound.size(),
                millis(lastRound.get(lastRound.size() / 2)), millis(lastRound.get(lastRound.size() - 1)));
        if (firstError != null) {
            err.println("first failure: " + firstError);
            return 1;
        }
        return 0;
    }

    private Sent post(String query, Map<String, Object> variables) {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json").header("X-API-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                        Map.of("query", query, "variables", variables))))
                .build();
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            long nanos = System.nanoTime() - start;
            if (response.statusCode() != 200) {
                return new Sent(nanos, "HTTP " + response.statusCode() + ": " + response.body(), Map.of());
            }
            Map<?, ?> body = JSON.readValue(response.body(), Map.class);
            Object errors = body.get("errors");
            String error = errors instanceof List<?> list && !list.isEmpty() ? String.valueOf(list.get(0)) : null;
            return new Sent(nanos, error, body.get("data") instanceof Map<?, ?> data ? cast(data) : Map.of());
        } catch (IOException e) {
            return new Sent(System.nanoTime() - start, e.toString(), Map.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while warming", e);
        }
    }

    /** The ids from a {@code customers} answer. */
    private static List<String> ids(Map<String, Object> data) {
        return edges(data.get("customers")).stream().map(node -> String.valueOf(node.get("id"))).toList();
    }

    /** The first recommended item's id from a recommendations page answer. */
    private static Optional<String> topItem(Map<String, Object> data) {
        return edges(data.get("recommendations")).stream().findFirst()
                .map(node -> node.get("item") instanceof Map<?, ?> item ? String.valueOf(item.get("id")) : null);
    }

    private static List<Map<String, Object>> edges(Object connection) {
        if (!(connection instanceof Map<?, ?> c) || !(c.get("edges") instanceof List<?> edges)) {
            return List.of();
        }
        return edges.stream().filter(e -> e instanceof Map<?, ?> m && m.get("node") instanceof Map<?, ?>)
                .map(e -> cast((Map<?, ?>) ((Map<?, ?>) e).get("node"))).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }

    /** A GraphQL document of {@code warm/}, kept beside the schema's resources rather than in Java text. */
    static String document(String name) {
        try (InputStream in = WarmCommand.class.getResourceAsStream("/warm/" + name + ".graphql")) {
            if (in == null) {
                throw new IllegalStateException("no GraphQL document warm/" + name + ".graphql on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000;
    }
}
