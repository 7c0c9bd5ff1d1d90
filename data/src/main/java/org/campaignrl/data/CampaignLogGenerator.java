package org.campaignrl.data;

import java.io.IOException;
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
 * a Poisson law of mean the shape's sends per customer / 3 (4.96 / 3 by default), capped at {@value #WEEKS}. All sends of one (customer, subject)
 * pair fall on the same weekday, in distinct weeks, and different subject lines of a customer on
 * different weekdays. Every send of a pair therefore lies in one cell, and the pair responds with
 * that cell's probability: a cell's true probability is also its expected conversion once responses
 * are de-duplicated per pair. A responding pair answers each of its sends 0–7 days after it, and
 * repeats the answer with probability 0.30 (a third time with 0.05), or as the shape's response rows
 * per responder need ({@link ShapeCalibration}). In the grouped order each customer's sends and
 * responses are written in date order; in the random order every file is shuffled ({@link RowSink}).
 *
 * <p>Everything is drawn, in a fixed order, from one {@link SplittableRandom} seeded with the
 * settings' seed: the same settings give byte-identical files, and in the grouped order a smaller run
 * with the same seed is a prefix of a larger one.
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

    static final int MAX_RESPONSE_DELAY_DAYS = 7;
    static final int FIRST_CUSTOMER_ID = 100_000;

    private static final int PROGRESS_EVERY = 10_000;
    private static final int DAYS = 7;
    /** Subject ids are below this. */
    private static final int SUBJECT_SLOTS = 4;

    private final GeneratorSettings settings;
    private final StateSpace space = new StateSpace(ResponseModel.DEFAULT.subjectIds(), Population.DOMAINS);
    private final ShapeCalibration calibration;
    private final ResponseModel model;
    private final double[] probability;
    private final double sendsPerPair;
    /** {@code answerTails[a - 1]} = P(a responded send is answered more than a times). */
    private final double[] answerTails;
    /** "yyyy-MM-dd" of FIRST_SEND_DATE + i, for every date a send or a response can have. */
    private final String[] dates;
    /** Days from FIRST_SEND_DATE to the first date of each weekday code. */
    private final int[] firstOfWeekday = new int[DAYS];

    public CampaignLogGenerator(GeneratorSettings settings) {
        this.settings = settings;
        calibration = ShapeCalibration.of(ResponseModel.DEFAULT, space, settings.shape(), WEEKS);
        model = calibration.model();
        probability = model.probabilities(space);
        sendsPerPair = settings.shape().sendsPerPair(space.size(Attribute.SUBJECT));
        answerTails = calibration.answerTails();
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
        long customers = settings.customers();
        // the shuffles draw from a generator of their own, so both orders hold the same rows
        SplittableRandom shuffle = new SplittableRandom(settings.seed()).split();
        try (RowSink users = sink(
                        dir.resolve(USERBASE), "Customer_ID,Gender,Type,Email_Address,Age,Tenure", customers, shuffle);
                RowSink sent = sink(
                        dir.resolve(SENT_EMAILS),
                        "Sent_Date,Customer_ID,SubjectLine_ID",
                        Math.round(customers * settings.shape().sendsPerCustomer()),
                        shuffle);
                RowSink responded = sink(
                        dir.resolve(RESPONDED),
                        "Responded_Date,Customer_ID,SubjectLine_ID",
                        Math.round(customers * calibration.expectedResponseRowsPerCustomer()),
                        shuffle)) {
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
        TruthJson.write(dir.resolve(TRUTH), settings, calibration, space, probability, expectedRate);
        return new GenerationReport(
                settings.customers(),
                run.sends,
                run.responses,
                run.pairs,
                run.respondedPairs,
                run.respondedSends,
                run.responders,
                expectedRate);
    }

    private RowSink sink(Path file, String header, long expectedRows, SplittableRandom shuffle) throws IOException {
        return settings.shape().order() == LogShape.RowOrder.RANDOM
                ? RowSink.shuffled(file, header, expectedRows, shuffle.split())
                : RowSink.inOrder(file, header);
    }

    /**
     * The scratch arrays and tallies of one generation. A customer's rows are held as
     * {@code daysSinceFirstSendDate * SUBJECT_SLOTS + subjectId}, so sorting them sorts by date.
     */
    private final class Run {
        final int[] weekdays = new int[DAYS];
        final int[] weeks = new int[WEEKS];
        final int[] sendRows = new int[SUBJECT_SLOTS * WEEKS];
        final int[] responseRows = new int[SUBJECT_SLOTS * WEEKS * ShapeCalibration.MAX_ANSWERS];
        final StringBuilder line = new StringBuilder(64);
        int sendCount;
        int responseCount;
        long sends;
        long responses;
        long pairs;
        long respondedPairs;
        long respondedSends;
        long responders;

        void customer(Population.Customer c, SplittableRandom rng, RowSink users, RowSink sent, RowSink responded)
                throws IOException {
            String id = Integer.toString(c.id());
            line.setLength(0);
            users.row(line.append(id)
                    .append(',')
                    .append(c.gender())
                    .append(',')
                    .append(c.type())
                    .append(',')
                    .append(c.email())
                    .append(',')
                    .append(c.age())
                    .append(',')
                    .append(c.tenure()));
            // the cell's codes in state-vector order; subject and day are filled in per pair
            int[] cell = {
                0,
                0,
                Binning.tenureCode(c.tenure()),
                Population.DOMAINS.indexOf(Binning.emailDomain(c.email())),
                Binning.ageCode(c.age()),
                Binning.genderCode(c.gender()),
                Binning.typeCode(c.type())
            };
            for (int day = 0; day < DAYS; day++) {
                weekdays[day] = day;
            }
            int weekdaysTaken = 0;
            sendCount = 0;
            responseCount = 0;
            for (int subjectCode = 0; subjectCode < space.size(Attribute.SUBJECT); subjectCode++) {
                int sendsOfPair = Math.min(poisson(sendsPerPair, rng), WEEKS);
                if (sendsOfPair > 0) {
                    cell[0] = subjectCode;
                    cell[1] = takeOne(weekdays, weekdaysTaken++, rng);
                    pair(
                            space.subjectId(subjectCode),
                            cell[1],
                            sendsOfPair,
                            probability[space.indexOfCodes(cell)],
                            rng);
                }
            }
            writeRows(sent, sendRows, sendCount, id);
            writeRows(responded, responseRows, responseCount, id);
            sends += sendCount;
            responses += responseCount;
            if (responseCount > 0) {
                responders++;
            }
        }

        /** The sends of one (customer, subject) pair, on one weekday in distinct weeks, and its responses. */
        private void pair(
                int subjectId, int weekday, int sendsOfPair, double responseProbability, SplittableRandom rng) {
            boolean responds = rng.nextDouble() < responseProbability;
            for (int w = 0; w < WEEKS; w++) {
                weeks[w] = w;
            }
            for (int i = 0; i < sendsOfPair; i++) {
                int sendDay = firstOfWeekday[weekday] + DAYS * takeOne(weeks, i, rng);
                sendRows[sendCount++] = sendDay * SUBJECT_SLOTS + subjectId;
                if (responds) {
                    double u = rng.nextDouble();
                    int answers = 1;
                    while (answers <= answerTails.length && u < answerTails[answers - 1]) {
                        answers++;
                    }
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

        private void writeRows(RowSink out, int[] rows, int count, String customerId) throws IOException {
            Arrays.sort(rows, 0, count);
            for (int i = 0; i < count; i++) {
                line.setLength(0);
                out.row(line.append(dates[rows[i] / SUBJECT_SLOTS])
                        .append(',')
                        .append(customerId)
                        .append(',')
                        .append(rows[i] % SUBJECT_SLOTS));
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
