package io.kgrec.api.graphiql;

import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The GraphiQL page as a person uses it: paste a query and headers into its editors, press the run button, read the
 * result pane. The editors are CodeMirror instances, so text goes in through CodeMirror's own {@code setValue}, as a
 * paste does, rather than key by key (GraphiQL's autocompletion would take a typed Enter).
 */
final class GraphiQlPageDriver {
    /** The headers editor: under the tabs, the one of the two editors (variables, headers) that is not hidden. */
    private static final String HEADERS = "section.graphiql-editor-tool .graphiql-editor:not(.hidden) .CodeMirror";
    private static final String QUERY = ".graphiql-query-editor .CodeMirror";
    private static final String RESULT = ".result-window .CodeMirror";

    private final ChromeDriver browser;
    private final String url;
    private final WebDriverWait wait;

    GraphiQlPageDriver(ChromeDriver browser, int port) {
        this.browser = browser;
        this.url = "http://127.0.0.1:" + port + "/graphiql";
        this.wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    String url() {
        return url;
    }

    /** Opens the page and waits until GraphiQL has drawn its query editor. */
    GraphiQlPageDriver open() {
        browser.get(url);
        wait.until(b -> Boolean.TRUE.equals(js("return document.querySelector(arguments[0]) !== null", QUERY)));
        return this;
    }

    void pasteQuery(String query) {
        js("document.querySelector(arguments[0]).CodeMirror.setValue(arguments[1])", QUERY, query);
    }

    /** Opens the Headers tab, as a person must, and pastes the text into its editor. */
    void pasteHeaders(String headers) {
        browser.findElements(By.cssSelector(".graphiql-editor-tools button")).stream()
                .filter(b -> b.getText().trim().equals("Headers")).findFirst()
                .orElseThrow(() -> new AssertionError("GraphiQL shows no Headers tab")).click();
        wait.until(b -> Boolean.TRUE.equals(js("return document.querySelector(arguments[0]) !== null", HEADERS)));
        js("document.querySelector(arguments[0]).CodeMirror.setValue(arguments[1])", HEADERS, headers);
    }

    /** Presses the run button and waits for the result pane to hold a GraphQL response; returns its text. */
    String run() {
        js("document.querySelector(arguments[0]).CodeMirror.setValue('')", RESULT);
        browser.findElement(By.cssSelector(".graphiql-execute-button")).click();
        wait.until(b -> Boolean.TRUE.equals(js("try { const r = JSON.parse(document.querySelector(arguments[0])"
                + ".CodeMirror.getValue()); return 'data' in r || 'errors' in r; } catch (e) { return false; }",
                RESULT)));
        return (String) js("return document.querySelector(arguments[0]).CodeMirror.getValue()", RESULT);
    }

    /**
     * Opens the documentation explorer (if it is closed) and waits until it shows either the schema's root types or an
     * error; returns its text.
     */
    String documentation() {
        if (browser.findElements(By.cssSelector(".graphiql-doc-explorer")).isEmpty()) {
            browser.findElement(By.cssSelector("button[aria-label='Show Documentation Explorer']")).click();
        }
        wait.until(b -> !b.findElements(By.cssSelector(".graphiql-doc-explorer-root-type, "
                + ".graphiql-doc-explorer-error")).isEmpty());
        return browser.findElement(By.cssSelector(".graphiql-doc-explorer")).getText();
    }

    /** Waits until the documentation explorer shows the schema's root types; returns its text. */
    String documentationWithSchema() {
        wait.withMessage("the documentation explorer to show the schema's root types")
                .until(b -> !b.findElements(By.cssSelector(".graphiql-doc-explorer-root-type")).isEmpty());
        return browser.findElement(By.cssSelector(".graphiql-doc-explorer")).getText();
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }
}
