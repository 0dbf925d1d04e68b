/**
 * JMH benchmarks of the wire codecs (test sources only). {@link dev.odoobridge.client.bench.CodecBenchmarks}
 * runs every benchmark in this package and times Python's decoders on the same bytes; start it
 * with {@code java -jar benchmarks/target/benchmarks.jar codecs -wi 3 -i 5 -f 1} or as its Javadoc shows.
 */
package dev.odoobridge.client.bench;
