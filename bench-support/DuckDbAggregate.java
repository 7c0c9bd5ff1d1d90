import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * The benchmark's yardstick: DuckDB aggregates the three logs into cells with the SQL rules of
 * data/verify-aggregation.sh (responses de-duplicated per pair, every send of a responded pair responded,
 * sends to unknown customers dropped, customers without a code dropped, domains coded by byte order), and
 * reads every cell back. Prints "cells N sends S responded R".
 *
 * <p>Benchmark-only: compiled and run by ./bench against org.duckdb:duckdb_jdbc, which the application
 * never depends on. Usage: java -cp duckdb_jdbc.jar:CLASSES DuckDbAggregate DATA_DIR
 */
public final class DuckDbAggregate {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]).toAbsolutePath();
        String sql = """
                with customer as (
                    select Customer_ID as customer_id,
                           case Gender when 'F' then 0 when 'M' then 1 end as gender,
                           case Type when 'B' then 0 when 'C' then 1 end as type,
                           lower(nullif(trim(regexp_extract(Email_Address, '@([^@]*)$', 1), ' \t\n\u000b\f\r'), ''))
                               as domain,
                           least(Tenure // 5, 6) as tenure_group,
                           case when Age < 20 then 0 when Age < 25 then 1 when Age < 35 then 2
                                when Age < 45 then 3 else 4 end as age_group
                    from read_csv('%1$s/userbase.csv', header = true, columns = {'Customer_ID': 'INTEGER',
                        'Gender': 'VARCHAR', 'Type': 'VARCHAR', 'Email_Address': 'VARCHAR', 'Age': 'INTEGER',
                        'Tenure': 'INTEGER'})
                    where Age >= 0 and Tenure >= 0
                ), coded as (
                    select * from customer where gender is not null and type is not null and domain is not null
                ), domain_code as (
                    -- DuckDB compares strings byte by byte unless told otherwise, as the script's collate "C"
                    select domain, (row_number() over (order by domain) - 1)::int as code
                    from (select distinct domain from coded)
                ), responded_pair as (
                    select distinct SubjectLine_ID as subjectline_id, Customer_ID as customer_id
                    from read_csv('%1$s/responded.csv', header = true, columns = {'Responded_Date': 'DATE',
                        'Customer_ID': 'INTEGER', 'SubjectLine_ID': 'INTEGER'})
                )
                select s.SubjectLine_ID, c.gender, c.type, d.code, c.tenure_group, c.age_group,
                       (isodow(s.Sent_Date) - 1)::int as sent_day,
                       count(r.customer_id) as response_received, count(*) as sent_emails
                from read_csv('%1$s/sent_emails.csv', header = true, columns = {'Sent_Date': 'DATE',
                    'Customer_ID': 'INTEGER', 'SubjectLine_ID': 'INTEGER'}) s
                join coded c on c.customer_id = s.Customer_ID
                join domain_code d on d.domain = c.domain
                left join responded_pair r on r.subjectline_id = s.SubjectLine_ID and r.customer_id = s.Customer_ID
                group by all
                order by 1, 2, 3, 4, 5, 6, 7
                """.formatted(dir.toString().replace("'", "''"));
        long cells = 0;
        long sends = 0;
        long responded = 0;
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                cells++;
                responded += rows.getLong(8);
                sends += rows.getLong(9);
            }
        }
        System.out.println("cells " + cells + " sends " + sends + " responded " + responded);
    }
}
