package org.campaignrl.adapters.web;

import org.campaignrl.application.InvalidCommandException;
import org.campaignrl.application.port.in.TrainModelUseCase.TrainModelCommand;

/**
 * A training asked for by the API or the train form: every field optional, what is left out takes the command's
 * default ({@link TrainModelCommand#defaults()}). {@code episodes} is {@value #UNTIL_CONVERGED} (train until
 * converged, the default) or a whole number (exactly that many episodes); ε and α left out take the default of
 * that choice.
 */
final class TrainingRequest {
    static final String UNTIL_CONVERGED = "auto";

    private TrainingRequest() {}

    /** The API's JSON body: numbers as JSON numbers, {@code episodes} also as the string "auto". */
    static TrainModelCommand fromJson(JsonBody body) {
        TrainModelCommand d = TrainModelCommand.defaults();
        TrainModelCommand command = body.has("episodes") && body.isText("episodes")
                ? episodes(d, body.requiredText("episodes"))
                : body.has("episodes") ? d.withEpisodes(body.requiredInt("episodes")) : d;
        if (body.has("epsilon")) {
            command = command.withEpsilon(body.optionalDouble("epsilon", d.epsilon()));
        }
        if (body.has("alpha")) {
            command = command.withAlpha(body.optionalDouble("alpha", d.alpha()));
        }
        command = command.withGamma(body.optionalDouble("gamma", d.gamma()))
                .withMaxSteps(body.optionalInt("maxSteps", d.maxSteps()))
                .withSeed(body.optionalLong("seed", d.seed()))
                .withTargetRate(body.optionalDouble("targetRate", d.targetRate()))
                .withMinSends(body.optionalLong("minSends", d.minSends()))
                .withRewardFactor(body.optionalDouble("rewardFactor", d.rewardFactor()))
                .withActivate(body.optionalBoolean("activate", d.activate()));
        if (body.has("startState")) {
            command = command.withStartState(body.requiredIntArray("startState"));
        }
        if (body.has("datasetId")) {
            command = command.withDataset(body.optionalLong("datasetId", 0));
        }
        return command;
    }

    /** The train form: blank fields take their default; the activate box is sent only when ticked. */
    static TrainModelCommand fromForm(Fields form) {
        TrainModelCommand d = TrainModelCommand.defaults();
        TrainModelCommand command = form.text("episodes") == null ? d : episodes(d, form.text("episodes"));
        Double epsilon = form.optionalDouble("epsilon");
        if (epsilon != null) {
            command = command.withEpsilon(epsilon);
        }
        Double alpha = form.optionalDouble("alpha");
        if (alpha != null) {
            command = command.withAlpha(alpha);
        }
        return command.withGamma(orDefault(form, "gamma", d.gamma()))
                .withMaxSteps(form.text("maxSteps") == null ? d.maxSteps() : form.requiredInt("maxSteps"))
                .withSeed(form.text("seed") == null ? d.seed() : form.requiredLong("seed"))
                .withTargetRate(orDefault(form, "targetRate", d.targetRate()))
                .withMinSends(form.text("minSends") == null ? d.minSends() : form.requiredLong("minSends"))
                .withRewardFactor(orDefault(form, "rewardFactor", d.rewardFactor()))
                .withActivate("true".equals(form.text("activate")));
    }

    private static double orDefault(Fields form, String field, double fallback) {
        Double value = form.optionalDouble(field);
        return value == null ? fallback : value;
    }

    private static TrainModelCommand episodes(TrainModelCommand defaults, String text) {
        if (UNTIL_CONVERGED.equalsIgnoreCase(text.strip())) {
            return defaults.withUntilConverged();
        }
        try {
            return defaults.withEpisodes(Integer.parseInt(text.strip()));
        } catch (NumberFormatException e) {
            throw new InvalidCommandException(
                    "episodes", "must be \"" + UNTIL_CONVERGED + "\" or a whole number, was '" + text + "'");
        }
    }
}
