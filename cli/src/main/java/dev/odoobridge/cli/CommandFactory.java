package dev.odoobridge.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/** Creates command objects; commands needing the output streams get them from {@link Console}. */
final class CommandFactory implements CommandLine.IFactory {
    private final CommandLine.IFactory defaults = CommandLine.defaultFactory();
    private final Console console;

    CommandFactory(PrintWriter out, PrintWriter err) {
        this.console = new Console(out, err);
    }

    @Override
    public <K> K create(Class<K> cls) throws Exception {
        if (cls == Console.class) {
            return cls.cast(console);
        }
        return defaults.create(cls);
    }
}
