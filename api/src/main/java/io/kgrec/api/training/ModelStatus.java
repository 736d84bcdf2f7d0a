package io.kgrec.api.training;

import java.util.List;

/**
 * What the service's model is doing: which version serves, which one trains and how far it is, and how the last run
 * ended. The GraphQL type {@code ModelStatus} shows it as is.
 *
 * @param phase                the running phase's name ({@code reading the graph}, {@code tuning on a validation
 *                             hold-out}...), null when nothing trains
 * @param phaseProgress        fraction of that phase done, 0..1
 * @param progress             fraction of the whole run done, 0..1 (phases are weighted by a fixed share each)
 * @param estimatedSecondsLeft a linear estimate from the run's elapsed time and progress: elapsed × (1 − p) / p.
 *                             It assumes the rest goes as fast as what is done, which the fixed phase shares make
 *                             rough; null until some progress is made
 * @param finishedPhases       the running run's phases already done, with their seconds
 * @param lastRunPhases        the last finished run's phases, with their seconds (empty for models trained before
 *                             phases were recorded)
 */
public record ModelStatus(ModelState state, Long servingVersion, Long trainingVersion, String phase,
        Double phaseProgress, Double progress, String startedAt, Double elapsedSeconds, Double estimatedSecondsLeft,
        List<PhaseTime> finishedPhases, Long lastRunVersion, Double lastRunSeconds, String lastRunError,
        List<PhaseTime> lastRunPhases) {

    /** NONE: no model and none training; FAILED: none serves and the last run failed. */
    public enum ModelState { NONE, TRAINING, SERVING, FAILED }

    /** A finished phase of a run and how long it took. */
    public record PhaseTime(String name, double seconds) {
    }

    /** The linear estimate described above; null while nothing is done yet. */
    static Double secondsLeft(Double elapsedSeconds, Double progress) {
        if (elapsedSeconds == null || progress == null || progress <= 0) {
            return null;
        }
        return Math.max(0.0, elapsedSeconds * (1 - Math.min(1.0, progress)) / progress);
    }
}
