package dev.odoobridge.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/** Creates command objects; commands needing the output streams get them from {@link Console}. */
final class CommandFactory implements CommandLine.IFactory {
    private final CommandLine.IFactory defaults = CommandLine.defaultFactory();
    private final Console console;
    private final CommandContext context;

    CommandFactory(PrintWriter out, PrintWriter err, GlobalOptions options) {
        this.console = new Console(out, err);
        this.context = new CommandContext(console, options, dev.odoobridge.cli.config.ConfigLoader.fromSystemEnv());
    }

    /** The context shared by the commands of this command line. */
    CommandContext context() {
        return context;
    }

    @Override
    public <K> K create(Class<K> cls) throws Exception {
        if (cls == Console.class) {
            return cls.cast(console);
        }
        if (cls == CommandContext.class) {
            return cls.cast(context);
        }
        try {
            return cls.getDeclaredConstructor(CommandContext.class).newInstance(context);
        } catch (NoSuchMethodException e) {
            return defaults.create(cls);
        }
    }
}
