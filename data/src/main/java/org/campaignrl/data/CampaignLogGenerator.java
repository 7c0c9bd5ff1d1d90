package org.campaignrl.data;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.campaignrl.domain.Attribute;
import org.campaignrl.domain.Binning;
import org.campaignrl.domain.StateSpace;

/**
 * Writes synthetic campaign logs whose response model is known ({@link ResponseModel}), one
 * customer at a time, so memory does not grow with the number of sends.
 *
 * <p>For each customer: a userbase row; then, for each subject line, a number of sends drawn from
 * a Poisson law of mean 4.96 / 3, capped at {@value #WEEKS}. All sends of one (customer, subject)
 * pair fall on the same weekday, in distinct weeks, and different subject lines of a customer on
 * different weekdays. Every send of a pair therefore lies in one cell, and the pair responds with
 * that cell's probability: a cell's true probability is also its expected conversion once responses
 * are de-duplicated per pair. A responding pair answers each of its sends 0–7 days after it, and
 * repeats the answer with probability {@value #SECOND_RESPONSE} (a third time with
 * {@value #THIRD_RESPONSE}). Each customer's sends and responses are written in date order.
 *
 * <p>Everything is drawn, in a fixed order, from one {@link SplittableRandom} seeded with the
 * settings' seed: the same settings give byte-identical files, and a smaller run with the same seed
 * is a prefix of a larger one.
 */
public final class CampaignLogGenerator {
    public static final String SENT_EMAILS = "sent_emails.csv";
    public static final String RESPONDED = "responded.csv";
    public static final String USERBASE = "userbase.csv";
    public static final String TRUTH = "truth.json";

    static final LocalDate FIRST_SEND_DATE = LocalDate.of(2016, 1, 1);
    static final LocalDate LAST_SEND_DATE = LocalDate.of(2016, 3, 31);
    /** The send dates span exactly 13 weeks, so every weekday occurs 13 times. */
    static final int WEEKS = 13;
    /** Mean sends per (customer, subject) pair, so 4.96 sends per customer over the 3 subject lines. */
    static final double SENDS_PER_PAIR = 4.96 / 3;
    static final int MAX_RESPONSE_DELAY_DAYS = 7;
    static final double SECOND_RESPONSE = 0.30;
    static final double THIRD_RESPONSE = 0.05;
    static final int FIRST_CUSTOMER_ID = 100_000;

    private static final int BUFFER_CHARS = 1 << 20;
    private static final int PROGRESS_EVERY = 10_000;
    private static final int DAYS = 7;
    /** Subject ids are below this. */
    private static final int SUBJECT_SLOTS = 4;

    private final GeneratorSettings settings;
    private final ResponseModel model = ResponseModel.DEFAULT;
    private final StateSpace space = new StateSpace(model.subjectIds(), Population.DOMAINS);
    private final double[] probability = model.probabilities(space);
    /** "yyyy-MM-dd" of FIRST_SEND_DATE + i, for every date a send or a response can have. */
    private final String[] dates;
    /** Days from FIRST_SEND_DATE to the first date of each weekday code. */
    private final int[] firstOfWeekday = new int[DAYS];

    public CampaignLogGenerator(GeneratorSettings settings) {
        this.settings = settings;
        int sendDays = (int) (LAST_SEND_DATE.toEpochDay() - FIRST_SEND_DATE.toEpochDay()) + 1;
        if (sendDays != WEEKS * DAYS) {
            throw new IllegalStateException("the send dates must span whole weeks");
        }
        dates = new String[sendDays + MAX_RESPONSE_DELAY_DAYS];
        for (int i = 0; i < dates.length; i++) {
            dates[i] = FIRST_SEND_DATE.plusDays(i).toString();
        }
        for (int day = 0; day < DAYS; day++) {
            firstOfWeekday[day] = Math.floorMod(day - Binning.dayCode(FIRST_SEND_DATE), DAYS);
        }
        if (space.subjectId(space.size(Attribute.SUBJECT) - 1) >= SUBJECT_SLOTS) {
            throw new IllegalStateException("subject ids must be below " + SUBJECT_SLOTS);
        }
    }

    /** Writes sent_emails.csv, responded.csv, userbase.csv and truth.json into dir (created if needed). */
    public GenerationReport writeTo(Path dir, GenerationProgress progress) throws IOException {
        Files.createDirectories(dir);
        Run run = new Run();
        try (Writer users = open(dir.resolve(USERBASE));
                Writer sent = open(dir.resolve(SENT_EMAILS));
                Writer responded = open(dir.resolve(RESPONDED))) {
            users.write("Customer_ID,Gender,Type,Email_Address,Age,Tenure\n");
            sent.write("Sent_Date,Customer_ID,SubjectLine_ID\n");
            responded.write("Responded_Date,Customer_ID,SubjectLine_ID\n");
            SplittableRandom rng = new SplittableRandom(settings.seed());
            int id = FIRST_CUSTOMER_ID;
            for (int done = 1; done <= settings.customers(); done++) {
                id += 1 + rng.nextInt(3);
                run.customer(Population.draw(id, rng), rng, users, sent, responded);
                if (done % PROGRESS_EVERY == 0 || done == settings.customers()) {
                    progress.progress(done, settings.customers());
                }
            }
        }
        double expectedRate = model.expectedRespondedSendRate(space);
        TruthJson.write(dir.resolve(TRUTH), settings, model, space, probability, expectedRate);
        return new GenerationReport(settings.customers(), run.sends, run.responses, run.pairs,
                run.respondedPairs, run.respondedSends, expectedRate);
    }

    private static Writer open(Path file) throws IOException {
        return new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8),
                BUFFER_CHARS);
    }

    /**
     * The scratch arrays and tallies of one generation. A customer's rows are held as
     * {@code daysSinceFirstSendDate * SUBJECT_SLOTS + subjectId}, so sorting them sorts by date.
     */
    private final class Run {
        final int[] weekdays = new int[DAYS];
        final int[] weeks = new int[WEEKS];
        final int[] sendRows = new int[SUBJECT_SLOTS * WEEKS];
        final int[] responseRows = new int[SUBJECT_SLOTS * WEEKS * 3];
        int sendCount;
        int responseCount;
        long sends;
        long responses;
        long pairs;
        long respondedPairs;
        long respondedSends;

        void customer(Population.Customer c, SplittableRandom rng, Writer users, Writer sent, Writer responded)
                throws IOException {
            String id = Integer.toString(c.id());
            users.write(id + ',' + c.gender() + ',' + c.type() + ',' + c.email() + ',' + c.age() + ','
                    + c.tenure() + '\n');
            // the cell's codes in state-vector order; subject and day are filled in per pair
            int[] cell = {0, 0, Binning.tenureCode(c.tenure()),
                Population.DOMAINS.indexOf(Binning.emailDomain(c.email())), Binning.ageCode(c.age()),
                Binning.genderCode(c.gender()), Binning.typeCode(c.type())};
            for (int day = 0; day < DAYS; day++) {
                weekdays[day] = day;
            }
            int weekdaysTaken = 0;
            sendCount = 0;
            responseCount = 0;
            for (int subjectCode = 0; subjectCode < space.size(Attribute.SUBJECT); subjectCode++) {
                int sendsOfPair = Math.min(poisson(SENDS_PER_PAIR, rng), WEEKS);
                if (sendsOfPair > 0) {
                    cell[0] = subjectCode;
                    cell[1] = takeOne(weekdays, weekdaysTaken++, rng);
                    pair(space.subjectId(subjectCode), cell[1], sendsOfPair, probability[space.indexOfCodes(cell)],
                            rng);
                }
            }
            writeRows(sent, sendRows, sendCount, id);
            writeRows(responded, responseRows, responseCount, id);
            sends += sendCount;
            responses += responseCount;
        }

        /** The sends of one (customer, subject) pair, on one weekday in distinct weeks, and its responses. */
        private void pair(int subjectId, int weekday, int sendsOfPair, double responseProbability,
                SplittableRandom rng) {
            boolean responds = rng.nextDouble() < responseProbability;
            for (int w = 0; w < WEEKS; w++) {
                weeks[w] = w;
            }
            for (int i = 0; i < sendsOfPair; i++) {
                int sendDay = firstOfWeekday[weekday] + DAYS * takeOne(weeks, i, rng);
                sendRows[sendCount++] = sendDay * SUBJECT_SLOTS + subjectId;
                if (responds) {
                    double u = rng.nextDouble();
                    int answers = u < THIRD_RESPONSE ? 3 : u < SECOND_RESPONSE ? 2 : 1;
                    for (int a = 0; a < answers; a++) {
                        int responseDay = sendDay + rng.nextInt(MAX_RESPONSE_DELAY_DAYS + 1);
                        responseRows[responseCount++] = responseDay * SUBJECT_SLOTS + subjectId;
                    }
                }
            }
            pairs++;
            if (responds) {
                respondedPairs++;
                respondedSends += sendsOfPair;
            }
        }

        private void writeRows(Writer out, int[] rows, int count, String customerId) throws IOException {
            Arrays.sort(rows, 0, count);
            for (int i = 0; i < count; i++) {
                out.write(dates[rows[i] / SUBJECT_SLOTS]);
                out.write(',');
                out.write(customerId);
                out.write(',');
                out.write(Integer.toString(rows[i] % SUBJECT_SLOTS));
                out.write('\n');
            }
        }
    }

    /** Moves a uniformly chosen element of values[taken..] to values[taken] and returns it. */
    private static int takeOne(int[] values, int taken, SplittableRandom rng) {
        int j = taken + rng.nextInt(values.length - taken);
        int chosen = values[j];
        values[j] = values[taken];
        values[taken] = chosen;
        return chosen;
    }

    /** Knuth's multiplication method; fine for a small mean. */
    private static int poisson(double mean, SplittableRandom rng) {
        double limit = Math.exp(-mean);
        int k = 0;
        double product = rng.nextDouble();
        while (product > limit) {
            k++;
            product *= rng.nextDouble();
        }
        return k;
    }
}
