package io.kgrec.api.review;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The reviewers' page as a person uses it, in a real browser: what they type and click, and what they see. */
final class ReviewPageDriver {
    private final ChromeDriver browser;
    private final String url;
    private final WebDriverWait wait;

    ReviewPageDriver(ChromeDriver browser, int port) {
        this.browser = browser;
        this.url = "http://127.0.0.1:" + port + "/review/";
        this.wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    String url() {
        return url;
    }

    /** Opens the page in a fresh state: no key remembered, nothing left in the console. */
    ReviewPageDriver open() {
        browser.get(url);
        js("sessionStorage.clear()");
        browser.navigate().refresh();
        wait.until(b -> "complete".equals(js("return document.readyState")));
        return this;
    }

    ReviewPageDriver signIn(String key) {
        WebElement input = element("api-key");
        input.clear();
        input.sendKeys(key);
        element("signin").click();
        wait.until(b -> element("workspace").isDisplayed() || element("error").isDisplayed());
        return this;
    }

    void signOut() {
        element("signout").click();
        wait.until(b -> !element("workspace").isDisplayed());
    }

    boolean workspaceShown() {
        return element("workspace").isDisplayed();
    }

    /** Waits until the error banner shows, and returns its text. */
    String error() {
        wait.until(b -> element("error").isDisplayed());
        return element("error").getText();
    }

    boolean errorShown() {
        return element("error").isDisplayed();
    }

    /** Types into the customer box and returns the suggestions offered once they match what was typed. */
    @SuppressWarnings("unchecked")
    List<String> suggestionsFor(String typed) {
        WebElement input = element("customer-input");
        input.clear();
        input.sendKeys(typed);
        wait.until(b -> {
            List<String> values = suggestions();
            return !values.isEmpty() && values.stream().allMatch(v -> v.startsWith(typed));
        });
        return suggestions();
    }

    @SuppressWarnings("unchecked")
    private List<String> suggestions() {
        return (List<String>) js("return [...document.querySelectorAll('#customer-suggestions option')]"
                + ".map(o => o.value)");
    }

    /** Shows a customer's recommendations and returns the item ids listed, in page order. */
    List<String> showRecommendations(String customerId) {
        WebElement input = element("customer-input");
        input.clear();
        input.sendKeys(customerId);
        element("customer-show").click();
        wait.until(b -> element("customer-summary").getText().startsWith("Customer " + customerId)
                || element("error").isDisplayed());
        return listedItemIds();
    }

    List<String> listedItemIds() {
        return browser.findElements(By.cssSelector("#recommendations button.recommendation")).stream()
                .map(b -> b.getDomAttribute("data-item-id")).toList();
    }

    /** Selects the listed item and waits until its graph is drawn. */
    void selectItem(String itemId) {
        browser.findElement(By.cssSelector("#recommendations button[data-item-id='" + itemId + "']")).click();
        wait.until(b -> Boolean.TRUE.equals(js("const g = window.kgrecReview.graph();"
                + "return g !== null && g.nodes('.recommended').length === 1"
                + " && g.nodes('.recommended').data('label') !== undefined")));
    }

    /** The drawn graph's nodes as cytoscape holds them: id, kind and label. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> graphNodes() {
        return (List<Map<String, Object>>) js("return window.kgrecReview.graph().nodes()"
                + ".map(n => ({id: n.id(), kind: n.data('kind'), label: n.data('label'),"
                + " recommended: n.hasClass('recommended')}))");
    }

    /** The drawn graph's edges: the labels of their ends and the relationship type drawn on them. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> graphEdges() {
        return (List<Map<String, Object>>) js("return window.kgrecReview.graph().edges()"
                + ".map(e => ({source: e.source().data('label'), type: e.data('type'),"
                + " target: e.target().data('label'), label: e.style('label')}))");
    }

    /** The exact values (data-value) of the contribution rows listed under the graph: reasons, then score terms. */
    List<Double> listedContributions() {
        return browser.findElements(By.cssSelector("#contributions tbody tr")).stream()
                .map(tr -> Double.parseDouble(tr.getDomAttribute("data-value"))).toList();
    }

    List<String> listedReasonSentences() {
        return browser.findElements(By.cssSelector("#contributions tbody tr.reason td:first-child")).stream()
                .map(WebElement::getText).toList();
    }

    String contributionTotal() {
        return element("contribution-total").getText();
    }

    /** Runs the audit with these inputs and waits for its charts. */
    void runAudit(int sample, String itemGroup, String customerAttributes) {
        type("audit-sample", String.valueOf(sample));
        type("audit-item-group", itemGroup);
        type("audit-customer-attributes", customerAttributes);
        element("audit-run").click();
        wait.until(b -> element("audit-status").getText().startsWith("Audited")
                || element("audit-status").getText().startsWith("The audit failed"));
    }

    List<String> chartTitles() {
        return browser.findElements(By.cssSelector("#audit-charts figure figcaption")).stream()
                .map(WebElement::getText).toList();
    }

    /** The value of every bar in the chart with this title, in drawing order (row by row, series within a row). */
    List<Double> barValues(String chartTitle) {
        WebElement figure = browser.findElements(By.cssSelector("#audit-charts figure")).stream()
                .filter(f -> f.findElement(By.tagName("figcaption")).getText().equals(chartTitle)).findFirst()
                .orElseThrow(() -> new AssertionError("no chart titled " + chartTitle + " in " + chartTitles()));
        return figure.findElements(By.cssSelector("svg rect.bar[data-value]")).stream()
                .map(r -> Double.parseDouble(r.getDomAttribute("data-value"))).toList();
    }

    /** Waits until the anomaly section has loaded, and returns its status line. */
    String flagsStatus() {
        wait.until(b -> !element("flags-status").getText().isEmpty());
        return element("flags-status").getText();
    }

    /** The anomaly table's rows, each as its cells' text. */
    List<List<String>> flagRows() {
        return browser.findElements(By.cssSelector("#flags tbody tr")).stream()
                .map(tr -> tr.findElements(By.tagName("td")).stream().map(WebElement::getText).toList()).toList();
    }

    /** How many elements of this tag are inside the element: data rendered as markup would add some. */
    long elementsInside(String id, String tag) {
        return ((Number) js("return document.getElementById(arguments[0]).getElementsByTagName(arguments[1]).length",
                id, tag)).longValue();
    }

    /**
     * Saves what the browser shows as target/review-screenshots/NAME.png when -Dkgrec.screenshots=true, for a person
     * to look at; otherwise does nothing.
     */
    void screenshot(String name, String scrollTo) {
        if (Boolean.getBoolean("kgrec.screenshots")) {
            js("document.getElementById(arguments[0]).scrollIntoView()", scrollTo);
            try {
                java.nio.file.Path dir = java.nio.file.Path.of("target", "review-screenshots");
                java.nio.file.Files.createDirectories(dir);
                java.nio.file.Files.write(dir.resolve(name + ".png"),
                        browser.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    private WebElement element(String id) {
        return browser.findElement(By.id(id));
    }

    private void type(String id, String text) {
        WebElement input = element(id);
        input.clear();
        input.sendKeys(text);
    }
}
