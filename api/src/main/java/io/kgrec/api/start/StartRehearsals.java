package io.kgrec.api.start;

import io.kgrec.api.graphql.FeedbackRehearsal;
import io.kgrec.api.graphql.ReadRehearsal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Once the service is up, rehearses the statements its first customers would otherwise wait for (the feedback
 * mutations, then scoring), in the background, and reports the service {@link Readiness ready} when done, whether or
 * not there was anything to rehearse on.
 */
@Component
class StartRehearsals {
    private static final Logger LOG = LoggerFactory.getLogger(StartRehearsals.class);

    private final FeedbackRehearsal feedback;
    private final ReadRehearsal reads;
    private final Readiness readiness;

    StartRehearsals(FeedbackRehearsal feedback, ReadRehearsal reads, Readiness readiness) {
        this.feedback = feedback;
        this.reads = reads;
        this.readiness = readiness;
    }

    @EventListener(ApplicationReadyEvent.class)
    void rehearseInBackground() {
        Thread thread = new Thread(this::rehearse, "kgrec-start-rehearsals");
        thread.setDaemon(true);
        thread.start();
    }

    private void rehearse() {
        long start = System.nanoTime();
        try {
            feedback.rehearse();
            int customers = reads.rehearse();
            LOG.info("ready: statements rehearsed in {} ms (scoring for {} size classes of customer ids)",
                    (System.nanoTime() - start) / 1_000_000, customers);
        } catch (RuntimeException e) {
            // only the first requests are slower for it
            LOG.warn("rehearsing at start failed; ready anyway, the first requests will plan their statements", e);
        } finally {
            readiness.ready();
        }
    }
}
