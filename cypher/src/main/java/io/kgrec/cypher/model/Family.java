package io.kgrec.cypher.model;

/** The kinds of item–item path a score is made of; each is shown to the customer as its own kind of reason. */
public enum Family {
    /** customer → j ← customers → i, weights from EASE^R (regression over co-occurrences). */
    COLLABORATIVE("customers who chose %s also chose this"),
    /** customer → j ← customers → i, weights from the RP3β random walk; reaches rarely bought items too. */
    RANDOM_WALK("customers who chose %s also chose this"),
    /** customer → j → attribute ← i over the knowledge graph. */
    KNOWLEDGE_GRAPH("shares %s with something you chose"),
    /** customer → j ~ i, similar in the graph embedding. */
    EMBEDDING("close to %s in the customer–product graph");

    private final String reasonTemplate;

    Family(String reasonTemplate) {
        this.reasonTemplate = reasonTemplate;
    }

    /** A one-line reason with the path's middle node (known item or attribute) filled in. */
    public String reason(String middle) {
        return String.format(reasonTemplate, middle);
    }
}
