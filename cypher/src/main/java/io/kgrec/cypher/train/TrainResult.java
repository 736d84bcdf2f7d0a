package io.kgrec.cypher.train;

import org.neo4j.procedure.Description;

/** The row {@code kgrec.train} returns. */
public final class TrainResult {
    @Description("the version of the model now serving")
    public long modelVersion;
    @Description("customers read from the graph")
    public long customers;
    @Description("items read from the graph")
    public long items;
    @Description("distinct customer–item interactions read")
    public long interactions;
    @Description("knowledge-graph attributes read (entity by relationship type and direction, or item–item fact)")
    public long attributes;
    @Description("SIMILAR_TO relationships written")
    public long similarities;
    @Description("nDCG@10 of the chosen configuration on the validation hold-out")
    public double validationNdcg;
    @Description("the chosen hyperparameters")
    public String parameters;
    @Description("seconds spent reading the graph")
    public double readSeconds;
    @Description("seconds spent tuning and training")
    public double fitSeconds;
    @Description("seconds spent writing the model")
    public double writeSeconds;
    @Description("seconds in all")
    public double totalSeconds;

    TrainResult(long modelVersion, long customers, long items, long interactions, long attributes, long similarities,
            double validationNdcg, String parameters, double readSeconds, double fitSeconds, double writeSeconds,
            double totalSeconds) {
        this.modelVersion = modelVersion;
        this.customers = customers;
        this.items = items;
        this.interactions = interactions;
        this.attributes = attributes;
        this.similarities = similarities;
        this.validationNdcg = validationNdcg;
        this.parameters = parameters;
        this.readSeconds = readSeconds;
        this.fitSeconds = fitSeconds;
        this.writeSeconds = writeSeconds;
        this.totalSeconds = totalSeconds;
    }
}
