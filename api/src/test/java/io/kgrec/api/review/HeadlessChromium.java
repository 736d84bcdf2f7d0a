package io.kgrec.api.review;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Debian's chromium driven through its chromedriver (packages {@code chromium} and {@code chromium-driver}, which
 * .ci/run installs). Both paths are given, so Selenium never tries to download a browser or a driver.
 */
public final class HeadlessChromium {
    static final Path CHROMIUM = Path.of(System.getProperty("kgrec.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("kgrec.chromedriver", "/usr/bin/chromedriver"));

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private HeadlessChromium() {
    }

    public static ChromeDriver start() {
        return start(new ChromeOptions(), Map.of(LogType.BROWSER, "ALL"));
    }

    /**
     * A browser that reaches nothing but the loopback, as on a machine without internet access: every other host goes
     * to a proxy on the discard port, where nothing listens, and resolves to nothing. Chromium sends loopback
     * addresses past the proxy on its own. The network log ({@link #requests}) shows every request it tried.
     */
    public static ChromeDriver startWithoutNetwork() {
        ChromeOptions options = new ChromeOptions();
        options.addArguments("--proxy-server=127.0.0.1:9", "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1");
        return start(options, Map.of(LogType.BROWSER, "ALL", LogType.PERFORMANCE, "ALL"));
    }

    private static ChromeDriver start(ChromeOptions options, Map<String, String> logs) {
        for (Path p : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(p)) {
                throw new IllegalStateException(p + " is missing: apt-get install chromium chromium-driver "
                        + "(.ci/run does), or set -Dkgrec.chromium / -Dkgrec.chromedriver");
            }
        }
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1100",
                "--disable-gpu", "--no-first-run", "--disable-extensions");
        // The console, so the test sees script errors and refused resources; the network log, so it sees requests.
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
        return driver;
    }

    /** A request the browser sent, and why it failed ({@code null} if the log saw no failure). */
    public record Request(String url, String failure) {
    }

    /**
     * Requests sent since the last call, for a browser from {@link #startWithoutNetwork} (reading the network log
     * empties the browser's buffer).
     */
    public static List<Request> requests(ChromeDriver driver) {
        // Each redirect sends the same request id again with the next URL: all of them count.
        List<Map.Entry<String, String>> sent = new ArrayList<>();
        Map<String, String> failures = new HashMap<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE).getAll()) {
            JsonNode message = JSON.readTree(entry.getMessage()).path("message");
            JsonNode params = message.path("params");
            switch (message.path("method").asString()) {
                case "Network.requestWillBeSent" -> sent.add(Map.entry(params.path("requestId").asString(),
                        params.path("request").path("url").asString()));
                case "Network.loadingFailed" ->
                        failures.put(params.path("requestId").asString(), params.path("errorText").asString());
                default -> { }
            }
        }
        return sent.stream().map(s -> new Request(s.getValue(), failures.get(s.getKey()))).toList();
    }

    /** Console entries at warning level or worse since the last call (reading them empties the browser's buffer). */
    public static List<String> problems(ChromeDriver driver) {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue())
                .map(LogEntry::toString).toList();
    }
}
