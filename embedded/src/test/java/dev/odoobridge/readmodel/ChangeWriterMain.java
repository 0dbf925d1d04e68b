package dev.odoobridge.readmodel;

/**
 * Child process of {@link ConcurrentWriterProcessesIT}: opens the read model on a served embedded store by
 * connection string (the conditional-filter guard, as several writers need) and writes the rounds of
 * {@link ConcurrentChangesTest#write} as writer {@code args[1]}, then prints {@code DONE}. Arguments: connection
 * string, writer number.
 */
public final class ChangeWriterMain {
    private ChangeWriterMain() {
    }

    public static void main(String[] args) {
        try (ReadModel model = ReadModels.open(ReadModelConfig.builder().connectionString(args[0])
                .guardStrategy(GuardStrategy.CONDITIONAL_FILTER).build())) {
            ConcurrentChangesTest.write(model.projector(), Integer.parseInt(args[1]));
        }
        System.out.println("DONE");
    }
}
