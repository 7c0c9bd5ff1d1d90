package org.campaignrl.adapters.spark;

import static org.apache.spark.sql.functions.udf;

import java.time.LocalDate;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.campaignrl.application.logs.Ints;
import org.campaignrl.application.logs.IsoDates;
import org.campaignrl.domain.Binning;

/**
 * The shared rules for single values, as Spark functions: each calls the very method the CSV adapter's rules
 * follow ({@link Ints}, {@link IsoDates}, {@link Binning}), so that a value is an id, a date or a code for both
 * engines alike. Null (a Parquet null) is read as an empty value. Each answers null for "not one".
 */
final class Values {
    /** An int as {@link Ints#parse(String)} reads one: an optional sign and ASCII digits within the int range. */
    static final UserDefinedFunction INT = udf(
            (UDF1<String, Integer>) text -> {
                long value = Ints.parse(text == null ? "" : text);
                return value == Ints.NOT_AN_INT ? null : (int) value;
            },
            DataTypes.IntegerType);

    /** Days since 1970-01-01 of a date as {@link IsoDates#parse} reads one. */
    static final UserDefinedFunction EPOCH_DAY = udf(
            (UDF1<String, Long>) text -> {
                LocalDate date = IsoDates.parse(text == null ? "" : text);
                return date == null ? null : date.toEpochDay();
            },
            DataTypes.LongType);

    /** Monday = 0 … Sunday = 6. */
    static final UserDefinedFunction DAY_CODE = udf(
            (UDF1<Long, Integer>) epochDay -> epochDay == null ? null : IsoDates.dayCode(epochDay),
            DataTypes.IntegerType);

    /** Binning's gender code, -1 for anything else. */
    static final UserDefinedFunction GENDER_CODE =
            udf((UDF1<String, Integer>) text -> Binning.genderCode(text == null ? "" : text), DataTypes.IntegerType);

    /** Binning's type code, -1 for anything else. */
    static final UserDefinedFunction TYPE_CODE =
            udf((UDF1<String, Integer>) text -> Binning.typeCode(text == null ? "" : text), DataTypes.IntegerType);

    /** Binning's email domain, null where there is none. */
    static final UserDefinedFunction EMAIL_DOMAIN =
            udf((UDF1<String, String>) text -> Binning.emailDomain(text == null ? "" : text), DataTypes.StringType);

    // Spark may compute a value before the condition that guards it (CASE WHEN does not promise to short-circuit):
    // the codes of a negative or missing number are null rather than Binning's exception.

    /** Binning's tenure group of non-negative years. */
    static final UserDefinedFunction TENURE_CODE = udf(
            (UDF1<Integer, Integer>) years -> years == null || years < 0 ? null : Binning.tenureCode(years),
            DataTypes.IntegerType);

    /** Binning's age group of a non-negative age. */
    static final UserDefinedFunction AGE_CODE = udf(
            (UDF1<Integer, Integer>) age -> age == null || age < 0 ? null : Binning.ageCode(age),
            DataTypes.IntegerType);

    private Values() {}
}
