-- Ingests may set sends aside for held-out evaluation: the split that did it, and the held-out cells,
-- laid out like dataset_cell (the training cells) over the same state space.
ALTER TABLE dataset ADD COLUMN split_kind VARCHAR(16) DEFAULT 'NONE' NOT NULL;
ALTER TABLE dataset ADD COLUMN split_held_out_from DATE;
ALTER TABLE dataset ADD COLUMN split_held_out_share DOUBLE PRECISION;
ALTER TABLE dataset ADD COLUMN split_seed BIGINT;

CREATE TABLE dataset_held_out_cell (
    dataset_id     BIGINT NOT NULL REFERENCES dataset (id),
    subject_id     INT NOT NULL,
    day_of_week    SMALLINT NOT NULL,
    tenure_group   SMALLINT NOT NULL,
    email_domain   VARCHAR NOT NULL,
    age_group      SMALLINT NOT NULL,
    gender         SMALLINT NOT NULL,
    customer_type  SMALLINT NOT NULL,
    sends          BIGINT NOT NULL,
    responses      BIGINT NOT NULL,
    PRIMARY KEY (dataset_id, subject_id, day_of_week, tenure_group, email_domain, age_group, gender, customer_type)
);
