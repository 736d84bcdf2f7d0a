package io.kgrec.api.training;

/**
 * Who follows a training run that {@link ModelTrainer} started: a progress bar per phase on a terminal
 * ({@link PhaseBars}) or a few log lines in the service ({@link ProgressLog}).
 */
public interface TrainingWatch {
    /** Nobody watches: the trainer does not poll. */
    TrainingWatch NONE = new TrainingWatch() {
        @Override
        public void seen(ModelStatus status) {
        }

        @Override
        public void finished(ModelStatus status) {
        }
    };

    /** The model's status, read about once a second while the run goes on. */
    void seen(ModelStatus status);

    /** The status once the run has returned: its phases are in {@link ModelStatus#lastRunPhases()}. */
    void finished(ModelStatus status);
}
