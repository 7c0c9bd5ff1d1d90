#!/usr/bin/env bash
# Aggregates campaign logs into cells with plain SQL in PostgreSQL, independently of the Java
# ingest, and compares the result with a cells CSV the application exported.
#
#   usage: data/verify-aggregation.sh DATA_DIR EXPORTED_CSV
#
# DATA_DIR holds sent_emails.csv, responded.csv and userbase.csv. EXPORTED_CSV is in the layout
# SubjectLine_ID,Gender,Type,Email_Domain,Tenure_Group,Age_Group,Sent_Day,Response_Received,Sent_Emails
# (codes, one row per cell with at least one send, sorted by the first seven columns).
# Rules: responses de-duplicated per (SubjectLine_ID, Customer_ID); every send of a responded pair is
# a responded send; sends to customers not in the userbase are dropped, and so are customers whose
# gender, type, age, tenure or email domain has no code. Codes: day of week Monday=0; tenure
# least(years/5, 6); age <20:0, 20-24:1, 25-34:2, 35-44:3, >=45:4; domain = lower(trim(text after the
# last '@')), none when empty, coded by its index in the sorted (byte order) distinct domains of the
# userbase; gender F=0 M=1; type B=0 C=1. Customer_IDs in the userbase are taken to be unique.
#
# Connects with psql to 127.0.0.1, user postgres, database test (override with PGHOST, PGUSER,
# PGDATABASE, PGPORT). Works in temporary tables only, which vanish with its session.
# Exit 0 and "cells match: N rows" when identical; otherwise the first differences and exit 1.
set -euo pipefail

if [[ $# -ne 2 ]]; then
    echo "usage: $0 DATA_DIR EXPORTED_CSV" >&2
    exit 2
fi
data_dir=$1
exported=$2
for f in "$data_dir/sent_emails.csv" "$data_dir/responded.csv" "$data_dir/userbase.csv" "$exported"; do
    [[ -r $f ]] || { echo "cannot read $f" >&2; exit 2; }
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# A path as a psql single-quoted literal.
quoted() { local p; p=$(realpath -m "$1"); printf "'%s'" "${p//\'/\'\'}"; }

cat > "$work/cells.sql" <<SQL
create temp table userbase (customer_id int, gender text, type text, email_address text, age int, tenure int);
create temp table sent (sent_date date, customer_id int, subjectline_id int);
create temp table responded (responded_date date, customer_id int, subjectline_id int);
\copy userbase from $(quoted "$data_dir/userbase.csv") with (format csv, header true)
\copy sent from $(quoted "$data_dir/sent_emails.csv") with (format csv, header true)
\copy responded from $(quoted "$data_dir/responded.csv") with (format csv, header true)

create temp table customer as
select customer_id,
       case gender when 'F' then 0 when 'M' then 1 end as gender,
       case type when 'B' then 0 when 'C' then 1 end as type,
       -- as Binning.emailDomain: after the last '@', trimmed like Java's trim(), null when empty, lower-cased
       lower(nullif(btrim(substring(email_address from '@([^@]*)\$'),
                          ' ' || chr(9) || chr(10) || chr(11) || chr(12) || chr(13)), '')) as domain,
       least(tenure / 5, 6) as tenure_group,
       case when age < 20 then 0 when age < 25 then 1 when age < 35 then 2 when age < 45 then 3 else 4 end
           as age_group
from userbase
where age >= 0 and tenure >= 0;
delete from customer where gender is null or type is null or domain is null;

create temp table domain_code as
select domain, (row_number() over (order by domain collate "C") - 1)::int as code
from (select distinct domain from customer) d;

create temp table responded_pair as
select distinct subjectline_id, customer_id from responded;

create temp table cell as
select s.subjectline_id,
       c.gender,
       c.type,
       d.code as email_domain,
       c.tenure_group,
       c.age_group,
       (extract(isodow from s.sent_date) - 1)::int as sent_day,
       count(r.customer_id) as response_received,
       count(*) as sent_emails
from sent s
join customer c on c.customer_id = s.customer_id
join domain_code d on d.domain = c.domain
left join responded_pair r on r.subjectline_id = s.subjectline_id and r.customer_id = s.customer_id
group by 1, 2, 3, 4, 5, 6, 7;

\copy (select * from cell order by 1, 2, 3, 4, 5, 6, 7) to $(quoted "$work/cells.csv") with (format csv)
SQL

psql -h "${PGHOST:-127.0.0.1}" -p "${PGPORT:-5432}" -U "${PGUSER:-postgres}" -d "${PGDATABASE:-test}" \
    -X -q -v ON_ERROR_STOP=1 -f "$work/cells.sql"

expected_header="SubjectLine_ID,Gender,Type,Email_Domain,Tenure_Group,Age_Group,Sent_Day,Response_Received,Sent_Emails"
header=$(head -n 1 "$exported")
if [[ $header != "$expected_header" ]]; then
    echo "warning: $exported has header '$header', expected '$expected_header'" >&2
fi
tail -n +2 "$exported" > "$work/exported.csv"

if diff "$work/cells.csv" "$work/exported.csv" > "$work/diff.txt"; then
    echo "cells match: $(wc -l < "$work/cells.csv") rows"
    exit 0
fi
echo "cells differ: SQL has $(wc -l < "$work/cells.csv") rows, $exported has $(wc -l < "$work/exported.csv")"
echo "first differences (< SQL, > exported):"
head -n 20 "$work/diff.txt"
if cmp -s <(sort "$work/cells.csv") <(sort "$work/exported.csv"); then
    echo "(the same rows in a different order)"
elif grep -q $'\r' "$work/exported.csv"; then
    echo "(the exported file has CRLF line endings)"
fi
exit 1
