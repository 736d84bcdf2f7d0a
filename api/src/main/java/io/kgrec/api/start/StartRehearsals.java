package io.kgrec.api.start;

import io.kgrec.api.graphql.FeedbackRehearsal;
import io.kgrec.api.graphql.PageRehearsal;
import io.kgrec.api.graphql.ReadRehearsal;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Once the service is up, in the background, rehearses what its first customers would otherwise wait for: the scoring
 * statement's plans, then pages until the JIT compilers have settled ({@link PageRehearsal}), then the feedback
 * mutations, nearest to the first real purchases. It reports the service {@link Readiness ready} when done, whether or
 * not there was anything to rehearse on, and whether or not a rehearsal failed.
 */
@Component
class StartRehearsals {
    private static final Logger LOG = LoggerFactory.getLogger(StartRehearsals.class);
    /** Long enough to hold the longest single compilation seen (3.6 s), which counts only when it ends. */
    private static final Duration SETTLING_WINDOW = Duration.ofSeconds(10);
    /** At most a second of compilation in ten: after a start on two cores C2 compiled 9–10 s in every 10 s. */
    private static final double QUIET_SHARE = 0.1;

    private final FeedbackRehearsal feedback;
    private final ReadRehearsal reads;
    private final PageRehearsal pages;
    private final Duration pagesAtMost;
    private final Readiness readiness;

    /**
     * @param pagesAtMost how long the page rehearsal may go on when the compilers do not settle; 0 turns it off
     */
    StartRehearsals(FeedbackRehearsal feedback, ReadRehearsal reads, PageRehearsal pages,
            @Value("${kgrec.start.page-rehearsal.max:120s}") Duration pagesAtMost, Readiness readiness) {
        this.feedback = feedback;
        this.reads = reads;
        this.pages = pages;
        this.pagesAtMost = pagesAtMost;
        this.readiness = readiness;
    }

    @EventListener(ApplicationReadyEvent.class)
    void rehearseInBackground() {
        CodeCacheFlushing.warnIfOn();
        Thread thread = new Thread(this::rehearse, "kgrec-start-rehearsals");
        thread.setDaemon(true);
        thread.start();
    }

    private void rehearse() {
        long start = System.nanoTime();
        try {
            int customers = reads.rehearse();
            try {
                rehearsePages();
            } catch (RuntimeException e) {
                // only the first minute of requests is slower for it; the purchases are still worth rehearsing
                LOG.warn("rehearsing pages at start failed; the first requests will wait for the JIT compilers", e);
            }
            feedback.rehearse();
            LOG.info("ready {} ms after the rehearsals began (scoring for {} size classes of customer ids)",
                    (System.nanoTime() - start) / 1_000_000, customers);
        } catch (RuntimeException e) {
            // only the first requests are slower for it
            LOG.warn("rehearsing at start failed; ready anyway, the first requests will plan their statements", e);
        } finally {
            readiness.ready();
        }
    }

    private void rehearsePages() {
        if (pagesAtMost.isZero() || pagesAtMost.isNegative()) {
            return;
        }
        long start = System.nanoTime();
        long giveUpAt = start + pagesAtMost.toNanos();
        Optional<CompilerSettling> compilers = CompilerSettling.ofThisJvm(SETTLING_WINDOW, QUIET_SHARE);
        long compiledBefore = compilers.map(CompilerSettling::compileMillis).orElse(0L);
        AtomicBoolean settled = new AtomicBoolean();
        PageRehearsal.Outcome outcome = pages.rehearseUntil(() -> {
            settled.set(compilers.map(CompilerSettling::settled).orElse(false));
            return settled.get() || System.nanoTime() >= giveUpAt;
        });
        long millis = (System.nanoTime() - start) / 1_000_000;
        LOG.info("pages rehearsed for {} ms: {} pages ({} with errors), {} ms of compilation; the compilers {}", millis,
                outcome.pages(), outcome.failedPages(),
                compilers.map(CompilerSettling::compileMillis).orElse(0L) - compiledBefore,
                compilers.isEmpty() ? "keep no time on this JVM, so it went on for " + pagesAtMost
                        : settled.get() ? "settled" : "had not settled after " + pagesAtMost);
        outcome.firstFailure().ifPresent(failure -> LOG.warn("{} of {} rehearsed pages came back with errors; the first:"
                + " {}", outcome.failedPages(), outcome.pages(), failure));
    }
}
