package org.campaignrl.adapters.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import org.campaignrl.application.CampaignRl;
import org.campaignrl.application.InvalidCommandException;
import org.campaignrl.application.NotFoundException;
import org.campaignrl.application.model.CampaignPlan;
import org.campaignrl.application.port.in.CampaignsUseCase.CampaignDetails;
import org.campaignrl.application.port.in.ServingStatusUseCase.DatasetSummary;

/**
 * The Campaigns page (the plan form and the plans) and each plan's page with its readout. The form posts to
 * {@link Route#PLAN_FORM} and works without scripts; {@code campaigns.js} adds the live figures from
 * {@link Route#PREVIEW_CAMPAIGN}.
 */
final class CampaignPages {
    private final CampaignRl app;
    private final Pages pages;
    private final Clock clock;

    CampaignPages(CampaignRl app, Pages pages, Clock clock) {
        this.app = app;
        this.pages = pages;
        this.clock = clock;
    }

    void register(RoutesConfig routes) {
        Route.CAMPAIGNS_PAGE.register(routes, ctx -> list(ctx, null, null));
        Route.PLAN_FORM.register(routes, this::plan);
        Route.CAMPAIGN_PAGE.register(routes, this::show);
    }

    private void list(Context ctx, Fields submitted, String problem) {
        var status = app.servingStatus().status();
        DatasetSummary dataset =
                status.activeDataset().or(status::latestDataset).orElse(null);
        pages.render(
                ctx,
                "campaigns.jte",
                CampaignsPageView.of(
                        dataset,
                        app.campaigns().list(),
                        submitted,
                        CampaignsApi.today(clock),
                        problem == null && dataset == null
                                ? "No dataset yet: ingest campaign logs first (the Data page)."
                                : problem));
    }

    /** Post, then redirect to the plan, so that a reload does not plan again; a refused plan shows why. */
    private void plan(Context ctx) {
        Fields form = new Fields(ctx::formParam);
        try {
            CampaignPlan plan = app.planCampaign().plan(CampaignRequest.from(form, CampaignsApi.today(clock)));
            ctx.redirect(Route.CAMPAIGN_PAGE.pathWith(plan.id()), HttpStatus.SEE_OTHER);
        } catch (InvalidCommandException e) {
            ctx.status(HttpStatus.BAD_REQUEST);
            list(ctx, form, e.field() + ": " + e.problem());
        } catch (NotFoundException e) {
            ctx.status(HttpStatus.NOT_FOUND);
            list(ctx, form, e.getMessage());
        }
    }

    private void show(Context ctx) {
        CampaignDetails details;
        try {
            details = app.campaigns().show(DashboardApi.pathId(ctx, "id"));
        } catch (InvalidCommandException e) {
            ctx.status(HttpStatus.BAD_REQUEST);
            list(ctx, null, e.field() + ": " + e.problem());
            return;
        } catch (NotFoundException e) {
            ctx.status(HttpStatus.NOT_FOUND);
            list(ctx, null, e.getMessage());
            return;
        }
        pages.render(ctx, "campaign.jte", CampaignPageView.of(details));
    }
}
