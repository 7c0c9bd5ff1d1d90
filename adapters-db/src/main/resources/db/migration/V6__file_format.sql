-- How each input file was read: its encoding and how it was chosen (CsvFormat.EncodingChoice), its delimiter and
-- whether it was given. NULL for files of datasets ingested before this version: "not recorded".
ALTER TABLE dataset_file ADD COLUMN encoding VARCHAR;
ALTER TABLE dataset_file ADD COLUMN encoding_choice VARCHAR;
ALTER TABLE dataset_file ADD COLUMN delimiter VARCHAR;
ALTER TABLE dataset_file ADD COLUMN delimiter_given BOOLEAN;
