package org.campaignrl.domain.campaign;

import java.util.SplittableRandom;
import org.campaignrl.domain.Attribute;
import org.campaignrl.domain.Cells;
import org.campaignrl.domain.StateSpace;
import org.campaignrl.domain.ranking.Synthetic;

/**
 * A seeded synthetic world for campaign tests: customers with random profiles, a known response probability per
 * state (main effects on the logit as the generator's, and one planted segment), and the historical cells those
 * customers' past sends made (each (customer, subject) pair sent 1–3 times on one weekday, responding with its
 * state's probability, as the generator does).
 */
final class World {
    final StateSpace space = Synthetic.SPACE;
    final CustomerProfiles customers;
    final double[] truth;
    final Cells cells;

    World(int customerCount, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        truth = new double[space.size()];
        for (int s = 0; s < truth.length; s++) {
            int[] codes = space.codesOf(s);
            double logit = Synthetic.BASE[codes[0]];
            for (int p = 1; p < Attribute.COUNT; p++) {
                logit += Synthetic.EFFECTS[p][codes[p]];
            }
            // Saturday gmail.com consumers, subject 2: what main effects cannot see.
            if (codes[0] == 1 && codes[1] == 5 && codes[3] == 2 && codes[6] == 1) {
                logit += 2.1;
            }
            truth[s] = 1 / (1 + Math.exp(-logit));
        }
        CustomerProfiles.Builder builder = CustomerProfiles.builder(customerCount);
        long[] sends = new long[space.size()];
        long[] responses = new long[space.size()];
        for (int i = 0; i < customerCount; i++) {
            int tenure = random.nextInt(7);
            int domain = random.nextInt(6);
            int age = random.nextInt(5);
            int gender = random.nextInt(2);
            int type = random.nextInt(2);
            // Ids with gaps, added in no particular order.
            builder.add(1_000_000 - 3 * i, tenure, domain, age, gender, type);
            for (int subject = 0; subject < 3; subject++) {
                int day = random.nextInt(7);
                int count = 1 + random.nextInt(3);
                int state = space.indexOfCodes(subject, day, tenure, domain, age, gender, type);
                sends[state] += count;
                if (random.nextDouble() < truth[state]) {
                    responses[state] += count;
                }
            }
        }
        customers = builder.build();
        cells = new Cells(space, sends, responses);
    }

    /** The true probability of a customer (by position) for a subject (by code) on a day. */
    double truth(int position, int subjectCode, int day) {
        return truth[Audiences.state(space, subjectCode, day, customers.profileIndex(position, space))];
    }
}
