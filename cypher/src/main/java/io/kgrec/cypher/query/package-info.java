/**
 * The analysts' Cypher query library: the {@code .cypher} files listed in {@code cypher/library.txt}, each one
 * statement that runs as it is in cypher-shell or Neo4j Browser, with a header comment that documents its purpose
 * and every {@code $parameter}. This package reads those headers so that tools ({@code kgrec query}) can list the
 * queries, fill in the documented example values as defaults and type the values a user passes.
 */
package io.kgrec.cypher.query;
