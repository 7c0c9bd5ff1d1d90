package org.campaignrl.adapters.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "generate", description = "Write a synthetic, seeded set of the three campaign logs (and truth.json).")
final class GenerateSubcommand implements Callable<Integer> {
    private final CliRuntime runtime;

    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write into.")
    Path out;

    @Option(
            names = "--preset",
            defaultValue = "generator",
            paramLabel = "NAME",
            converter = PresetConverter.class,
            description = "generator (500 000 customers, ~2.48 M sends, ~10 %% responders, grouped by customer) or"
                    + " real-shaped (840 773 customers, ~2.48 M sends, ~0.94 M response rows, 34 %% responders,"
                    + " random order); the options below override it (default: ${DEFAULT-VALUE}).")
    CliRuntime.GeneratorPreset preset;

    @Option(names = "--customers", paramLabel = "N", description = "Customers in the userbase.")
    Integer customers;

    @Option(
            names = "--seed",
            defaultValue = "42",
            paramLabel = "S",
            description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--order",
            paramLabel = "ORDER",
            description = "Order of every file's rows: grouped (by customer, ids ascending) or random.")
    String order;

    @Option(names = "--sends-per-customer", paramLabel = "X", description = "Mean sends per customer.")
    Double sendsPerCustomer;

    @Option(
            names = "--responders",
            paramLabel = "SHARE",
            description = "Expected share of customers with a response, e.g. 0.34 (moves the response model).")
    Double responders;

    @Option(
            names = "--responses-per-responder",
            paramLabel = "X",
            description = "Expected response rows of a responding customer, repeats included.")
    Double responsesPerResponder;

    /** picocli reports a value it cannot convert as a usage error, with this message. */
    static final class PresetConverter implements picocli.CommandLine.ITypeConverter<CliRuntime.GeneratorPreset> {
        @Override
        public CliRuntime.GeneratorPreset convert(String value) {
            return CliRuntime.GeneratorPreset.parse(value);
        }
    }

    GenerateSubcommand(CliRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public Integer call() throws Exception {
        CliRuntime.Generation generation = new CliRuntime.Generation(
                preset,
                customers == null ? OptionalInt.empty() : OptionalInt.of(customers),
                seed,
                Optional.ofNullable(order),
                optional(sendsPerCustomer),
                optional(responders),
                optional(responsesPerResponder));
        spec.commandLine().getOut().println(runtime.generate(out, generation, TerminalProgress.onStderr()));
        return 0;
    }

    private static OptionalDouble optional(Double value) {
        return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
    }
}
