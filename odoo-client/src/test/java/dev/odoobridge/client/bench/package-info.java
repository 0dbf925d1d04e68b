/**
 * JMH benchmarks of the wire codecs (test sources only). {@link dev.odoobridge.client.bench.CodecBenchmarks}
 * runs every benchmark in this package:
 * {@code ./mvnw -o -q -pl odoo-client test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.odoobridge.client.bench.CodecBenchmarks -Dexec.args="-wi 2 -i 3 -f 1"}.
 */
package dev.odoobridge.client.bench;
