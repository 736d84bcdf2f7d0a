package io.kgrec.cypher.risk;

import java.util.List;

/** Finds one kind of anomaly in the interactions. */
public interface Detector {
    List<Finding> detect(DetectionInput input);

    /** Every detector, in the order their findings are reported. */
    static List<Detector> all() {
        return List.of(new PushGroups(), new Bursts(), new Volumes(), new Quantities());
    }
}
