/**
 * Reading one input log fast, and exactly as Commons CSV would: the contract of the CSV fast path, stated here
 * once.
 *
 * <p><b>What it is.</b> {@link org.campaignrl.adapters.csv.fastpath.LogFile} opens a log, checks its header and
 * streams its data rows to {@link org.campaignrl.adapters.csv.fastpath.RowHandler}s as
 * {@link org.campaignrl.adapters.csv.fastpath.Row}s: values as byte ranges (an accepted row costs no String),
 * parsed with {@link org.campaignrl.application.logs.Ints} and
 * {@link org.campaignrl.application.logs.IsoDates} without exceptions. Two paths read the rows: the fast
 * path, {@link org.campaignrl.adapters.csv.fastpath.PartedReader}, straight from the bytes in parts on all cores
 * (a profile of the ingest showed Commons CSV's reader, lexer and per-value Strings taking most of the time, while
 * the logs are plain lines of digits and letters), and Commons CSV, on one thread, for everything else.
 *
 * <p><b>The contract.</b>
 * <ol>
 *   <li><i>The same rows whichever path reads them.</i> Both paths hand the same rows, with the same values and
 *       the same physical line numbers, to the same handlers; so the rules, the counts, the rejects report and the
 *       cells do not depend on the path taken. {@code FastPathTest} and {@code BadInputCorpusTest} read every file
 *       both ways (and in tiny parts) and compare.</li>
 *   <li><i>The fast path reads only what it is sure of.</i> It takes a UTF-8 file split at commas, whose header
 *       is one physical line. A line without a quote is split at its commas (a CR before the LF dropped); a line
 *       whose quotes close on it is handed to Commons CSV alone. Anything else — a quote left open (a value may
 *       run over lines, a cut may fall inside it), a CR that is not part of a CRLF — throws
 *       {@code PartedReader.Unsure} before anything is reported or tallied, and the whole file is read again by
 *       Commons CSV.</li>
 *   <li><i>Bytes as they are.</i> A UTF-8 file reaches the rows as its own bytes on both paths (Commons CSV reads
 *       it through ISO-8859-1, which maps each byte to one char and back), so a row with a byte that is no UTF-8
 *       is rejected, the same row on both paths. A file in another encoding is decoded by Commons CSV and its
 *       rows hold their text as UTF-8.</li>
 *   <li><i>Memory bounded whatever a file holds.</i> No path holds more of one row than the line limit
 *       ({@code CsvFormat.maxLineBytes}): the fast path's buffers grow to the limit and then pass over the rest
 *       of the line; before Commons CSV, {@link org.campaignrl.adapters.csv.fastpath.LineLimitReader} follows the
 *       records as Commons CSV will cut them and stops one at the limit. Such a row is rejected "line too long",
 *       the lines after it keep their numbers; a header beyond the limit refuses the file.</li>
 *   <li><i>Line numbers in file order.</i> Each part counts its line breaks; its rejected rows wait in a
 *       {@link org.campaignrl.adapters.csv.fastpath.RejectBuffer} until the parts before it are counted, then go
 *       to the report in file order with their file lines.</li>
 *   <li><i>Every row accounted for.</i> Each row read is accepted or rejected for one reason
 *       ({@link org.campaignrl.adapters.csv.fastpath.Tally}); a handler that gives up on the whole file refuses it
 *       naming its line, which only a reading of the whole file in order can name.</li>
 * </ol>
 *
 * <p>The encoding and delimiter are decided before, from the file's first bytes ({@code FileFormat}); the rules
 * of each log (which columns, which values) live in its handler, outside this package: this package knows no log.
 */
package org.campaignrl.adapters.csv.fastpath;
