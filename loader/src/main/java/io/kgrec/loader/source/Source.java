package io.kgrec.loader.source;

import io.kgrec.loader.stage.GraphData;

/** A set of input files in one format, read into the staging graph with every row accounted for. */
public interface Source {
    /**
     * @throws io.kgrec.loader.LoadException on a problem that must stop the load (missing file, wrong header)
     */
    void read(GraphData data, LoadContext context);

    /** One line for logs: the format and where the files are. */
    String describe();
}
