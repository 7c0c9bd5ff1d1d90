package org.campaignrl.data;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.StringJoiner;
import org.campaignrl.domain.Attribute;
import org.campaignrl.domain.StateSpace;

/**
 * Writes truth.json by hand: the model behind the logs and every cell's true probability. Cells are
 * keyed {@code "subject_id,day,tenure,domain_code,age,gender,type"} in state-index order.
 */
final class TruthJson {
    static final String CELL_MEANING = "P(a (customer, subject) pair responds) for a pair whose sends are in this"
            + " cell. All sends of a pair share one cell (same weekday), so this is also the cell's expected"
            + " conversion when responses are de-duplicated per pair and every send of a responded pair counts"
            + " as responded.";

    private TruthJson() {}

    static void write(
            Path file,
            GeneratorSettings settings,
            ShapeCalibration calibration,
            StateSpace space,
            double[] probability,
            double expectedRate)
            throws IOException {
        ResponseModel model = calibration.model();
        LogShape shape = settings.shape();
        try (BufferedWriter out = new BufferedWriter(
                new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 16)) {
            out.write("{\n");
            out.write("  \"generator\": {\"customers\": " + settings.customers() + ", \"seed\": " + settings.seed()
                    + ", \"order\": " + string(shape.order().name().toLowerCase(java.util.Locale.ROOT))
                    + ", \"sendsPerCustomer\": " + shape.sendsPerCustomer()
                    + ", \"responderShare\": "
                    + (shape.responderShare().isPresent()
                            ? Double.toString(shape.responderShare().getAsDouble())
                            : "null")
                    + ", \"responseRowsPerResponder\": "
                    + (shape.responseRowsPerResponder().isPresent()
                            ? Double.toString(shape.responseRowsPerResponder().getAsDouble())
                            : "null")
                    + ", \"baseOffset\": " + calibration.offset()
                    + ", \"expectedResponderShare\": " + probability(calibration.expectedResponderShare())
                    + "},\n");
            out.write("  \"sendDates\": {\"first\": " + string(CampaignLogGenerator.FIRST_SEND_DATE.toString())
                    + ", \"last\": " + string(CampaignLogGenerator.LAST_SEND_DATE.toString()) + "},\n");
            out.write("  \"stateVector\": [\"subject_id\", \"day\", \"tenure\", \"domain_code\", \"age\", \"gender\","
                    + " \"type\"],\n");
            out.write("  \"subjectIds\": " + ints(space.subjectIds()) + ",\n");
            out.write("  \"domains\": " + strings(space.domains()) + ",\n");
            out.write("  \"model\": {\n");
            out.write("    \"formula\": "
                    + string("p = 1 / (1 + exp(-(base[subject_id] + effect[day] + effect[tenure]"
                            + " + effect[domain_code] + effect[age] + effect[gender] + effect[type]"
                            + " + bonus of every segment the cell is in)))")
                    + ",\n");
            out.write("    \"base\": {");
            StringJoiner base = new StringJoiner(", ");
            for (int id : space.subjectIds()) {
                base.add(string(Integer.toString(id)) + ": " + model.base(id));
            }
            out.write(base + "},\n");
            out.write("    \"effects\": {\n");
            for (int position = 1; position < Attribute.COUNT; position++) {
                Attribute attribute = Attribute.atPosition(position);
                StringJoiner effects = new StringJoiner(", ", "[", "]");
                for (int code = 0; code < space.size(attribute); code++) {
                    effects.add("{\"code\": " + code + ", \"label\": " + string(space.label(attribute, code))
                            + ", \"effect\": " + model.effect(attribute, code) + "}");
                }
                out.write("      " + string(vectorName(position)) + ": " + effects
                        + (position < Attribute.COUNT - 1 ? ",\n" : "\n"));
            }
            out.write("    },\n");
            out.write("    \"segments\": [\n");
            List<ResponseModel.Segment> segments = model.segments();
            for (int i = 0; i < segments.size(); i++) {
                ResponseModel.Segment segment = segments.get(i);
                StringJoiner when = new StringJoiner(", ", "{", "}");
                for (int p = 0; p < Attribute.COUNT; p++) {
                    if (segment.when()[p] != ResponseModel.ANY) {
                        when.add(string(vectorName(p)) + ": " + segment.when()[p]);
                    }
                }
                out.write("      {\"name\": " + string(segment.name()) + ", \"when\": " + when
                        + ", \"bonus\": " + segment.bonus() + ", \"cells\": " + cellsOf(segment, space) + "}"
                        + (i < segments.size() - 1 ? ",\n" : "\n"));
            }
            out.write("    ]\n");
            out.write("  },\n");
            out.write("  \"expectedRespondedSendRate\": " + probability(expectedRate) + ",\n");
            out.write("  \"cellProbability\": " + string(CELL_MEANING) + ",\n");
            out.write("  \"cells\": {\n");
            for (int state = 0; state < space.size(); state++) {
                StringJoiner key = new StringJoiner(",");
                for (int value : space.vectorOf(state)) {
                    key.add(Integer.toString(value));
                }
                out.write("    " + string(key.toString()) + ": " + probability(probability[state])
                        + (state < space.size() - 1 ? ",\n" : "\n"));
            }
            out.write("  }\n");
            out.write("}\n");
        }
    }

    private static int cellsOf(ResponseModel.Segment segment, StateSpace space) {
        int count = 0;
        for (int state = 0; state < space.size(); state++) {
            if (segment.matches(space.vectorOf(state))) {
                count++;
            }
        }
        return count;
    }

    private static String vectorName(int position) {
        return List.of("subject_id", "day", "tenure", "domain_code", "age", "gender", "type")
                .get(position);
    }

    /** A probability with 8 decimals (String.format is too slow for 17 640 of them). */
    private static String probability(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("not a probability: " + p);
        }
        long scaled = Math.round(p * 100_000_000);
        String fraction = Long.toString(100_000_000 + scaled % 100_000_000).substring(1);
        return scaled / 100_000_000 + "." + fraction;
    }

    private static String ints(int[] values) {
        StringJoiner joiner = new StringJoiner(", ", "[", "]");
        for (int value : values) {
            joiner.add(Integer.toString(value));
        }
        return joiner.toString();
    }

    private static String strings(List<String> values) {
        StringJoiner joiner = new StringJoiner(", ", "[", "]");
        values.forEach(value -> joiner.add(string(value)));
        return joiner.toString();
    }

    /** A JSON string; our texts hold no control characters, so quotes and backslashes are all to escape. */
    private static String string(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
