-- Whether a model was trained until converged (then episodes is the most it could run) or for exactly episodes
-- episodes, as every model before this version was.
ALTER TABLE model ADD COLUMN until_converged BOOLEAN DEFAULT FALSE NOT NULL;
