package org.campaignrl.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.campaignrl.domain.StateSpace;

/**
 * Reads back the per-cell true response probabilities of a {@code truth.json} this generator wrote.
 * The file's layout is our own (one {@code "s,d,t,e,a,g,c": p} per line under {@code "cells"}), so a
 * line reader is enough and keeps this module free of a JSON library.
 */
public final class TruthFile {
    private TruthFile() {}

    /**
     * One true probability per state of {@code space}; a state the file does not list gets NaN.
     *
     * @throws IllegalArgumentException when the file is not a truth file or names a domain the space lacks
     */
    public static double[] probabilities(Path file, StateSpace space) throws IOException {
        double[] truth = new double[space.size()];
        Arrays.fill(truth, Double.NaN);
        List<String> domains = null;
        boolean inCells = false;
        try (BufferedReader reader = Files.newBufferedReader(file)) {
            String line;
            while ((line = reader.readLine()) != null) {
                String text = line.trim();
                if (text.startsWith("\"domains\":")) {
                    domains = Arrays.stream(list(text))
                            .map(d -> d.replace("\"", ""))
                            .toList();
                } else if (text.startsWith("\"cells\":")) {
                    inCells = true;
                } else if (inCells && text.startsWith("\"")) {
                    if (domains == null) {
                        throw new IllegalArgumentException(file + ": no \"domains\" before \"cells\"");
                    }
                    put(truth, space, domains, text, file);
                } else if (inCells && text.startsWith("}")) {
                    inCells = false;
                }
            }
        }
        if (domains == null) {
            throw new IllegalArgumentException(file + " is not a truth.json of the campaign-rl generator");
        }
        return truth;
    }

    /**
     * The state space the truth was written for: its subject ids and domains (from the {@code "subjectIds"} and
     * {@code "domains"} lines).
     *
     * @throws IllegalArgumentException when the file is not a truth file
     */
    public static StateSpace space(Path file) throws IOException {
        int[] subjectIds = null;
        List<String> domains = null;
        try (BufferedReader reader = Files.newBufferedReader(file)) {
            String line;
            while ((line = reader.readLine()) != null && (subjectIds == null || domains == null)) {
                String text = line.trim();
                if (text.startsWith("\"subjectIds\":")) {
                    subjectIds = Arrays.stream(list(text))
                            .mapToInt(Integer::parseInt)
                            .toArray();
                } else if (text.startsWith("\"domains\":")) {
                    domains = Arrays.stream(list(text))
                            .map(d -> d.replace("\"", ""))
                            .toList();
                }
            }
        }
        if (subjectIds == null || domains == null) {
            throw new IllegalArgumentException(file + " is not a truth.json of the campaign-rl generator");
        }
        return new StateSpace(subjectIds, domains);
    }

    /** The trimmed items of a one-line JSON array. */
    private static String[] list(String line) {
        return Arrays.stream(line.substring(line.indexOf('[') + 1, line.lastIndexOf(']'))
                        .split(","))
                .map(String::trim)
                .toArray(String[]::new);
    }

    private static void put(double[] truth, StateSpace space, List<String> domains, String line, Path file) {
        int close = line.indexOf('"', 1);
        int[] vector = Arrays.stream(line.substring(1, close).split(","))
                .mapToInt(Integer::parseInt)
                .toArray();
        String value =
                line.substring(line.indexOf(':', close) + 1).replace(",", "").trim();
        int domainCode = space.domainCode(domains.get(vector[3]));
        if (domainCode < 0) {
            throw new IllegalArgumentException(file + ": domain " + domains.get(vector[3]) + " is not in the dataset");
        }
        vector[3] = domainCode;
        if (space.subjectCode(vector[0]) >= 0) {
            truth[space.indexOfVector(vector)] = Double.parseDouble(value);
        }
    }
}
