package org.campaignrl.adapters.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.campaignrl.application.InvalidCommandException;
import org.campaignrl.application.port.in.CampaignAudienceUseCase;
import org.campaignrl.application.port.in.CampaignAudienceUseCase.CampaignAudience;
import org.campaignrl.application.port.in.CampaignAudienceUseCase.CampaignAudienceCommand;
import org.campaignrl.application.port.in.NextActionUseCase;
import org.campaignrl.application.port.in.NextActionUseCase.NextAction;
import org.campaignrl.application.port.in.NextActionUseCase.NextActionCommand;
import org.campaignrl.domain.Attribute;

/**
 * The two endpoints existing clients of the reference service call, in the shapes they expect.
 * Every answer names the model version it came from in the {@value #MODEL_VERSION_HEADER} header.
 *
 * <p>Each request's work is a method without the HTTP context, so that CompatibleApiBenchmark measures it. The body
 * is the mapper's String, as {@code ctx.json} wrote it: the mapper's own byte writer would send a character beyond
 * the BMP (an emoji in a label) as an escaped surrogate pair rather than as UTF-8, changing the bytes.
 */
final class CompatibleApi {
    static final String MODEL_VERSION_HEADER = "X-Model-Version";

    private final NextActionUseCase nextAction;
    private final CampaignAudienceUseCase campaignAudience;
    private final ObjectMapper mapper;
    /** The last body written for each subject, and the answer it was written from. */
    private final Map<Integer, Written> audienceBodies = new ConcurrentHashMap<>();

    CompatibleApi(NextActionUseCase nextAction, CampaignAudienceUseCase campaignAudience, ObjectMapper mapper) {
        this.nextAction = nextAction;
        this.campaignAudience = campaignAudience;
        this.mapper = mapper;
    }

    void register(RoutesConfig routes) {
        Route.NEXT_ACTION.register(routes, ctx -> send(ctx, nextAction(ctx.body())));
        Route.CAMPAIGN_AUDIENCE.register(routes, this::getCampaignAudience);
        Route.CAMPAIGN_AUDIENCE_BY_POST.register(routes, this::getCampaignAudience);
    }

    private void getCampaignAudience(Context ctx) throws JsonProcessingException {
        send(ctx, campaignAudience(subjectId(ctx)));
    }

    /** A JSON body and the version of the model it came from. */
    record Answer(long modelId, String json) {}

    /** What one {@code POST /get-next-action} does, the network aside. */
    Answer nextAction(String body) throws JsonProcessingException {
        JsonBody request = JsonBody.parse(mapper, body, OpenApiSchemas.NEXT_ACTION_FIELDS);
        NextAction answer = nextAction.nextAction(
                new NextActionCommand(request.requiredIntArray("state"), request.requiredInt("action")));
        return new Answer(answer.modelId(), mapper.writeValueAsString(new NextActionView(answer.nextAction())));
    }

    /**
     * What one {@code /campaign-audience} request does once its subject id is read. The use case hands out the same
     * answer until the served model changes; while it does, the body written from it is the same too.
     */
    Answer campaignAudience(int subjectId) throws JsonProcessingException {
        CampaignAudience audience = campaignAudience.audience(new CampaignAudienceCommand(subjectId));
        Written last = audienceBodies.get(subjectId);
        if (last != null && last.audience() == audience) {
            return last.answer();
        }
        Answer answer = new Answer(audience.modelId(), mapper.writeValueAsString(CampaignAudienceView.of(audience)));
        audienceBodies.put(subjectId, new Written(audience, answer));
        return answer;
    }

    private record Written(CampaignAudience audience, Answer answer) {}

    private static void send(Context ctx, Answer answer) {
        ctx.header(MODEL_VERSION_HEADER, Long.toString(answer.modelId()));
        ctx.contentType(ContentType.APPLICATION_JSON).result(answer.json());
    }

    /** From the query string, as the reference service read it, for GET and POST alike. */
    private static int subjectId(Context ctx) {
        String raw = ctx.queryParam("subjectId");
        if (raw == null || raw.isBlank()) {
            throw new InvalidCommandException("subjectId", "is required, e.g. ?subjectId=2");
        }
        try {
            return Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw new InvalidCommandException("subjectId", "must be an integer, was '" + raw + "'");
        }
    }

    record NextActionView(@JsonProperty("next_action") int nextAction) {}

    /** {@code {"campaign-audience": {"Email Subject": …, "Audience Permutations": [ … ]}}} */
    record CampaignAudienceView(
            @JsonProperty("campaign-audience") Body campaignAudience) {
        /** Keys in alphabetical order, as the reference service's JSON had them: the attributes sorted once. */
        private static final List<Attribute> BY_NAME = Arrays.stream(Attribute.values())
                .sorted(Comparator.comparing(Attribute::displayName))
                .toList();

        static CampaignAudienceView of(CampaignAudience audience) {
            List<Permutation> permutations = audience.steps().stream()
                    .map(step -> new Permutation(profile(step.profile()), round(step.conversion())))
                    .toList();
            return new CampaignAudienceView(new Body(audience.subjectLabel(), permutations));
        }

        private static Map<String, String> profile(Map<Attribute, String> labels) {
            Map<String, String> byName = new LinkedHashMap<>();
            for (Attribute attribute : BY_NAME) {
                String label = labels.get(attribute);
                if (label != null) {
                    byName.put(attribute.displayName(), label);
                }
            }
            return byName;
        }

        private static double round(double rate) {
            return Math.round(rate * 10_000) / 10_000.0;
        }

        @JsonPropertyOrder({"Email Subject", "Audience Permutations"})
        record Body(
                @JsonProperty("Email Subject") String emailSubject,
                @JsonProperty("Audience Permutations") List<Permutation> audiencePermutations) {}

        @JsonPropertyOrder({"audience-profile", "expected-conversions"})
        record Permutation(
                @JsonProperty("audience-profile") Map<String, String> audienceProfile,
                @JsonProperty("expected-conversions") double expectedConversions) {}
    }
}
