package org.campaignrl.adapters.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.campaignrl.adapters.web.CompatibleApi.CampaignAudienceView;
import org.campaignrl.application.port.in.CampaignAudienceUseCase.AudienceStep;
import org.campaignrl.application.port.in.CampaignAudienceUseCase.CampaignAudience;
import org.campaignrl.domain.Attribute;
import org.junit.jupiter.api.Test;

/** The compatible answers' bodies are the bytes Javalin's {@code ctx.json} sent: the mapper's String in UTF-8. */
class CompatibleApiViewTest {
    private static final ObjectMapper MAPPER = WebServer.jsonMapper();

    @Test
    void a_campaign_audience_body_is_the_bytes_ctx_json_sent_escapes_numbers_and_all() throws Exception {
        // Labels a data file could hold: quotes, backslashes, control characters, markup, non-ASCII, an emoji.
        CampaignAudience audience = new CampaignAudience(
                7,
                2,
                "Subject \"2\" \\ <b>é</b>",
                List.of(
                        step("< 20", "Business", 0.0), step("tab\there", "new\nline", 0.04),
                        step("ü € 😀", "\u0001\u001f", 1.0E-4), step("", "'single'", 0.123456789),
                        step("x", "y", 1.0), step("x", "y", Double.NaN)),
                "GOAL");
        CompatibleApi api = new CompatibleApi(null, command -> audience, MAPPER);

        CompatibleApi.Answer answer = api.campaignAudience(2);

        byte[] sent = answer.json().getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(
                MAPPER.writeValueAsString(CampaignAudienceView.of(audience)).getBytes(StandardCharsets.UTF_8), sent);
        assertTrue(answer.json().contains("😀"), "sent as UTF-8, not as an escaped surrogate pair: " + answer.json());
        assertEquals(7, answer.modelId());
    }

    @Test
    void the_profile_lists_its_attributes_alphabetically_as_the_reference_service_did() {
        CampaignAudienceView view = CampaignAudienceView.of(
                new CampaignAudience(7, 2, "s", List.of(step("< 20", "Business", 0.5)), "GOAL"));

        assertEquals(
                List.of("Age Group", "Customer Type", "Day of Week", "Email Domain", "Gender", "Tenure Group"),
                List.copyOf(view.campaignAudience()
                        .audiencePermutations()
                        .get(0)
                        .audienceProfile()
                        .keySet()));
    }

    private static AudienceStep step(String age, String type, double conversion) {
        Map<Attribute, String> profile = new EnumMap<>(Attribute.class);
        profile.put(Attribute.DAY, "Monday");
        profile.put(Attribute.TENURE, "< 5");
        profile.put(Attribute.DOMAIN, "aol.com");
        profile.put(Attribute.AGE, age);
        profile.put(Attribute.GENDER, "Female");
        profile.put(Attribute.TYPE, type);
        return new AudienceStep(new int[Attribute.COUNT], profile, 10, 1, conversion, false);
    }
}
