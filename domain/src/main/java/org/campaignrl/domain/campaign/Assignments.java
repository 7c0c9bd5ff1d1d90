package org.campaignrl.domain.campaign;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Consumer;

/**
 * A plan's customers as four primitive columns by position, customer ids ascending and distinct (each customer at
 * most once in a plan): id, group code, send date (epoch day), predicted probability. 17 bytes a customer, no
 * object per customer; {@link #get} and {@link #iterator} make one {@link Assignment} at a time. Immutable.
 */
public final class Assignments implements Iterable<Assignment> {
    private final int[] customerIds;
    private final byte[] groups;
    private final int[] sendDays;
    private final double[] probabilities;

    private Assignments(int[] customerIds, byte[] groups, int[] sendDays, double[] probabilities) {
        this.customerIds = customerIds;
        this.groups = groups;
        this.sendDays = sendDays;
        this.probabilities = probabilities;
    }

    public static Builder builder(int expected) {
        return new Builder(expected);
    }

    public static Assignments empty() {
        return builder(0).build();
    }

    public int size() {
        return customerIds.length;
    }

    public int customerId(int position) {
        return customerIds[position];
    }

    public Group group(int position) {
        return Group.ofCode(groups[position]);
    }

    public LocalDate sendDate(int position) {
        return LocalDate.ofEpochDay(sendDays[position]);
    }

    /** The send date as days since 1970-01-01. */
    public int sendEpochDay(int position) {
        return sendDays[position];
    }

    public double probability(int position) {
        return probabilities[position];
    }

    public Assignment get(int position) {
        return new Assignment(customerIds[position], group(position), sendDate(position), probabilities[position]);
    }

    /** The position of a customer, or −1 when the customer is not in the plan. */
    public int positionOf(int customerId) {
        int position = Arrays.binarySearch(customerIds, customerId);
        return position >= 0 ? position : -1;
    }

    /** How many customers are in a group. */
    public long count(Group group) {
        long count = 0;
        byte code = group.code();
        for (byte g : groups) {
            if (g == code) {
                count++;
            }
        }
        return count;
    }

    /** The customer ids, ascending: a copy. */
    public int[] customerIds() {
        return customerIds.clone();
    }

    /** The earliest send date, or null for an empty plan. */
    public LocalDate firstSendDate() {
        if (sendDays.length == 0) {
            return null;
        }
        int first = Integer.MAX_VALUE;
        for (int day : sendDays) {
            first = Math.min(first, day);
        }
        return LocalDate.ofEpochDay(first);
    }

    @Override
    public Iterator<Assignment> iterator() {
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < customerIds.length;
            }

            @Override
            public Assignment next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return get(next++);
            }
        };
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Assignments that
                && Arrays.equals(customerIds, that.customerIds)
                && Arrays.equals(groups, that.groups)
                && Arrays.equals(sendDays, that.sendDays)
                && Arrays.equals(probabilities, that.probabilities);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(customerIds) * 31 + Arrays.hashCode(sendDays);
    }

    @Override
    public String toString() {
        return "Assignments[" + customerIds.length + " customers]";
    }

    /** Collects assignments in any order; {@link #build} sorts them by customer id and refuses a customer twice. */
    public static final class Builder implements Consumer<Assignment> {
        private int[] customerIds;
        private byte[] groups;
        private int[] sendDays;
        private double[] probabilities;
        private int size;

        private Builder(int expected) {
            int capacity = Math.max(16, expected);
            customerIds = new int[capacity];
            groups = new byte[capacity];
            sendDays = new int[capacity];
            probabilities = new double[capacity];
        }

        public Builder add(int customerId, Group group, int sendEpochDay, double probability) {
            if (!(probability >= 0 && probability <= 1)) {
                throw new IllegalArgumentException("probability must be within 0..1: " + probability);
            }
            if (size == customerIds.length) {
                int capacity = (int) Math.min(Integer.MAX_VALUE - 8L, customerIds.length * 2L);
                customerIds = Arrays.copyOf(customerIds, capacity);
                groups = Arrays.copyOf(groups, capacity);
                sendDays = Arrays.copyOf(sendDays, capacity);
                probabilities = Arrays.copyOf(probabilities, capacity);
            }
            customerIds[size] = customerId;
            groups[size] = group.code();
            sendDays[size] = sendEpochDay;
            probabilities[size] = probability;
            size++;
            return this;
        }

        public Builder add(int customerId, Group group, LocalDate sendDate, double probability) {
            return add(customerId, group, Math.toIntExact(sendDate.toEpochDay()), probability);
        }

        @Override
        public void accept(Assignment assignment) {
            add(assignment.customerId(), assignment.group(), assignment.sendDate(), assignment.probability());
        }

        public int size() {
            return size;
        }

        /** Sorted by customer id; a customer added twice is refused. */
        public Assignments build() {
            int[] order = SortedOrder.of(customerIds, size);
            int[] ids = new int[size];
            byte[] g = new byte[size];
            int[] days = new int[size];
            double[] p = new double[size];
            for (int i = 0; i < size; i++) {
                int from = order[i];
                ids[i] = customerIds[from];
                if (i > 0 && ids[i] == ids[i - 1]) {
                    throw new IllegalArgumentException("customer " + ids[i] + " is assigned twice");
                }
                g[i] = groups[from];
                days[i] = sendDays[from];
                p[i] = probabilities[from];
            }
            return new Assignments(ids, g, days, p);
        }
    }
}
