/**
 * The load driver of the Portal Links benchmarks: portal-test's Paddle simulator on 127.0.0.1, the Node SDK baseline
 * process, and the scenarios that call the benchmark WAR's endpoints and write target/benchmarks/results.json.
 */
package dev.portallinks.benchmarks.driver;
