package org.campaignrl.application.port.in;

import static org.campaignrl.application.Validate.atLeast;
import static org.campaignrl.application.Validate.notNull;
import static org.campaignrl.application.Validate.within;

import java.util.List;
import java.util.Optional;
import org.campaignrl.application.InvalidCommandException;
import org.campaignrl.domain.Attribute;
import org.campaignrl.domain.ranking.RankingMethod;

/**
 * Audiences a campaign manager can act on: the served dataset's cells and segments for one subject
 * line, ranked conservatively, each with its interval and the responses to expect from a number of
 * emails; and the best day for the audience chosen.
 */
public interface RankAudiencesUseCase {

    RankedAudiences rank(RankAudiencesCommand command);

    /**
     * @param fixed  codes of the attributes the audience must have (slot 1..6 of the state vector), −1 for any;
     *               slot 0 is ignored (the subject line is {@code subjectId})
     * @param emails how many emails the expected responses are for
     */
    record RankAudiencesCommand(
            int subjectId,
            RankingMethod method,
            long minSends,
            double confidence,
            int[] fixed,
            int limit,
            long emails,
            int maxFixedInSegments) {
        public RankAudiencesCommand {
            notNull(method, "method");
            atLeast(minSends, 0, "minSends");
            within(confidence, 0, 1, "confidence");
            if (confidence == 0 || confidence == 1) {
                throw new InvalidCommandException("confidence", "must be strictly between 0 and 1");
            }
            fixed = fixed == null ? new int[] {-1, -1, -1, -1, -1, -1, -1} : fixed.clone();
            if (fixed.length != Attribute.COUNT) {
                throw new InvalidCommandException("fixed", "must have " + Attribute.COUNT + " slots");
            }
            within(limit, 1, 1000, "limit");
            atLeast(emails, 1, "emails");
            within(maxFixedInSegments, 1, Attribute.COUNT - 1, "maxFixedInSegments");
        }
    }

    record RankedAudiences(
            long datasetId,
            int subjectId,
            String subjectLabel,
            String method,
            double confidence,
            long emails,
            List<RankedAudience> cells,
            List<RankedAudience> segments,
            Optional<DayChoice> bestDay) {
        public RankedAudiences {
            cells = List.copyOf(cells);
            segments = List.copyOf(segments);
        }
    }

    /**
     * A cell or segment: per attribute its label or "any", its history, conversion with interval, the
     * ranking score, distinct customers (−1 when unknown), and the expected responses with their interval.
     */
    record RankedAudience(
            List<Integer> codes,
            List<String> labels,
            long sends,
            long responses,
            double conversion,
            double lower,
            double upper,
            double score,
            long customers,
            double expectedResponses,
            double expectedLower,
            double expectedUpper) {
        public RankedAudience {
            codes = List.copyOf(codes);
            labels = List.copyOf(labels);
        }
    }

    /** Conversion per day of week for the audience chosen, best first, and how sure the best is. */
    record DayChoice(List<DayRate> days, String certainty, double probabilityBestBeatsRunnerUp) {
        public DayChoice {
            days = List.copyOf(days);
        }
    }

    record DayRate(String day, long sends, long responses, double conversion, double lower, double upper) {}
}
