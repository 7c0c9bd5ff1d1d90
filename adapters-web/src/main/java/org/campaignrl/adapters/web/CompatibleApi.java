package org.campaignrl.adapters.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.campaignrl.application.InvalidCommandException;
import org.campaignrl.application.port.in.CampaignAudienceQuery;
import org.campaignrl.application.port.in.CampaignAudienceQuery.CampaignAudience;
import org.campaignrl.application.port.in.CampaignAudienceQuery.CampaignAudienceCommand;
import org.campaignrl.application.port.in.NextActionQuery;
import org.campaignrl.application.port.in.NextActionQuery.NextAction;
import org.campaignrl.application.port.in.NextActionQuery.NextActionCommand;
import org.campaignrl.domain.Attribute;

/**
 * The two endpoints existing clients of the reference service call, in the shapes they expect.
 * Every answer names the model version it came from in the {@value #MODEL_VERSION_HEADER} header.
 */
final class CompatibleApi {
    static final String MODEL_VERSION_HEADER = "X-Model-Version";

    private final NextActionQuery nextAction;
    private final CampaignAudienceQuery campaignAudience;
    private final ObjectMapper mapper;

    CompatibleApi(NextActionQuery nextAction, CampaignAudienceQuery campaignAudience, ObjectMapper mapper) {
        this.nextAction = nextAction;
        this.campaignAudience = campaignAudience;
        this.mapper = mapper;
    }

    void register(RoutesConfig routes) {
        routes.post("/get-next-action", this::getNextAction);
        routes.get("/campaign-audience", this::getCampaignAudience);
        routes.post("/campaign-audience", this::getCampaignAudience);
    }

    private void getNextAction(Context ctx) {
        JsonBody body = JsonBody.parse(mapper, ctx.body());
        NextAction answer = nextAction.nextAction(
                new NextActionCommand(body.requiredIntArray("state"), body.requiredInt("action")));
        ctx.header(MODEL_VERSION_HEADER, Long.toString(answer.modelId()));
        ctx.json(new NextActionView(answer.nextAction()));
    }

    private void getCampaignAudience(Context ctx) {
        CampaignAudience audience = campaignAudience.audience(new CampaignAudienceCommand(subjectId(ctx)));
        ctx.header(MODEL_VERSION_HEADER, Long.toString(audience.modelId()));
        ctx.json(CampaignAudienceView.of(audience));
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

    record NextActionView(@JsonProperty("next_action") int nextAction) {
    }

    /** {@code {"campaign-audience": {"Email Subject": …, "Audience Permutations": [ … ]}}} */
    record CampaignAudienceView(@JsonProperty("campaign-audience") Body campaignAudience) {
        static CampaignAudienceView of(CampaignAudience audience) {
            List<Permutation> permutations = audience.steps().stream()
                    .map(step -> new Permutation(profile(step.profile()), round(step.conversion())))
                    .toList();
            return new CampaignAudienceView(new Body(audience.subjectLabel(), permutations));
        }

        /** Keys in alphabetical order, as the reference service's JSON had them. */
        private static Map<String, String> profile(Map<Attribute, String> labels) {
            Map<String, String> byName = new java.util.TreeMap<>();
            labels.forEach((attribute, label) -> byName.put(attribute.displayName(), label));
            return new LinkedHashMap<>(byName);
        }

        private static double round(double rate) {
            return Math.round(rate * 10_000) / 10_000.0;
        }

        @JsonPropertyOrder({"Email Subject", "Audience Permutations"})
        record Body(@JsonProperty("Email Subject") String emailSubject,
                    @JsonProperty("Audience Permutations") List<Permutation> audiencePermutations) {
        }

        @JsonPropertyOrder({"audience-profile", "expected-conversions"})
        record Permutation(@JsonProperty("audience-profile") Map<String, String> audienceProfile,
                           @JsonProperty("expected-conversions") double expectedConversions) {
        }
    }
}
