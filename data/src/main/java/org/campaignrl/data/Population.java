package org.campaignrl.data;

import java.util.List;
import java.util.SplittableRandom;
import org.campaignrl.domain.Attribute;
import org.campaignrl.domain.Binning;

/**
 * Who the customers are: the laws their attributes are drawn from, each attribute independent of
 * the others. {@link #share} gives the exact share of customers per attribute code, which is what
 * the expected response rate is computed from.
 */
final class Population {
    /** Sorted, so a domain's code is its index here, as in {@link org.campaignrl.domain.StateSpace}. */
    static final List<String> DOMAINS =
            List.of("aol.com", "comcast.net", "gmail.com", "hotmail.com", "msn.com", "yahoo.com");

    static final double[] DOMAIN_SHARES = {0.12, 0.11, 0.30, 0.16, 0.09, 0.22};
    static final double FEMALE_SHARE = 0.52;
    static final double BUSINESS_SHARE = 0.30;
    /** Age groups as {@link Binning#ageCode}: a group is drawn by its share, then an age uniformly within it. */
    static final int[] AGE_GROUP_FIRST = {16, 20, 25, 35, 45};

    static final int[] AGE_GROUP_LAST = {19, 24, 34, 44, 70};
    static final double[] AGE_GROUP_SHARES = {0.08, 0.14, 0.26, 0.24, 0.28};
    /** Tenure in years is uniform over 0..MAX_TENURE (so the group "> 30", 11 years wide, is the largest). */
    static final int MAX_TENURE = 40;

    private static final String[] SURNAMES = {
        "smith", "johnson", "williams", "brown", "jones", "garcia", "miller", "davis", "rodriguez", "martinez",
        "hernandez", "lopez", "gonzalez", "wilson", "anderson", "thomas", "taylor", "moore", "jackson", "martin",
        "lee", "perez", "thompson", "white", "harris", "sanchez", "clark", "ramirez", "lewis", "robinson",
        "walker", "young", "allen", "king", "wright", "scott", "torres", "nguyen", "hill", "flores",
        "green", "adams", "nelson", "baker", "hall", "rivera", "campbell", "mitchell", "carter", "doe",
    };

    record Customer(int id, String gender, String type, String email, int age, int tenure) {}

    private Population() {}

    static Customer draw(int id, SplittableRandom rng) {
        String gender = rng.nextDouble() < FEMALE_SHARE ? "F" : "M";
        String type = rng.nextDouble() < BUSINESS_SHARE ? "B" : "C";
        String domain = DOMAINS.get(pick(DOMAIN_SHARES, rng));
        String email = (char) ('a' + rng.nextInt(26)) + SURNAMES[rng.nextInt(SURNAMES.length)]
                + rng.nextInt(100_000, 1_000_000) + "@" + domain;
        int ageGroup = pick(AGE_GROUP_SHARES, rng);
        int age = rng.nextInt(AGE_GROUP_FIRST[ageGroup], AGE_GROUP_LAST[ageGroup] + 1);
        int tenure = rng.nextInt(MAX_TENURE + 1);
        return new Customer(id, gender, type, email, age, tenure);
    }

    /** Share of customers whose attribute (one of the five customer attributes) has this code. */
    static double share(Attribute attribute, int code) {
        return switch (attribute) {
            case SUBJECT, DAY -> throw new IllegalArgumentException(attribute + " is not a customer attribute");
            case TENURE -> tenureGroupShare(code);
            case DOMAIN -> DOMAIN_SHARES[code];
            case AGE -> AGE_GROUP_SHARES[code];
            case GENDER -> code == 0 ? FEMALE_SHARE : 1 - FEMALE_SHARE;
            case TYPE -> code == 0 ? BUSINESS_SHARE : 1 - BUSINESS_SHARE;
        };
    }

    private static double tenureGroupShare(int code) {
        int years = 0;
        for (int tenure = 0; tenure <= MAX_TENURE; tenure++) {
            if (Binning.tenureCode(tenure) == code) {
                years++;
            }
        }
        return (double) years / (MAX_TENURE + 1);
    }

    /** Index drawn with the given probabilities (which sum to 1). */
    static int pick(double[] shares, SplittableRandom rng) {
        double u = rng.nextDouble();
        for (int i = 0; i < shares.length - 1; i++) {
            u -= shares[i];
            if (u < 0) {
                return i;
            }
        }
        return shares.length - 1;
    }
}
