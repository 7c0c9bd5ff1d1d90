/**
 * The rules of the three logs that every ingest engine follows alike (the streaming CSV adapter, the Spark
 * adapter): the required columns, how a file's encoding and delimiter are decided and its header checked, what
 * an id, a date and UTF-8 are, and the reasons a row is rejected for. The binning of values into codes is the
 * domain's ({@code Binning}).
 */
package org.campaignrl.application.logs;
