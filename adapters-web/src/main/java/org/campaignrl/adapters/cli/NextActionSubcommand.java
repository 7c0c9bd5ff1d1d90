package org.campaignrl.adapters.cli;

import java.util.Arrays;
import java.util.concurrent.Callable;
import org.campaignrl.application.port.in.NextActionUseCase.NextAction;
import org.campaignrl.application.port.in.NextActionUseCase.NextActionCommand;
import org.campaignrl.domain.Action;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "next-action",
        description = "Apply an action to a state and print the active model's best next action.")
final class NextActionSubcommand implements Callable<Integer> {
    private final CliRuntime runtime;

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOption database;

    @Option(
            names = "--state",
            required = true,
            split = ",",
            paramLabel = "S,D,T,E,A,G,C",
            description = "Subject id, then the codes of day, tenure, domain, age, gender, type; e.g. 2,4,3,1,0,0,0.")
    int[] state;

    @Option(
            names = "--action",
            required = true,
            description = "0 day, 1 tenure, 2 domain, 3 age, 4 gender, 5 type, 6 subject.")
    int action;

    NextActionSubcommand(CliRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public Integer call() {
        try (CliRuntime.Session session = runtime.open(database.jdbcUrl())) {
            NextAction answer = session.app().nextAction().nextAction(new NextActionCommand(state, action));
            out().printf(
                            "next_action %d (%s) from state %s, model %d%n",
                            answer.nextAction(),
                            Action.ofCode(answer.nextAction()).attribute().displayName(),
                            Arrays.toString(answer.reachedState()),
                            answer.modelId());
        }
        return 0;
    }

    private java.io.PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
