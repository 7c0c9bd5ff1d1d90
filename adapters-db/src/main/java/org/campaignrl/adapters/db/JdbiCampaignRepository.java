package org.campaignrl.adapters.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.campaignrl.application.model.CampaignPlan;
import org.campaignrl.application.model.CampaignReadout;
import org.campaignrl.application.port.out.CampaignRepository;
import org.campaignrl.domain.campaign.Assignment;
import org.campaignrl.domain.campaign.Assignments;
import org.campaignrl.domain.campaign.CalibrationRow;
import org.campaignrl.domain.campaign.CampaignSettings;
import org.campaignrl.domain.campaign.ControlTreatment;
import org.campaignrl.domain.campaign.Expectation;
import org.campaignrl.domain.campaign.Group;
import org.campaignrl.domain.campaign.GroupConversion;
import org.campaignrl.domain.campaign.Lift;
import org.campaignrl.domain.campaign.PlanFigures;
import org.campaignrl.domain.campaign.Readout;
import org.campaignrl.domain.estimators.ConversionInterval;
import org.campaignrl.domain.ranking.RankingMethod;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Plans in {@code campaign_plan}, their customers in {@code campaign_assignments} by chunks of binary columns
 * ({@link AssignmentChunks}), and their readouts in {@code campaign_readout} with a row per group and per
 * calibration bin beside each (V8).
 */
final class JdbiCampaignRepository implements CampaignRepository {
    private static final String PLAN_COLUMNS = "id, dataset_id, model_id, created_at, subject_id, budget, threshold, "
            + "send_day, ranking_method, exploration_share, control_share, control_treatment, seed, start_date, "
            + "eligible, audiences, target_customers, target_expected, target_lower, target_upper, explore_customers, "
            + "explore_expected, explore_lower, explore_upper, control_customers, control_expected, control_lower, "
            + "control_upper";
    private static final String SELECT_PLAN = "SELECT " + PLAN_COLUMNS + " FROM campaign_plan";

    private final Jdbi jdbi;

    JdbiCampaignRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public long save(CampaignPlan plan, Assignments assignments) {
        return jdbi.inTransaction(handle -> {
            // As MemoryCampaignRepository says it, rather than as the foreign key's violation.
            if (!exists(handle, "dataset", plan.datasetId())) {
                throw new IllegalArgumentException("plan refers to missing dataset " + plan.datasetId());
            }
            long id = insertPlan(handle, plan);
            AssignmentChunks.insert(handle, id, assignments);
            return id;
        });
    }

    @Override
    public Optional<CampaignPlan> find(long planId) {
        return jdbi.withHandle(handle -> handle.createQuery(SELECT_PLAN + " WHERE id = :id")
                .bind("id", planId)
                .map((row, context) -> plan(row))
                .findOne());
    }

    @Override
    public List<CampaignPlan> list() {
        return jdbi.withHandle(handle -> handle.createQuery(SELECT_PLAN + " ORDER BY id DESC")
                .map((row, context) -> plan(row))
                .list());
    }

    /** A chunk at a time, each read when the stream reaches it, on one connection until the stream ends. */
    @Override
    public Stream<Assignment> assignments(long planId) {
        return AssignmentChunks.stream(jdbi, planId);
    }

    @Override
    public Assignments loadAssignments(long planId) {
        return jdbi.withHandle(handle -> AssignmentChunks.load(handle, planId));
    }

    @Override
    public void saveReadout(CampaignReadout readout) {
        jdbi.useTransaction(handle -> {
            if (!exists(handle, "campaign_plan", readout.planId())) {
                throw new IllegalArgumentException("readout refers to missing plan " + readout.planId());
            }
            int position = handle.createQuery("SELECT COUNT(*) FROM campaign_readout WHERE plan_id = :id")
                    .bind("id", readout.planId())
                    .mapTo(Integer.class)
                    .one();
            insertReadout(handle, readout, position);
        });
    }

    @Override
    public List<CampaignReadout> readouts(long planId) {
        return jdbi.withHandle(handle -> {
            Map<Integer, List<GroupConversion>> groups = new HashMap<>();
            handle.createQuery("SELECT position, group_code, planned, sent, responded, rate, rate_lower, rate_upper, "
                            + "predicted FROM campaign_readout_group WHERE plan_id = :id "
                            + "ORDER BY position, group_position")
                    .bind("id", planId)
                    .map((row, context) -> Map.entry(
                            row.getInt("position"),
                            new GroupConversion(
                                    Group.ofCode(row.getInt("group_code")),
                                    row.getLong("planned"),
                                    row.getLong("sent"),
                                    row.getLong("responded"),
                                    interval(row),
                                    row.getDouble("predicted"))))
                    .forEach(entry -> groups.computeIfAbsent(entry.getKey(), k -> new ArrayList<>())
                            .add(entry.getValue()));
            Map<Integer, List<CalibrationRow>> calibration = new HashMap<>();
            handle.createQuery("SELECT position, from_predicted, to_predicted, sent, predicted, responded, rate, "
                            + "rate_lower, rate_upper FROM campaign_readout_calibration WHERE plan_id = :id "
                            + "ORDER BY position, bin")
                    .bind("id", planId)
                    .map((row, context) -> Map.entry(
                            row.getInt("position"),
                            new CalibrationRow(
                                    row.getDouble("from_predicted"),
                                    row.getDouble("to_predicted"),
                                    row.getLong("sent"),
                                    row.getDouble("predicted"),
                                    row.getLong("responded"),
                                    interval(row))))
                    .forEach(entry -> calibration
                            .computeIfAbsent(entry.getKey(), k -> new ArrayList<>())
                            .add(entry.getValue()));
            return handle.createQuery("SELECT * FROM campaign_readout WHERE plan_id = :id ORDER BY position")
                    .bind("id", planId)
                    .map((row, context) -> {
                        int position = row.getInt("position");
                        Optional<Readout> readout = row.getBoolean("sends_found")
                                ? Optional.of(new Readout(
                                        groups.getOrDefault(position, List.of()),
                                        lift(row),
                                        calibration.getOrDefault(position, List.of())))
                                : Optional.empty();
                        return new CampaignReadout(
                                planId, row.getLong("dataset_id"), SqlTime.instant(row, "made_at"), readout);
                    })
                    .list();
        });
    }

    private static boolean exists(Handle handle, String table, long id) {
        return handle.createQuery("SELECT COUNT(*) FROM " + table + " WHERE id = :id")
                        .bind("id", id)
                        .mapTo(Long.class)
                        .one()
                > 0;
    }

    // --- plans

    private static long insertPlan(Handle handle, CampaignPlan plan) {
        CampaignSettings settings = plan.settings();
        PlanFigures figures = plan.figures();
        var update = handle.createUpdate("INSERT INTO campaign_plan (dataset_id, model_id, created_at, subject_id, "
                        + "budget, threshold, send_day, ranking_method, exploration_share, control_share, "
                        + "control_treatment, seed, start_date, eligible, audiences, target_customers, target_expected, "
                        + "target_lower, target_upper, explore_customers, explore_expected, explore_lower, "
                        + "explore_upper, control_customers, control_expected, control_lower, control_upper) VALUES "
                        + "(:datasetId, :modelId, :createdAt, :subjectId, :budget, :threshold, :sendDay, :method, "
                        + ":explorationShare, :controlShare, :control, :seed, :startDate, :eligible, :audiences, "
                        + ":target_customers, :target_expected, :target_lower, :target_upper, :explore_customers, "
                        + ":explore_expected, :explore_lower, :explore_upper, :control_customers, :control_expected, "
                        + ":control_lower, :control_upper)")
                .bind("datasetId", plan.datasetId())
                .bindByType(
                        "modelId", plan.modelId().isPresent() ? plan.modelId().getAsLong() : null, Long.class)
                .bind("createdAt", SqlTime.utc(plan.createdAt()))
                .bind("subjectId", settings.subjectId())
                .bindByType(
                        "budget",
                        settings.budget().isPresent() ? settings.budget().getAsLong() : null,
                        Long.class)
                .bindByType(
                        "threshold",
                        settings.threshold().isPresent() ? settings.threshold().getAsDouble() : null,
                        Double.class)
                .bindByType(
                        "sendDay",
                        settings.day().map(day -> (short) day.getValue()).orElse(null),
                        Short.class)
                .bind("method", settings.method().name())
                .bind("explorationShare", settings.explorationShare())
                .bind("controlShare", settings.controlShare())
                .bind("control", settings.control().name())
                .bind("seed", settings.seed())
                .bind("startDate", settings.startDate())
                .bind("eligible", figures.eligible())
                .bind("audiences", figures.audiences());
        bindExpectation(update, "target", figures.target());
        bindExpectation(update, "explore", figures.explore());
        bindExpectation(update, "control", figures.control());
        return update.executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    private static void bindExpectation(
            org.jdbi.v3.core.statement.Update update, String group, Expectation expectation) {
        update.bind(group + "_customers", expectation.customers())
                .bind(group + "_expected", expectation.expected())
                .bind(group + "_lower", expectation.lower())
                .bind(group + "_upper", expectation.upper());
    }

    private static CampaignPlan plan(ResultSet row) throws SQLException {
        long budget = row.getLong("budget");
        OptionalLong budgetOrNone = row.wasNull() ? OptionalLong.empty() : OptionalLong.of(budget);
        double threshold = row.getDouble("threshold");
        OptionalDouble thresholdOrNone = row.wasNull() ? OptionalDouble.empty() : OptionalDouble.of(threshold);
        int day = row.getInt("send_day");
        Optional<DayOfWeek> dayOrNone = row.wasNull() ? Optional.empty() : Optional.of(DayOfWeek.of(day));
        CampaignSettings settings = new CampaignSettings(
                row.getInt("subject_id"),
                budgetOrNone,
                thresholdOrNone,
                dayOrNone,
                RankingMethod.valueOf(row.getString("ranking_method")),
                row.getDouble("exploration_share"),
                row.getDouble("control_share"),
                ControlTreatment.valueOf(row.getString("control_treatment")),
                row.getLong("seed"),
                row.getObject("start_date", LocalDate.class));
        long modelId = row.getLong("model_id");
        OptionalLong model = row.wasNull() ? OptionalLong.empty() : OptionalLong.of(modelId);
        PlanFigures figures = new PlanFigures(
                row.getLong("eligible"),
                row.getInt("audiences"),
                expectation(row, "target"),
                expectation(row, "explore"),
                expectation(row, "control"));
        return new CampaignPlan(
                row.getLong("id"),
                settings,
                row.getLong("dataset_id"),
                model,
                SqlTime.instant(row, "created_at"),
                figures);
    }

    private static Expectation expectation(ResultSet row, String group) throws SQLException {
        return new Expectation(
                row.getLong(group + "_customers"),
                row.getDouble(group + "_expected"),
                row.getDouble(group + "_lower"),
                row.getDouble(group + "_upper"));
    }

    // --- readouts

    private static void insertReadout(Handle handle, CampaignReadout readout, int position) {
        Optional<Lift> lift = readout.readout().flatMap(Readout::lift);
        handle.createUpdate("INSERT INTO campaign_readout (plan_id, position, dataset_id, made_at, sends_found, "
                        + "lift_absolute, lift_absolute_lower, lift_absolute_upper, lift_relative, lift_relative_lower, "
                        + "lift_relative_upper, incremental, incremental_lower, incremental_upper) VALUES (:planId, "
                        + ":position, :datasetId, :madeAt, :found, :absolute, :absoluteLower, :absoluteUpper, "
                        + ":relative, :relativeLower, :relativeUpper, :incremental, :incrementalLower, "
                        + ":incrementalUpper)")
                .bind("planId", readout.planId())
                .bind("position", position)
                .bind("datasetId", readout.datasetId())
                .bind("madeAt", SqlTime.utc(readout.madeAt()))
                .bind("found", readout.sendsFound())
                .bindByType("absolute", lift.map(Lift::absolute).orElse(null), Double.class)
                .bindByType("absoluteLower", lift.map(Lift::absoluteLower).orElse(null), Double.class)
                .bindByType("absoluteUpper", lift.map(Lift::absoluteUpper).orElse(null), Double.class)
                .bindByType("relative", lift.map(Lift::relative).orElse(null), Double.class)
                .bindByType("relativeLower", lift.map(Lift::relativeLower).orElse(null), Double.class)
                .bindByType("relativeUpper", lift.map(Lift::relativeUpper).orElse(null), Double.class)
                .bindByType("incremental", lift.map(Lift::incremental).orElse(null), Double.class)
                .bindByType("incrementalLower", lift.map(Lift::incrementalLower).orElse(null), Double.class)
                .bindByType("incrementalUpper", lift.map(Lift::incrementalUpper).orElse(null), Double.class)
                .execute();
        if (readout.readout().isEmpty()) {
            return;
        }
        Readout read = readout.readout().get();
        try (var groups = handle.prepareBatch("INSERT INTO campaign_readout_group (plan_id, position, "
                + "group_position, group_code, planned, sent, responded, rate, rate_lower, rate_upper, predicted) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < read.groups().size(); i++) {
                GroupConversion group = read.groups().get(i);
                groups.add(
                        readout.planId(),
                        position,
                        i,
                        (short) group.group().code(),
                        group.planned(),
                        group.sent(),
                        group.responded(),
                        group.conversion().rate(),
                        group.conversion().lower(),
                        group.conversion().upper(),
                        group.predicted());
            }
            if (groups.size() > 0) {
                groups.execute();
            }
        }
        try (var bins = handle.prepareBatch("INSERT INTO campaign_readout_calibration (plan_id, position, bin, "
                + "from_predicted, to_predicted, sent, predicted, responded, rate, rate_lower, rate_upper) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < read.calibration().size(); i++) {
                CalibrationRow bin = read.calibration().get(i);
                bins.add(
                        readout.planId(),
                        position,
                        i,
                        bin.fromPredicted(),
                        bin.toPredicted(),
                        bin.sent(),
                        bin.predicted(),
                        bin.responded(),
                        bin.observed().rate(),
                        bin.observed().lower(),
                        bin.observed().upper());
            }
            if (bins.size() > 0) {
                bins.execute();
            }
        }
    }

    private static Optional<Lift> lift(ResultSet row) throws SQLException {
        double absolute = row.getDouble("lift_absolute");
        if (row.wasNull()) {
            return Optional.empty();
        }
        return Optional.of(new Lift(
                absolute,
                row.getDouble("lift_absolute_lower"),
                row.getDouble("lift_absolute_upper"),
                row.getDouble("lift_relative"),
                row.getDouble("lift_relative_lower"),
                row.getDouble("lift_relative_upper"),
                row.getDouble("incremental"),
                row.getDouble("incremental_lower"),
                row.getDouble("incremental_upper")));
    }

    private static ConversionInterval interval(ResultSet row) throws SQLException {
        return new ConversionInterval(row.getDouble("rate"), row.getDouble("rate_lower"), row.getDouble("rate_upper"));
    }
}
