package org.campaignrl.adapters.spark;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The path Spark is to read for a {@link Path} of the out-port. A local path becomes a {@code file:} URI; a URI
 * given on the command line ({@code hdfs://namenode/logs}, {@code s3a://bucket/logs}) arrives as a path whose
 * double slash the file system folded into one ({@code s3a:/bucket/logs}), and gets it back.
 */
final class SparkPaths {
    private static final Pattern FOLDED_URI = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]+):/+(.*)");

    private SparkPaths() {}

    static String of(Path path) {
        Matcher uri = FOLDED_URI.matcher(path.toString());
        if (!path.isAbsolute() && uri.matches() && !uri.group(1).equalsIgnoreCase("file")) {
            return uri.group(1) + "://" + uri.group(2);
        }
        return path.toAbsolutePath().toUri().toString();
    }
}
