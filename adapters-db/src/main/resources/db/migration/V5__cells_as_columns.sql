-- A dataset's cells as one row per part (training, held_out) instead of one row per cell: a dataset of
-- 17 640 cells is saved and loaded in one statement each instead of thousands of rows through two indexes.
-- The three binary columns are parallel arrays over the cells sent to, in ascending state order:
--   states     the state's index in the dataset's state space, 4-byte little-endian ints. The index is
--              StateSpace's: codes in vector order (subject, day, tenure, domain, age, gender, type), the
--              subject's and the domain's being their positions in the dataset's subject_ids and domains;
--              the model's q_table is laid out over the same indexes.
--   sends      8-byte little-endian longs
--   responses  8-byte little-endian longs
-- A part without any cell sent to has no row; cell_count is the number of cells in the arrays.
CREATE TABLE dataset_cells (
    dataset_id  BIGINT NOT NULL REFERENCES dataset (id),
    part        VARCHAR(16) NOT NULL CHECK (part IN ('training', 'held_out')),
    cell_count  INT NOT NULL,
    states      ${binary} NOT NULL,
    sends       ${binary} NOT NULL,
    responses   ${binary} NOT NULL,
    PRIMARY KEY (dataset_id, part)
);

-- The cells stored so far move over. For each cell row: its subject's code (how many ids come before it in
-- ",id,id,...,") and its domain's (how many line breaks come before it in the newline-separated list), the
-- state index from the codes (7 days, 7 tenure groups, the dataset's domains, 5 age groups, 2 genders,
-- 2 customer types), then each number's bytes, least significant first, as two hexadecimal digits, joined in
-- state order and turned into bytes by from_hex: neither database converts hexadecimal text to bytes in a way
-- the other understands, so SqlDialect defines from_hex for each, for this script only.
${create_from_hex};

INSERT INTO dataset_cells (dataset_id, part, cell_count, states, sends, responses)
SELECT dataset_id, part, COUNT(*) / 8,
       from_hex(STRING_AGG(CASE WHEN byte_number < 4 THEN
               SUBSTRING('0123456789abcdef', CAST(MOD(state / byte_weight / 16, 16) AS INT) + 1, 1)
               || SUBSTRING('0123456789abcdef', CAST(MOD(state / byte_weight, 16) AS INT) + 1, 1) END,
           '' ORDER BY state, byte_number)),
       from_hex(STRING_AGG(
               SUBSTRING('0123456789abcdef', CAST(MOD(sends / byte_weight / 16, 16) AS INT) + 1, 1)
               || SUBSTRING('0123456789abcdef', CAST(MOD(sends / byte_weight, 16) AS INT) + 1, 1),
           '' ORDER BY state, byte_number)),
       from_hex(STRING_AGG(
               SUBSTRING('0123456789abcdef', CAST(MOD(responses / byte_weight / 16, 16) AS INT) + 1, 1)
               || SUBSTRING('0123456789abcdef', CAST(MOD(responses / byte_weight, 16) AS INT) + 1, 1),
           '' ORDER BY state, byte_number))
FROM (
    SELECT dataset_id, part, sends, responses,
           ((((((subject_code * 7 + day_of_week) * 7 + tenure_group) * domain_count + domain_code) * 5
               + age_group) * 2 + gender) * 2 + customer_type) AS state
    FROM (
        SELECT dataset_id, part, sends, responses, day_of_week, tenure_group, age_group, gender, customer_type,
               LENGTH(subjects_before) - LENGTH(REPLACE(subjects_before, ',', '')) AS subject_code,
               LENGTH(domains_before) - LENGTH(REPLACE(domains_before, CHR(10), '')) AS domain_code,
               LENGTH(domains) - LENGTH(REPLACE(domains, CHR(10), '')) + 1 AS domain_count
        FROM (
            SELECT cell_row.*, dataset.domains,
                   SUBSTRING(',' || dataset.subject_ids || ',', 1,
                       POSITION(',' || CAST(cell_row.subject_id AS VARCHAR) || ',' IN ',' || dataset.subject_ids || ',')
                       - 1) AS subjects_before,
                   SUBSTRING(CHR(10) || dataset.domains || CHR(10), 1,
                       POSITION(CHR(10) || cell_row.email_domain || CHR(10) IN CHR(10) || dataset.domains || CHR(10))
                       - 1) AS domains_before
            FROM (
                SELECT 'training' AS part, dataset_cell.* FROM dataset_cell
                UNION ALL
                SELECT 'held_out' AS part, dataset_held_out_cell.* FROM dataset_held_out_cell
            ) cell_row
            JOIN dataset ON dataset.id = cell_row.dataset_id
        ) placed
    ) coded
) indexed
CROSS JOIN (VALUES (0, CAST(1 AS BIGINT)), (1, CAST(256 AS BIGINT)), (2, CAST(65536 AS BIGINT)),
                   (3, CAST(16777216 AS BIGINT)), (4, CAST(4294967296 AS BIGINT)), (5, CAST(1099511627776 AS BIGINT)),
                   (6, CAST(281474976710656 AS BIGINT)), (7, CAST(72057594037927936 AS BIGINT)))
    AS byte_of_number (byte_number, byte_weight)
GROUP BY dataset_id, part;

${drop_from_hex};

DROP TABLE dataset_held_out_cell;
DROP TABLE dataset_cell;
