// model-status: the model that serves, the training run in progress (if any) and the last finished run, in one row.
//
// A run's :Model node is written by kgrec.train in transactions of its own as it goes (phase, phaseProgress,
// progress, and the finished phases with their seconds), so this read sees a run in progress. Times are taken on the
// database's clock on both sides, so the elapsed seconds do not depend on the caller's clock.
//
// Returns one row: servingVersion; trainingVersion, phase, phaseProgress, progress, startedAt, elapsedSeconds,
// finishedPhases, finishedPhaseSeconds of the newest running model newer than the last finished run (nulls when none
// runs); lastRunVersion,
// lastRunStatus ('ready' or 'failed'), lastRunError, lastRunSeconds, lastRunPhases, lastRunPhaseSeconds of the newest
// finished one.
OPTIONAL MATCH (serving:Model {current: true})
WITH serving ORDER BY serving.version DESC LIMIT 1
OPTIONAL MATCH (finished:Model) WHERE finished.status IN ['ready', 'failed']
WITH serving, finished ORDER BY finished.version DESC LIMIT 1
// A running model older than the last finished run was left behind by a process that stopped while training.
OPTIONAL MATCH (running:Model {status: 'running'}) WHERE running.version > coalesce(finished.version, 0)
WITH serving, finished, running ORDER BY running.version DESC LIMIT 1
RETURN serving.version AS servingVersion,
       running.version AS trainingVersion, running.phase AS phase, running.phaseProgress AS phaseProgress,
       running.progress AS progress, toString(running.startedAt) AS startedAt,
       (datetime().epochMillis - running.startedAt.epochMillis) / 1000.0 AS elapsedSeconds,
       running.phases AS finishedPhases, running.phaseSeconds AS finishedPhaseSeconds,
       finished.version AS lastRunVersion, finished.status AS lastRunStatus, finished.error AS lastRunError,
       (finished.finishedAt.epochMillis - finished.startedAt.epochMillis) / 1000.0 AS lastRunSeconds,
       finished.phases AS lastRunPhases, finished.phaseSeconds AS lastRunPhaseSeconds;
